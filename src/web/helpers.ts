// Handlebars helpers: dates (d.m.yyyy in both languages) and goal labels in the page's language.
import { finnishDate, helsinkiDate } from '../parse/dates.js';
import type { HelperOptions } from 'handlebars';
import { fiDateTime } from '../app/format.js';
import { pageLang } from './routes/form-helpers.js';

export { fiDateTime };

/** An instant in Helsinki time as the page's language writes it: "3.12.2026 klo 14.05", in Swedish "3.12.2026 kl. 14.05". */
export const dateTime = (iso: unknown, lang: 'fi' | 'sv' = 'fi'): string => (lang === 'sv' ? fiDateTime(iso).replace(' klo ', ' kl. ') : fiDateTime(iso));

/** 2026-11-29 → "29.11.2026"; an instant shows its Helsinki day (23.30 UTC is already tomorrow there). */
export function fiDate(iso: unknown): string {
  if (typeof iso !== 'string') return '–';
  // A UTC instant since 1970 as stored ("2026-11-29T21:30:00.000Z"): Helsinki has been two or three hours ahead of UTC
  // since then, so before 21 UTC its day is the UTC day and from 22 the next one; only in the 21st hour does summer time
  // decide (and it changes at 01 UTC). Each UTC day's three answers are worked out once: keyed by the hour, a list of
  // three years (26,000 hours) emptied the map over and over and asked Intl for most rows' offsets.
  if (UTC_INSTANT.test(iso) && iso >= '1970') {
    const hour = iso.charCodeAt(11) * 10 + iso.charCodeAt(12) - 528; // '0' is 48: 48 * 10 + 48
    const key = hour < 21 ? iso.slice(0, 10) : hour > 21 ? `${iso.slice(0, 10)}+` : iso.slice(0, 13);
    let day = dayBuckets.get(key);
    if (day === undefined) {
      if (dayBuckets.size >= 10_000) dayBuckets.clear();
      dayBuckets.set(key, (day = dayOf(iso)));
    }
    return day;
  }
  return dayOf(iso);
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/;
const dayBuckets = new Map<string, string>();

function dayOf(iso: string): string {
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
