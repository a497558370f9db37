// How instants are shown to people, the same on the page and in the CLI.
import { finnishDate, helsinkiDate, helsinkiOffsetMinutes } from '../parse/dates.js';

const HELSINKI = new Intl.DateTimeFormat('fi-FI', {
  timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** 2026-11-29T10:00:00Z → "29.11.2026 klo 12.00" (Helsinki time); `none` for a missing or invalid instant. */
export function fiDateTime(iso: unknown, none = '–'): string {
  if (typeof iso !== 'string' || !iso) return none;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? none : HELSINKI.format(d);
}

/** An instant as toISOString writes it (how the store keeps published and first seen), its time valid. */
const STORED_INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/** Each UTC hour's Helsinki day as fiDate writes it; three years of list dates are some 26,000 hours. */
const dayOfHour = new Map<string, string>();
const KEPT_HOURS = 40_000;

/**
 * 2026-11-29 → "29.11.2026"; an instant shows its Helsinki day (23.30 UTC is already tomorrow there); "–" for what is
 * neither. The day of the web view and of the digest mail.
 */
export function fiDate(iso: unknown): string {
  if (typeof iso !== 'string') return '–';
  // A stored instant (toISOString's form, UTC) of the EU-rule years: Helsinki's offset is whole hours and changes only
  // on a whole UTC hour, so the day is its UTC hour's. Kept per hour (a list page's 50 dates were two Date.parse each).
  if (iso.length === 24 && STORED_INSTANT.test(iso) && iso >= '1996' && iso < '2201') {
    const hour = iso.slice(0, 13);
    let day = dayOfHour.get(hour);
    if (day === undefined && !Number.isNaN(Date.parse(iso))) {
      if (dayOfHour.size >= KEPT_HOURS) dayOfHour.clear();
      dayOfHour.set(hour, (day = finnishDate(helsinkiDate(`${hour}:00:00.000Z`)) ?? '–'));
    }
    if (day !== undefined) return day;
  }
  // Helsinki's offset comes from the EU summer-time rule, kept per hour, and each day's date string is kept (dates.ts).
  const instant = iso.length > 10 && !Number.isNaN(Date.parse(iso));
  return finnishDate(instant ? helsinkiDate(iso) : iso) ?? '–';
}

/**
 * When an item or a stage was, as fiDateTime writes it, or its day alone ("17.11.2026") when it is the very start of a
 * Helsinki day: a source that gives a date only (Eduskunta's processing events, a feed's date) is stored as that
 * day's midnight, and "klo 00.00" was a time nobody gave.
 */
export function fiWhen(iso: unknown, none = '–'): string {
  if (typeof iso !== 'string' || !iso) return none;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return none;
  const local = ms + helsinkiOffsetMinutes(ms) * 60_000;
  return local % 86_400_000 === 0 ? (finnishDate(helsinkiDate(iso)) ?? none) : fiDateTime(iso, none);
}

const WHOLE = new Intl.NumberFormat('fi-FI');

/** A count as Finnish and Swedish write it, thousands apart ("10 000"). */
export const wholeNumber = (n: number): string => WHOLE.format(n);

/** A number as Finnish and Swedish write it: a decimal comma ("3,68", not "3.68"). */
export const decimal = (n: number | string): string => String(n).replace('.', ',');
