// Search recall over labelled (query, inflected text) pairs, through the real search path: the text indexed as the
// store indexes it (title + indexTerms in the migrated items_fts table) and the query built by searchQuery().
import { openDb } from '../src/store/db.js';
import type { Lang } from '../src/model.js';
import type { Analyzer } from '../src/tag/analyze.js';
import { indexTerms, searchQuery } from '../src/tag/index-terms.js';

/** One labelled pair: must `query` find `text`? */
export interface SearchPair {
  lang: Lang;
  query: string;
  text: string;
  match: boolean;
  pattern: string;
}

export interface SearchRecall {
  positives: number;
  found: number;
  recall: number;
  negatives: number;
  /** Negative pairs the query found (each one is a precision failure). */
  wronglyFound: string[];
  /** Positive pairs the query did not find. */
  missed: string[];
  /** Index terms per text word, on average (the search_terms growth). */
  termsPerWord: number;
}

/** Parse a pairs file; a bad line is an error naming the file and line. */
export function parsePairs(text: string, file: string): SearchPair[] {
  const out: SearchPair[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let p: Partial<SearchPair>;
    try {
      p = JSON.parse(line) as Partial<SearchPair>;
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    if ((p.lang !== 'fi' && p.lang !== 'sv') || typeof p.query !== 'string' || typeof p.text !== 'string' || typeof p.match !== 'boolean')
      throw new Error(`${file}:${i + 1}: needs lang (fi|sv), query, text and match (true|false)`);
    out.push({ lang: p.lang, query: p.query, text: p.text, match: p.match, pattern: p.pattern ?? '' });
  }
  return out;
}

/** Index every pair's text in one in-memory database and run every pair's query against it. */
export function searchRecall(pairs: SearchPair[], analyzer: Analyzer): SearchRecall {
  const db = openDb(':memory:');
  try {
    const insert = db.prepare('INSERT INTO items_fts (rowid, title, summary, search_terms) VALUES (?, ?, ?, ?)');
    // Every matching row, then the pair's own: FTS5 with MATCH and a rowid constraint together answered rows
    // other than the one asked for.
    const search = db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ?').pluck();
    let words = 0;
    let terms = 0;
    pairs.forEach((p, i) => {
      const t = indexTerms(p.text, p.lang, analyzer);
      words += p.text.split(/\s+/).length;
      terms += t === '' ? 0 : t.split(' ').length;
      insert.run(i + 1, p.text, '', t);
    });
    const missed: string[] = [];
    const wronglyFound: string[] = [];
    pairs.forEach((p, i) => {
      // The language is not given: the CLI guesses it from what was typed, as here.
      const q = searchQuery(p.query, analyzer);
      const hit = q !== null && (search.all(q) as number[]).includes(i + 1);
      const line = `${p.lang} "${p.query}" → "${p.text}" (${p.pattern}) query: ${q}`;
      if (p.match && !hit) missed.push(line);
      if (!p.match && hit) wronglyFound.push(line);
    });
    const positives = pairs.filter((p) => p.match).length;
    return {
      positives, found: positives - missed.length, recall: positives ? (positives - missed.length) / positives : 1,
      negatives: pairs.length - positives, wronglyFound, missed, termsPerWord: words ? terms / words : 0,
    };
  } finally {
    db.close();
  }
}
