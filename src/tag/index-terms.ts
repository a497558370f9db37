// The tagger's word analysis, reused for search: index terms for items and FTS5 queries for users.
import type { Lang } from '../model.js';
import { INVISIBLE_IN_WORDS } from '../parse/nfc.js';
import { parliamentSpellings, typedIdentifier } from '../parse/identifiers.js';
import { tokenize, type Analyzer, type FieldTokens, type Token } from './analyze.js';
import { ftsString } from './fts.js';
import { finnishBaseForm, finnishQueryKeys, finnishSearchKeys, swedishSearchKeys, swedishShortStemForms } from './search-keys.js';

/**
 * The search keys of a word in a text and of its hyphen pieces, without the word itself (Finnish keys undo
 * consonant gradation and stem alternation; see search-keys.ts); kept per word by termsOf.
 */
function textKeys(word: string, lang: Lang): string[] {
  const pieces = word.split(/[-‐‑–]/).filter((p) => p.length > 0);
  const words = pieces.length > 1 ? [pieces.join(''), ...pieces] : pieces;
  const all = words.flatMap((w) => (lang === 'fi' ? finnishSearchKeys(w) : swedishSearchKeys(w)));
  return [...new Set(all)].filter((k) => k.length > 1 && k !== word);
}

/**
 * Space-separated index terms for a text beyond its words as written (FTS5 indexes those from title and summary); an
 * item's are read from the tokens the tagger read (the same as those of "title summary").
 */
export function indexTerms(text: string | FieldTokens, lang: Lang, analyzer: Analyzer): string {
  count = 0;
  if (++stamp === 2 ** 30 || seen.size > 50_000) {
    seen.clear();
    stamp = 1;
  }
  if (typeof text === 'string') addTerms(tokenize(text), lang, analyzer);
  else {
    addTerms(text.title, lang, analyzer);
    addTerms(text.summary, lang, analyzer);
  }
  // Cut to this text's terms only now: emptied (length = 0), the array would give up its store and grow a new one
  // for every text; a cut to a shorter length keeps it unless it is far shorter.
  terms.length = count;
  return terms.join(' ');
}

// Scratch space of indexTerms, reused from text to text: the terms in the order found, and the text (its stamp) that
// last added each term, so that a term is listed once per text without a set per text.
const terms: string[] = [];
let count = 0;
const seen = new Map<string, number>();
let stamp = 0;

function add(term: string): void {
  if (seen.get(term) === stamp) return;
  seen.set(term, stamp);
  terms[count++] = term;
}

/**
 * Each word's index terms beyond itself, per analyzer and language: its search keys (textKeys), then Voikko's base
 * forms of it, whole (not compound parts one by one: Voikko reads eduskunta as edus + kunta, and a search for kunta
 * must not find Parliament); none for a number (in the indexed title and summary as it is). One lookup a word: a
 * crawl's items are mostly tagged before V8 optimises this code, and each check a word needed (the number test, the
 * keys' cache, the analyzer's) ran unoptimised.
 */
const wordTerms = new WeakMap<Analyzer, Record<Lang, Map<string, string[]>>>();

const NO_TERMS: string[] = [];

function termsOf(lower: string, lang: Lang, analyzer: Analyzer, cache: Map<string, string[]>): string[] {
  let out = cache.get(lower);
  if (out) return out;
  // Numbers are not kept: nearly every case number (VN/1234/2022) is a new one.
  if (/^\d+$/.test(lower)) return NO_TERMS;
  out = textKeys(lower, lang);
  for (const reading of analyzer.analyze(lower, lang).parts) {
    const base = reading.join('');
    if (base.length > 1 && base !== lower) out.push(base);
  }
  if (cache.size > 200_000) cache.clear();
  cache.set(lower, out);
  return out;
}

function addTerms(tokens: Token[], lang: Lang, analyzer: Analyzer): void {
  let byLang = wordTerms.get(analyzer);
  if (!byLang) wordTerms.set(analyzer, (byLang = { fi: new Map(), sv: new Map() }));
  const cache = byLang[lang];
  // Indexed loops, not for…of: until V8 optimises this, each for…of step allocates an iterator result (a crawl's items
  // are mostly tagged before that), and its bytecode is several times larger.
  for (let i = 0; i < tokens.length; i++) {
    const terms = termsOf(tokens[i].lower, lang, analyzer, cache);
    for (let k = 0; k < terms.length; k++) add(terms[k]);
  }
}

const INVISIBLE = new RegExp(`[${INVISIBLE_IN_WORDS}]`, 'g');

/**
 * What a user typed, read: a phrase in double quotes (straight or typographic; an unmatched quote is no quote), a word
 * with a minus first, OR in capitals, or a word. Nothing typed is FTS5 syntax: each part becomes words here.
 */
const PARTS = /([-−]?)["“”„]([^"“”„]*)["“”„]|[^\s"“”„]+/g;

/**
 * An FTS5 query for what a user typed: every word must match, in any inflected or compound form
 * (pelastuslaki finds pelastuslain; kunta finds kuntien, lag finds lagarna). Words in double quotes are a phrase: each
 * word found as it is found alone, and the words next to each other in that order in the title or the summary, each
 * as its stem (phraseStem). `OR` in capitals between words gives alternatives (`valmiuslaki OR pelastuslaki`), and
 * a word or phrase written with a minus first is one the item must not have (`pelastuslaki -kunta`), and a word with a
 * star after it asks for the words it begins (`tied*`), as search engines read them; a query of excluded words alone has nothing to find. Without `lang` (the language of one typed word
 * cannot be told) a word is looked up both ways. Returns null when there are no words to find. The invisible
 * characters stored text drops (a soft hyphen or a zero-width space pasted with a word) are dropped here too, so they
 * join the word they stand in as they do in the index.
 */
export function searchQuery(text: string, analyzer: Analyzer, lang?: Lang): string | null {
  // Each alternative: what it must have and what it must not, each part as typed (a word or a phrase's words).
  const alternatives: { want: string[]; not: string[] }[] = [{ want: [], not: [] }];
  for (const [part, minus, phrase] of text.replace(INVISIBLE, '').replace(PARLIAMENT_ID, asIdentifierPart).matchAll(PARTS)) {
    const alt = alternatives.at(-1)!;
    if (part.startsWith(ID_MARK)) alt.want.push(part);
    else if (phrase !== undefined) (minus ? alt.not : alt.want).push(`"${phrase}`);
    else if (part === 'OR') alternatives.push({ want: [], not: [] });
    else if (/^[-−]\p{L}/u.test(part)) alt.not.push(part.slice(1));
    else alt.want.push(part);
  }
  const terms = (parts: string[]) => parts.flatMap((p) => {
    if (p.startsWith(ID_MARK)) return [identifierQuery(p.slice(ID_MARK.length))];
    // A star right after a word (tied*) asks for the words it begins, however short it is.
    const starred = !p.startsWith('"') && p.endsWith('*');
    const tokens = tokenize(p.replace(/^"/, ''));
    const words = tokens.map((t, i) => wordQuery(t.lower, analyzer, lang, starred && i === tokens.length - 1 && t.lower.length >= 2));
    if (!p.startsWith('"') || words.length < 2) return words;
    const stems = tokenize(p.slice(1)).map((t) => `${ftsString(phraseStem(t.lower, analyzer, lang))}*`);
    return [`(${words.join(' AND ')} AND ${WRITTEN} : ${stems.join(' + ')})`];
  });
  const queries = alternatives.flatMap(({ want, not }) => {
    const wanted = terms(want);
    if (!wanted.length) return [];
    const all = wanted.join(' AND ');
    const none = terms(not);
    return [none.length ? `(${wanted.length > 1 ? `(${all})` : all} NOT ${none.length > 1 ? `(${none.join(' OR ')})` : none[0]})` : all];
  });
  if (!queries.length) return null;
  return queries.length === 1 ? queries[0] : queries.map((q) => `(${q})`).join(' OR ');
}

/**
 * A parliament document's identifier as typed, in any letter case and spacing ("RP 196/2026 rd", "he 196/2026vp",
 * "StVL 19/2026 vp"): found as the identifier, written in either language (identifierQuery), not as its words, of which
 * the Swedish "rp" and "rd" are in no Finnish item (and a session glued to the year, "2026vp", in none written apart).
 */
const PARLIAMENT_ID = /(?<![\p{L}\p{N}_\-−])[A-Za-zÄÖäö]{1,6}\s*\d{1,5}\s*\/\s*(?:19|20|21)\d{2}(?:\s*(?:vp|rd))?(?![\p{L}\p{N}_])/giu;
/** What stands for an identifier among the parts of a search (no one types it: U+E000 is a private-use character). */
const ID_MARK = '\ue000';
const asIdentifierPart = (typed: string): string => {
  const found = typedIdentifier(typed);
  return found && parliamentSpellings(found.value) ? ` ${ID_MARK}${found.value.replace(/ /g, '\ue001')} ` : typed;
};

/**
 * The FTS5 query that finds a parliament document's identifier (canonical, its spaces as U+E001) as text writes it, in
 * the title or the summary, or among the search terms, which end with the identifiers the item states in its fields
 * (store/tags.ts withStatedIdentifiers): each prefix followed by the number (or glued to it), then the year (with or without the
 * session glued on: "2026"*, which "2026vp" begins with).
 */
function identifierQuery(marked: string): string {
  const { prefixes, number, year } = parliamentSpellings(marked.replace(/\ue001/g, ' '))!;
  const phrases = prefixes.flatMap((p) => [`${ftsString(p.toLowerCase())} + ${ftsString(number)}`, ftsString(p.toLowerCase() + number)])
    .map((start) => `${start} + ${ftsString(year)}*`);
  return `{title summary search_terms} : (${phrases.join(' OR ')})`;
}

/** The longest start two words share. */
function commonStart(a: string, b: string): string {
  let n = 0;
  while (n < a.length && a[n] === b[n]) n++;
  return a.slice(0, n);
}

/**
 * The start a word of a quoted phrase is matched by in the text (as a prefix): what the typed word shares with its
 * base forms and keys (pelastustoimen, pelastustoimi → pelastustoim), in Finnish without the consonants after the
 * last vowel, where gradation changes the word (kunta, kunnan → ku; rahoitus, rahoituksen → rahoitu). The phrase's
 * words are also each found as alone, so a short start finds no more than the words next to each other.
 */
function phraseStem(lower: string, analyzer: Analyzer, lang?: Lang): string {
  const shared = (forms: string[]) => forms.map((f) => commonStart(lower, f)).filter((s) => s.length >= 2)
    .reduce((a, b) => (b.length < a.length ? b : a), lower);
  const bases = analyzer.analyze(lower, lang ?? 'fi').parts.map((reading) => reading.join(''));
  const finnish = lang === 'sv' ? lower : shared([...bases, ...finnishQueryKeys(lower)]).replace(/(?<=..)[bcdfghjklmnpqrstvwxz]+$/, '');
  const swedish = lang === 'fi' ? lower : shared(swedishSearchKeys(lower).filter((k) => k.length >= 3));
  return finnish.length < swedish.length ? finnish : swedish;
}

/** The index's columns that hold the words as written (search_terms holds their keys). */
const WRITTEN = '{title summary}';

/** The FTS5 alternatives that find one typed word (lowercased): "word"* OR "key" OR … in parentheses; a starred word its start. */
function wordQuery(lower: string, analyzer: Analyzer, lang?: Lang, starred = false): string {
  // A start asked for (tied*) is that start alone: its letters are no word of their own to read forms of.
  if (starred) return `(${ftsString(lower)}*)`;
  const finnish = lang !== 'sv';
  const swedish = lang !== 'fi';
  // Compounds that begin with the word (pelastus finds pelastuslaitos), but a short word only as itself:
  // tie must not find tieto, nor kuu kuusi.
  const prefix = lower.length >= 5;
  // Voikko's base forms find every inflection (pelastuslain → pelastuslaki, kuntien → kunta); Snowball's stem of a
  // Swedish word is one of its Swedish keys.
  const bases = analyzer.analyze(lower, lang ?? 'fi').parts.map((reading) => reading.join(''));
  // The typed word's own search keys, as the index keys a text's words, whether it was typed in its base form or
  // inflected: Finnish keys undo gradation and stem alternation (kunta finds kunnissa, muutoksen muutos); a
  // Swedish text's words are indexed under their base forms too (lag finds lagarna, räddningsverken räddningsverk).
  const alts = finnish ? [...bases, ...finnishQueryKeys(lower)] : [];
  // A Swedish key of two letters is no word's base form (ajan read as Swedish: aj); one of three is searched as its
  // forms written out (lagen finds lag, lagar, lagarna; not lager, whose key is lag too).
  const svKeys = swedish ? [...swedishSearchKeys(lower), ...(finnish ? [] : bases)].filter((k) => k.length >= 3) : [];
  const stems = [...new Set(svKeys.filter((k) => k.length === 3))];
  if (swedish && lower.length === 3 && !stems.includes(lower)) stems.push(lower);
  alts.push(...svKeys.filter((k) => k.length > 3));
  // The typed word finds the index's keys (tie finds teiden, stat statens) when it can be a base form, else only
  // words written so: a Finnish monosyllable in -n or -t (lain: laina's key) and a short Swedish stem (lag: lager's).
  const asKey = prefix || (finnish && finnishBaseForm(lower)) || (swedish && lower.length > 3 && stems.length === 0);
  // A stem the Finnish reading keys as well stays a key (maan: maa, työn: työ).
  const written = stems.filter((s) => (s === lower ? !asKey : !alts.includes(s)));
  for (const s of written) alts.push(...swedishShortStemForms(s, lower));
  // A form the prefix term already finds (one that begins with the typed word) is left out: each alternative is
  // one more list of matches for the index to read and merge.
  const extra = [...new Set(alts)].filter((k) => (prefix ? !k.startsWith(lower) : k !== lower) && !written.includes(k));
  const own = prefix ? `${ftsString(lower)}*` : asKey ? ftsString(lower) : `${WRITTEN} : ${ftsString(lower)}`;
  const stemsAsWritten = written.filter((s) => s !== lower).map((s) => `${WRITTEN} : ${ftsString(s)}`);
  return `(${[own, ...extra.map(ftsString), ...stemsAsWritten].join(' OR ')})`;
}
