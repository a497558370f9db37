// What bundle-worker.ts writes beside the writer thread's bundle and writer-boot.cts checks before it runs it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What bundle-worker.ts writes beside the bundle: the modules it holds (paths from this folder) and their hash. */
export interface BundleManifest {
  modules: string[];
  sha256: string;
}

/** The hash of these modules' texts, in this order (see BundleManifest). */
export function modulesHash(dir: string, modules: string[]): string {
  const hash = createHash('sha256');
  for (const file of modules) hash.update(fs.readFileSync(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}
