// A cron schedule in words, for people who do not read cron: "0 8 * * 1" is "maanantaisin klo 8.00". Only the shapes
// a digest or a source is scheduled with (a minute and an hour, every day or on given weekdays) are put in words;
// anything else gives null, and the page shows the expression alone.
import type { Lang } from '../model.js';

const DAYS: Record<Lang, string[]> = {
  fi: ['sunnuntaisin', 'maanantaisin', 'tiistaisin', 'keskiviikkoisin', 'torstaisin', 'perjantaisin', 'lauantaisin'],
  sv: ['söndagar', 'måndagar', 'tisdagar', 'onsdagar', 'torsdagar', 'fredagar', 'lördagar'],
};
const EVERY_DAY: Record<Lang, string> = { fi: 'joka päivä', sv: 'varje dag' };
const AND: Record<Lang, string> = { fi: 'ja', sv: 'och' };
const AT: Record<Lang, string> = { fi: 'klo', sv: 'kl.' };

/** One number field in [min, max], or null. */
function num(field: string, min: number, max: number): number | null {
  if (!/^\d{1,2}$/.test(field)) return null;
  const n = Number(field);
  return n >= min && n <= max ? n : null;
}

/** The weekdays of a day-of-week field (0 and 7 are Sunday; lists and ranges), in week order from Monday, or null. */
function weekdays(field: string): number[] | null {
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [from, to = from] = part.split('-');
    const a = num(from, 0, 7);
    const b = num(to, 0, 7);
    if (a === null || b === null || a > b) return null;
    for (let d = a; d <= b; d++) days.add(d % 7);
  }
  return [...days].sort((x, y) => ((x + 6) % 7) - ((y + 6) % 7));
}

/** `expr` ("M H * * D", five fields) in `lang`'s words, or null for a shape this does not put in words. */
export function describeCron(expr: string, lang: Lang): string | null {
  const f = expr.trim().split(/\s+/);
  if (f.length !== 5 || f[2] !== '*' || f[3] !== '*') return null;
  const minute = num(f[0], 0, 59);
  const hour = num(f[1], 0, 23);
  if (minute === null || hour === null) return null;
  const days = f[4] === '*' ? null : weekdays(f[4]);
  if (f[4] !== '*' && (!days || !days.length)) return null;
  const when = !days || days.length === 7 ? EVERY_DAY[lang]
    : days.length === 1 ? DAYS[lang][days[0]]
      : `${days.slice(0, -1).map((d) => DAYS[lang][d]).join(', ')} ${AND[lang]} ${DAYS[lang][days[days.length - 1]]}`;
  return `${when} ${AT[lang]} ${hour}.${String(minute).padStart(2, '0')}`;
}
