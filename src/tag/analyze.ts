// Finnish and Swedish word analysis: tokenizing, Snowball stems, and Voikko base forms and compound parts.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lang } from '../model.js';
import { nfc } from '../parse/nfc.js';
import { detectLanguage } from '../normalize/language.js';
import { libraryFile, openVoikko, voikkoLibrary, type Voikko } from './voikko.js';

/** One word of a text; hyphenated compounds (sote-uudistus, ERICA-hätäkeskus) are one token with pieces. */
export interface Token {
  /** As written. */
  readonly text: string;
  readonly lower: string;
  /** Hyphen-separated pieces as written. */
  readonly pieces: string[];
}

/** How an analyzer sees one word. */
export interface WordAnalysis {
  /**
   * Compound-part sequences in base form, one per reading (Voikko); empty when the word is unknown. A first part cut
   * short (hälytys-) ends each reading in an empty part: a term matches it as a compound's start, never as the word.
   */
  parts: string[][];
  /** Normalized Snowball stem of the whole word with hyphens removed; a first part cut short keeps its hyphen at the end. */
  key: string;
  /** Snowball keys of the hyphen pieces (one entry when there is no hyphen). */
  pieceKeys: string[];
}

/** Word analysis for a language; implementations cache per word. */
export interface Analyzer {
  readonly name: 'voikko' | 'snowball';
  analyze(lowerWord: string, lang: Lang): WordAnalysis;
  /** Put an analysis this analyzer gave the word earlier (kept by taxonomy-cache.ts) into its word cache. */
  prime?(lowerWord: string, lang: Lang, a: WordAnalysis): void;
}

// Latin letters cover Finnish and Swedish text; a narrow class is much faster than \p{L} here. A compound's first part
// cut short before "and", "or" or a comma (hälytys- ja johtamisjärjestelmät, brand- och räddningsväsendet) keeps its
// hyphen: it is the first part of a compound whose head is the next word's, not a word of its own (an alarm,
// hälytys, as a word of its own is a call-out's).
const WORD = /[0-9A-Za-zªµºÀ-ÖØ-öø-ɏ]+(?:[-‐‑–][0-9A-Za-zªµºÀ-ÖØ-öø-ɏ]+)*(?:[-‐‑](?=,|\s+(?:ja|tai|sekä|eli|och|eller|samt)\s))?/g;
const HYPHEN = /[-‐‑–]/;
/** A first part cut short (hälytys-): the analyzers read it as no whole word. */
const CUT_SHORT = /[-‐‑]$/;

/**
 * A word of a text. Its pieces are split only when read: only a word the matcher has not seen reads them (and the
 * search marks), and a list per word was a third of tokenizing's garbage.
 */
class WordToken implements Token {
  constructor(readonly text: string, readonly lower: string) {}

  get pieces(): string[] {
    return HYPHEN.test(this.text) ? this.text.split(HYPHEN).filter((p) => p.length > 0) : [this.text];
  }
}

/** Split text into word tokens (numbers included; punctuation dropped). */
export function tokenize(text: string): Token[] {
  // The words alone (no match object per word), each made a token in its place in the same list. A word is lowercased
  // alone, not sliced out of the whole text lowercased: the word characters have no context-dependent lower case (the
  // Greek final sigma is no word character), and toLowerCase gives a word already in lower case back as it is, where a
  // slice was a new string for every word.
  const words: (string | Token)[] | null = nfc(text).match(WORD);
  if (words === null) return [];
  for (let k = 0; k < words.length; k++) {
    const t = words[k] as string;
    words[k] = new WordToken(t, t.toLowerCase());
  }
  return words as Token[];
}

/** An item's title and summary as tokens: tokenized once, read by the tagger and by the search index (indexTerms). */
export interface FieldTokens {
  title: Token[];
  summary: Token[];
}

/** The tokens of a title and a summary. */
export const tokenizeFields = (title: string, summary: string): FieldTokens => ({ title: tokenize(title), summary: tokenize(summary) });

interface Stemmer {
  stem(word: string): string;
}

const require = createRequire(import.meta.url);
const snowball = require('snowball-stemmers') as { newStemmer(lang: string): Stemmer };

/**
 * Snowball leaves stems of the same word apart where Finnish alternates the stem's end
 * (laitos/laitoksen, turvallisuus/turvallisuuden, sisäinen/sisäisen, kansallinen/kansallisen);
 * fold those endings together. The -inen/-isen fold holds after a consonant as well as a vowel
 * (kansallis, sosiaalis, teknis), but not on a stem too short to carry the suffix.
 */
function normalizeKey(stem: string, lang: Lang): string {
  // Every fold below ends in s, d or t: most stems (and every number) are left as they are without a regex.
  const last = stem.charCodeAt(stem.length - 1);
  // The partitive of a -toimi compound (pelastustointa, ylläpitotointa) stems to -toin: fold it to the -toim of its
  // other cases (round twenty-four), on a compound only (toin alone is the past of tuoda).
  if (lang === 'fi' && last === 0x6e && stem.length > 6 && stem.endsWith('toin')) return stem.slice(0, -1) + 'm';
  if (lang !== 'fi' || (last !== 0x73 && last !== 0x64 && last !== 0x74)) return stem;
  return stem
    .replace(/ks$/, 's')
    .replace(/(uu|yy)[dt]$/, '$1s')
    .replace(/([aeiouyäö]|(?<=\p{L}{2})\p{L})is$/u, '$1in');
}

/**
 * Snowball's Finnish stem, mended where it keys two of a word's forms apart. The genitive plural of a -nen word keeps
 * its t (viranomaisten: viranomaist, where viranomaisen and viranomaiset give viranomais): dropped, normalizeKey folds
 * it with the others (viranomain).
 */
function finnishStem(stemmer: Stemmer, w: string): string {
  // laki (law) by every form: Snowball keys laki as laki, lakia and lakien as lak, lain, laissa and laiksi as lain, lailla
  // as lail, so a term laki found none of them (as a compound's end the prefix rule does: pelastuslain). Voikko reads
  // them all as laki (round thirty-nine: "laiksi hyvinvointialueesta annetun lain", eval-2028-19).
  if (LAKI.test(w)) return 'laki';
  const s = stemmer.stem(w);
  if (s.endsWith('ist') && w.endsWith('isten')) return s.slice(0, -1);
  return s;
}

/**
 * Snowball's Swedish stem, mended where it keys a noun and a verb alike: it strips the agent noun's -are with the
 * verb's -ade, -ades, -at and -as, so räddare (a rescuer) and räddades (was rescued) are both rädd. The agent noun's
 * forms (-are, -aren, -arna, -arnas, -ares, -arens) keep their ar (räddar), apart from the verb's, in a compound too
 * (brandräddare: brandräddar).
 */
function swedishStem(stemmer: Stemmer, w: string): string {
  const fire = FIRE_NOUN.exec(w);
  // A fire (brand) keeps its key in every form of a compound: Snowball cuts skogsbranden to skogsbr and skogsbränder to
  // skogsbränd, which neither skogsbrand's key nor its prefix rule reaches (the plural alone, bränder, is brand too).
  if (fire) return `${w.slice(0, fire.index)}brand`;
  // A neuter noun in unstressed -er (lager, fönster, nummer) drops the e in its other forms (lagret, lagren): the -er is its
  // own, not the plural ending Snowball strips, so every form keys as the short stem (lagr) and none as another word's
  // (lager is no lag, the act; läger, a camp, no läge, a situation).
  const neuter = ER_NEUTER.exec(w);
  if (neuter) return `${w.slice(0, neuter.index)}${ER_NEUTER_STEM.get(neuter[1]) ?? neuter[2]}`;
  const s = stemmer.stem(w);
  if (s.length < 3) return s;
  // The plural of a -man compound (brandmän, brandmännen, deltidsbrandmän) keys as its singular (brandman), as Voikko's
  // base form would: Snowball keeps the vowel change apart, so the term brandman found none of them (round forty).
  if (MEN.test(s)) return `${s.slice(0, -3)}man`;
  if (AGENT_NOUN.test(w)) {
    if (w.startsWith(`${s}ar`)) return `${s}ar`;
    // In a longer word Snowball also undoubles the stem's end (brandräddare: brandräd, where räddare gives rädd):
    // the doubled letter comes back, so the compound keeps the rescuer's key (brandräddar).
    const d = `${s}${s.charAt(s.length - 1)}ar`;
    if (w.startsWith(d)) return d;
  }
  // An adjective in -lig keeps its suffix, which Snowball strips: rörlig (mobile) and tillgänglig (accessible) are not
  // röra (to move) or a gang (gäng), and a term written with -lig (förenhetliga, brottslighet) keys the same way.
  if (w.startsWith(`${s}lig`)) return `${s}lig`;
  // The passive past (räddades, was rescued) keeps its ending, apart from the infinitive and the other forms (rädda):
  // a term still finds it by the stem, an exact term only itself.
  return w.endsWith('ades') && w === `${s}ades` ? w : s;
}

const LAKI = /^(?:la(?:in|issa|ista|iksi|illa|ilta|ille|it|ein|eissa|eista|eiksi|eilla|eilta|eille)|laki(?:a|in|en)|lake(?:ja|ihin))$/;
/** A -man compound's plural key (brandmän); män alone and short words are left as they are. */
const MEN = /^\p{L}{3,}män$/u;
const AGENT_NOUN = /ar(?:e|en|na|nas|es|ens)$/;
/** Swedish neuter nouns in unstressed -er and the stem their other forms are written on (lager: lagret, lagren). */
const ER_NEUTER_STEM = new Map([
  ['lager', 'lagr'], ['läger', 'lägr'], ['fönster', 'fönstr'], ['mönster', 'mönstr'], ['monster', 'monstr'],
  ['nummer', 'numr'], ['hinder', 'hindr'], ['filter', 'filtr'], ['register', 'registr'],
]);
/** One of those nouns at a word's end, in any form: lager(s), or the stem with -et, -en, -ena (and -s). */
const ER_NEUTER = new RegExp(`(?:(${[...ER_NEUTER_STEM.keys()].join('|')})|(${[...ER_NEUTER_STEM.values()].join('|')})(?:et|ena?))s?$`);
const FIRE_NOUN = /(?:(?<=\p{L}{2})branden|bränder(?:na)?)s?$/u;

/** Snowball-only analysis (no compound splitting); the fallback when Voikko is missing. */
export function createSnowballAnalyzer(): Analyzer {
  const stemmers: Record<Lang, Stemmer> = { fi: snowball.newStemmer('finnish'), sv: snowball.newStemmer('swedish') };
  const cache: Record<Lang, Map<string, WordAnalysis>> = { fi: new Map(), sv: new Map() };
  const key = (w: string, lang: Lang): string => normalizeKey(lang === 'fi' ? finnishStem(stemmers.fi, w) : swedishStem(stemmers.sv, w), lang);
  return {
    name: 'snowball',
    analyze(lowerWord: string, lang: Lang): WordAnalysis {
      let a = cache[lang].get(lowerWord);
      if (a) return a;
      const pieces = lowerWord.split(/[-‐‑–]/).filter((p) => p.length > 0);
      const whole = key(pieces.join(''), lang) + (CUT_SHORT.test(lowerWord) ? '-' : '');
      a = { parts: [], key: whole, pieceKeys: pieces.length > 1 ? pieces.map((p) => key(p, lang)) : [whole] };
      if (cache[lang].size > 200_000) cache[lang].clear();
      cache[lang].set(lowerWord, a);
      return a;
    },
    prime(lowerWord: string, lang: Lang, a: WordAnalysis): void {
      cache[lang].set(lowerWord, a);
    },
  };
}

/** Voikko for Finnish base forms and compound parts, on top of Snowball (kept for Swedish and unknown words). */
export function createVoikkoAnalyzer(voikko: Voikko): Analyzer {
  const base = createSnowballAnalyzer();
  const cache = new Map<string, WordAnalysis>();
  // Voikko knows nothing useful of Swedish, numbers and codes (2026, 184, vn2022, every one a new word): Snowball's.
  const bySnowball = (lowerWord: string, lang: Lang): boolean => lang !== 'fi' || /\d/.test(lowerWord);
  return {
    name: 'voikko',
    analyze(lowerWord: string, lang: Lang): WordAnalysis {
      if (bySnowball(lowerWord, lang)) return base.analyze(lowerWord, lang);
      let a = cache.get(lowerWord);
      if (a) return a;
      const s = base.analyze(lowerWord, lang);
      // A hyphenated word is known when every piece is; its readings are the pieces' readings joined.
      let readings: string[][] = [[]];
      for (const piece of lowerWord.split(/[-‐‑–]/).filter((p) => p.length > 0)) {
        const pr = voikko.analyze(piece);
        if (pr.length === 0 && !/^\d+$/.test(piece)) {
          readings = [];
          break;
        }
        const alts = pr.length === 0 ? [[piece]] : uniqueSeqs(pr.map((r) => r.parts));
        readings = readings.flatMap((prefix) => alts.slice(0, 3).map((alt) => [...prefix, ...alt])).slice(0, 6);
      }
      if (CUT_SHORT.test(lowerWord)) readings = readings.map((r) => [...r, '']);
      a = { parts: readings, key: s.key, pieceKeys: s.pieceKeys };
      if (cache.size > 200_000) cache.clear();
      cache.set(lowerWord, a);
      return a;
    },
    prime(lowerWord: string, lang: Lang, a: WordAnalysis): void {
      if (bySnowball(lowerWord, lang)) base.prime!(lowerWord, lang, a);
      else cache.set(lowerWord, a);
    },
  };
}

function uniqueSeqs(seqs: string[][]): string[][] {
  const seen = new Set<string>();
  return seqs.filter((s) => {
    const k = s.join('|');
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

let shared: { voikko: Voikko | null } | null = null;

/** Voikko when libvoikko and the Finnish dictionary are installed, otherwise Snowball. */
export function createAnalyzer(prefer: 'auto' | 'snowball' = 'auto'): Analyzer {
  if (prefer === 'snowball') return createSnowballAnalyzer();
  shared ??= { voikko: openVoikko() };
  return shared.voikko ? createVoikkoAnalyzer(shared.voikko) : createSnowballAnalyzer();
}

/** Whether Voikko could be loaded on this machine. */
export function voikkoAvailable(): boolean {
  shared ??= { voikko: openVoikko() };
  return shared.voikko !== null;
}

/**
 * What an analyzer's answers depend on besides the word (the key of the analyses kept by taxonomy-cache.ts): its
 * name, the code of this file and of voikko.ts (which shape the readings), the Snowball package's version, and for
 * Voikko the library and dictionaries installed (so installing, updating or removing them gives another key).
 */
export function analysisDependencies(analyzer: Analyzer): string {
  const own = fileURLToPath(import.meta.url);
  const code = (file: string) => fs.readFileSync(file, 'utf8');
  return [
    analyzer.name,
    code(own),
    code(path.join(path.dirname(own), `voikko${path.extname(own)}`)),
    `snowball-stemmers ${(require('snowball-stemmers/package.json') as { version: string }).version}`,
    analyzer.name === 'voikko' ? voikkoInstall() : '',
  ].join('\0');
}

/**
 * The Voikko library and dictionary files (path, size, modification time): the library openVoikko loads, as the
 * dynamic loader finds it (voikko.ts), and the dictionaries in the places libvoikko looks: VOIKKO_DICTIONARY_PATH,
 * ~/.voikko and the system's voikko folders.
 */
export function voikkoInstall(env: NodeJS.ProcessEnv = process.env): string {
  const lib = libraryFile(voikkoLibrary(env));
  const libs = lib === null ? [] : [lib];
  const dicts = [
    ...(env.VOIKKO_DICTIONARY_PATH ?? '').split(':').filter(Boolean),
    path.join(env.HOME ?? os.homedir(), '.voikko'),
    '/etc/voikko', '/usr/lib/voikko', '/usr/share/voikko', '/usr/local/lib/voikko', '/usr/local/share/voikko',
  ];
  const out: string[] = [];
  const note = (file: string, depth: number): void => {
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      if (depth > 4) return;
      let names: string[];
      try {
        names = fs.readdirSync(file).sort();
      } catch {
        return;
      }
      for (const name of names) note(path.join(file, name), depth + 1);
    } else {
      let real = file;
      try {
        real = fs.realpathSync(file);
      } catch {
        // Keep the name as given.
      }
      out.push(`${file} ${real} ${st.size} ${st.mtimeMs}`);
    }
  };
  for (const f of [...libs, ...dicts]) note(f, 0);
  return out.join('\n');
}

/** Guess Finnish or Swedish for an item that does not say (as the normalize stage does for a crawled one). */
export const guessLang = (text: string): Lang => detectLanguage(text, 'fi');
