// The writer thread's entry (see workerWriter in writer.ts). Node 20 keeps no compiled code of ES modules between
// processes, so every start of the thread parsed and compiled its 46 modules of ours again on the crawl's critical
// path. The build bundles writer-worker.js and those modules into one CommonJS script (bundle-worker.ts), which this
// file compiles with the V8 code cache kept beside the database, and it keeps the cache at the thread's end when there
// was none (or V8 refused it). Without a bundle that matches the modules it was made of (`tsc` alone after an edit),
// the thread runs the ES modules as before.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { workerData } from 'node:worker_threads';
import { currentBundle, runCached } from './bundle-run.cjs';

const BUNDLE = path.join(__dirname, 'writer-bundle.cjs');

const source = currentBundle(BUNDLE);
const file = (workerData as { file: string }).file;
if (source === null) void import(pathToFileURL(path.join(__dirname, 'writer-worker.js')).href);
else {
  const run = runCached<{ whenClosed?: (keep: () => void) => void }>(BUNDLE, source, file === ':memory:' ? null : `${file}.writer-code-cache`, require);
  // Once the thread's work is done, so that the functions compiled while it worked are kept too (see whenClosed).
  if (run.keeps) run.exports.whenClosed?.(run.keep);
}
