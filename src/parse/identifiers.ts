// Structured identifiers (HE, committee documents, diary numbers, statutes, …) found in text, in canonical form.
import type { Identifier, IdentifierType } from '../model.js';

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
}

const rx = (source: string, flags = ''): RegExp => new RegExp(source, `gu${flags}`);
const vp = (m: RegExpExecArray, n = 2, y = 3): string => `${Number(m[n])}/${m[y]} vp`;

/** Statute numbers appear only in explicit context: "(1090/2002)", "laki 379/2011", Finlex URIs. */
const STATUTE_WORDS =
  '(?:laki|lain|lakia|laissa|lakiin|asetus|asetuksen|asetusta|asetuksessa|asetukseen|säädös|säädöksen|säädöskokoelma|säädöskokoelman|lag|lagen|förordning(?:en)?|författningssamling(?:en)?|FFS|SdK)';

const RULES: Rule[] = [
  { type: 'he', re: rx(`${B}(?:HE|RP)\\s+${NUM_YEAR}(?:\\s+(?:vp|rd))?${END}`), canon: (m) => `HE ${vp(m, 1, 2)}` },
  {
    // Committee prefixes: HaVM, StVL, PeVL, TaVE, SuVL …; case-sensitive so ordinary words never match.
    type: 'committee',
    re: rx(`${B}([A-ZÄÖ][a-zäö]{0,3}V[MLEP])\\s+${NUM_YEAR}(?:\\s+(vp))?${END}`),
    // A prefix with no lower-case letter (e.g. "AVM") is too generic without " vp".
    canon: (m) => (/[a-zäö]/.test(m[1]) || m[4] ? `${m[1]} ${vp(m)}` : null),
  },
  { type: 'ptk', re: rx(`${B}PTK\\s+${NUM_YEAR}(?:\\s+vp)?${END}`), canon: (m) => `PTK ${vp(m, 1, 2)}` },
  // EU matters: "U" and "E" are too common as letters, so the session suffix is required.
  { type: 'eu', re: rx(`${B}([UE])\\s+${NUM_YEAR}\\s+(?:vp|rd)${END}`), canon: (m) => `${m[1]} ${vp(m)}` },
  { type: 'kk', re: rx(`${B}KK\\s+${NUM_YEAR}(?:\\s+vp)?${END}`), canon: (m) => `KK ${vp(m, 1, 2)}` },
  { type: 'diary', re: rx(`${B}SMDno-(\\d{4})-(\\d+)${E}`, 'i'), canon: (m) => `SMDno-${m[1]}-${Number(m[2])}` },
  { type: 'diary', re: rx(`${B}OKM/(\\d{1,5})/(\\d{3})/((?:19|20)\\d{2})${END}`), canon: (m) => `OKM/${m[1]}/${m[2]}/${m[3]}` },
  {
    // VN/18775/2022, ESAVI/12/2019, STM/1234/2020 and other <ORG>/<n>/<yyyy> diary numbers.
    type: 'diary',
    re: rx(`${B}(?!(?:EU|EY|ETY|EEC|EC|HE|KK|RP)/)([A-ZÄÖ]{2,8})/(\\d{1,6})/((?:19|20)\\d{2})${END}`),
    canon: (m) => `${m[1]}/${m[2]}/${m[3]}`,
  },
  {
    // Year-first references such as OKM/2014/120 on valtioneuvosto decision pages.
    type: 'diary',
    re: rx(`${B}(?!(?:EU|EY|ETY|EEC|EC)/)([A-ZÄÖ]{2,8})/((?:19|20)\\d{2})/(\\d{1,6})${END}`),
    canon: (m) => `${m[1]}/${m[2]}/${m[3]}`,
  },
  // Hankeikkuna display style, optional space: SM061:00/2015, SM 061:00/2015.
  { type: 'project', re: rx(`${B}([A-Z]{2,4})\\s?(\\d{3}):(\\d{2})/(\\d{4})${END}`), canon: (m) => `${m[1]}${m[2]}:${m[3]}/${m[4]}` },
  // Hankeikkuna API style, kept as given: VNK:500:2014.
  { type: 'project', re: rx(`${B}([A-Z]{2,4}):(\\d{1,4}):((?:19|20)\\d{2})${E}`), canon: (m) => `${m[1]}:${m[2]}:${m[3]}` },
  { type: 'edk', re: rx(`${B}EDK-(\\d{4})-([A-Z]{2})-(\\d+)${E}`, 'i'), canon: (m) => `EDK-${m[1]}-${m[2].toUpperCase()}-${m[3]}` },
  { type: 'statute', re: rx(`\\(\\s*${NUM_YEAR}\\s*[,;)]`), canon: (m) => `${Number(m[1])}/${m[2]}` },
  {
    type: 'statute',
    re: rx(`${B}${STATUTE_WORDS}\\s+(?:(?:nro|n:o|nr)\\.?\\s+)?${NUM_YEAR}${END}`, 'i'),
    canon: (m) => `${Number(m[1])}/${m[2]}`,
  },
  {
    type: 'statute',
    re: rx(`(?<![\\p{L}\\p{N}])akn/fi/act/statute(?:-consolidated)?/(\\d{4})/(\\d{1,5})${E}`),
    canon: (m) => `${Number(m[2])}/${m[1]}`,
  },
  { type: 'statute', re: rx('/eli/sd/(\\d{4})/(\\d{1,5})(?![\\d])'), canon: (m) => `${Number(m[2])}/${m[1]}` },
  {
    // Old Finlex page URLs: /laki/alkup/2002/20021090 → 1090/2002.
    type: 'statute',
    re: rx('finlex\\.fi/\\w{2}/laki/(?:alkup|ajantasa)/(\\d{4})/(\\d{4})(\\d{4})(?!\\d)'),
    canon: (m) => (m[1] === m[2] ? `${Number(m[3])}/${m[1]}` : null),
  },
  { type: 'eli', re: rx('https?://[\\w.-]+/eli/[^\\s"\'<>]+'), canon: (m) => m[0].replace(/[.,;:)\]]+$/, '') },
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

/** A bare "1090/2002" given explicitly (e.g. Eduskunta's saadoskokoelmaviite) is a statute number. */
const BARE_STATUTE = /^\s*(\d{1,5})\s*\/\s*((?:19|20|21)\d{2})\s*$/;

/** Apply the rules to one text, appending new identifiers to `out`. */
function scan(text: string, explicit: boolean, out: Map<string, Identifier>): void {
  const add = (type: IdentifierType, value: string | null): void => {
    if (value && !out.has(`${type}\u0000${value}`)) out.set(`${type}\u0000${value}`, { type, value });
  };
  for (const rule of RULES) {
    if (rule.explicitOnly && !explicit) continue;
    if (rule.context && !rule.context.test(text)) continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) add(rule.type, rule.canon(m));
  }
  const bare = explicit ? BARE_STATUTE.exec(text) : null;
  if (bare) add('statute', `${Number(bare[1])}/${bare[2]}`);
}

/** Find identifiers in text plus those a source gave explicitly; canonical and deduplicated, explicit first. */
export function extractIdentifiers(text: string, explicit: string[] = []): Identifier[] {
  const out = new Map<string, Identifier>();
  for (const e of explicit) if (typeof e === 'string') scan(e.normalize('NFC').trim(), true, out);
  scan((text ?? '').normalize('NFC').replace(/\u00a0/g, ' '), false, out);
  return [...out.values()];
}
