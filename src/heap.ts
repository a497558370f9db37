// V8 heap settings for a process that crawls once and ends (`lakivahti crawl`), set at run time: restarting node with
// flags would cost a second start-up. The two --max-* size flags are read only when a heap is made, so they cannot
// be used here; the growth factor is read at every collection, for every thread's heap.
import v8 from 'node:v8';

/**
 * The young generation stays at its first size (V8 would let it grow to some 34 MB per thread, filled by each batch
 * of items and left resident). Measured quietly on the 10,000-item feed (bench:peer, 3 runs each): no flag 4.97 s and
 * 208 MB; this one 5.09 s and 181 MB; with `--heap-growing-percent=20` as well 5.44 s and 169 MB — the old generation
 * collected that much more often costs 7 % of the crawl for 12 MB. The old generation grows by half instead (V8's
 * default lets it double): since batches die young (see pipeline.ts) it holds little garbage, and on the 10,000-item
 * feed the peak fell from 145 MB to 139 MB at the same CPU time (3.36 s and 3.40 s; crawls interleaved, 4 each).
 */
const SMALL_HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=50'];

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
