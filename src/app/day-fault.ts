// Why a date written in a known form is still no date: the month or the day does not exist, or the year is out of range.
import { daysInMonth } from '../parse/dates.js';

/** What is wrong with a calendar date that has the right form (the parser's range is years 1900–2200). */
export type DayFault =
  | { fault: 'month'; month: number }
  | { fault: 'day'; day: number; month: number; year: number; days: number }
  | { fault: 'year'; year: number };

/** The fault of year/month/day, or null when they name a real day in the parser's range. */
export function dayFault(year: number, month: number, day: number): DayFault | null {
  if (month < 1 || month > 12) return { fault: 'month', month };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { fault: 'day', day, month, year, days };
  if (year < 1900 || year > 2200) return { fault: 'year', year };
  return null;
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
const FINNISH_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s.*)?$/;

/** The day fault of a text in YYYY-MM-DD or D.M.YYYY form, or null when it is in neither form or names a real day. */
export function writtenDayFault(text: string): DayFault | null {
  const s = text.trim();
  let m = ISO_DAY.exec(s);
  if (m) return dayFault(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = FINNISH_DAY.exec(s))) return dayFault(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

/** A fault in plain English, for the CLI. */
export function dayFaultEnglish(f: DayFault): string {
  if (f.fault === 'month') return `there is no month ${f.month} (months are 1–12)`;
  if (f.fault === 'year') return `the year ${f.year} is out of range (1900–2200)`;
  return `there is no day ${f.day} in ${f.year}-${String(f.month).padStart(2, '0')}: that month has ${f.days} days`;
}
