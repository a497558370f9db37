// Statement deadlines from free text ("Lausuntoaika päättyy 15.3.2023", "senast den 15 mars 2023").
import { daysInMonth, helsinkiDate, pad2, parseDate } from './dates.js';
import { nfc } from './nfc.js';

const FI_MONTHS = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];
const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

const MONTH_NAME = `(?:${FI_MONTHS.join('|')})kuu(?:ta)?|${SV_MONTHS.join('|')}`;
const DASH = '\\s*[-‐‑‒–—]\\s*';
/** D.M.YYYY, D.M.YYYY with spaces after the dots, or "15. maaliskuuta 2023" / "15 mars 2023". */
const DATE = `(\\d{1,2})\\.\\s?(\\d{1,2})\\.\\s?(\\d{4})|(\\d{1,2})\\.?\\s+(${MONTH_NAME})\\s+(\\d{4})`;
const DATE_RE = new RegExp(`(?<![\\d.])(?:${DATE})(?!\\d)`, 'giu');
/** A range's end: what follows a date (or a year-less start "8.4.") after a dash. */
const RANGE_END = new RegExp(`^${DASH}(?:${DATE})(?!\\d)`, 'iu');

/**
 * Phrases after which a deadline date follows (within a short window).
 * "senast" is the Swedish "viimeistään", but not in "senast uppdaterad/ändrad/publicerad".
 */
const TRIGGERS = new RegExp(
  [
    'lausuntoaika(?:\\s+(?:päättyy|päättyi|on))?',
    'lausuntokierros(?:\\s+on)?',
    'vastausaika(?:\\s+on)?(?:\\s+(?:päättyy|päättynyt|päättyi))?',
    'viimeistään',
    'mennessä',
    'määräaika(?:\\s+on)?',
    'remisstiden(?:\\s+(?:går\\s+ut|löper\\s+ut|är))?',
    'remisstid',
    'svarstiden(?:\\s+(?:går\\s+ut|löper\\s+ut))?',
    'senast(?!\\s+(?:uppdaterad|ändrad|publicerad|redigerad))',
  ].join('|'),
  'giu',
);
/** Finnish puts "mennessä" after the date too: "1.2.2024 mennessä". */
const DATE_BEFORE_MENNESSA = new RegExp(`(?<![\\d.])(?:${DATE})\\s+mennessä`, 'giu');
/** A cheap literal scan (same flags) that rules DATE_BEFORE_MENNESSA out for most texts. */
const MENNESSA = /mennessä/iu;
/** Every DATE form has a four-digit year. */
const YEAR = /\d{4}/;
const WINDOW = 80;

/** Calendar date from a DATE match, or null when it is not a real date. */
function toDate(m: RegExpExecArray | RegExpMatchArray, at = 1): string | null {
  let d: number, mo: number, y: number;
  if (m[at]) {
    d = Number(m[at]);
    mo = Number(m[at + 1]);
    y = Number(m[at + 2]);
  } else {
    const name = (m[at + 4] ?? '').toLowerCase();
    const fi = FI_MONTHS.findIndex((p) => name.startsWith(p));
    mo = (fi >= 0 ? fi : SV_MONTHS.indexOf(name)) + 1;
    d = Number(m[at + 3]);
    y = Number(m[at + 5]);
  }
  // Arithmetic rather than a Date per match; years 0–99 are read as 1900–1999, as Date.UTC read them here.
  const real = mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y < 100 ? 1900 + y : y, mo);
  return real ? `${y}-${pad2(mo)}-${pad2(d)}` : null;
}

/** The first date in a window of text, taking the end of a range ("1.1.2024–15.2.2024", "8.4.–20.5.2022"). */
function firstDateIn(window: string): string | null {
  DATE_RE.lastIndex = 0;
  // A year-less range start ("8.4.–") is skipped by DATE_RE because it lacks a year; the end is then found.
  const m = DATE_RE.exec(window);
  if (!m) return null;
  const end = RANGE_END.exec(window.slice(m.index + m[0].length));
  return end ? toDate(end) : toDate(m);
}

/** Whether a date is a plausible deadline for an item published on `published` (YYYY-MM-DD). */
function plausible(date: string, published: string | null): boolean {
  const year = Number(date.slice(0, 4));
  if (year < 1990 || year > 2100) return false;
  if (!published) return true;
  // A deadline before publication, or years after it, is a date of something else.
  const limit = `${Number(published.slice(0, 4)) + 3}${published.slice(4)}`;
  return date >= published && date <= limit;
}

/** The latest plausible statement deadline named in the text, as YYYY-MM-DD, or null. */
export function extractDeadline(text: string, published?: string | null): string | null {
  if (!text || !YEAR.test(text)) return null;
  const pubIso = parseDate(published ?? null);
  return deadlineIn(text, pubIso ? helsinkiDate(pubIso) : null);
}

/** extractDeadline for a caller that already has the publication day (YYYY-MM-DD in Helsinki) or null. */
export function deadlineIn(text: string, publishedDay: string | null): string | null {
  // No four-digit year, no date: skips every scan below for most items.
  if (!text || !YEAR.test(text)) return null;
  // Whitespace runs collapse to one space; a lone plain space is left alone, so the text is rarely copied.
  const flat = nfc(text).replace(/\s{2,}|[^\S ]/g, ' ');
  const found: string[] = [];
  TRIGGERS.lastIndex = 0;
  for (let m = TRIGGERS.exec(flat); m; m = TRIGGERS.exec(flat)) {
    const date = firstDateIn(flat.slice(m.index + m[0].length, m.index + m[0].length + WINDOW));
    if (date) found.push(date);
  }
  if (MENNESSA.test(flat)) {
    DATE_BEFORE_MENNESSA.lastIndex = 0;
    for (let m = DATE_BEFORE_MENNESSA.exec(flat); m; m = DATE_BEFORE_MENNESSA.exec(flat)) {
      const date = toDate(m);
      if (date) found.push(date);
    }
  }
  const ok = found.filter((d) => plausible(d, publishedDay)).sort();
  return ok.length ? ok[ok.length - 1] : null;
}
