// The joint-response board: the open joint-response candidates (the rule of `items --joint`) and the matters people
// put on it, by deadline, with owner, internal deadline and status; overdue and due this week at a glance.
import type { RequestHandler } from 'express';
import type { Lang } from '../../model.js';
import { jointDeadlineCounter, latestReviewIds, listBoardEntries, listItems, listJointDeadlines, listSourceStates, type BoardEntry, type ItemRow } from '../../store/index.js';
import { HttpError } from '../auth/index.js';
import { addDays, helsinkiDate } from '../../parse/dates.js';
import type { WebDeps } from '../deps.js';
import { word } from '../../present/words-web.js';
import { pageLang } from './form-helpers.js';
import { cursorValue, parseCursor } from './item-query.js';
import { bodyKey, keptBodies } from '../kept-bodies.js';
import { emptyCaveat, healthLine, sourceHealth } from './source-health.js';
import { isCandidateOn } from '../../store/candidates.js';
import { viewer } from './viewer.js';
import { SOON_DAYS } from './present.js';
import { byCodeUnit } from '../../collate.js';

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
  /** Whether the statement deadline or the internal one has passed (the row and the glance's count). */
  overdue: boolean;
  /** Not overdue, and one of the two deadlines is within the glance's seven days (at most 7 days left, SOON_DAYS). */
  dueThisWeek: boolean;
  /** Each deadline's own mark, shown beside that date: a badge beside the statement deadline when only the internal one
   * has passed read "11.12.2026 myöhässä" for a round still a week away. */
  deadlineMark: DeadlineMark;
  internalMark: DeadlineMark;
  /** Days to the statement deadline (negative: past), or null. */
  daysLeft: number | null;
}

const OPEN = new Set(['new', 'review', 'drafting']);
type DeadlineMark = 'overdue' | 'soon' | null;
const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

/** The board's rows: one per matter (or lone item), entries and candidates together, nearest deadline first. */
export function boardRows(entries: BoardEntry[], candidates: ItemRow[], goalsOf: Map<number, string[]>, today: string): BoardRow[] {
  const rows = new Map<string, BoardRow>();
  const keyOf = (matter: number | null, item: number) => (matter === null ? `i${item}` : `m${matter}`);
  for (const e of entries)
    rows.set(keyOf(e.matter, e.itemId), {
      matter: e.matter, item: { id: e.itemId, goals: goalsOf.get(e.itemId) ?? [] }, title: e.title, language: e.language,
      deadline: e.deadline, entry: e, candidate: false, overdue: false, dueThisWeek: false, deadlineMark: null, internalMark: null, daysLeft: null,
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
        entry: null, candidate: true, overdue: false, dueThisWeek: false, deadlineMark: null, internalMark: null, daysLeft: null,
      });
    }
  }
  const now = day(today);
  for (const r of rows.values()) {
    r.daysLeft = r.deadline ? day(r.deadline) - now : null;
    if (!r.entry || OPEN.has(r.entry.status)) {
      const mark = (d: string | null | undefined): DeadlineMark => (!d ? null : day(d) < now ? 'overdue' : day(d) - now <= SOON_DAYS ? 'soon' : null);
      r.deadlineMark = mark(r.deadline);
      r.internalMark = mark(r.entry?.internalDeadline);
      const marks = [r.deadlineMark, r.internalMark];
      r.overdue = marks.includes('overdue');
      r.dueThisWeek = !r.overdue && marks.includes('soon');
    }
  }
  const order = (d: string | null | undefined) => d ?? '9999-99-99';
  return [...rows.values()].sort((a, b) => byCodeUnit(order(a.deadline), order(b.deadline))
    || byCodeUnit(order(a.entry?.internalDeadline), order(b.entry?.internalDeadline)) || a.item.id - b.item.id);
}

/** Candidates a page of the board shows (a reviewer's row carries its forms: a page of every candidate was 306 kB). */
export const BOARD_PAGE = 50;
const LAST_DAY = '9999-12-31';
/** A page's cursor (`?jatko=DEADLINE_ID`), the item list's with a day for its key: any year, for LAST_DAY. */
const DAY_CURSOR = /^(\d{4}-\d{2}-\d{2})_(\d{1,15})$/;
function boardCursor(raw: string): { deadline: string; id: number } | undefined {
  const c = parseCursor(raw, DAY_CURSOR);
  return c && { deadline: c.key, id: c.id };
}

/**
 * The board: every entry people made and the first page of candidates, nearest deadline first, with the counts of
 * all that are overdue, due within the week and open; `?jatko=DEADLINE_ID` shows the next page of candidates.
 */
export function boardPage(deps: WebDeps): RequestHandler {
  const countJointDeadlines = jointDeadlineCounter(deps.db);
  // The board's body changes only with the data and the day: kept per data version (kept-bodies.ts).
  const bodies = keptBodies(deps.db);
  return (req, res) => {
    const today = helsinkiDate(new Date());
    const raw = req.query.jatko;
    const after = raw === undefined ? undefined : boardCursor(String(raw));
    const lang = pageLang(res.locals);
    if (raw !== undefined && !after) throw new HttpError(400, word(lang, 'board.badPage'));
    // With the viewer's canAct, the layout loads forms.js for the rows' forms (their checks, the kept note), as other pages do.
    bodies.render(res, 'board', bodyKey(res, today), { title: word(lang, 'board.title'), ...viewer(res) }, () => boardModel(today, after, lang));
  };

  /**
   * What an empty board says: that nothing is open only when the sources could be read (as the overview): on a fresh
   * database, or with sources failing, the statement requests may be what is missing.
   */
  function emptyWords(lang: Lang): { text: string; warning: boolean } {
    const health = sourceHealth(deps.sources, listSourceStates(deps.db), lang);
    const caveat = emptyCaveat(health, healthLine(health, deps.configErrors.length, lang));
    return caveat ? { text: word(lang, caveat), warning: true } : { text: word(lang, 'board.empty'), warning: false };
  }

  function boardModel(today: string, after: { deadline: string; id: number } | undefined, lang: Lang) {
    const size = BOARD_PAGE;
    const found = listJointDeadlines(deps.db, today, LAST_DAY, size + 1, after, { identifiers: false, summaries: false });
    const candidates = found.slice(0, size);
    const last = candidates[candidates.length - 1];
    const more = found.length > size;
    // The candidates whose deadline is not known come after the dated ones: on the page that shows the last of those.
    const undated = more ? [] : listItems(deps.db, { jointUnknown: true, limit: size });
    const entries = listBoardEntries(deps.db);
    const held = entries.length ? listItems(deps.db, { ids: entries.map((e) => e.itemId), limit: entries.length }) : [];
    // A later page lists only candidates: the entries are all on the first.
    const rows = boardRows(entries, [...candidates, ...undated], new Map(held.map((i) => [i.id, i.goals])), today).filter((r) => !after || !r.entry);
    // What the matter-actions partial takes: the matter's number and its board entry. Each row has an anchor, and its
    // forms come back to it (`/board#rivi-m12`): a keyboard or screen-reader user goes on from the row just saved,
    // not from the top of a page of 50 rows. A row's review form says the latest review it showed, as the item page's
    // does: a decision made on it after another reviewer's is refused (409), not stored over it.
    const latest = latestReviewIds(deps.db, rows.map((r) => r.item.id));
    const view = rows.map((r) => {
      const anchor = r.matter === null ? `rivi-i${r.item.id}` : `rivi-m${r.matter}`;
      const seen = String(latest.get(r.item.id) ?? 'none');
      return { ...r, anchor, item: { ...r.item, anchor, seen }, matterRef: r.matter === null ? null : { id: r.matter, board: r.entry, anchor } };
    });
    const isUndated = (r: BoardRow) => !r.entry && r.deadline === null;
    const unknown = view.filter(isUndated);
    const open = view.filter((r) => !isUndated(r) && (!r.entry || OPEN.has(r.entry.status)));
    const done = after ? [] : view.filter((r) => r.entry && !OPEN.has(r.entry.status));
    // On the first page, the candidates not shown yet count too: as open, and as due this week when they are. An entry
    // whose item is one of them is on this page already (counted by its status), so it is not counted again.
    const heldById = new Map(held.map((i) => [i.id, i]));
    const weekEnd = addDays(today, SOON_DAYS);
    const entered = rows.filter((r) => r.entry && !r.candidate).map((r) => heldById.get(r.item.id))
      .filter((i): i is ItemRow => !!i && !!i.deadline && isCandidateOn(i, today));
    const remaining = !after && more ? countJointDeadlines(today, LAST_DAY) - candidates.length - entered.length : 0;
    const weekLeft = !after && more && last.deadline! <= weekEnd
      ? countJointDeadlines(today, weekEnd) - candidates.filter((c) => c.deadline! <= weekEnd).length - entered.filter((i) => i.deadline! <= weekEnd).length : 0;
    return {
      open, unknown, done, later: after !== undefined, openCaption: after ? 'board.captionLater' : 'board.captionOpen', empty: open.length || unknown.length ? null : emptyWords(lang),
      overdue: open.filter((r) => r.overdue).length, thisWeek: open.filter((r) => r.dueThisWeek).length + weekLeft,
      openTotal: after ? null : open.length + remaining,
      next: more && last ? `/board?jatko=${cursorValue({ key: last.deadline!, id: last.id })}` : null,
    };
  }
}
