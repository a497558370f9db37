// Whether a crawl's taxonomy can be read, also when no run needed the tag stage: a taxonomy that broke is named by
// every crawl (which then exits 1), not only by one that had new items to tag, so cron learns of it.
import fs from 'node:fs';
import { taxonomyError } from '../store/tag-build.js';
import type { AppContext } from './context.js';

/** The parsed taxonomy a crawl keeps beside its database (tag/taxonomy-cache.ts). */
export const taxonomyCacheFile = (dbFile: string): string => `${dbFile}.taxonomy-cache.json`;

/**
 * Add the taxonomy's error to ctx.configErrors unless it is there already or the taxonomy can be read. A kept parse
 * written after the taxonomy file and its loader last changed vouches for them (three stats: the cache keeps only a
 * taxonomy that parsed); otherwise the taxonomy is loaded through the cache (parsed, and kept when it is valid).
 */
export async function checkTaxonomy(ctx: Pick<AppContext, 'configErrors' | 'dbFile' | 'feedsDir'>): Promise<void> {
  if (ctx.configErrors.some((e) => e.file === 'taxonomy')) return;
  const { loaderFile, taxonomyFile } = await import('../tag/taxonomy-file.js');
  const cacheFile = taxonomyCacheFile(ctx.dbFile);
  try {
    const kept = fs.statSync(cacheFile).mtimeMs;
    // ctime, not mtime: a file copied in with its old time (cp -p, a backup unpacked) has a new ctime. Strictly
    // before: a file changed within the clock's tick the cache was written in is read again.
    if ([taxonomyFile(ctx.feedsDir), loaderFile].every((f) => fs.statSync(f).ctimeMs < kept)) return;
  } catch {
    // Nothing kept yet, or a file gone: read it.
  }
  (await import('../tag/taxonomy-cache.js')).useTaxonomyCache(cacheFile);
  const { loadTaxonomy } = await import('../tag/taxonomy.js');
  try {
    loadTaxonomy(ctx.feedsDir);
  } catch (err) {
    ctx.configErrors.push(taxonomyError(err));
  }
}
