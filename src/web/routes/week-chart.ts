// Weeks as the overview counts them (Monday 00.00 Helsinki time) and a small bar chart of them, as SVG text.
import { helsinkiInstant } from '../../parse/dates.js';

/** The Helsinki dates (YYYY-MM-DD) of the Mondays of the `count` weeks up to and including the one holding `today`. */
export function weekMondays(today: string, count: number): string[] {
  const t = Date.parse(`${today}T00:00:00Z`);
  const monday = t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000;
  return Array.from({ length: count }, (_, n) => new Date(monday - (count - 1 - n) * 7 * 86_400_000).toISOString().slice(0, 10));
}

/** The instant a Helsinki date starts. */
export function dayStartInstant(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return helsinkiInstant(y, m, d)!;
}

/**
 * Bars of whole numbers, the last (this week) set apart, as an SVG string. Only numbers go into it, so it needs
 * no escaping; it is decorative (aria-hidden) because the row beside it says the same in words and figures.
 */
export function barChart(values: number[], width = 120, height = 28): string {
  const max = Math.max(1, ...values);
  const step = width / values.length;
  const bar = Math.max(2, Math.floor(step) - 3);
  const rects = values.map((v, i) => {
    const h = v === 0 ? 1 : Math.max(2, Math.round((v / max) * (height - 2)));
    const cls = i === values.length - 1 ? 'bar bar-now' : 'bar';
    return `<rect class="${cls}" x="${Math.round(i * step)}" y="${height - h}" width="${bar}" height="${h}"></rect>`;
  });
  return `<svg class="chart" aria-hidden="true" focusable="false" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${rects.join('')}</svg>`;
}
