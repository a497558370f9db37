// How stored values read on the pages, in the page's language: kinds, stages, days left to a deadline, escaped
// text with marks.
import type { ItemRow } from '../../store/index.js';
import type { Lang } from '../../model.js';
import { finnishDate } from '../../parse/dates.js';
import { hasWord, isLang, word } from '../../present/words-web.js';
import { stageName } from '../../present/stage-names.js';
import { cleanText } from '../../normalize/text.js';
import { itemSources } from '../../present/item-sources.js';

/** An item kind's name ("lausuntopyyntö", "remiss"); an unknown kind as it is. */
export const kindLabel = (kind: string, lang: Lang = 'fi'): string => (hasWord(`kind.${kind}`) ? word(lang, `kind.${kind}`) : kind);

/** A language's name ("ruotsi", "svenska"). */
export const languageLabel = (language: string, lang: Lang = 'fi'): string => (isLang(language) ? word(lang, `lang.${language}`) : language);

const DAY = 86_400_000;

/** Whole days from `today` to `date` (both YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
}

/**
 * How many days left count as soon: a deadline that reads "7 pv jäljellä" or less is marked in the lists, and the
 * board marks and counts the same days as "7 päivän sisällä".
 */
export const SOON_DAYS = 7;

/** A deadline as a row shows it: the date, the days left in words, and whether it has passed. */
export interface DeadlineView {
  date: string;
  left: string;
  past: boolean;
  /** deadline-past, deadline-soon (a week or less) or deadline. */
  cls: string;
}

/** A deadline in `lang`; dates read d.m.yyyy in both languages (Finland-Swedish usage too). */
export function deadlineView(deadline: string | null, today: string, lang: Lang = 'fi'): DeadlineView | null {
  if (!deadline) return null;
  const days = daysBetween(today, deadline);
  const date = finnishDate(deadline) ?? deadline;
  if (days < 0) return { date, left: days === -1 ? word(lang, 'deadline.yesterday') : word(lang, 'deadline.pastDays', { n: -days }), past: true, cls: 'deadline-past' };
  const left = days === 0 ? word(lang, 'deadline.today') : days === 1 ? word(lang, 'deadline.tomorrow') : word(lang, 'deadline.daysLeft', { n: days });
  return { date, left, past: false, cls: days <= SOON_DAYS ? 'deadline-soon' : 'deadline' };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/**
 * The summary to show above the text, or null when the text begins with it: many sources' summary is their text's
 * first paragraph (lausuntopalvelu's description), and the page would say it twice. The text is read as normalize read
 * the summary from it (`cleanText`), and a summary cut to its size ends in an ellipsis.
 */
export function summaryAbove(summary: string | null, contentHtml: string): string | null {
  if (!summary || !contentHtml) return summary;
  return cleanText(contentHtml).startsWith(cleanText(summary).replace(/…$/, '')) ? null : summary;
}

const SPECIAL = /[&<>"'`=]/;

/** Text made safe to put into HTML, as handlebars escapes it (most text has nothing to escape: it is then returned as it is). */
export const escapeHtml = (s: string): string => (SPECIAL.test(s) ? s.replace(/[&<>"'`=]/g, (c) => ENTITIES[c]) : s);

/** Whether ranges come in order of their starts (searchRanges gives them so). */
function inOrder(ranges: [number, number][]): boolean {
  for (let k = 1; k < ranges.length; k++) if (ranges[k][0] < ranges[k - 1][0]) return false;
  return true;
}

/** Matches the ranges `find` gives are marked; everything is escaped first, piece by piece. */
export function markText(text: string, ranges: [number, number][]): string {
  if (!ranges.length) return escapeHtml(text);
  const sorted = inOrder(ranges) ? ranges : [...ranges].sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue; // overlapping: the earlier mark covers it
    out += escapeHtml(text.slice(at, start)) + `<mark>${escapeHtml(text.slice(start, end))}</mark>`;
    at = end;
  }
  return out + escapeHtml(text.slice(at));
}

/** Where any of `phrases` occurs in `text`, case-insensitively (for the tagger's matched words). */
export function phraseRanges(text: string, phrases: string[]): [number, number][] {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return [];
  const out: [number, number][] = [];
  for (const p of new Set(phrases.map((x) => x.toLowerCase()).filter((x) => x.length > 1))) {
    // toLowerCase keeps the length of Finnish and Swedish text, so positions hold in the original.
    for (let i = lower.indexOf(p); i !== -1; i = lower.indexOf(p, i + p.length)) out.push([i, i + p.length]);
  }
  return out;
}

/** What the pages know besides the row: source names, goal labels, today's Helsinki date. */
export interface RowContext {
  sourceName(id: string): string;
  goalLabel(id: string): string;
  today: string;
  /** The page's language: the words of a row, and a title in the other language marked with its own. */
  lang: Lang;
}

/** An item as a list row: title (marked when `titleHtml` is given), source, date, goals, deadline, matter stage. */
export function rowView(r: ItemRow & { matterStage?: string | null }, ctx: RowContext, titleHtml?: string, summaryHtml?: string) {
  return {
    id: r.id,
    href: `/items/${r.id}`,
    titleHtml: titleHtml ?? escapeHtml(r.title),
    summaryHtml,
    lang: r.language !== ctx.lang && isLang(r.language) ? r.language : null,
    sourceName: itemSources(r).map((s) => ctx.sourceName(s)).join(', '),
    organisation: r.organisation,
    published: r.published,
    goals: r.goals.map((g) => ({ id: g, label: ctx.goalLabel(g) })),
    notRelevant: r.relevant === false,
    reviewedBy: r.reviewedBy,
    deadline: deadlineView(r.deadline, ctx.today, ctx.lang),
    matter: r.matter,
    matterStage: stageName(r.matterStage, ctx.lang),
  };
}

export type RowView = ReturnType<typeof rowView>;
