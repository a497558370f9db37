// Handlebars helpers: Finnish dates and labels.
import { finnishDate, helsinkiDate } from '../parse/dates.js';

const HELSINKI = new Intl.DateTimeFormat('fi-FI', {
  timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** 2026-11-29T10:00:00Z → "29.11.2026 klo 12.00" (Helsinki time). */
export function fiDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '–' : HELSINKI.format(d);
}

/** 2026-11-29 → "29.11.2026"; an instant shows its Helsinki day (23.30 UTC is already tomorrow there). */
export function fiDate(iso: unknown): string {
  if (typeof iso !== 'string') return '–';
  const instant = iso.length > 10 && !Number.isNaN(Date.parse(iso));
  return finnishDate(instant ? helsinkiDate(iso) : iso) ?? '–';
}

const GOALS: Record<string, string> = {
  services: 'Palvelut ja suorituskyky',
  'welfare-reform': 'Sote- ja hyvinvointialueuudistus',
  'internal-security': 'Sisäinen turvallisuus',
};

const STATUS: Record<string, string> = { ok: 'kunnossa', 'not-modified': 'ei muutoksia', error: 'virhe' };

export const helpers = {
  fiDateTime,
  fiDate,
  status: (s: unknown) => (typeof s === 'string' ? (STATUS[s] ?? s) : 'ei vielä haettu'),
  eq: (a: unknown, b: unknown) => a === b,
  goal: (id: unknown) => (typeof id === 'string' ? (GOALS[id] ?? id) : ''),
};
