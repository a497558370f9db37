// The items filter as a query string (?goal=…&source=…&q=…): read and checked, with Finnish messages for bad values.
import { helsinkiInstant } from '../../parse/dates.js';
import { MATTER_STAGES } from '../../link/stage.js';
import { ITEM_KINDS, type Lang } from '../../model.js';
import type { Cursor, ItemFilter } from '../../store/index.js';
import { kindLabel, languageLabel } from './present.js';
import { word } from '../../present/words-web.js';
import { stageName } from '../../present/stage-names.js';
import { organisationFilter, organisationKey } from '../../app/organisations.js';
import { dayFault } from '../../app/day-fault.js';
import { controlCharacter } from '../../app/control-chars.js';

/** The query keys the items filter reads, in the order links are written. */
export const FILTER_KEYS = ['q', 'goal', 'source', 'org', 'kind', 'stage', 'lang', 'from', 'to', 'reviewed', 'deadline', 'unread'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The values a filter may take that are not fixed lists. */
export interface KnownValues {
  goals: string[];
  sources: string[];
  /** The organisations items name, at `version` (the page's data version, store dataVersion) or read now. */
  organisations(version?: string): string[];
  /** The FTS5 expression for what a person typed, or null when it holds no words. */
  search(text: string): string | null;
}

export interface ParsedQuery {
  filter: ItemFilter;
  /** The values as given (for the form and for links), only those that were set. */
  form: Partial<Record<FilterKey, string>>;
  before?: Cursor;
  after?: Cursor;
  /** Only what the person looking has not marked read (`unread=1`); the handler knows who that is. */
  unread: boolean;
  /** A page number asked for (`page=N`, N other than 1): the list pages by cursors, so the page says so. */
  pageNumber?: string;
  /** What was wrong, in Finnish; the page shows these and no results. */
  errors: string[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d{1,15})$/;

/** Helsinki midnight at the start of a YYYY-MM-DD day (`plus` days later), or null when it is no real date. */
function dayStart(s: string, plus = 0): string | null {
  const m = DATE.exec(s);
  if (!m || helsinkiInstant(Number(m[1]), Number(m[2]), Number(m[3])) === null) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + plus));
  return helsinkiInstant(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The message for a date that is not read: the day that does not exist when the form is right, else the form. */
function dateError(value: string, name: string, w: (key: string, values?: Record<string, unknown>) => string): string {
  const m = DATE.exec(value);
  const f = m ? dayFault(Number(m[1]), Number(m[2]), Number(m[3])) : null;
  if (f?.fault === 'month') return w('filter.noMonth', { value, name, month: f.month });
  if (f?.fault === 'day') return w('filter.noDay', { value, name, month: f.month, year: f.year, days: f.days });
  if (f?.fault === 'year') return w('filter.yearRange', { value, name, year: f.year });
  return w('filter.date', { value, name });
}

const list = (values: string[], label: (v: string) => string = (v) => v) => values.map((v) => `${v} (${label(v)})`).join(', ');

/** Read the filter from a parsed query string; every problem is named (in `lang`), none throws. */
export function parseItemQuery(query: Record<string, unknown>, known: KnownValues, lang: Lang = 'fi'): ParsedQuery {
  const w = (key: string, values?: Record<string, unknown>) => word(lang, key, values);
  const errors: string[] = [];
  const form: ParsedQuery['form'] = {};
  const filter: ItemFilter = {};
  const one = (key: string): string | undefined => {
    const v = query[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') return errors.push(w('filter.twice', { key })), undefined;
    // A control character (`?q=a%00b`, an escape) is named and not read: the search box echoed a NUL as it was given.
    const c = controlCharacter(v);
    if (c) return errors.push(w(key === 'q' ? 'subForm.controlSearch' : 'filter.control', { key, code: c.code, at: c.at })), undefined;
    return v.trim() === '' ? undefined : v.trim();
  };
  const choose = (key: FilterKey, name: string, allowed: readonly string[], label?: (v: string) => string): string | undefined => {
    const v = one(key);
    if (v === undefined) return undefined;
    form[key] = v;
    if (allowed.includes(v)) return v;
    errors.push(w('filter.unknown', { name, value: v, known: list([...allowed], label) }));
    return undefined;
  };
  const yesNo = (key: FilterKey, name: string): boolean | undefined => {
    const v = one(key);
    if (v === undefined) return undefined;
    form[key] = v;
    if (v === 'kylla') return true;
    if (v === 'ei') return false;
    errors.push(w('filter.yesNo', { name, value: v }));
    return undefined;
  };
  filter.goal = choose('goal', w('filter.goal'), known.goals);
  filter.source = choose('source', w('filter.source'), known.sources);
  filter.kind = choose('kind', w('filter.kind'), ITEM_KINDS, (k) => kindLabel(k, lang));
  filter.stage = choose('stage', w('filter.stage'), MATTER_STAGES, (s) => stageName(s, lang) ?? s);
  filter.language = choose('lang', w('filter.lang'), ['fi', 'sv'], (l) => languageLabel(l, lang));
  const org = one('org');
  if (org !== undefined) {
    form.org = org;
    // One organisation in any letter case, also where a source names it with another in one string.
    const stored = known.organisations();
    const chosen = organisationFilter(stored).get(organisationKey(org));
    if (chosen) filter.organisations = chosen.stored;
    else if (stored.includes(org)) filter.organisations = [org];
    else errors.push(w('filter.organisation', { org }));
  }
  for (const [key, name] of [['from', w('filter.from')], ['to', w('filter.to')]] as const) {
    const v = one(key);
    if (v === undefined) continue;
    form[key] = v;
    const at = dayStart(v, key === 'to' ? 1 : 0);
    if (at === null) errors.push(dateError(v, name, w));
    else if (key === 'from') filter.from = at;
    else filter.until = at;
  }
  if (form.from && form.to && filter.from && filter.until && filter.from >= filter.until)
    errors.push(w('filter.order', { from: form.from, to: form.to }));
  filter.reviewed = yesNo('reviewed', w('filter.reviewed'));
  filter.hasDeadline = yesNo('deadline', w('filter.deadline'));
  const q = one('q');
  if (q !== undefined) {
    form.q = q;
    if (q.length > 200) errors.push(w('filter.tooLong'));
    else {
      const match = known.search(q);
      if (match === null) errors.push(w('filter.noWords', { q }));
      else filter.match = match;
    }
  }
  const cursor = (key: 'before' | 'after'): Cursor | undefined => {
    const v = one(key);
    if (v === undefined) return undefined;
    const c = parseCursor(v);
    if (c) return c;
    errors.push(w('filter.page'));
    return undefined;
  };
  const unread = one('unread');
  if (unread !== undefined) {
    form.unread = unread;
    if (unread !== '1') errors.push(w('filter.unread', { value: unread }));
  }
  // A page number typed into the address (?page=999): the list has none, so the page names its first and last pages.
  const page = one('page');
  const pageNumber = page !== undefined && page !== '1' ? page.slice(0, 20) : undefined;
  const before = cursor('before');
  const after = cursor('after');
  for (const k of Object.keys(filter) as (keyof ItemFilter)[]) if (filter[k] === undefined) delete filter[k];
  return { filter, form, before, after, unread: form.unread === '1', pageNumber, errors };
}

/** The query string of a filter's form values plus `extra` (a page cursor), or '' when empty. */
export function queryString(form: ParsedQuery['form'], extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) if (form[k] !== undefined) p.set(k, form[k]!);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * A cursor from its query value (cursorValue's form, its key an instant, or a day where `form` says so), or undefined
 * when it is not one.
 */
export function parseCursor(v: string, form = CURSOR): Cursor | undefined {
  const m = form.exec(v);
  // A real instant or day only (any year): month 13, 32 December or 30 February (which Date reads as 2 March) listed
  // from the top.
  const t = m ? Date.parse(m[1]) : NaN;
  return m && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === m[1].slice(0, 10) ? { key: m[1], id: Number(m[2]) } : undefined;
}

/** A cursor as a query value. */
export const cursorValue = (c: Cursor): string => `${c.key}_${c.id}`;
