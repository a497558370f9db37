// Dates as the sources write them → ISO UTC instants; offset-less times are Europe/Helsinki (sources.md §9).

const HELSINKI = 'Europe/Helsinki';
const DAY_MS = 86_400_000;

/**
 * The formatter that reads Helsinki's wall clock, made on first use and only for instants before 1996: the first
 * Intl.DateTimeFormat of a process sets up ICU's locale and zone data (some 20–40 ms of a crawl's main thread).
 */
let helsinkiParts: Intl.DateTimeFormat | null = null;
const helsinkiFormat = (): Intl.DateTimeFormat =>
  (helsinkiParts ??= new Intl.DateTimeFormat('en-US', {
    timeZone: HELSINKI,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }));

// Offsets change only on whole UTC hours (DST switches at 01:00 UTC), so cache them by hour.
const offsetByHour = new Map<number, number>();

/** Minutes Helsinki is ahead of UTC at the given UTC instant (120 or 180). */
export function helsinkiOffsetMinutes(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size > 50_000) offsetByHour.clear();
    offsetByHour.set(hour, (offset = computeOffsetMinutes(hour * 3_600_000)));
  }
  return offset;
}

/** 01:00 UTC on the last Sunday of month `m` (1–12) of year `y`, when EU summer time begins (3) or ends (10). */
function euSwitch(y: number, m: number): number {
  const lastDay = Date.UTC(y, m, 0);
  return lastDay - new Date(lastDay).getUTCDay() * DAY_MS + 3_600_000;
}

function computeOffsetMinutes(utcMs: number): number {
  // Since 1996 Finland keeps the EU's summer time (Directive 2000/84/EC): UTC+3 from the last Sunday of March to the
  // last Sunday of October, 01:00 UTC both, else UTC+2; tzdata has no other change for Helsinki since, and the
  // tests compare every switch up to 2200 with Intl, so a tzdata that changes the rule fails them.
  const year = new Date(utcMs).getUTCFullYear();
  if (year >= 1996 && year <= 2200) return utcMs >= euSwitch(year, 3) && utcMs < euSwitch(year, 10) ? 180 : 120;
  const p: Record<string, number> = {};
  for (const { type, value } of helsinkiFormat().formatToParts(new Date(utcMs))) p[type] = Number(value);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in month `m` (1–12) of year `y` in the proleptic Gregorian calendar; arithmetic, no Date object. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1];
}

/** True when the calendar fields name a real date and time of day. */
function validFields(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return (
    y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) &&
    h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 60
  );
}

/** The UTC ISO instant of a Helsinki wall-clock time, or null if the fields are not a real date. */
export function helsinkiInstant(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): string | null {
  if (!validFields(y, mo, d, h, mi, s)) return null;
  const wall = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  // Two passes: the offset at the guessed instant settles DST transitions.
  const guess = wall - helsinkiOffsetMinutes(wall) * 60_000;
  return isoInstant(wall - helsinkiOffsetMinutes(guess) * 60_000);
}

/** Dates (YYYY-MM-DD) of UTC days by day number: toISOString costs about a microsecond, a lookup far less. */
const dayByNumber = new Map<number, string>();

/** The UTC date of a millisecond count within years 1000–9999 (where toISOString's date is plain YYYY-MM-DD). */
function utcDay(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  let date = dayByNumber.get(day);
  if (date === undefined) {
    if (dayByNumber.size > 50_000) dayByNumber.clear();
    dayByNumber.set(day, (date = new Date(day * DAY_MS).toISOString().slice(0, 10)));
  }
  return date;
}

/** Milliseconds of years 1000–9999, where utcDay and isoInstant agree with toISOString. */
const inPlainYears = (ms: number): boolean => ms >= -30_610_224_000_000 && ms < 253_402_300_800_000;

/** "00" to "99", made once: a time of day or a date takes three of them. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => (n < 10 ? `0${n}` : `${n}`));

/** A whole number 0–99 as two digits ("07"); others as written. */
export const pad2 = (n: number): string => TWO_DIGITS[n] ?? (n < 10 ? `0${n}` : `${n}`);

/** new Date(ms).toISOString(), built from the cached day and the time of day. */
function isoInstant(ms: number): string {
  if (!inPlainYears(ms)) return new Date(ms).toISOString();
  const t = ms - Math.floor(ms / DAY_MS) * DAY_MS;
  const milli = t % 1000;
  const hms = `${pad2(Math.floor(t / 3_600_000))}:${pad2(Math.floor(t / 60_000) % 60)}:${pad2(Math.floor(t / 1000) % 60)}`;
  return `${utcDay(ms)}T${hms}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

/** The calendar date (YYYY-MM-DD) in Helsinki of a valid ISO instant. */
export function helsinkiDate(iso: string | Date): string {
  const ms = typeof iso === 'string' ? Date.parse(iso) : iso.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`helsinkiDate: not a valid instant: ${String(iso)}`);
  const local = ms + helsinkiOffsetMinutes(ms) * 60_000;
  return inPlainYears(local) ? utcDay(local) : new Date(local).toISOString().slice(0, 10);
}

/** The calendar date `n` days after (before, for a negative `n`) a date YYYY-MM-DD, whatever the clock does between. */
export const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const FINNISH =
  /^(?:\p{L}+(?:\s+\p{L}+)*:?\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*(?:klo|kl\.?|,)?\s*(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?$/iu;
const RFC822 =
  /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{2}|\d{4})(?:\s+|\s*,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[+-]\d{2}:\d{2}|[a-z]{1,5})?$/i;
const MS_DATE = /^\/Date\((-?\d+)(?:[+-]\d{4})?\)\/$/;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Named zones (RFC 822 plus the European ones feeds use), in minutes east of UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
};

/** The value of two ASCII digits at `at`, or -1. */
function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Minutes east of UTC for "+0200", "+02:00", "+02" or "Z"; null if not an offset. */
function offsetMinutes(zone: string): number | null {
  // "+0200", what RFC 822 dates carry: read from the characters (the pattern and the case change made strings).
  if (zone.length === 5 && (zone[0] === '+' || zone[0] === '-')) {
    const hours = twoDigits(zone, 1);
    const minutes = twoDigits(zone, 3);
    if (hours >= 0 && minutes >= 0) {
      const mins = hours * 60 + minutes;
      return mins > 14 * 60 ? null : zone[0] === '-' ? -mins : mins;
    }
  }
  const named = ZONES[zone.toUpperCase()];
  if (named !== undefined) return named;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const mins = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return mins > 14 * 60 ? null : (m[1] === '-' ? -mins : mins);
}

/** An instant from calendar fields and an offset (null offset = Helsinki local time). */
function instant(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, offset: number | null): string | null {
  if (offset === null) return helsinkiInstant(y, mo, d, h, mi, s, ms);
  if (!validFields(y, mo, d, h, mi, s)) return null;
  return isoInstant(Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms) - offset * 60_000);
}

const fraction = (digits: string | undefined): number => (digits ? Math.round(Number(`0.${digits}`) * 1000) % 1000 : 0);

/** Parse a date as sources write it into an ISO UTC instant; null for anything unrecognised (never throws). */
export function parseDate(value: Date | string | null | undefined): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'string') return null;
  // Collapse whitespace runs; a lone plain space is left alone, so typical dates are not copied.
  const s = value.replace(/\s{2,}|[^\S ]/g, ' ').trim();
  if (!s || s.length > 100) return null;
  let m = ISO.exec(s);
  if (m) {
    const offset = m[8] ? offsetMinutes(m[8]) : null;
    if (m[8] && offset === null) return null;
    return instant(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), fraction(m[7]), offset);
  }
  if ((m = FINNISH.exec(s))) return helsinkiInstant(+m[3], +m[2], +m[1], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  if ((m = RFC822.exec(s))) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    if (month === 0) return null;
    const year = m[3].length === 2 ? (Number(m[3]) < 50 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
    // RFC 822 requires a zone; a missing one is read as Helsinki time like every other offset-less date.
    const offset = m[7] ? offsetMinutes(m[7]) : null;
    if (m[7] && offset === null) return null;
    return instant(year, month, +m[1], +m[4], +m[5], +(m[6] ?? 0), 0, offset);
  }
  if ((m = MS_DATE.exec(s))) {
    const d = new Date(Number(m[1]));
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  return null;
}

/** Parse a date as sources write it into a Helsinki calendar date (YYYY-MM-DD), or null. */
export function parseLocalDate(value: Date | string | null | undefined): string | null {
  const iso = parseDate(value);
  return iso === null ? null : helsinkiDate(iso);
}

/** 2023-03-15 (or an ISO instant's date part) → "15.3.2023", the way Finnish readers write dates; null if none. */
export function finnishDate(iso: string | null | undefined): string | null {
  const m = iso?.match(/^(\d{4})-(\d{2})-(\d{2})/);
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : null;
}
