// A parsed taxonomy kept in a file beside the database, so a process that tags does not parse and validate the
// YAML again (some 0.2 s) while neither the taxonomy file nor its loader has changed; and the analyses of the
// taxonomy's words in a second file, so it does not analyze them again while neither they nor the analyzer changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { threadId } from 'node:worker_threads';
import type { Lang } from '../model.js';
// Types only: a crawl imports this file before it knows whether anything is new (a 304 run loads no analyzer).
import type { Analyzer, WordAnalysis } from './analyze.js';
import type { Taxonomy } from './types.js';

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
      const tmp = `${cacheFile}.${process.pid}.${threadId}.tmp`; // a crawl's two threads may both write it
      fs.writeFileSync(tmp, json);
      fs.renameSync(tmp, cacheFile);
    }
  } catch {
    // A cache that cannot be written costs the next process only the parse.
  }
  return value;
}

/** The file beside the taxonomy cache that keeps the analyses of the taxonomy's words. */
export function analysesCacheFile(): string | null {
  return cacheFile ? `${cacheFile.replace(/\.json$/, '')}.analyses.json` : null;
}

type StoredAnalysis = [Lang, string, WordAnalysis];

/**
 * Fill `analyzer`'s word cache with its analyses of the taxonomy's words from an earlier process (compiling the
 * terms then costs a few milliseconds instead of some 150 ms with Snowball and 300 ms with Voikko). Returns what to
 * call once the terms are compiled: on a miss it keeps the analyses the analyzer now holds. A hit needs the same
 * taxonomy words and the same `dependencies()` of the analyzer (analysisDependencies in analyze.ts: its name and
 * code, Snowball's version, Voikko's install); a file that is missing, corrupt, another's or unwritable is ignored and never fails the caller.
 */
export function primeAnalyzer(taxonomy: Pick<Taxonomy, 'version' | 'terms' | 'scopeTerms'>, analyzer: Analyzer, dependencies: () => string): () => void {
  const file = analysesCacheFile();
  if (!file || !analyzer.prime) return () => {};
  const words = taxonomyWords(taxonomy);
  let key: string;
  try {
    key = createHash('sha256').update(JSON.stringify([taxonomy.version, words])).update('\0').update(dependencies()).digest('hex');
  } catch {
    return () => {}; // What the analyses depend on cannot be read (a file of the analyzer's code is missing): no cache.
  }
  try {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { key?: unknown; analyses?: unknown };
    if (stored.key === key && Array.isArray(stored.analyses) && stored.analyses.every(isStoredAnalysis)) {
      for (const [lang, word, a] of stored.analyses) analyzer.prime(word, lang, a);
      return () => {};
    }
  } catch {
    // None yet, or unreadable: analyze, and keep the analyses afterwards.
  }
  return () => {
    try {
      const analyses: StoredAnalysis[] = words.map(([lang, word]) => [lang, word, analyzer.analyze(word, lang)]);
      const tmp = `${file}.${process.pid}.${threadId}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ key, analyses }));
      fs.renameSync(tmp, file);
    } catch {
      // A read-only folder costs the next process only the analyses.
    }
  };
}

/** The words compileTerms (match.ts) analyzes: each word of each term, `+` marks removed, in lower case. */
function taxonomyWords(taxonomy: Pick<Taxonomy, 'terms' | 'scopeTerms'>): [Lang, string][] {
  const seen = new Set<string>();
  const out: [Lang, string][] = [];
  for (const def of [...taxonomy.terms, ...taxonomy.scopeTerms]) {
    for (const w of def.text.split(' ')) {
      const lower = w.replace(/\+/g, '').toLowerCase();
      if (seen.has(`${def.lang} ${lower}`)) continue;
      seen.add(`${def.lang} ${lower}`);
      out.push([def.lang, lower]);
    }
  }
  return out;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

function isStoredAnalysis(v: unknown): v is StoredAnalysis {
  if (!Array.isArray(v) || v.length !== 3 || (v[0] !== 'fi' && v[0] !== 'sv') || typeof v[1] !== 'string') return false;
  const a = v[2] as Partial<WordAnalysis> | null;
  return typeof a === 'object' && a !== null && typeof a.key === 'string' && isStrings(a.pieceKeys)
    && Array.isArray(a.parts) && a.parts.every(isStrings);
}
