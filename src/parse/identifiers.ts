// Structured identifiers (HE, committee documents, diary numbers, statutes, …) found in text, in canonical form.
import type { Identifier, IdentifierRole, IdentifierType } from '../model.js';
import { nfc } from './nfc.js';

// Word boundaries that know Finnish letters: \b treats "ä" as a non-word character.
const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';
// A number/year pair must not run on into a further "/digit" or ":digit" (e.g. a longer diary number).
const END = `${E}(?![/:]\\d)`;
const NUM_YEAR = '(\\d{1,5})\\s*/\\s*((?:19|20|21)\\d{2})';

interface Rule {
  type: IdentifierType;
  re: RegExp;
  canon: (m: RegExpExecArray) => string | null;
  /** Only applied to explicitly given identifiers, never to running text. */
  explicitOnly?: boolean;
  /** Only applied when the text mentions this context. */
  context?: RegExp;
  /**
   * A necessary condition tested first: strings one of which every match contains (text.includes is the
   * cheapest scan), else a short non-Unicode pattern. Most texts fail it, and it costs far less than `re`,
   * whose leading Unicode lookbehind runs at every position. (Rules that start with a literal need none.)
   */
  hint?: string[] | RegExp;
}

const rx = (source: string, flags = ''): RegExp => new RegExp(source, `gu${flags}`);
const vp = (m: RegExpExecArray, n = 2, y = 3): string => `${Number(m[n])}/${m[y]} vp`;

/** Statute numbers appear only in explicit context: "(1090/2002)", "laki 379/2011", Finlex URIs. */
const STATUTE_WORDS =
  '(?:laki|lain|lakia|laissa|lakiin|asetus|asetuksen|asetusta|asetuksessa|asetukseen|säädös|säädöksen|säädöskokoelma|säädöskokoelman|lag|lagen|förordning(?:en)?|författningssamling(?:en)?|FFS|SdK)';

/** "Hallituksen esitys 207/2016 vp", "hallituksen esityksessä n:o 12/2026", "regeringens proposition 74/2023 rd". */
const HE_WORDS = '(?:hallituksen\\s+esity[a-zäö]*|regeringens\\s+proposition[a-z]*)\\s+(?:eduskunnalle\\s+|till\\s+riksdagen\\s+)?(?:(?:n:o|nro|nr)\\.?\\s+)?';

/** Swedish committee prefixes (riksdagens utskott) → the Finnish ones the same documents carry. */
const SV_COMMITTEES: Record<string, string> = {
  FvU: 'HaV', ShU: 'StV', GrU: 'PeV', FiU: 'VaV', FsU: 'PuV', LaU: 'LaV', JsU: 'MmV', KoU: 'LiV', EkU: 'TaV',
  KuU: 'SiV', AjU: 'TyV', UtU: 'UaV', MiU: 'YmV', StoU: 'SuV', FrU: 'TuV', ReU: 'TrV', UnU: 'TiV',
};
/** Swedish document letters: betänkande (report) → mietintö, utlåtande (statement) → lausunto. */
const SV_DOCS: Record<string, string> = { B: 'M', U: 'L' };
/**
 * Finnish parliament prefixes whose Swedish documents carry another: regeringens proposition, riksdagens svar,
 * skriftligt spörsmål. The rules below read both; parliamentSpellings writes both.
 */
const SV_PREFIXES: Record<string, string> = { HE: 'RP', EV: 'RSv', KK: 'SS' };

const RULES: Rule[] = [
  // "HE 12/2026 vp", "HE12/2026", Swedish "RP 74/2023 rd": one matter, stored in its Finnish form.
  { type: 'he', re: rx(`${B}(?:HE|${SV_PREFIXES.HE})\\s*${NUM_YEAR}(?:\\s*(?:vp|rd))?${END}`), canon: (m) => `HE ${vp(m, 1, 2)}`, hint: ['HE', SV_PREFIXES.HE] },
  { type: 'he', re: rx(`${B}${HE_WORDS}${NUM_YEAR}(?:\\s*(?:vp|rd))?${END}`, 'i'), canon: (m) => `HE ${vp(m, 1, 2)}`, hint: /esity|propos/i },
  {
    // Committee prefixes: HaVM, StVL, PeVL, TaVE, SuVL …; case-sensitive so ordinary words never match.
    type: 'committee',
    re: rx(`${B}([A-ZÄÖ][a-zäö]{0,3}V[MLEP])\\s+${NUM_YEAR}(?:\\s*(vp))?${END}`),
    // A prefix with no lower-case letter (e.g. "AVM") is too generic without " vp".
    canon: (m) => (/[a-zäö]/.test(m[1]) || m[4] ? `${m[1]} ${vp(m)}` : null),
    hint: ['VM', 'VL', 'VE', 'VP'],
  },
  {
    // Swedish committee documents: FvUB 41/2026 rd is HaVM 41/2026 vp, ShUU 3/2026 rd is StVL 3/2026 vp.
    type: 'committee',
    re: rx(`${B}(${Object.keys(SV_COMMITTEES).join('|')})([BU])\\s+${NUM_YEAR}(?:\\s*(?:rd|vp))?${END}`),
    canon: (m) => `${SV_COMMITTEES[m[1]]}${SV_DOCS[m[2]]} ${vp(m, 3, 4)}`,
    hint: /[A-Z][a-z]{1,2}U[BU]\s/,
  },
  // Parliament's reply: EV 55/2026 vp, Swedish RSv 55/2026 rd.
  { type: 'ev', re: rx(`${B}(?:EV|${SV_PREFIXES.EV})\\s*${NUM_YEAR}(?:\\s*(?:vp|rd))?${END}`), canon: (m) => `EV ${vp(m, 1, 2)}`, hint: ['EV', SV_PREFIXES.EV] },
  { type: 'ptk', re: rx(`${B}PTK\\s+${NUM_YEAR}(?:\\s*vp)?${END}`), canon: (m) => `PTK ${vp(m, 1, 2)}`, hint: ['PTK'] },
  // EU matters: "U" and "E" are too common as letters, so the session suffix is required.
  {
    type: 'eu',
    re: rx(`${B}([UE])\\s+${NUM_YEAR}\\s*(?:vp|rd)${END}`),
    canon: (m) => `${m[1]} ${vp(m)}`,
    hint: /[UE]\s+\d{1,5}\s*\/\s*(?:19|20|21)\d\d\s*(?:vp|rd)/,
  },
  { type: 'kk', re: rx(`${B}KK\\s+${NUM_YEAR}(?:\\s*vp)?${END}`), canon: (m) => `KK ${vp(m, 1, 2)}`, hint: ['KK'] },
  // Swedish written questions (skriftligt spörsmål) are the same documents: SS 12/2026 rd is KK 12/2026 vp.
  { type: 'kk', re: rx(`${B}${SV_PREFIXES.KK}\\s+${NUM_YEAR}\\s*rd${END}`), canon: (m) => `KK ${vp(m, 1, 2)}`, hint: [SV_PREFIXES.KK] },
  // Hints of /iu rules keep /iu: it lets "s" match "ſ" and "k" the Kelvin sign, as the rule does.
  { type: 'diary', re: rx(`${B}SMDno-(\\d{4})-(\\d+)${E}`, 'i'), canon: (m) => `SMDno-${m[1]}-${Number(m[2])}`, hint: /smdno-\d/iu },
  {
    // Older diary numbers with a filing code: OKM/1/010/2017, LVM/960/03/2015, TEM/1640/03.01.01/2016.
    type: 'diary',
    re: rx(`${B}([A-ZÄÖ]{2,8})/(\\d{1,6})/(\\d{2,3}(?:\\.\\d{2}){0,3})/((?:19|20)\\d{2})${END}`),
    canon: (m) => `${m[1]}/${m[2]}/${m[3]}/${m[4]}`,
    hint: /[A-ZÄÖ]\/\d{1,6}\/\d{2,3}(?:\.\d{2}){0,3}\/(?:19|20)\d\d/,
  },
  {
    // VN/18775/2022, ESAVI/12/2019, STM/1234/2020 and other <ORG>/<n>/<yyyy> diary numbers, also spaced
    // as some systems print them (VN / 31234 / 2026).
    type: 'diary',
    re: rx(`${B}(?!(?:EU|EY|ETY|EEC|EC|HE|KK|RP)\\s*/)([A-ZÄÖ]{2,8})\\s*/\\s*(\\d{1,6})\\s*/\\s*((?:19|20)\\d{2})${END}`),
    canon: (m) => `${m[1]}/${m[2]}/${m[3]}`,
    hint: /[A-ZÄÖ]\s*\/\s*\d/,
  },
  {
    // Year-first references such as OKM/2014/120 on valtioneuvosto decision pages.
    type: 'diary',
    re: rx(`${B}(?!(?:EU|EY|ETY|EEC|EC)/)([A-ZÄÖ]{2,8})/((?:19|20)\\d{2})/(\\d{1,6})${END}(?!\\.\\d)`),
    canon: (m) => `${m[1]}/${m[2]}/${m[3]}`,
    hint: /[A-ZÄÖ]\/(?:19|20)\d\d\/\d/,
  },
  // Hankeikkuna display style, optional space: SM061:00/2015, SM 061:00/2015.
  {
    type: 'project',
    re: rx(`${B}([A-Z]{2,4})\\s?(\\d{3}):(\\d{2})/(\\d{4})${END}`),
    canon: (m) => `${m[1]}${m[2]}:${m[3]}/${m[4]}`,
    hint: /\d:\d\d\/\d/,
  },
  // Project codes of the old register, kept as given: LM0085:00/25/01/1998.
  {
    type: 'project',
    re: rx(`${B}([A-Z]{2,4})(\\d{4}):(\\d{2})((?:/\\d{1,3})+)/((?:19|20)\\d{2})${END}`),
    canon: (m) => `${m[1]}${m[2]}:${m[3]}${m[4]}/${m[5]}`,
    hint: /\d:\d\d\//,
  },
  // Hankeikkuna API style, kept as given: VNK:500:2014.
  { type: 'project', re: rx(`${B}([A-Z]{2,4}):(\\d{1,4}):((?:19|20)\\d{2})${E}`), canon: (m) => `${m[1]}:${m[2]}:${m[3]}`, hint: /[A-Z]:\d/ },
  {
    type: 'edk',
    re: rx(`${B}EDK-(\\d{4})-([A-Z]{2})-(\\d+)${E}`, 'i'),
    canon: (m) => `EDK-${m[1]}-${m[2].toUpperCase()}-${m[3]}`,
    hint: /edk-\d/iu,
  },
  { type: 'statute', re: rx(`\\(\\s*${NUM_YEAR}\\s*[,;)]`), canon: (m) => `${Number(m[1])}/${m[2]}` },
  {
    type: 'statute',
    re: rx(`${B}${STATUTE_WORDS}\\s+(?:(?:nro|n:o|nr)\\.?\\s+)?${NUM_YEAR}${END}`, 'i'),
    canon: (m) => `${Number(m[1])}/${m[2]}`,
    hint: /\d\s*\/\s*(?:19|20|21)\d\d/,
  },
  {
    type: 'statute',
    re: rx(`(?<![\\p{L}\\p{N}])akn/fi/act/statute(?:-consolidated)?/(\\d{4})/(\\d{1,5})${E}`),
    canon: (m) => `${Number(m[2])}/${m[1]}`,
    hint: ['akn/fi/act/statute'],
  },
  { type: 'statute', re: rx('/eli/sd/(\\d{4})/(\\d{1,5})(?![\\d])'), canon: (m) => `${Number(m[2])}/${m[1]}` },
  {
    // Old Finlex page URLs: /laki/alkup/2002/20021090 → 1090/2002.
    type: 'statute',
    re: rx('finlex\\.fi/\\w{2}/laki/(?:alkup|ajantasa)/(\\d{4})/(\\d{4})(\\d{4})(?!\\d)'),
    canon: (m) => (m[1] === m[2] ? `${Number(m[3])}/${m[1]}` : null),
  },
  { type: 'eli', re: rx('https?://[\\w.-]+/eli/[^\\s"\'<>]+'), canon: (m) => m[0].replace(/[.,;:)\]]+$/, ''), hint: ['/eli/'] },
  {
    type: 'celex',
    re: rx(`CELEX(?::|%3A|=)\\s*(3\\d{4}[A-Z]{1,2}\\d{4})${E}`, 'i'),
    canon: (m) => m[1].toUpperCase(),
  },
  { type: 'celex', re: rx(`${B}(3\\d{4}[A-Z]\\d{4})${E}`), canon: (m) => m[1], context: /eur-lex/i },
  {
    type: 'lausuntopalvelu',
    re: rx(`^lausuntopalvelu:\\s*([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, 'i'),
    canon: (m) => m[1].toLowerCase(),
    explicitOnly: true,
  },
];

/**
 * Text with the forms an identifier may be typed or pasted in read as their ASCII kin: full-width letters, digits and
 * punctuation (a Japanese or Chinese keyboard: "ＨＥ １２／２０２６ vp", NFKC's own mapping of that block), other
 * scripts' decimal digits ("١٢/٢٠٢٦") and Unicode spaces. Nothing else NFKC would fold (superscripts, the fraction slash,
 * ligatures) is taken: "HE ¹²/2026" is not an identifier someone typed.
 */
export function asciiForms(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\p{Zs}/gu, ' ').replace(/\p{Nd}/gu, asciiDigit);
}

// eslint-disable-next-line no-control-regex
const NOT_ASCII = /[^\u0000-\u007f]/;
const DECIMAL = /^\p{Nd}$/u;

/** A decimal digit of any script as 0–9: Unicode gives each script's ten digits in a row from zero, so count back to it. */
function asciiDigit(d: string): string {
  const code = d.codePointAt(0)!;
  if (code < 0x80) return d;
  // The mathematical digits' five sets of ten follow each other with no gap: NFKC reads those.
  const folded = d.normalize('NFKC');
  if (folded.length === 1 && folded < '\u0080') return folded;
  let value = 0;
  while (value < 9 && DECIMAL.test(String.fromCodePoint(code - value - 1))) value++;
  return String(value);
}

const HE_NUMBER = /^\s*(?:(?:HE|RP)\s*)?(\d{1,5})\s*\/\s*((?:19|20|21)\d{2})(?:\s*(?:vp|rd))?\s*$/i;

/**
 * A field that holds only government-proposal numbers (Hankeikkuna's heNumerot) in any of its spellings,
 * "207/2016", "256/2017 vp", "HE 311/2022" or "RP 5/2020 rd", as the canonical "HE n/yyyy vp"; null otherwise.
 */
export function heIdentifier(value: string): string | null {
  const m = HE_NUMBER.exec(asciiForms(nfc(value)));
  return m ? `HE ${Number(m[1])}/${m[2]} vp` : null;
}

/** A bare "1090/2002" given explicitly (e.g. Eduskunta's saadoskokoelmaviite) is a statute number. */
const BARE_STATUTE = /^\s*(\d{1,5})\s*\/\s*((?:19|20|21)\d{2})\s*$/;

/** Whether the text passes a rule's hint (see Rule.hint); true when there is none. */
function passesHint(hint: Rule['hint'], text: string): boolean {
  if (!hint) return true;
  return hint instanceof RegExp ? hint.test(text) : hint.some((h) => text.includes(h));
}

/** Stronger roles win when one identifier is found more than once: self over about over mention. */
const RANK: Record<IdentifierRole, number> = { self: 3, about: 2, mention: 1 };

/**
 * Apply the rules to one text (`explicit`: a stated identifier, which the explicit-only rules and a bare statute number
 * may read), calling `found` with each match's canonical value (null: none) and where it starts and ends.
 */
function eachMatch(text: string, explicit: boolean, found: (type: IdentifierType, value: string | null, start: number, end: number) => void): void {
  for (const rule of RULES) {
    if (rule.explicitOnly && !explicit) continue;
    if (rule.context && !rule.context.test(text)) continue;
    if (!passesHint(rule.hint, text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) found(rule.type, rule.canon(m), m.index, m.index + m[0].length);
  }
  const bare = explicit ? BARE_STATUTE.exec(text) : null;
  if (bare) found('statute', `${Number(bare[1])}/${bare[2]}`, 0, text.length);
}

/** Apply the rules to one text, adding identifiers with `role` to `out` (a stronger role already there stays). */
function scan(text: string, role: IdentifierRole, out: Map<string, Identifier>): void {
  eachMatch(text, role !== 'mention', (type, value) => {
    if (!value) return;
    const key = `${type}\u0000${value}`;
    const had = out.get(key);
    if (!had) out.set(key, { type, value, role });
    else if (RANK[role] > RANK[had.role!]) had.role = role;
  });
}

/**
 * Find identifiers in text plus those a source stated: `self` (the item's own) and `about` (what it is about).
 * Canonical and deduplicated, stated ones first; each carries its strongest role (codes only in the text are mentions).
 */
export function extractIdentifiers(text: string, self: string[] = [], about: string[] = []): Identifier[] {
  const out = new Map<string, Identifier>();
  for (const e of self) if (typeof e === 'string') scan(asciiForms(nfc(e)).trim(), 'self', out);
  for (const e of about) if (typeof e === 'string') scan(asciiForms(nfc(e)).trim(), 'about', out);
  scan(nfc(text ?? '').replace(/\u00a0/g, ' '), 'mention', out);
  return [...out.values()];
}

/** The spellings of what a person typed: as written, else with its leading letters upper-case or a committee's "StVL". */
function spellings(text: string): string[] {
  const typed = asciiForms(nfc(text)).trim().replace(/\s+/g, ' ');
  const out = [typed];
  const lead = /^([a-zäö]+)(.*)$/i.exec(typed);
  if (lead) {
    const rest = lead[2].replace(/(?<=\d ?)(vp|rd)$/i, (s) => s.toLowerCase());
    out.push(lead[1].toUpperCase() + rest);
    const committee = /^([a-zäö])([a-zäö]{0,3})v([mlep])$/i.exec(lead[1]);
    if (committee) out.push(`${committee[1].toUpperCase()}${committee[2].toLowerCase()}V${committee[3].toUpperCase()}${rest}`);
  }
  return out;
}

interface Found {
  identifier: Identifier;
  before: string;
  after: string;
}

/** Every identifier the rules find in `text` read as stated, in their order, with the text before and after each. */
function foundIn(text: string): Found[] {
  const out: Found[] = [];
  eachMatch(text, true, (type, value, start, end) => {
    if (value) out.push({ identifier: { type, value, role: 'self' }, before: text.slice(0, start), after: text.slice(end) });
  });
  return out;
}

/**
 * An identifier a person typed to look something up, in any letter case ("he 184/2026 vp", "vn/31234/2026",
 * "stvl 19/2026 vp"): as written first, else with its leading letters in the case the identifier is written in
 * (upper, or a committee's "StVL"). Only the identifier itself: "HE 12/2026 vp; DROP" is none (identifierWithin
 * names the rest). Running text never goes through this: there "he" is a pronoun.
 */
export function typedIdentifier(text: string): Identifier | undefined {
  for (const spelling of spellings(text)) {
    const whole = foundIn(spelling).find((f) => !f.before && !f.after);
    if (whole) return whole.identifier;
  }
  return undefined;
}

/** An identifier inside what a person typed with other text around it (which typedIdentifier refuses), to name that text. */
export function identifierWithin(text: string): { value: string; before: string; after: string } | undefined {
  for (const spelling of spellings(text)) {
    const [found] = foundIn(spelling);
    if (found) return { value: found.identifier.value, before: found.before.trim(), after: found.after.trim() };
  }
  return undefined;
}

/**
 * The ways a parliament document's identifier (canonical, "HE 196/2026 vp") is written in text, as the words a search
 * index reads: its Finnish and Swedish prefix, each before the number or glued to it ("HE 196/2026 vp", "RP 196/2026
 * rd", "HE196/2026", "ShUU 19/2026 rd" for "StVL 19/2026 vp"), then the year, whose session may be glued on
 * ("2026vp"). Null for an identifier of another kind (a diary number, a statute), which is searched as its words.
 */
export function parliamentSpellings(value: string): { prefixes: string[]; number: string; year: string } | null {
  const m = /^([A-Za-zÄÖäö]+) (\d+)\/(\d{4}) vp$/.exec(value);
  if (!m) return null;
  const committee = /^(.+V)([ML])$/.exec(m[1]);
  const swedish = (names: Record<string, string>, finnish: string) => Object.keys(names).find((k) => names[k] === finnish);
  const svCommittee = committee && swedish(SV_COMMITTEES, committee[1]);
  const sv = SV_PREFIXES[m[1]] ?? (svCommittee ? `${svCommittee}${swedish(SV_DOCS, committee![2])}` : undefined);
  return { prefixes: sv ? [m[1], sv] : [m[1]], number: m[2], year: m[3] };
}
