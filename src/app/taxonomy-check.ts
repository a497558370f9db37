// Whether a crawl's taxonomy can be read, also when no run needed the tag stage: a taxonomy that broke is named by
// every crawl (which then exits 1), not only by one that had new items to tag, so cron learns of it.
import fs from 'node:fs';
import { taxonomyError } from '../store/tag-build.js';
import type { AppContext } from './context.js';

/** The parsed taxonomy a crawl keeps beside its database (tag/taxonomy-cache.ts); none beside one in memory. */
export const taxonomyCacheFile = (dbFile: string): string | null => (dbFile === ':memory:' ? null : `${dbFile}.taxonomy-cache.json`);

/**
 * Read this thread's taxonomy through the copy kept beside the database from now on (the crawl's one place for it: the
 * tag stage and checkTaxonomy both come here). The cache's code (and node:crypto behind it) is loaded only now: a crawl
 * that finds nothing new, with a kept copy that vouches for the files, needs neither.
 */
export async function keepTaxonomyBeside(dbFile: string): Promise<void> {
  (await import('../tag/taxonomy-cache.js')).useTaxonomyCache(taxonomyCacheFile(dbFile));
}

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
    const kept = cacheFile ? fs.statSync(cacheFile).mtimeMs : 0;
    // ctime, not mtime: a file copied in with its old time (cp -p, a backup unpacked) has a new ctime. Strictly
    // before: a file changed within the clock's tick the cache was written in is read again.
    if ([taxonomyFile(ctx.feedsDir), loaderFile].every((f) => fs.statSync(f).ctimeMs < kept)) return;
  } catch {
    // Nothing kept yet, or a file gone: read it.
  }
  await keepTaxonomyBeside(ctx.dbFile);
  const { loadTaxonomy } = await import('../tag/taxonomy.js');
  try {
    loadTaxonomy(ctx.feedsDir);
  } catch (err) {
    ctx.configErrors.push(taxonomyError(err));
  }
}
