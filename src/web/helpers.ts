// Handlebars helpers: dates (d.m.yyyy in both languages) and goal labels in the page's language.
import { finnishDate, helsinkiDate } from '../parse/dates.js';
import type { Lang } from '../model.js';
import type { HelperOptions } from 'handlebars';
import { fiDateTime } from '../app/format.js';
import { pageLang } from './routes/form-helpers.js';

export { fiDateTime };

/** An instant in Helsinki time as the page's language writes it: "3.12.2026 klo 14.05", in Swedish "3.12.2026 kl. 14.05". */
export const dateTime = (iso: unknown, lang: Lang = 'fi'): string => (lang === 'sv' ? fiDateTime(iso).replace(' klo ', ' kl. ') : fiDateTime(iso));

/** An instant as toISOString writes it (how the store keeps published and first seen), its time valid. */
const STORED_INSTANT = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;
/** Each UTC hour's Helsinki day as fiDate writes it; three years of list dates are some 26,000 hours. */
const dayOfHour = new Map<string, string>();
const KEPT_HOURS = 40_000;

/** 2026-11-29 → "29.11.2026"; an instant shows its Helsinki day (23.30 UTC is already tomorrow there). */
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

/** The helpers, with goal labels from the taxonomy (Swedish ones for a Swedish page). */
export function createHelpers(goalLabels: Record<string, string>, goalLabelsSv: Record<string, string> = {}) {
  return {
    fiDateTime: (iso: unknown, options: HelperOptions) => dateTime(iso, pageLang(options.data?.root)),
    fiDate,
    eq: (a: unknown, b: unknown) => a === b,
    goal: (id: unknown, options: HelperOptions) =>
      typeof id !== 'string' ? '' : ((pageLang(options.data?.root) === 'sv' ? goalLabelsSv[id] : undefined) ?? goalLabels[id] ?? id),
  };
}
