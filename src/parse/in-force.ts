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
  if (at < 0) return null;
  const d = DATE_AFTER.exec(t.slice(at));
  if (!d) return null;
  if (d[1]) return iso(+d[3], FI_MONTHS.indexOf(d[2].toLowerCase()) + 1, +d[1]);
  if (d[4]) return iso(+d[6], SV_MONTHS.indexOf(d[5].toLowerCase()) + 1, +d[4]);
  return iso(+d[9], +d[8], +d[7]);
}
