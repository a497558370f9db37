// How stored values read on the pages: Finnish labels, days left to a deadline, escaped text with marks.
import { STAGE_LABELS, type MatterStage } from '../../link/stage.js';
import type { ItemRow } from '../../store/index.js';
import { finnishDate } from '../../parse/dates.js';

export const KIND_LABELS: Record<string, string> = {
  'statement-request': 'lausuntopyyntö',
  bill: 'hallituksen esitys',
  'committee-report': 'valiokunnan mietintö tai lausunto',
  statute: 'säädös',
  project: 'hanke',
  decision: 'päätös',
  'press-release': 'tiedote',
  news: 'uutinen',
};

export const LANGUAGE_LABELS: Record<string, string> = { fi: 'suomi', sv: 'ruotsi' };

export const stageLabel = (stage: string | null | undefined): string | null =>
  stage ? (STAGE_LABELS[stage as MatterStage] ?? stage) : null;

const DAY = 86_400_000;

/** Whole days from `today` to `date` (both YYYY-MM-DD); negative when past. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY);
}

/** A deadline as a row shows it: the date, the days left in words, and whether it has passed. */
export interface DeadlineView {
  date: string;
  left: string;
  past: boolean;
  /** deadline-past, deadline-soon (a week or less) or deadline. */
  cls: string;
}

export function deadlineView(deadline: string | null, today: string): DeadlineView | null {
  if (!deadline) return null;
  const days = daysBetween(today, deadline);
  const date = finnishDate(deadline) ?? deadline;
  if (days < 0) return { date, left: days === -1 ? 'päättyi eilen' : `päättyi ${-days} pv sitten`, past: true, cls: 'deadline-past' };
  const left = days === 0 ? 'päättyy tänään' : days === 1 ? 'huomenna' : `${days} pv jäljellä`;
  return { date, left, past: false, cls: days <= 7 ? 'deadline-soon' : 'deadline' };
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

/** Text made safe to put into HTML, as handlebars escapes it. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"'`=]/g, (c) => ENTITIES[c]);

/** Matches the ranges `find` gives are marked; everything is escaped first, piece by piece. */
export function markText(text: string, ranges: [number, number][]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
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
}

/** An item as a list row: title (marked when `titleHtml` is given), source, date, goals, deadline, matter stage. */
export function rowView(r: ItemRow & { matterStage?: string | null }, ctx: RowContext, titleHtml?: string, summaryHtml?: string) {
  return {
    id: r.id,
    href: `/items/${r.id}`,
    titleHtml: titleHtml ?? escapeHtml(r.title),
    summaryHtml,
    lang: r.language === 'sv' ? 'sv' : null,
    sourceName: ctx.sourceName(r.source),
    organisation: r.organisation,
    published: r.published,
    kind: KIND_LABELS[r.kind] ?? r.kind,
    goals: r.goals.map((g) => ({ id: g, label: ctx.goalLabel(g) })),
    notRelevant: r.relevant === false,
    reviewedBy: r.reviewedBy,
    deadline: deadlineView(r.deadline, ctx.today),
    matter: r.matter,
    matterStage: stageLabel(r.matterStage ?? null),
    identifiers: r.identifiers,
  };
}

export type RowView = ReturnType<typeof rowView>;
