// Running a bundle made by bundle-worker.ts from V8's code cache: for the writer thread (writer-boot.cts) and for the
// crawl command (crawl-boot.cts). Without a bundle that matches the modules it was made of (`tsc` alone after an
// edit), the caller runs the ES modules as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { modulesCurrent, type BundleManifest } from './worker-bundle-manifest.cjs';

/** The text of the bundle `file`, if every module it was made of is still as it was (see modulesCurrent). */
export function currentBundle(file: string): string | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(`${file}.json`, 'utf8')) as BundleManifest;
    return modulesCurrent(path.dirname(file), manifest) ? fs.readFileSync(file, 'utf8') : null;
  } catch {
    return null;
  }
}

/** A bundle run: its exports, and keep() to write its compiled code to the cache when there was none usable. */
export interface BundleRun<E> {
  exports: E;
  /** Whether keep() would write anything (no cache file was named, or its cache was taken). */
  keeps: boolean;
  keep(): void;
}

/**
 * Run the bundle `file` whose text is `source` from the code cache at `cacheFile`, which starts with a key of the
 * bundle's text and node's version: V8 checks only a script's length and its own flags before it takes a cache.
 * keep() belongs after the work, so that the functions compiled meanwhile are kept too, under V8's own flag values
 * (the ones of the next start).
 */
export function runCached<E>(file: string, source: string, cacheFile: string | null, require: NodeJS.Require): BundleRun<E> {
  const key = createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest();
  let cachedData: Buffer | undefined;
  try {
    const kept = cacheFile === null ? null : fs.readFileSync(cacheFile);
    if (kept && kept.length > key.length && key.equals(kept.subarray(0, key.length))) cachedData = kept.subarray(key.length);
  } catch {
    /* none yet */
  }
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
  const script = new vm.Script(wrapped, { filename: file, cachedData });
  const bundled = { exports: {} as E };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundled.exports, require, bundled, file, path.dirname(file));
  const keeps = cacheFile !== null && (cachedData === undefined || script.cachedDataRejected === true);
  return {
    exports: bundled.exports,
    keeps,
    keep: () => {
      if (!keeps) return;
      try {
        const tmp = `${cacheFile}.${process.pid}.tmp`;
        fs.writeFileSync(tmp, Buffer.concat([key, script.createCachedData()]));
        fs.renameSync(tmp, cacheFile!); // another process reads the old file or the new one
      } catch {
        /* the next start compiles from source again */
      }
    },
  };
}
