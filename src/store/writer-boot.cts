// The writer thread's entry (see workerWriter in writer.ts). Node 20 keeps no compiled code of ES modules between
// processes, so every start of the thread parsed and compiled its 46 modules of ours again on the crawl's critical
// path. The build bundles writer-worker.js and those modules into one CommonJS script (bundle-worker.ts), which this
// file compiles with the V8 code cache kept beside the database, and it keeps the cache at the thread's end when there
// was none (or V8 refused it). Without a bundle that matches the modules it was made of (`tsc` alone after an edit),
// the thread runs the ES modules as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { workerData } from 'node:worker_threads';
import { modulesHash, type BundleManifest } from './worker-bundle-manifest.cjs';

const BUNDLE = path.join(__dirname, 'writer-bundle.cjs');

/** The bundle's text, if every module it was made of is still as it was (~1 ms: 46 files, some 300 kB). */
function currentBundle(): string | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(`${BUNDLE}.json`, 'utf8')) as BundleManifest;
    return modulesHash(__dirname, manifest.modules) === manifest.sha256 ? fs.readFileSync(BUNDLE, 'utf8') : null;
  } catch {
    return null;
  }
}

/**
 * Run the bundle from the code cache at `cacheFile`, which starts with a key of the bundle's text and node's version:
 * V8 checks only a script's length and its own flags before it takes a cache.
 */
function runCached(source: string, cacheFile: string | null): void {
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest();
  let cachedData: Buffer | undefined;
  try {
    const kept = cacheFile === null ? null : fs.readFileSync(cacheFile);
    if (kept && kept.length > key.length && key.equals(kept.subarray(0, key.length))) cachedData = kept.subarray(key.length);
  } catch {
    /* none yet */
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: BUNDLE, cachedData });
  const bundled = { exports: {} as { whenClosed?: (keep: () => void) => void } };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundled.exports, require, bundled, BUNDLE, __dirname);
  if (cacheFile === null || (cachedData !== undefined && !script.cachedDataRejected)) return;
  // Once the thread's work is done, so that the functions compiled while it worked are kept too (see whenClosed).
  bundled.exports.whenClosed?.(() => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
      fs.renameSync(tmp, cacheFile); // another process reads the old file or the new one
    } catch {
      /* the next thread compiles from source again */
    }
  });
}

const source = currentBundle();
const file = (workerData as { file: string }).file;
if (source === null) void import(pathToFileURL(path.join(__dirname, 'writer-worker.js')).href);
else runCached(source, file === ':memory:' ? null : `${file}.writer-code-cache`);
