// What bundle-worker.ts writes beside a bundle and bundle-run.cts checks before it runs it.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What bundle-worker.ts writes beside the bundle: the modules it holds (paths from this folder), their hash, and each
 * module's stamp when the hash was taken (absent when a module was written too shortly before, see stampModules).
 */
export interface BundleManifest {
  modules: string[];
  sha256: string;
  stamps?: string[];
}

/** The hash of these modules' texts, in this order (see BundleManifest). */
export function modulesHash(dir: string, modules: string[]): string {
  const hash = createHash('sha256');
  for (const file of modules) hash.update(fs.readFileSync(path.join(dir, file))).update('\0');
  return hash.digest('hex');
}

/**
 * A module's stamp: its size and its change time (ctime), which the kernel sets at every write, rename, link or chmod
 * and which, unlike mtime, no `touch`, `tar` or `cp -p` can set back. A copied build has new ctimes: its stamps
 * differ and its start hashes the modules, as before.
 */
function stamp(file: string): { text: string; ctimeNs: bigint } {
  const stat = fs.statSync(file, { bigint: true });
  return { text: `${stat.size}:${stat.ctimeNs}`, ctimeNs: stat.ctimeNs };
}

/**
 * How long after a module's last change its stamp is trusted: file times tick in steps of the kernel's clock (up to
 * 10 ms), so a module rewritten within the same step as its stamping would keep its stamp (git's "racily clean" case).
 */
const SETTLE_NS = 50_000_000n;

/** The modules' stamps, or undefined (check by hash only) when one was changed within SETTLE_NS of `nowNs`. */
export function stampModules(dir: string, modules: string[], nowNs: bigint = BigInt(Date.now()) * 1_000_000n): string[] | undefined {
  const stamps = modules.map((file) => stamp(path.join(dir, file)));
  return stamps.every((s) => nowNs - s.ctimeNs > SETTLE_NS) ? stamps.map((s) => s.text) : undefined;
}

/** The manifest of `modules`: stamped (after waiting for tsc's newest files to settle) unless one changed meanwhile. */
export async function manifestOf(dir: string, modules: string[]): Promise<BundleManifest> {
  let stamps = stampModules(dir, modules);
  if (stamps === undefined) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    stamps = stampModules(dir, modules);
  }
  const sha256 = modulesHash(dir, modules);
  const after = stampModules(dir, modules);
  return stamps !== undefined && after?.every((s, i) => s === stamps[i]) === true ? { modules, sha256, stamps } : { modules, sha256 };
}

/**
 * Whether the modules are still those the manifest was made of: their stamps all match (a stat each), or else their
 * hash does (every module read, ~2–6 ms of CPU for the crawl's 110 at each start).
 */
export function modulesCurrent(dir: string, manifest: BundleManifest): boolean {
  const { modules, stamps } = manifest;
  if (stamps?.length === modules.length && modules.every((file, i) => stamp(path.join(dir, file)).text === stamps[i])) return true;
  return modulesHash(dir, modules) === manifest.sha256;
}
