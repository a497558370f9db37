// V8 heap settings for a process that crawls once and ends (`lakivahti crawl`), set at run time: restarting node with
// flags would cost a second start-up. The two --max-* size flags are read only when a heap is made, so they cannot
// be used here; the growth factor is read at every collection, for every thread's heap. Other V8 flags set this late
// do nothing or worse (session 43): `--maglev` compiles nothing with Maglev (`--trace-opt`), the marking threads'
// number (`--concurrent-marking-max-worker-num`) stays what V8 planned at start, and `--single-threaded-gc` ends the
// process at its next full collection (V8's check on `concurrent_marking_handle_`), as `--no-parallel-marking` does
// (exit 133, "Check failed: heap()->concurrent_marking()->IsStopped()", session 57); `--no-parallel-scavenge` set
// with the others saved nothing (200 × 20 cold, CPU 1.000 of before). On node's command line (a launcher or `env -S`
// shebang) any V8 flag costs node's code cache instead: see defaultHeapFlagsWhileThreadStarts.
import v8 from 'node:v8';

/**
 * The young generation stays at its first size (V8 would let it grow to some 34 MB per thread, filled by each batch
 * of items and left resident). Measured quietly on the 10,000-item feed (bench:peer, 3 runs each): no flag 4.97 s and
 * 208 MB; this one 5.09 s and 181 MB; with `--heap-growing-percent=20` as well 5.44 s and 169 MB — the old generation
 * collected that much more often costs 7 % of the crawl for 12 MB. The old generation grows by half instead (V8's
 * default lets it double): since batches die young (see pipeline.ts) it holds little garbage, and on the 10,000-item
 * feed the peak fell from 145 MB to 139 MB at the same CPU time (3.36 s and 3.40 s; crawls interleaved, 4 each).
 */
/** V8's own interrupt budget (V8 11.3, Node 20): the bytecode a function runs before TurboFan may take it. */
const INTERRUPT_BUDGET = 67584;
const SMALL_HEAP_FLAGS = ['--semi-space-growth-factor=1', '--heap-growing-percent=50', `--interrupt-budget=${4 * INTERRUPT_BUDGET}`];
// The last one is not the heap's: a function is optimized by TurboFan only after four times V8's budget (66 kB) of its
// bytecode has run. TurboFan on V8's own threads was ~22 % of a cold crawl's CPU (perf, 200 new feeds of 20 items; the
// crawl's thread 36 %, the writer's 34 %), on two cores beside both: a one-off crawl ends before much of that code pays
// for itself. Set with the others, so it holds from the crawl's first body on and never while a thread starts (V8
// checks code caches against its flags). bench:peer's feeds, crawls interleaved, autogroup raised (session 55, load
// 24–38): 200 × 20 cold CPU 0.933–0.949 and wall 0.965–0.987 of before (A/A 0.992–1.015); the 10,000-item feed, whose
// tagging runs on the crawl's thread, CPU 0.991–1.025 and wall 1.002–1.047 (A/A 0.918–1.005), where it had margin on
// its target and 200 × 20 had none. Twice the budget moved nothing (sessions 49 and 55); eight times cut as much CPU
// but less wall.

let small = false;
/** Worker threads still starting (see defaultHeapFlagsWhileThreadStarts): the flags wait for them. */
let starting = 0;

/**
 * Keep this process's heaps small from now on (threads started later included: see writer-worker.ts). Only the first
 * call counts; while a thread starts, the flags are set only once it has started (V8's own values must hold then).
 */
export function keepHeapSmall(): void {
  if (small) return;
  small = true;
  if (starting === 0) applySmallHeapFlags();
}

/** Whether keepHeapSmall() was called in this process. */
export const heapKeptSmall = (): boolean => small;

/** Set the flags (again): V8 puts the growth factor back to 2 whenever a thread's heap is made, as a worker's is. */
export function applySmallHeapFlags(): void {
  for (const flag of SMALL_HEAP_FLAGS) v8.setFlagsFromString(flag);
}

/** V8's own values of SMALL_HEAP_FLAGS (V8 11.3, Node 20). */
const DEFAULT_HEAP_FLAGS = ['--semi-space-growth-factor=2', '--heap-growing-percent=0', `--interrupt-budget=${INTERRUPT_BUDGET}`];

/**
 * Before a worker thread starts: V8's own flag values back (if this process keeps its heap small), until the returned
 * function is called once the thread has started, which sets the small-heap flags again for every thread if
 * keepHeapSmall() was called before or meanwhile (a thread that knew at its start sets them itself too, after its
 * imports: see writer-worker.ts). Node compiles the modules of its own that each new thread loads (some 95 before
 * the thread's script runs) from a code cache built into node, and V8 takes that cache only while every flag has the
 * value it was made with: with these two set, each was compiled from its source again, some 50–70 ms of CPU at every
 * start of the writer thread (perf, 2026-12-04).
 * Meanwhile (V8 puts the growth factor back to 2 when the thread's heap is made anyway) the main thread's young
 * generation grows as V8's default lets it, and its old generation too: that window lasts until the thread's imports
 * are done (0.8 s of a cold crawl at load 7), so a crawl's main thread ends up with semi-spaces of 1, 2, 4 or
 * 8 MB by chance (the 10,000-item feed: 536 to 68 scavenges). Holding them at 4 MB, or at 8 MB, from the start saved
 * no CPU in paired crawls (session 43), so this is left as it is.
 */
export function defaultHeapFlagsWhileThreadStarts(): () => void {
  starting++;
  if (small) useDefaultHeapFlags();
  let done = false;
  return () => {
    if (done) return;
    done = true;
    starting--;
    heapFlagsAgain();
  };
}

/** V8's own values of the flags, whatever this process keeps (see writer-boot.cts, which then keeps compiled code). */
export function useDefaultHeapFlags(): void {
  for (const flag of DEFAULT_HEAP_FLAGS) v8.setFlagsFromString(flag);
}

/** The small-heap flags set again if this process keeps its heap small and no thread is starting (see writer.ts). */
export function heapFlagsAgain(): void {
  if (starting === 0 && small) applySmallHeapFlags();
}
