// The joint-response board: the open joint-response candidates (the rule of `items --joint`) and the matters people
// put on it, by deadline, with owner, internal deadline and status; overdue and due this week at a glance.
import type { RequestHandler } from 'express';
import { listBoardEntries, listItems, type BoardEntry, type ItemRow } from '../../store/index.js';
import { helsinkiDate } from '../../parse/dates.js';
import type { WebDeps } from '../deps.js';

export interface BoardRow {
  /** The matter's number, or null for an item in no matter. */
  matter: number | null;
  /** The item the row's forms act on (the entry's item, or the candidate). */
  item: { id: number; goals: string[] };
  title: string;
  language: string;
  deadline: string | null;
  entry: BoardEntry | null;
  /** A joint-response candidate by the tagger's rule (whether or not people put it on the board). */
  candidate: boolean;
  overdue: boolean;
  dueThisWeek: boolean;
  /** Days to the statement deadline (negative: past), or null. */
  daysLeft: number | null;
}

const OPEN = new Set(['new', 'review', 'drafting']);
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** The board's rows: one per matter (or lone item), entries and candidates together, nearest deadline first. */
export function boardRows(entries: BoardEntry[], candidates: ItemRow[], goalsOf: Map<number, string[]>, today: string): BoardRow[] {
  const rows = new Map<string, BoardRow>();
  const keyOf = (matter: number | null, item: number) => (matter === null ? `i${item}` : `m${matter}`);
  for (const e of entries)
    rows.set(keyOf(e.matter, e.itemId), {
      matter: e.matter, item: { id: e.itemId, goals: goalsOf.get(e.itemId) ?? [] }, title: e.title, language: e.language,
      deadline: e.deadline, entry: e, candidate: false, overdue: false, dueThisWeek: false, daysLeft: null,
    });
  for (const c of candidates) {
    const key = keyOf(c.matter, c.id);
    const row = rows.get(key);
    if (row) {
      row.candidate = true;
      row.deadline ??= c.deadline;
    } else {
      rows.set(key, {
        matter: c.matter, item: { id: c.id, goals: c.goals }, title: c.title, language: c.language, deadline: c.deadline,
        entry: null, candidate: true, overdue: false, dueThisWeek: false, daysLeft: null,
      });
    }
  }
  const now = day(today);
  for (const r of rows.values()) {
    r.daysLeft = r.deadline ? day(r.deadline) - now : null;
    if (!r.entry || OPEN.has(r.entry.status)) {
      const dates = [r.deadline, r.entry?.internalDeadline].filter((d): d is string => !!d).map(day);
      r.overdue = dates.some((d) => d < now);
      r.dueThisWeek = !r.overdue && dates.some((d) => d - now <= 6);
    }
  }
  const order = (d: string | null | undefined) => d ?? '9999-99-99';
  return [...rows.values()].sort((a, b) => order(a.deadline).localeCompare(order(b.deadline))
    || order(a.entry?.internalDeadline).localeCompare(order(b.entry?.internalDeadline)) || a.item.id - b.item.id);
}

export function boardPage(deps: WebDeps): RequestHandler {
  return (_req, res) => {
    const today = helsinkiDate(new Date());
    const entries = listBoardEntries(deps.db);
    const candidates = listItems(deps.db, { jointFrom: today, limit: 500 });
    const held = entries.length ? listItems(deps.db, { ids: entries.map((e) => e.itemId), limit: entries.length }) : [];
    const rows = boardRows(entries, candidates, new Map(held.map((i) => [i.id, i.goals])), today);
    // What the matter-actions partial takes: the matter's number and its board entry.
    const view = rows.map((r) => ({ ...r, matterRef: r.matter === null ? null : { id: r.matter, board: r.entry } }));
    const open = view.filter((r) => !r.entry || OPEN.has(r.entry.status));
    const done = view.filter((r) => r.entry && !OPEN.has(r.entry.status));
    res.render('board', {
      title: 'Yhteisvastausten taulu – Lakivahti', open, done,
      overdue: open.filter((r) => r.overdue).length, thisWeek: open.filter((r) => r.dueThisWeek).length,
    });
  };
}
