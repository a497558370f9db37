// The tagger's word analysis, reused for search: index terms for items and FTS5 queries for users.
import type { Lang } from '../model.js';
import { guessLang, tokenize, type Analyzer, type WordAnalysis } from './analyze.js';

/**
 * Every form a word is findable by: its stem, its hyphen pieces' stems and its base forms. Not its compound
 * parts one by one: Voikko reads eduskunta as edus + kunta, and a search for kunta must not find Parliament.
 */
function forms(a: WordAnalysis): string[] {
  return [a.key, ...a.pieceKeys, ...a.parts.map((reading) => reading.join(''))];
}

/** Space-separated index terms for a text beyond its words as written (FTS5 indexes those from title and summary). */
export function indexTerms(text: string, lang: Lang, analyzer: Analyzer): string {
  const terms = new Set<string>();
  for (const t of tokenize(text)) {
    if (/^\d+$/.test(t.lower)) continue; // numbers are in the indexed title and summary as they are
    for (const f of forms(analyzer.analyze(t.lower, lang))) if (f.length > 1 && f !== t.lower) terms.add(f);
  }
  return [...terms].join(' ');
}

const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/**
 * An FTS5 query for what a user typed: every word must match, in any inflected or compound form
 * (pelastuslaki finds pelastuslain; kunta finds kuntien). Returns null when there are no words.
 */
export function searchQuery(text: string, analyzer: Analyzer, lang: Lang = guessLang(text)): string | null {
  const words = tokenize(text);
  if (!words.length) return null;
  return words
    .map((t) => {
      const a = analyzer.analyze(t.lower, lang);
      const alts = [`${quote(t.lower)}*`];
      // Voikko's base forms find every inflection (pelastuslain → pelastuslaki, kuntien → kunta).
      for (const reading of a.parts) alts.push(quote(reading.join('')));
      // Without them, Snowball stems find most inflections, though not where the stem alternates (laki/lain);
      // a short stem only as a whole word, else "kunta" (stem "kun") would find every "kun".
      if (!a.parts.length) alts.push(a.key.length >= 5 ? `${quote(a.key)}*` : quote(a.key));
      return `(${[...new Set(alts)].join(' OR ')})`;
    })
    .join(' AND ');
}
