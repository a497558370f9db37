// Marking the words a search found: the alternatives of the store's FTS5 query, matched against each word's
// own search keys (tag/index-terms.ts), so a mark falls exactly where the index found the item.
import { tokenize, type Analyzer } from '../../tag/analyze.js';
import { indexTerms } from '../../tag/index-terms.js';
import { inPhrase } from '../../tag/fts.js';
import type { Lang } from '../../model.js';

/** One alternative of a searched word: a whole term, or a prefix (`"pelastus"*`); or a phrase of such terms. */
export interface SearchAlternative {
  text: string;
  prefix: boolean;
  /**
   * Found only among the words as written (`{title summary} : "lag"`), not among their search keys: a short stem
   * searched as written (Swedish lag, ord; Finnish lain), which lager, order and laina have as a key.
   */
  written?: boolean;
  /** A phrase (`"he" + "196" + "2026"*`): its terms found in words next to each other, as written (text is empty). */
  phrase?: { text: string; prefix: boolean }[];
}

/**
 * The alternatives of every term of an FTS5 expression made by searchQuery ("a"* OR "b") AND (…), and each phrase
 * ("ku"* + "talou"*) as one alternative of its terms: an identifier searched (HE 196/2026) is only a phrase, whose
 * words alone (196, 2026) must not be marked wherever they stand.
 */
export function searchAlternatives(fts: string): SearchAlternative[] {
  const out: SearchAlternative[] = [];
  let phrase: { text: string; prefix: boolean }[] | null = null;
  let end = 0;
  for (const m of fts.matchAll(/(?:\{([^}]*)\}\s*:\s*)?"((?:[^"]|"")*)"(\*?)/g)) {
    const term = { text: m[2].replace(/""/g, '"'), prefix: m[3] === '*' };
    const joined = phrase !== null && /^\s*\+\s*$/.test(fts.slice(end, m.index));
    end = m.index + m[0].length;
    if (joined) phrase!.push(term);
    else if (inPhrase(fts, m.index, m[0].length)) out.push({ text: '', prefix: false, phrase: (phrase = [term]) });
    else {
      phrase = null;
      const columns = m[1]?.trim().split(/\s+/);
      out.push({ ...term, ...(columns && !columns.includes('search_terms') ? { written: true } : {}) });
    }
  }
  return out;
}

/** Whether a term finds one of `keys`: a key that is the term, or for a prefix (`"pelastus"*`) one it starts. */
const findsKey = (keys: string[], term: { text: string; prefix: boolean }) => keys.some((k) => (term.prefix ? k.startsWith(term.text) : k === term.text));

/** A word as written: lowercased, and its hyphen-separated pieces lowercased. */
const writtenForms = (w: PlacedWord) => [w.lower, ...w.pieces.map((p) => p.toLowerCase())];

/** Whether a word is found by the search: by its keys (searchKeys), of which the first `written` are its written forms. */
const hits = (keys: string[], written: number, alts: SearchAlternative[]) => alts.some((a) => !a.phrase && findsKey(a.written ? keys.slice(0, written) : keys, a));

/** A word of a text where it stands, as tokenize read it (its lowercase form and hyphen-separated pieces). */
interface PlacedWord {
  at: number;
  end: number;
  text: string;
  lower: string;
  pieces: string[];
  /** Every key a search may find it by (lowercased, its pieces, its index terms), once asked for (searchKeys). */
  keys?: string[];
}

/** How many texts' words are kept per analyzer and language (list rows' titles and summaries); all are dropped when full. */
const KEPT_TEXTS = 5000;
/**
 * Each text's words where they stand, per analyzer and language: they do not depend on the search, and the newest
 * items' titles and summaries come back in search after search. Keyed by the text itself in a map per language (a key
 * made of language and text was a new string to hash for every title and summary of every page).
 */
const placed = new WeakMap<Analyzer, Partial<Record<Lang, Map<string, PlacedWord[]>>>>();

/** The map `kept` holds for `analyzer` and `lang`, made when first asked for. */
function keptFor<V>(kept: WeakMap<Analyzer, Partial<Record<Lang, Map<string, V>>>>, analyzer: Analyzer, lang: Lang): Map<string, V> {
  let byLang = kept.get(analyzer);
  if (!byLang) kept.set(analyzer, (byLang = {}));
  return (byLang[lang] ??= new Map());
}

function placedWords(text: string, lang: Lang, analyzer: Analyzer): PlacedWord[] {
  const texts = keptFor(placed, analyzer, lang);
  let words = texts.get(text);
  if (words) return words;
  words = [];
  let cursor = 0;
  for (const t of tokenize(text)) {
    const at = text.indexOf(t.text, cursor);
    if (at === -1) continue;
    cursor = at + t.text.length;
    words.push({ at, end: cursor, text: t.text, lower: t.lower, pieces: t.pieces });
  }
  if (texts.size >= KEPT_TEXTS) texts.clear();
  texts.set(text, words);
  return words;
}

/** How many words' index terms are kept per analyzer and language; all are dropped when full. */
const KEPT_WORDS = 50_000;
/**
 * Each word's index terms (tag/index-terms.ts), per analyzer and language: they depend only on the word, and a word
 * is asked for again in every search whose rows hold it, where the texts it stands in are each analysed anew.
 */
const wordTerms = new WeakMap<Analyzer, Partial<Record<Lang, Map<string, string[]>>>>();

/** The keys a search may find a placed word by: lowercased, its pieces, its index terms (computed once per word). */
function searchKeys(w: PlacedWord, lang: Lang, analyzer: Analyzer): string[] {
  if (w.keys) return w.keys;
  const words = keptFor(wordTerms, analyzer, lang);
  let terms = words.get(w.text);
  if (!terms) {
    terms = indexTerms(w.text, lang, analyzer).split(' ').filter((k) => k !== '');
    if (words.size >= KEPT_WORDS) words.clear();
    words.set(w.text, terms);
  }
  return (w.keys = [...writtenForms(w), ...terms]);
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
      found = hits(searchKeys(w, lang, analyzer), 1 + w.pieces.length, alts);
      seen.set(w.text, found);
    }
    if (found) out.push([w.at, w.end]);
  }
  // A phrase's words where they stand together (not per word: 196 alone is not HE 196/2026).
  const phrases = alts.filter((a) => a.phrase);
  if (!phrases.length) return out;
  const words = placedWords(text, lang, analyzer);
  for (const { phrase } of phrases)
    for (let i = 0; i + phrase!.length <= words.length; i++)
      if (phrase!.every((term, k) => findsKey(writtenForms(words[i + k]), term))) for (let k = 0; k < phrase!.length; k++) out.push([words[i + k].at, words[i + k].end]);
  // In order of their starts, as markText and the word marks have them.
  return out.sort((a, b) => a[0] - b[0]);
}
