// Marking the words a search found: the alternatives of the store's FTS5 query, matched against each word's
// own search keys (tag/index-terms.ts), so a mark falls exactly where the index found the item.
import { tokenize, type Analyzer } from '../../tag/analyze.js';
import { indexTerms } from '../../tag/index-terms.js';
import type { Lang } from '../../model.js';

/** One alternative of a searched word: a whole term, or a prefix (`"pelastus"*`). */
export interface SearchAlternative {
  text: string;
  prefix: boolean;
}

/** The alternatives of every term of an FTS5 expression made by searchQuery ("a"* OR "b") AND (…). */
export function searchAlternatives(fts: string): SearchAlternative[] {
  const out: SearchAlternative[] = [];
  for (const m of fts.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) out.push({ text: m[1].replace(/""/g, '"'), prefix: m[2] === '*' });
  return out;
}

const hits = (word: string, alts: SearchAlternative[]) => alts.some((a) => (a.prefix ? word.startsWith(a.text) : word === a.text));

/** A word of a text where it stands, with every key a search may find it by: lowercased, its pieces, its index terms. */
interface PlacedWord {
  at: number;
  end: number;
  text: string;
  keys: string[];
}

/** How many texts' words are kept per analyzer (list rows' titles and summaries); all are dropped when full. */
const KEPT_TEXTS = 5000;
/**
 * Each text's words and their keys, per analyzer and language: they do not depend on the search, and the newest
 * items' titles and summaries come back in search after search (tokenizing them and finding each word's index terms
 * was most of marking a page's rows).
 */
const placed = new WeakMap<Analyzer, Map<string, PlacedWord[]>>();

function placedWords(text: string, lang: Lang, analyzer: Analyzer): PlacedWord[] {
  let texts = placed.get(analyzer);
  if (!texts) placed.set(analyzer, (texts = new Map()));
  const key = `${lang} ${text}`;
  let words = texts.get(key);
  if (words) return words;
  words = [];
  let cursor = 0;
  for (const t of tokenize(text)) {
    const at = text.indexOf(t.text, cursor);
    if (at === -1) continue;
    cursor = at + t.text.length;
    const keys = [t.lower, ...t.pieces.map((p) => p.toLowerCase()), ...indexTerms(t.text, lang, analyzer).split(' ').filter((k) => k !== '')];
    words.push({ at, end: cursor, text: t.text, keys });
  }
  if (texts.size >= KEPT_TEXTS) texts.clear();
  texts.set(key, words);
  return words;
}

/**
 * Where the words of `text` that the search found are (start and end offsets). `seen` remembers each word's answer
 * in this language across the texts of one page (list rows repeat their words).
 */
export function searchRanges(text: string, lang: Lang, alts: SearchAlternative[], analyzer: Analyzer, seen = new Map<string, boolean>()): [number, number][] {
  if (!alts.length) return [];
  const out: [number, number][] = [];
  for (const w of placedWords(text, lang, analyzer)) {
    let found = seen.get(w.text);
    if (found === undefined) {
      found = w.keys.some((k) => hits(k, alts));
      seen.set(w.text, found);
    }
    if (found) out.push([w.at, w.end]);
  }
  return out;
}
