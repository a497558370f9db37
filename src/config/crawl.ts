// How wide a crawl runs: sources in flight at once, for `lakivahti crawl` and the scheduler alike.
import { asConfigError, envWhole } from '../env-flag.js';

/** Sources run at once unless LAKIVAHTI_CONCURRENCY says otherwise (newsboat's default is 8 threads, too). */
export const DEFAULT_CONCURRENCY = 8;
/** More would mostly add memory: parsing and tagging share one thread. */
const MAX_CONCURRENCY = 64;

/** Sources run at once, from LAKIVAHTI_CONCURRENCY (1–64, default 8). Per-host politeness is the fetcher's. */
export function crawlConcurrency(env: NodeJS.ProcessEnv = process.env): number {
  return asConfigError(() => envWhole(env, 'LAKIVAHTI_CONCURRENCY', DEFAULT_CONCURRENCY, 1, MAX_CONCURRENCY));
}
