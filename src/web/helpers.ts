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
