// Handlebars helpers: Finnish dates and labels.
const HELSINKI = new Intl.DateTimeFormat('fi-FI', {
  timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** 2026-11-29T10:00:00Z → "29.11.2026 klo 12.00" (Helsinki time). */
export function fiDateTime(iso: unknown): string {
  if (typeof iso !== 'string' || !iso) return '–';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '–' : HELSINKI.format(d);
}

/** 2026-11-29 → "29.11.2026". */
export function fiDate(iso: unknown): string {
  const m = typeof iso === 'string' ? iso.match(/^(\d{4})-(\d{2})-(\d{2})/) : null;
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : '–';
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
