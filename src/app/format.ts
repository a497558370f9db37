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
