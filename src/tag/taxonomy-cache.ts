// A parsed taxonomy kept in a file beside the database, so a process that tags does not parse and validate the
// YAML again (some 0.2 s) while neither the taxonomy file nor its loader has changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

let cacheFile: string | null = null;

/** Keep the parsed taxonomy in `file` from now on (null: parse every time, the default). */
export function useTaxonomyCache(file: string | null): void {
  cacheFile = file;
}

/**
 * `parse()` of a taxonomy through the cache. A hit needs the same taxonomy file, the same text and the same loader
 * (`loader()`: everything the parse depends on besides the text, such as the loader's own code); anything else, or
 * a cache that cannot be read, parses and validates again. Only what parsed (a valid taxonomy) is kept, and only when
 * it survives JSON unchanged; an invalid taxonomy throws on every load.
 */
export function throughCache<T>(text: string, file: string, loader: () => string, parse: () => T): T {
  if (!cacheFile) return parse();
  const key = createHash('sha256').update(loader()).update('\0').update(file).update('\0').update(text).digest('hex');
  try {
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as { key?: unknown; value?: T };
    if (stored.key === key && stored.value !== undefined) return stored.value;
  } catch {
    // None yet, or unreadable: parse.
  }
  const value = parse();
  try {
    const json = JSON.stringify({ key, value });
    if (isDeepStrictEqual((JSON.parse(json) as { value: T }).value, value)) {
      // Written whole and renamed, so a process reading it at the same time sees the old file or the new one.
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, json);
      fs.renameSync(tmp, cacheFile);
    }
  } catch {
    // A cache that cannot be written costs the next process only the parse.
  }
  return value;
}
