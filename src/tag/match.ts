// Matches taxonomy terms against words: on Voikko compound parts when known, else on Snowball stems
// at the word's start or a plausible compound boundary, tolerant of the stem-end alternations Snowball misses.
import type { Lang } from '../model.js';
import type { Analyzer, Token, WordAnalysis } from './analyze.js';
import type { TermDef } from './types.js';

/** One word of a compiled term (a phrase has several). */
interface CompiledWord {
  raw: string;
  /** Snowball key and the shortest prefix of it an inflected form must keep. */
  key: string;
  min: number;
  /** Voikko compound-part readings. */
  parts: string[][];
  /** Whole word only (acronyms, `exact: true`) or the head of a word (phrase words). */
  exact: boolean;
  headOnly: boolean;
  /**
   * A phrase's word before its last ends the written word: "välfärdsområdets räddningsverk", never
   * "Välfärdsområdesstyrelsen räddningsverkets" (the board, a compound whose head is another word). Snowball may leave
   * up to four letters of an inflection after the key (häiriötilanteessa); a word written with a hyphen (sosiaali- ja
   * terveydenhuolto) is a compound's first part and does not end the word.
   */
  endsWord: boolean;
  /**
   * A false friend Snowball over-stems (pelastuslaina → pelastusl, the stem of pelastuslain too) is matched on its
   * written form instead: this prefix, followed by a vowel when the base form ends in one (pelastuslain|a, |oja).
   */
  surface: { prefix: string; vowel: boolean } | null;
  /**
   * A Finnish noun in -e whose Snowball key drops only the e (ohje: ohj, hanke: hank): the noun keeps the e in every form
   * and compound (ohjeen, ohjeita, ohjekirja; with gradation hankkeen, tiedotteita), so a longer key goes on with it.
   */
  eNoun: boolean;
}

/** What one token matched, and its learning feature (analyzer key), cached per token. */
export interface TokenMatches {
  single: WordMatch[];
  phraseWords: WordMatch[];
  /** Learning features: the Voikko base form or Snowball key, and the compound head; none for short words. */
  features: string[];
}

/** A taxonomy term prepared for one analyzer. */
export interface CompiledTerm {
  index: number;
  def: TermDef;
  words: CompiledWord[];
  /** `def.goals` as entries, its first (owning) goal and the rest: read per hit, made once. */
  goals: [string, number][];
  owner: string;
  own: number;
  also: string[];
}

/** A match of one term word in one token; spans are comparable only within the token. */
export interface WordMatch {
  term: CompiledTerm;
  word: number;
  start: number;
  end: number;
}

/** The terms of a taxonomy compiled for an analyzer, with a per-token match cache. */
export interface Matcher {
  terms: CompiledTerm[];
  /** Single-word matches after overlap resolution (longest wins; false friends suppress what they cover). */
  matchToken(token: Token, lang: Lang): TokenMatches;
}

const VOWEL = /[aeiouyäöå]$/;
const DIGITS_OR_EMPTY = /^\d*$/;

/** The last letter of a Finnish word, so of a compound's first part. */
const FI_PART_END = /[aeiouyäöntslr]/;

/** The prefix an inflected form keeps: Snowball misses consonant gradation at the stem's end (laki/lain). */
function minKeep(key: string, word = ''): number {
  if (key.length <= 4) return key.length;
  // -minen nouns: Snowball leaves järjestäminen/järjestämisestä/järjestämistä as -min/-mis/-m; keep through the m
  // (asuminen/asumisen/asumista: asum), but at least 4 letters.
  if (word.endsWith('minen') && key.endsWith('min')) return Math.max(4, key.length - 2);
  // -us/-ys nouns: Snowball leaves the partitive tutkimusta as tutkimu (tutkimuksen: tutkimus); keep through the u.
  if (/[uy]s$/.test(key)) return Math.max(4, key.length - 1);
  // -lu/-ly nouns of -lla/-llä verbs: the u is the noun's own (tiedustelu, intelligence), and without it the key is the
  // verb's (tiedustelee, asks: tiedustel), which Snowball leaves the noun's partitive and genitive alone (tiedustelua,
  // tiedustelun: tiedustelu).
  if (/l[uy]$/.test(key)) return key.length;
  let k = key;
  if (VOWEL.test(k)) k = k.slice(0, -1);
  if (/[kpt]$/.test(k)) {
    k = k.slice(0, -1);
    if (VOWEL.test(k)) k = k.slice(0, -1);
  }
  return Math.max(4, k.length);
}

/**
 * The prefix an inflected form of a Swedish term keeps. Swedish has no consonant gradation: Finnish's tolerance would
 * find vård+kö in every care word (hemvård, vårdar), första in försök, underskott in underskred, släckvatten in
 * släckväg. A Swedish key tolerates a dropped final vowel (föreslå, föreslog), and a term written with a definite ending
 * that Snowball keeps in its key (service+nätet, områdenas: områden) its other forms (servicenät, området). -het is
 * no definite ending, and a key Snowball cut further is not the written word's (räddnings+enhet: räddningsen).
 */
function swedishKeep(key: string, written: string): number {
  if (key.length <= 4) return key.length;
  const ending = written.startsWith(key) ? written.slice(key.length) : null;
  if (/e[nt]$/.test(key) && !written.endsWith('het') && (ending === '' || ending === 's' || ending === 'as')) return Math.max(4, key.length - 2);
  if (VOWEL.test(key)) return key.length - 1;
  return key.length;
}

/** Whether a word's key, after an -e noun's key ending at `end`, is that noun's: it ends there or goes on with (C)e. */
function eNounGoesOn(key: string, end: number): boolean {
  if (end === key.length) return true;
  const next = key.charAt(end);
  return next === 'e' || (next === key.charAt(end - 1) && key.charAt(end + 1) === 'e');
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

// One compiled matcher per term list and analyzer: a matcher is a pure function of the two (its token cache only
// remembers answers), so the taggers and learnWeights calls of one taxonomy share its cache instead of analysing and
// matching every word again (a learning fold builds two: the fold's learnWeights and its taught tagger).
const compiledFor = new WeakMap<readonly TermDef[], WeakMap<Analyzer, Matcher>>();

/** Compile taxonomy terms for an analyzer (once per term list and analyzer; see compiledFor). */
export function compileTerms(terms: TermDef[], analyzer: Analyzer): Matcher {
  let byAnalyzer = compiledFor.get(terms);
  if (!byAnalyzer) compiledFor.set(terms, (byAnalyzer = new WeakMap()));
  let matcher = byAnalyzer.get(analyzer);
  if (!matcher) byAnalyzer.set(analyzer, (matcher = compile(terms, analyzer)));
  return matcher;
}

function compile(terms: TermDef[], analyzer: Analyzer): Matcher {
  const compiled: CompiledTerm[] = terms.map((def, index) => {
    const words = def.text.split(' ');
    const goals = Object.entries(def.goals);
    return {
      index,
      def,
      goals,
      owner: goals[0]?.[0] ?? '',
      own: goals[0]?.[1] ?? 0,
      also: goals.slice(1).map(([g]) => g),
      words: words.map((w, wi): CompiledWord => {
        const plain = w.replace(/\+/g, '');
        const lower = plain.toLowerCase();
        const a = analyzer.analyze(lower, def.lang);
        const given = w.toLowerCase().split(/[+-]/).filter((p) => p.length > 0);
        // Voikko may read a term on its own differently from the same word inside a compound
        // (evakuointi alone as evakuoi+nti, but evakuointivalmius as evakuointi+valmius): keep the written parts too.
        const parts = a.parts.length === 0 ? [given] : a.parts.some((r) => r.join('|') === given.join('|')) ? a.parts : [...a.parts, given];
        return {
          raw: plain,
          key: a.key,
          min: def.lang === 'sv' ? swedishKeep(a.key, lower) : minKeep(a.key, lower),
          parts,
          exact: def.exact,
          headOnly: words.length > 1,
          endsWord: wi < words.length - 1 && !w.endsWith('-'),
          surface: def.rule === 'false-friend' && words.length === 1 && a.key.length < lower.length - 3
            ? { prefix: VOWEL.test(lower) ? lower.slice(0, -1) : lower, vowel: VOWEL.test(lower) }
            : null,
          eNoun: def.lang === 'fi' && lower.endsWith('e') && a.key.length === lower.length - 1 && lower.startsWith(a.key),
        };
      }),
    };
  });

  // Index by language, then by the first 3 letters of the Snowball key and by the first Voikko part.
  type Entry = { term: CompiledTerm; word: number };
  const byKey: Record<Lang, Map<string, Entry[]>> = { fi: new Map(), sv: new Map() };
  const byPart: Record<Lang, Map<string, Entry[]>> = { fi: new Map(), sv: new Map() };
  const acronyms: Record<Lang, Entry[]> = { fi: [], sv: [] };
  const surfaced: Record<Lang, Entry[]> = { fi: [], sv: [] };
  const push = (m: Map<string, Entry[]>, k: string, e: Entry): void => {
    const list = m.get(k);
    if (list) list.push(e);
    else m.set(k, [e]);
  };
  for (const term of compiled) {
    term.words.forEach((w, word) => {
      const e = { term, word };
      if (term.def.caseSensitive) {
        acronyms[term.def.lang].push(e);
        return;
      }
      if (w.surface) surfaced[term.def.lang].push(e);
      push(byKey[term.def.lang], w.key.slice(0, 3), e);
      for (const p of new Set(w.parts.map((r) => r[0]))) push(byPart[term.def.lang], p, e);
    });
  }

  const cache: Record<Lang, Map<string, TokenMatches>> = { fi: new Map(), sv: new Map() };
  const NONE: WordMatch[] = [];
  const NO_ENTRIES: Entry[] = [];
  // A number's key is the number or a prefix of it (the analyzers give numbers no compound parts), and every way of
  // matching looks up a key's 3-letter slice, a surface prefix or an acronym in the written word. So a number that
  // contains no all-digit one of those (the term 112 has "112") matches nothing: skipping its analysis and its cache
  // entry saves a Snowball stem for every case number (VN/1234/2022), nearly each of which is new.
  const numberNeedles = [...new Set(compiled.flatMap((t) => t.words.flatMap((w) => [w.key.slice(0, 3), w.raw, w.surface?.prefix ?? 'x'])))]
    .filter((n) => DIGITS_OR_EMPTY.test(n));
  const NO_MATCHES: TokenMatches = { single: NONE, phraseWords: NONE, features: [] };
  const matchesNothing = (text: string): boolean => DIGITS_OR_EMPTY.test(text) && !numberNeedles.some((n) => text.includes(n));

  function matchVoikko(a: WordAnalysis, lang: Lang, out: WordMatch[]): void {
    for (let ri = 0; ri < a.parts.length; ri++) {
      const reading = a.parts[ri];
      for (let j = 0; j < reading.length; j++) {
        const entries = byPart[lang].get(reading[j]) ?? NO_ENTRIES;
        for (let ei = 0; ei < entries.length; ei++) {
          const { term, word } = entries[ei];
          const w = term.words[word];
          if ((w.exact || w.headOnly) && j > 0) continue;
          for (let pi = 0; pi < w.parts.length; pi++) {
            const tp = w.parts[pi];
            if (j + tp.length > reading.length) continue;
            if ((w.exact || w.endsWord) && j + tp.length !== reading.length) continue;
            let ok = true;
            for (let t = 0; t < tp.length && ok; t++) ok = reading[j + t] === tp[t];
            if (ok) out.push({ term, word, start: j, end: j + tp.length });
          }
        }
      }
    }
  }

  function matchSnowball(token: Token, a: WordAnalysis, lang: Lang, out: WordMatch[]): void {
    const key = a.key;
    // Positions where a term may start: the word's start, each hyphen piece, any plausible compound boundary.
    // Where each hyphen piece starts in the written word without its hyphens (EU-pelastuslaina: 0 and 2).
    const pieceStarts = new Set<number>([0]);
    let at = 0;
    for (let pi = 0; pi < token.pieces.length - 1; pi++) pieceStarts.add((at += token.pieces[pi].length));
    const boundaries = new Set([...pieceStarts].filter((p) => p < key.length));
    // Short words (om, av, ja) are indexed under their whole key; they can only match at the start.
    for (let i = 0; i < Math.max(1, key.length - 2); i++) {
      if (i > 0 && i < 3 && !boundaries.has(i)) continue;
      // A Finnish compound's first part ends as a Finnish word does, in a vowel or n, s, t, l or r: no word ends in the p
      // of Pohjois-Pohjanmaa, which held ohje (round forty-eight). Swedish first parts end in any letter (brandskydd).
      if (lang === 'fi' && i >= 3 && !boundaries.has(i) && !FI_PART_END.test(key.charAt(i - 1))) continue;
      const entries = byKey[lang].get(key.slice(i, i + 3)) ?? NO_ENTRIES;
      for (let ei = 0; ei < entries.length; ei++) {
        const { term, word } = entries[ei];
        const w = term.words[word];
        if (w.surface) continue;
        if (w.headOnly && i > 0) continue;
        if (w.exact) {
          // The whole word; a hyphen piece is matched by matchPieces with the piece's own span, so that it does not
          // cover the other pieces (Virve-verkon: virve and verkko).
          if (key === w.key) out.push({ term, word, start: i, end: key.length });
          continue;
        }
        const r = key.length - i;
        if (key.startsWith(w.key, i)) {
          if (w.endsWord && r > w.key.length + 4) continue;
          // A Swedish adjective in -lig is a word of its own (its key keeps the suffix: analyze.ts), not the noun or verb
          // it is made from: tillgänglig is no gang (gäng), rörlig no moving (röra).
          if (lang === 'sv' && key.startsWith('lig', i + w.key.length)) continue;
          // A Finnish -e noun's key goes on with its e, or with gradation's doubled consonant and the e: ohje is not the
          // steering of ohjaus or ohjaamo (a cab), nor velvoite the verb of velvoittava.
          if (w.eNoun && !eNounGoesOn(key, i + w.key.length)) continue;
          out.push({ term, word, start: i, end: i + w.key.length });
        } else if (r <= w.key.length + 1 && commonPrefix(key.slice(i), w.key) >= w.min) {
          out.push({ term, word, start: i, end: key.length });
        } else if (lang === 'sv' && w.parts[0].length >= 2) {
          // A Swedish compound term with a part of its own (five letters or more, so no -ning) between its parts, after
          // a linking s: låne+fullmakt in låneupptagningsfullmakt, brand+utredning in brandorsaksutredning.
          const first = w.parts[0][0];
          const tail = w.key.slice(first.length);
          if (tail.length >= 4 && key.startsWith(first, i)) {
            const j = key.indexOf(tail, i + first.length + 6);
            if (j > 0 && key.charAt(j - 1) === 's' && key.length - (j + tail.length) <= 4) out.push({ term, word, start: i, end: key.length });
          }
        }
      }
    }
    // Over-stemmed false friends, on the written word: at its start or where a compound part may begin.
    const written = token.lower.replace(/[-‐‑–]/g, '');
    for (let ei = 0; ei < surfaced[lang].length; ei++) {
      const { term, word } = surfaced[lang][ei];
      const s = term.words[word].surface!;
      for (let at = written.indexOf(s.prefix); at >= 0; at = written.indexOf(s.prefix, at + 1)) {
        if (at > 0 && at < 3 && !pieceStarts.has(at)) continue;
        if (s.vowel && !VOWEL.test(written.charAt(at + s.prefix.length))) continue;
        // The span reaches to the key's end, so that it covers whatever the over-stemmed key matched there.
        out.push({ term, word, start: Math.min(at, key.length), end: Math.max(key.length, Math.min(at, key.length) + 1) });
      }
    }
    matchPieces(a, lang, out);
  }

  /** Exact terms also match a hyphen piece on its own (Virve-verkko), whatever the analyzer. */
  function matchPieces(a: WordAnalysis, lang: Lang, out: WordMatch[]): void {
    if (a.pieceKeys.length === 1) return;
    for (let pi = 0; pi < a.pieceKeys.length; pi++) {
      const pk = a.pieceKeys[pi];
      const entries = byKey[lang].get(pk.slice(0, 3)) ?? NO_ENTRIES;
      for (let ei = 0; ei < entries.length; ei++) {
        const { term, word } = entries[ei];
        const w = term.words[word];
        if (w.exact && pk === w.key) out.push({ term, word, start: 1000 + pi, end: 1001 + pi });
      }
    }
  }

  return {
    terms: compiled,
    matchToken(token: Token, lang: Lang) {
      // The cache first: a word seen before is most of an item's words, and no text that matches nothing is kept.
      const cached = cache[lang].get(token.text);
      if (cached) return cached;
      if (matchesNothing(token.text)) return NO_MATCHES;
      return matchNew(token, lang);
    },
  };

  // A word not seen before, in a function of its own: kept apart from the cache's hit, the hot path compiles small
  // (bench/HISTORY.md, session 47).
  function matchNew(token: Token, lang: Lang): TokenMatches {
    const a = analyzerAnalyze(token, lang);
    const found: WordMatch[] = [];
    if (a.parts.length > 0) {
      matchVoikko(a, lang, found);
      matchPieces(a, lang, found);
    }
    else matchSnowball(token, a, lang, found);
    // Acronyms as written, possibly inflected (KEJOn, ERICA:n is split by the tokenizer).
    for (let pi = 0; pi < token.pieces.length; pi++) {
      const piece = token.pieces[pi];
      for (let ei = 0; ei < acronyms[lang].length; ei++) {
        const { term, word } = acronyms[lang][ei];
        const raw = term.words[word].raw;
        if (piece === raw || (piece.startsWith(raw) && /^[a-zäöå]{1,4}$/.test(piece.slice(raw.length)))) {
          found.push({ term, word, start: -1 - pi, end: -pi });
        }
      }
    }
    const phraseWords = found.length === 0 ? NONE : found.filter((m) => m.term.words.length > 1);
    const single = found.length === 0 ? NONE : resolveOverlaps(found.filter((m) => m.term.words.length === 1));
    const result: TokenMatches = { single, phraseWords, features: featuresOf(token, a) };
    if (cache[lang].size > 200_000) cache[lang].clear();
    cache[lang].set(token.text, result);
    return result;
  }

  function analyzerAnalyze(token: Token, lang: Lang): WordAnalysis {
    return analyzer.analyze(token.lower, lang);
  }
}

/**
 * What a learned model may weigh: the word (base form or stem) and, for compounds, its head —
 * Voikko's first part, or with Snowball the word's first six letters — so that a correction to
 * "meripelastuslaki" also reaches "meripelastustoimi".
 */
function featuresOf(token: Token, a: WordAnalysis): string[] {
  const w = token.lower;
  if (w.length < 4 || /^\d+$/.test(w)) return [];
  if (a.parts.length > 0) {
    const parts = a.parts[0];
    return parts.length > 1 ? [parts.join(''), `head:${parts[0]}`] : [parts.join('')];
  }
  return w.length >= 9 ? [a.key, `head:${w.slice(0, 6)}`] : [a.key];
}

/** Keep the longest matches; a false friend or negative term hides the shorter terms it covers. */
function resolveOverlaps(matches: WordMatch[]): WordMatch[] {
  if (matches.length <= 1) return matches;
  const sorted = [...matches].sort((x, y) => y.end - y.start - (x.end - x.start) || ruleRank(x) - ruleRank(y));
  const kept: WordMatch[] = [];
  for (const m of sorted) {
    if (kept.some((k) => k.term === m.term)) continue;
    // Equal spans (the same word listed under two sub-topics) both count; a longer or suppressing match hides.
    const len = m.end - m.start;
    if (kept.some((k) => m.start < k.end && k.start < m.end && (k.end - k.start > len || ruleRank(k) < ruleRank(m)))) continue;
    kept.push(m);
  }
  return kept;
}

function ruleRank(m: WordMatch): number {
  return m.term.def.rule === 'false-friend' ? 0 : m.term.def.rule === 'negative' ? 1 : 2;
}
