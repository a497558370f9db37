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

/**
 * Where the words of `text` that the search found are (start and end offsets). `seen` remembers each word's answer
 * in this language across the texts of one page (list rows repeat their words, and analysing a word is the dear part).
 */
export function searchRanges(text: string, lang: Lang, alts: SearchAlternative[], analyzer: Analyzer, seen = new Map<string, boolean>()): [number, number][] {
  if (!alts.length) return [];
  const out: [number, number][] = [];
  let cursor = 0;
  for (const t of tokenize(text)) {
    const at = text.indexOf(t.text, cursor);
    if (at === -1) continue;
    cursor = at + t.text.length;
    let found = seen.get(t.text);
    if (found === undefined) {
      found = hits(t.lower, alts) || t.pieces.some((p) => hits(p.toLowerCase(), alts)) ||
        indexTerms(t.text, lang, analyzer).split(' ').some((k) => k !== '' && hits(k, alts));
      seen.set(t.text, found);
    }
    if (found) out.push([at, at + t.text.length]);
  }
  return out;
}
