// A statute's entry into force from its own closing provision ("Tämä laki tulee voimaan 1 päivänä tammikuuta
// 2027." / "Denna lag träder i kraft den 1 januari 2027."): Finlex's original statutes carry no structured date.
import { daysInMonth } from './dates.js';
import { nfc } from './nfc.js';

const FI_MONTHS = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];
const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/**
 * The act's own commencement sentence: "Tämä laki / asetus / valtioneuvoston asetus / päätös … tulee voimaan",
 * "Denna lag / förordning … träder i kraft". Only the act itself ("tämä", "denna"): "Lain 5 § tulee kuitenkin
 * voimaan …" and "… jää voimaan" are other provisions.
 */
const COMMENCEMENT = /\b(?:tämä((?:\s+[\p{L}-]+){1,3}?)\s+tulee\s+voimaan|(?:denna|detta)((?:\s+[\p{L}-]+){1,3}?)\s+träder\s+i\s+kraft)\s+/giu;
/** The subject's last word: an act, not "Tämä pykälä" or "Denna paragraf" (a provision of another act quoted). */
const ACT = /(?:laki|asetus|päätös|määräys|lag|förordning|beslut|föreskrift)$/iu;

/** What may follow the verb: "1 päivänä tammikuuta 2027", "1. päivänä …", "den 1 januari 2027", "1.1.2027". */
const DATE_AFTER = new RegExp(
  `^(?:den\\s+)?(?:(\\d{1,2})\\.?\\s+(?:päivänä\\s+)?(${FI_MONTHS.join('|')})kuuta\\s+(\\d{4})` +
    `|(\\d{1,2})\\s+(${SV_MONTHS.join('|')})\\s+(\\d{4})` +
    `|(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4}))(?![\\d.]\\d)`,
  'iu',
);

const iso = (y: number, m: number, d: number): string | null =>
  y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
    ? `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;

/**
 * The date (YYYY-MM-DD) on which the act whose text this is comes into force, or null when the text gives none:
 * no commencement sentence, a date set later ("valtioneuvoston asetuksella säädettävänä ajankohtana", "vid en
 * tidpunkt som bestäms genom förordning"), a blank form ("päivänä kuuta 20"), or an impossible date. The last
 * commencement sentence counts: the act's own comes after any amended provision that quotes another's.
 */
export function entryIntoForce(text: string): string | null {
  const t = nfc(text).replace(/\s+/g, ' ');
  let at = -1;
  for (const m of t.matchAll(COMMENCEMENT)) if (ACT.test((m[1] ?? m[2]).trim())) at = m.index + m[0].length;
  return at < 0 ? null : dateAt(t.slice(at));
}

/** The date a commencement sentence gives right after its verb, or null (none, set later, impossible). */
function dateAt(rest: string): string | null {
  const d = DATE_AFTER.exec(rest);
  if (!d) return null;
  if (d[1]) return iso(+d[3], FI_MONTHS.indexOf(d[2].toLowerCase()) + 1, +d[1]);
  if (d[4]) return iso(+d[6], SV_MONTHS.indexOf(d[5].toLowerCase()) + 1, +d[4]);
  return iso(+d[9], +d[8], +d[7]);
}

/** Where a commencement verb stands: "tulee / tulevat voimaan", "träder i kraft". */
const BRINGS_INTO_FORCE = /\b(?:tulee|tulevat)\s+voimaan\b|\bträder\s+i\s+kraft\b/giu;
/** A statute number in brackets, as the Statute Book names an act: "(1040/2026)". */
const ACT_NUMBER = /\(\s*(\d{1,5})\s*\/\s*(\d{4})\s*\)/gu;
/** A number that follows the word for an act itself: "annettu laki (1040/2026)", "lagen (1040/2026)". */
const ACT_WORD_BEFORE = /\b(?:laki|lait|lag|lagen|lagarna)\s*$/iu;

/** A subject that names its acts in a list after the verb: "Seuraavat lait tulevat voimaan …:", "Följande lagar …". */
const LIST_SUBJECT = /^(?:seuraavat|följande)\s+(?:lait|lagar)\b/iu;

/**
 * The list that follows a commencement verb and its date after a colon, as items ("1) … (123/2022); 2) …", or items
 * separated by semicolons), and where it ends: at the first full stop that does not run into the next numbered item.
 * Null when no colon follows the date.
 */
function listAfter(rest: string): { items: string[]; end: number } | null {
  const colon = /^[^:.]*(?:\.\s?\d[^:.]*)*:/u.exec(rest);
  if (!colon) return null;
  const stop = /\.(?=\s(?!\s*\d{1,2}\))|$)/u.exec(rest.slice(colon[0].length));
  const end = colon[0].length + (stop ? stop.index : rest.length - colon[0].length);
  const list = rest.slice(colon[0].length, end);
  const items = /(?:^|[\s;,])\d{1,2}\)\s/u.test(list) ? list.split(/(?:^|[\s;,])\d{1,2}\)\s/u) : list.split(';');
  return { items, end };
}

/** An act a decree brings into force: its statute number ("1040/2026") and the day, when the sentence gives one. */
export interface ActIntoForce {
  act: string;
  date: string | null;
}

/**
 * The acts an entry-into-force decree brings into force, as its sentences name them by number: "Hyvinvointialueiden
 * rahoituksesta annetun lain 3 §:n muuttamisesta annettu laki (1040/2026) tulee voimaan 1 päivänä helmikuuta 2027." /
 * "Lagen om ändring av 3 § i lagen om finansiering av välfärdsområdena (1040/2026) träder i kraft den 1 februari
 * 2027.". Only the subject of such a sentence counts: the number right after the word for the act, and the last
 * number before the verb (in Swedish the number follows the act's whole title, which may quote an older act's).
 * A plural subject may instead list its acts after the verb ("Seuraavat lait tulevat voimaan 1 päivänä tammikuuta
 * 2027: 1) … laki (1/2027); 2) … laki (2/2027)."), each item naming its act by its last number. Numbers anywhere
 * else, and the decree's own sentence ("Tämä asetus …", "Denna förordning …"), are not acts it brings into force. An act named only by its title gives nothing here.
 */
export function actsBroughtIntoForce(text: string): ActIntoForce[] {
  const t = nfc(text).replace(/\s+/g, ' ');
  const out = new Map<string, ActIntoForce>();
  let from = 0;
  for (const verb of t.matchAll(BRINGS_INTO_FORCE)) {
    // The sentence's subject: from the end of the sentence before (a full stop or colon before a capital) to the verb.
    const before = t.slice(from, verb.index);
    from = verb.index + verb[0].length;
    const ends = [...before.matchAll(/[.!?:]\s+(?=\p{Lu})/gu)];
    const subject = ends.length ? before.slice(ends.at(-1)!.index + ends.at(-1)![0].length) : before;
    if (/^(?:tämä|denna|detta)\b/iu.test(subject)) continue;
    const date = dateAt(t.slice(from).trimStart());
    let named: RegExpMatchArray[];
    if (LIST_SUBJECT.test(subject)) {
      const list = listAfter(t.slice(from));
      if (!list) continue;
      from += list.end;
      named = list.items.flatMap((item) => [...item.matchAll(ACT_NUMBER)].slice(-1));
    } else {
      const numbers = [...subject.matchAll(ACT_NUMBER)];
      named = numbers.filter((n, i) => i === numbers.length - 1 || ACT_WORD_BEFORE.test(subject.slice(0, n.index)));
    }
    for (const n of named) {
      const act = `${Number(n[1])}/${n[2]}`;
      if (!out.has(act)) out.set(act, { act, date });
    }
  }
  return [...out.values()];
}
