// Which taxonomy file is read, and the loader's own code file, found without loading the loader: a crawl that finds
// nothing new checks its taxonomy by these files' times alone (app/taxonomy-check.ts).
import { existsSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);

/** The taxonomy's loader (taxonomy.ts, or taxonomy.js once built): its code is part of what a parse depends on. */
export const loaderFile = join(dirname(here), `taxonomy${extname(here)}`);

/** The taxonomy shipped with Lakivahti (feeds/taxonomy.yaml at the package root). */
export function shippedTaxonomyPath(): string {
  // src/tag/ and dist/src/tag/ both sit below the package root; walk up to the folder holding feeds/.
  let dir = dirname(here);
  for (let i = 0; i < 5; i++) {
    const candidate = join(dir, 'feeds', 'taxonomy.yaml');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve('feeds', 'taxonomy.yaml');
}

/** The taxonomy a feeds folder uses: its own taxonomy.yaml, or the shipped one when it has none. */
export function taxonomyFile(feedsDir?: string): string {
  const own = feedsDir === undefined ? null : join(feedsDir, 'taxonomy.yaml');
  return own !== null && existsSync(own) ? own : shippedTaxonomyPath();
}
