// `lakivahti crawl`'s start (bin/lakivahti.js): the CLI and the crawl command's modules of ours (some 110) as one
// CommonJS script, crawl-bundle.cjs (bundleCrawl in bundle-worker.ts), compiled with the V8 code cache kept beside it,
// as the writer thread's are (writer-boot.cts): node 20 keeps no compiled code of ES modules between processes. The
// bundle holds its own copy of every module the CLI and the crawl share, and the process loads no other copy but
// global-options.cjs's, which this file reads first (two functions, no state); the other commands stay ES modules,
// loaded without it. Without a bundle that matches its modules, or for any other command, bundledMain() is null and
// bin/lakivahti.js imports main.js as before.
import path from 'node:path';
import type { BundleRun } from '../store/bundle-run.cjs';
import { pastGlobalOptions } from './global-options.cjs';

const BUNDLE = path.join(__dirname, 'crawl-bundle.cjs');
/** Beside the bundle: the crawl's database is not known before its modules have run. */
const CACHE = `${BUNDLE}.code-cache`;

/** Whether the command is `crawl`: the first argument past the global options, as args.ts's commandFirst finds it. */
export const isCrawl = (argv: readonly string[]): boolean => argv[pastGlobalOptions(argv)] === 'crawl';

type Exports = { main: (argv: string[]) => Promise<number>; useDefaultHeapFlags: () => void };
let run: BundleRun<Exports> | null = null;

/** The CLI's main() from the bundle, if the command line is a crawl's and the bundle is current; else null. */
export function bundledMain(argv: string[]): Exports['main'] | null {
  if (!isCrawl(argv)) return null;
  // Required here, not above: every other command starts through this file too, and needs none of it (node:crypto, node:vm).
  const { currentBundle, runCached } = require('../store/bundle-run.cjs') as typeof import('../store/bundle-run.cjs');
  const source = currentBundle(BUNDLE);
  if (source === null) return null;
  run = runCached<Exports>(BUNDLE, source, CACHE, require);
  return run.exports.main;
}

/**
 * After the command: keep the bundle's compiled code if there was no cache (or V8 refused it), under V8's own flag
 * values (a crawl keeps its heap small: see heap.ts), which the next process starts with.
 */
export function keepCompiledCode(): void {
  if (!run?.keeps) return;
  run.exports.useDefaultHeapFlags();
  run.keep();
}
