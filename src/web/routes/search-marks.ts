// Marking the words a search found: the alternatives of the store's FTS5 query, matched against each word's
// own search keys (tag/index-terms.ts), so a mark falls exactly where the index found the item.
import { wordsOf, wordToken, type Analyzer, type Token } from '../../tag/analyze.js';
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

/** How many words' index terms are kept per analyzer and language; all are dropped when full. */
const KEPT_WORDS = 50_000;
/**
 * Each word's index terms (tag/index-terms.ts), per analyzer and language: they depend only on the word, and a word
 * is asked for again in every search whose rows hold it. The texts themselves are tokenized anew for each page: kept
 * (5,000 texts' placed words until session 37), a search nobody repeats added its rows' texts to the kept ones,
 * which the next scavenge promoted to the old generation and a clear later dropped, a quarter of what such a
 * search's requests promoted.
 */
const wordTerms = new WeakMap<Analyzer, Partial<Record<Lang, Map<string, string[]>>>>();

/** Whether a search's alternatives find a word: by its lowercase form, its hyphen pieces or its index terms. */
function found(t: Token, lang: Lang, alts: SearchAlternative[], analyzer: Analyzer): boolean {
  if (hits(t.lower, alts)) return true;
  if (t.pieces.length > 1 && t.pieces.some((p) => hits(p.toLowerCase(), alts))) return true;
  let byLang = wordTerms.get(analyzer);
  if (!byLang) wordTerms.set(analyzer, (byLang = {}));
  const words = (byLang[lang] ??= new Map<string, string[]>());
  let terms = words.get(t.text);
  if (!terms) {
    terms = indexTerms(t.text, lang, analyzer).split(' ').filter((k) => k !== '');
    if (words.size >= KEPT_WORDS) words.clear();
    words.set(t.text, terms);
  }
  return terms.some((k) => hits(k, alts));
}

/**
 * Where the words of `text` that the search found are (start and end offsets). `seen` remembers each word's answer
 * in this language across the texts of one page (list rows repeat their words).
 */
export function searchRanges(text: string, lang: Lang, alts: SearchAlternative[], analyzer: Analyzer, seen = new Map<string, boolean>()): [number, number][] {
  if (!alts.length) return [];
  const out: [number, number][] = [];
  let cursor = 0;
  // The words alone, each found again from where the last ended (tokenize's way); a token only for a word this page
  // has not answered for yet.
  for (const w of wordsOf(text)) {
    // The words are read from the text as NFC: one written otherwise is not found where it stands, and not marked.
    const at = text.indexOf(w, cursor);
    if (at === -1) continue;
    cursor = at + w.length;
    let yes = seen.get(w);
    if (yes === undefined) seen.set(w, (yes = found(wordToken(w), lang, alts, analyzer)));
    if (yes) out.push([at, cursor]);
  }
  return out;
}
