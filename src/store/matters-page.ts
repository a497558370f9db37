// One matter as the web shows it: its header (identifiers, goals, joins, who answered) and its items and changes a page
// at a time, each page read through an index however many items the matter holds (bench:web: one of 10,000).
import { limitRows, prepared, type Db } from './db.js';
import { dataVersion } from './data-version.js';
import { listItems, listRowSelect, readListRows, type ItemRow, type ListRow } from './items.js';
import type { Cursor } from './item-filter.js';
import type { Consultation } from '../model.js';
import type { MatterEvent } from '../link/events.js';
import type { Join } from '../link/explain.js';
import type { MatterSummary, StageReached } from '../link/stage.js';
import type { IdentifierRole } from '../model.js';
import { byFinnish } from '../collate.js';

/** A matter's own row and what is read of all its items at once, each by an index (no item's row is read whole). */
export interface MatterHead extends Omit<MatterSummary, 'titleItem' | 'deadlineItem'> {
  id: number;
  updatedAt: string;
  /** How many items it holds. */
  total: number;
  /** The identifiers people use, in the order `matter` lists them (see matter-list.ts SHOWN). */
  identifiers: string[];
  /** The union of its items' goals (a reviewer's decision wins over the tagger on each item). */
  goals: string[];
  /** Its identifiers held by two items or more, each with the sources and roles that hold it (one item each). */
  joins: Join[];
  /** Who has answered its statement requests so far, in name order. */
  answered: string[];
  /** Whether one of its items is an open joint-response candidate on `today` (isCandidateOn's rule). */
  candidate: boolean;
  /** The language of the item whose title is the matter's (null when none is: a matter not summarised yet). */
  titleLanguage: string | null;
  /** Every identifier its items state (type and value), for the items that mention one. */
  keys: [type: string, value: string][];
}

/** Identifier kinds in the order people look for them; GUIDs and EDK codes only join (matter-list.ts's SHOWN). */
const SHOWN = ['he', 'ev', 'committee', 'diary', 'project', 'statute', 'kk', 'eu', 'celex', 'eli'];

/** What the matter page asks of all of a matter's items (exported for the query-plan tests): each through an index of the matter's items. */
export const MATTER_PAGE_SQL = {
  head: `SELECT id, title, stage, stage_at AS stageAt, deadline, stages, in_force AS inForce, updated_at AS updatedAt FROM matters WHERE id = ?`,
  total: 'SELECT count(*) FROM items WHERE matter_id = ?',
  titleLanguage: 'SELECT language FROM items WHERE matter_id = ? AND title = ? LIMIT 1',
  // Each stated identifier once, with the sources and roles holding it and how many items (an item holds an identifier
  // once: the table's key): the identifiers shown and the joins.
  holders: `SELECT ii.type, ii.value, i.source_id, ii.role, count(*), min(i.id) FROM items i
    JOIN item_identifiers ii ON ii.item_id = i.id WHERE i.matter_id = ? AND ii.role <> 'mention' GROUP BY ii.type, ii.value, i.source_id, ii.role`,
  // The tagger's goals of items no reviewer decided on, and the goals of those a reviewer found relevant.
  goals: `SELECT g.goal FROM items i JOIN item_goals g ON g.item_id = i.id WHERE i.matter_id = ? AND i.latest_review_id IS NULL
    UNION SELECT j.value FROM items i JOIN reviews r ON r.id = i.latest_review_id, json_each(r.goals) j WHERE i.matter_id = ? AND r.relevant = 1`,
  // Through the partial index of consulted items (migration 028): the few statement requests, not every item.
  answered: 'SELECT consultation FROM items WHERE matter_id = ? AND consultation IS NOT NULL',
  // Among the open candidates (items_by_joint: those of every matter, a few), not among the matter's items (10,000).
  candidate: `SELECT 1 FROM items i INDEXED BY items_by_joint LEFT JOIN reviews r ON r.id = i.latest_review_id WHERE i.joint = 1
    AND i.deadline >= ? AND i.matter_id = ? AND COALESCE(r.relevant, i.relevant, 1) <> 0 LIMIT 1`,
  // Items of other matters (or none) that mention one of the matter's identifiers (a JSON array of [type, value]): each
  // identifier looked up once. Joined from each of the matter's items (getMatter did), the index of identifiers by value
  // was read once per item holding it, its holders and all: a matter of 10,000 items holding one took 84 s.
  mentioning: `SELECT DISTINCT mi.item_id FROM json_each(?) k JOIN item_identifiers mi ON mi.type = k.value ->> 0 AND mi.value = k.value ->> 1
    AND mi.role = 'mention' JOIN items o ON o.id = mi.item_id WHERE o.matter_id IS NOT ?`,
  // A page of its changes, newest first, from before an event (or from the newest): through matter_events_newest.
  changes: `SELECT id, type, old_value AS old, new_value AS new, at, item_id AS itemId FROM matter_events WHERE matter_id = ? AND id < ?
    ORDER BY id DESC`,
  changesSince: 'SELECT count(*) FROM matter_events WHERE matter_id = ? AND at > ?',
} as const;

/** How many matters' heads are kept for one data version. */
const KEPT_HEADS = 32;
const keptHeads = new WeakMap<Db, { version: string; heads: Map<string, MatterHead | undefined> }>();

/**
 * A matter's head, or undefined when there is no such matter; `today` (Helsinki's YYYY-MM-DD) for the candidate rule.
 * Kept until the database changes (dataVersion), as the items list's pages are: reading a head is a pass over the
 * matter's items (10,000 index entries and identifiers: most of its page's time), the same for its every page and person.
 */
export function matterHead(db: Db, id: number, today: string): MatterHead | undefined {
  const version = dataVersion(db);
  let kept = keptHeads.get(db);
  if (!kept || kept.version !== version) keptHeads.set(db, (kept = { version, heads: new Map() }));
  const key = `${id} ${today}`;
  if (kept.heads.has(key)) return kept.heads.get(key);
  const head = readHead(db, id, today);
  if (kept.heads.size >= KEPT_HEADS) kept.heads.delete(kept.heads.keys().next().value!);
  kept.heads.set(key, head && Object.freeze(head));
  return head;
}

function readHead(db: Db, id: number, today: string): MatterHead | undefined {
  const row = prepared(db, MATTER_PAGE_SQL.head).get(id) as (Omit<MatterHead, 'stages'> & { stages: string }) | undefined;
  if (!row) return undefined;
  const holders = prepared(db, MATTER_PAGE_SQL.holders).raw(true).all(id) as [string, string, string, IdentifierRole, number, number][];
  const identifiers = [...new Map(holders.filter(([type]) => SHOWN.includes(type)).map(([type, value]) => [`${type} ${value}`, { type, value }])).values()]
    .sort((a, b) => SHOWN.indexOf(a.type) - SHOWN.indexOf(b.type) || byFinnish(a.value, b.value)).map((i) => i.value);
  const joins = new Map<string, Join & { items: number }>();
  for (const [type, value, source, role, items, first] of holders) {
    const key = `${type} ${value}`;
    const j = joins.get(key) ?? joins.set(key, { identifier: value, by: [], items: 0 }).get(key)!;
    j.by.push({ item: first, source, role });
    j.items += items;
  }
  const goals = (prepared(db, MATTER_PAGE_SQL.goals).pluck().all(id, id) as string[]).sort();
  const consultations = prepared(db, MATTER_PAGE_SQL.answered).pluck().all(id) as string[];
  const answered = [...new Set(consultations.flatMap((c) => (JSON.parse(c) as Consultation).answered))].sort(byFinnish);
  return {
    ...row, stages: JSON.parse(row.stages) as StageReached[], total: prepared(db, MATTER_PAGE_SQL.total).pluck().get(id) as number,
    titleLanguage: (prepared(db, MATTER_PAGE_SQL.titleLanguage).pluck().get(id, row.title) as string | undefined) ?? null,
    identifiers, goals, answered, keys: [...new Map(holders.map(([type, value]) => [`${type} ${value}`, [type, value] as [string, string]])).values()],
    candidate: prepared(db, MATTER_PAGE_SQL.candidate).get(today, id) !== undefined,
    // As explainJoins: an identifier held by two items or more (an item holding it in two roles counts once per role).
    joins: [...joins.values()].filter((j) => j.items > 1).map(({ identifier, by }) => ({ identifier, by: by.sort((a, b) => a.item - b.item) }))
      .sort((a, b) => byFinnish(a.identifier, b.identifier)),
  };
}

/** A matter's title, or undefined when there is no matter of this number (one lookup by key). */
export const matterTitle = (db: Db, id: number): string | undefined => prepared(db, 'SELECT title FROM matters WHERE id = ?').pluck().get(id) as string | undefined;

/** Which page of a matter's items: from its oldest (no cursor), after or before a cursor, or its newest (`newest`). */
export interface MatterItemsRequest {
  /** The page of items newer than this (the next page, as the matter lists its items oldest first). */
  after?: Cursor;
  /** The page of items older than this (the previous page). */
  before?: Cursor;
  /** The matter's newest items (its last page). */
  newest?: boolean;
  limit: number;
}

/** A page of a matter's items, oldest first; `older`/`newer` are where the pages beside it start, null at either end. */
export interface MatterItemsPage {
  items: ListRow[];
  older: Cursor | null;
  newer: Cursor | null;
  /** Where the page of the newest items starts (a `before` just past the newest item), when this page is not it. */
  newest: Cursor | null;
}

/**
 * The rows of a page of a matter's items (exported for the query-plan tests): read from the matter's end or from a
 * cursor toward older (`DESC`) or newer items, through items_by_matter_sort (migration 028), a row more than the page.
 */
export function matterItemsQuery(id: number, page: MatterItemsRequest): { sql: string; args: (string | number)[] } {
  const back = page.before !== undefined || page.newest === true;
  const cursor = page.before ?? page.after;
  const dir = back ? 'DESC' : 'ASC';
  return {
    sql: `${listRowSelect()} WHERE i.matter_id = ?${cursor ? ` AND (i.sort_key, i.id) ${back ? '<' : '>'} (?, ?)` : ''}
      ORDER BY i.sort_key ${dir}, i.id ${dir} ${limitRows(page.limit + 1)}`,
    args: [id, ...(cursor ? [cursor.key, cursor.id] : [])],
  };
}

/** Whether the matter holds an item before (older than) or after a cursor: one index seek. */
function beyond(db: Db, id: number, c: Cursor, older: boolean): boolean {
  return prepared(db, `SELECT 1 FROM items WHERE matter_id = ? AND (sort_key, id) ${older ? '<' : '>'} (?, ?) LIMIT 1`).get(id, c.key, c.id) !== undefined;
}

/** One page of a matter's items, oldest first, and where the pages beside it start. */
export function matterItems(db: Db, id: number, page: MatterItemsRequest): MatterItemsPage {
  const { sql, args } = matterItemsQuery(id, page);
  const read = readListRows(db, sql, args);
  const back = page.before !== undefined || page.newest === true;
  const more = read.rows.length > page.limit;
  let rows = read.rows.slice(0, page.limit);
  let keys = read.sortKeys.slice(0, page.limit);
  if (back) rows = rows.reverse(), keys = keys.reverse();
  if (!rows.length) return { items: [], older: null, newer: null, newest: null };
  const first: Cursor = { key: keys[0], id: rows[0].id };
  const last: Cursor = { key: keys.at(-1)!, id: rows.at(-1)!.id };
  const newer = (back ? page.before !== undefined && beyond(db, id, last, false) : more) ? last : null;
  const newest = newer && (prepared(db, 'SELECT sort_key, id FROM items WHERE matter_id = ? ORDER BY sort_key DESC, id DESC LIMIT 1').raw(true).get(id) as [string, number]);
  return {
    items: rows,
    older: (back ? more : page.after !== undefined && beyond(db, id, first, true)) ? first : null,
    newer,
    newest: newest ? { key: newest[0], id: newest[1] + 1 } : null,
  };
}

/** A page of a matter's changes, newest first, and the event the next (older) page starts before, or null. */
export function matterChanges(db: Db, id: number, before: number | undefined, limit: number): { events: MatterEvent[]; older: number | null } {
  const rows = prepared(db, `${MATTER_PAGE_SQL.changes} ${limitRows(limit + 1)}`).all(id, before ?? Number.MAX_SAFE_INTEGER) as (MatterEvent & { id: number })[];
  const shown = rows.slice(0, limit);
  return { events: shown.map(({ id: _, ...e }) => e), older: rows.length > limit ? shown.at(-1)!.id : null };
}

/** How many of a matter's changes were recorded after an instant. */
export const matterChangesSince = (db: Db, id: number, since: string): number => prepared(db, MATTER_PAGE_SQL.changesSince).pluck().get(id, since) as number;

/** Items of other matters that mention the matter's identifiers, newest first, at most `limit`, and how many there are. */
export function matterMentions(db: Db, head: { id: number; keys: readonly (readonly [string, string])[] }, limit: number): { items: ItemRow[]; total: number } {
  const ids = head.keys.length ? prepared(db, MATTER_PAGE_SQL.mentioning).pluck().all(JSON.stringify(head.keys), head.id) as number[] : [];
  return { items: ids.length ? listItems(db, { ids, limit }) : [], total: ids.length };
}
