// Handlebars helpers: dates (d.m.yyyy in both languages) and goal labels in the page's language.
import type { Lang } from '../model.js';
import type { HelperOptions } from 'handlebars';
import { fiDate, fiDateTime } from '../app/format.js';
import { pageLang } from './routes/form-helpers.js';

export { fiDate, fiDateTime };

/** An instant in Helsinki time as the page's language writes it: "3.12.2026 klo 14.05", in Swedish "3.12.2026 kl. 14.05". */
export const dateTime = (iso: unknown, lang: Lang = 'fi'): string => (lang === 'sv' ? fiDateTime(iso).replace(' klo ', ' kl. ') : fiDateTime(iso));

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
