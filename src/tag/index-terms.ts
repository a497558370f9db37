// The tagger's word analysis, reused for search: index terms for items and FTS5 queries for users.
import type { Lang } from '../model.js';
import { tokenize, type Analyzer, type WordAnalysis } from './analyze.js';
import { finnishSearchKeys, swedishSearchKeys } from './search-keys.js';

const searchKeys = (word: string, lang: Lang, inflected: boolean): string[] =>
  lang === 'fi' ? finnishSearchKeys(word, inflected) : swedishSearchKeys(word, inflected);

/**
 * Every form a word is findable by, beyond the word as written: the search keys of the word and of its hyphen
 * pieces (Finnish keys undo consonant gradation and stem alternation; see search-keys.ts) and Voikko's base
 * forms. Not compound parts one by one: Voikko reads eduskunta as edus + kunta, and a search for kunta must not
 * find Parliament.
 */
function forms(word: string, a: WordAnalysis, lang: Lang): string[] {
  const pieces = word.split(/[-‐‑–]/).filter((p) => p.length > 0);
  const words = pieces.length > 1 ? [pieces.join(''), ...pieces] : pieces;
  return [...words.flatMap((w) => searchKeys(w, lang, true)), ...a.parts.map((reading) => reading.join(''))];
}

/** Space-separated index terms for a text beyond its words as written (FTS5 indexes those from title and summary). */
export function indexTerms(text: string, lang: Lang, analyzer: Analyzer): string {
  const terms = new Set<string>();
  for (const t of tokenize(text)) {
    if (/^\d+$/.test(t.lower)) continue; // numbers are in the indexed title and summary as they are
    for (const f of forms(t.lower, analyzer.analyze(t.lower, lang), lang)) if (f.length > 1 && f !== t.lower) terms.add(f);
  }
  return [...terms].join(' ');
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * An FTS5 query for what a user typed: every word must match, in any inflected or compound form
 * (pelastuslaki finds pelastuslain; kunta finds kuntien). The language of one typed word cannot be told,
 * so without `lang` a word is looked up as Finnish and as Swedish. Returns null when there are no words.
 */
export function searchQuery(text: string, analyzer: Analyzer, lang?: Lang): string | null {
  const words = tokenize(text);
  if (!words.length) return null;
  const langs: Lang[] = lang ? [lang] : ['fi', 'sv'];
  return words
    .map((t) => {
      // Compounds that begin with the word (pelastus finds pelastuslaitos), but a short word only as itself:
      // tie must not find tieto, nor kuu kuusi.
      const alts = [t.lower.length >= 5 ? `${quote(t.lower)}*` : quote(t.lower)];
      for (const l of langs) {
        const a = analyzer.analyze(t.lower, l);
        // Voikko's base forms find every inflection (pelastuslain → pelastuslaki, kuntien → kunta).
        for (const reading of a.parts) alts.push(quote(reading.join('')));
        for (const k of searchKeys(t.lower, l, false)) alts.push(quote(k));
      }
      return `(${[...new Set(alts)].filter((x, i) => i === 0 || x !== quote(t.lower)).join(' OR ')})`;
    })
    .join(' AND ');
}
