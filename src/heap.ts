// V8 heap settings for a process that crawls once and ends (`lakivahti crawl`), set at run time: restarting node with
// flags would cost a second start-up. The two --max-* size flags are read only when a heap is made, so they cannot
// be used here; these two are read at every collection, for every thread's heap.
import v8 from 'node:v8';

/**
 * The young generation stays at its first size (V8 would let it grow to some 34 MB per thread, filled by each batch
 * of items and left resident) and the old generation grows by 20 % of what survived a full collection, not up to 4×.
 */
const SMALL_HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=20'];

let small = false;

/** Keep this process's heaps small from now on (threads started later included: see writer-worker.ts). */
export function keepHeapSmall(): void {
  small = true;
  applySmallHeapFlags();
}

/** Whether keepHeapSmall() was called in this process. */
export const heapKeptSmall = (): boolean => small;

/** Set the flags (again): V8 puts the growth factor back to 2 whenever a thread's heap is made, as a worker's is. */
export function applySmallHeapFlags(): void {
  for (const flag of SMALL_HEAP_FLAGS) v8.setFlagsFromString(flag);
}
