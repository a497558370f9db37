// The items table's read side: lists for the front page and the CLI, one item in full, its versions and events.
import { eachPage, limitRows, prepared, type Db } from './db.js';
import { FTS_ITEM_ID } from './search-words.js';
import type { Consultation, Identifier, ItemKind, Lang } from '../model.js';
import type { ChangeType } from './changes.js';

/** An item as listed by `lakivahti items` and the web view; tags are the reviewer's when reviewed. */
export interface ItemRow {
  id: number;
  source: string;
  title: string;
  url: string | null;
  published: string | null;
  summary: string;
  language: string;
  identifiers: string[];
  deadline: string | null;
  organisation: string | null;
  kind: string;
  stage: string | null;
  /** null: not tagged yet. */
  relevant: boolean | null;
  goals: string[];
  primary: string | null;
  joint: boolean;
  /** Who made the latest review decision, or null when the tags are the tagger's. */
  reviewedBy: string | null;
  /** The matter the item belongs to (see store/matters.ts), or null. */
  matter: number | null;
  /** A statute's entry into force as its text states it (YYYY-MM-DD), or null (always read; optional for rows built by hand). */
  inForce?: string | null;
  /**
   * A press release another source stored first under the same link and language: that first item's id (this one is
   * its copy, left out of the lists that do not ask for its source); else null (optional for rows built by hand).
   */
  sameAs?: number | null;
  /** Every source carrying the release, the first stored first (only this item's source when no other carries it). */
  sources?: string[];
}

export interface ItemQuery {
  source?: string;
  /** ISO date or instant: items published (or first seen) on or after it. */
  since?: string;
  limit?: number;
  /** An FTS5 expression over title, summary and search_terms (see tag/search-terms.ts). */
  match?: string;
  relevant?: boolean;
  /** Items carrying this goal. */
  goal?: string;
  /** Only joint-response candidates whose deadline is today or later (YYYY-MM-DD). */
  jointFrom?: string;
  /** Only joint-response candidates whose deadline is not known (the "deadline unknown" bucket, after the dated), by id. */
  jointUnknown?: boolean;
  /** Only the items of this matter. */
  matter?: number;
  /** Only these items. */
  ids?: number[];
}

/** Not a copy of a press release another source stored first (see ItemRow.sameAs): the lists' condition. */
export const NOT_A_COPY = 'i.same_as IS NULL';

const MACHINE_GOALS = '(SELECT json_group_array(goal) FROM (SELECT goal FROM item_goals WHERE item_id = i.id ORDER BY rank))';

/**
 * The sources carrying a press release (see ItemRow.sources), its first stored item's first and then its copies' (by
 * the same_as index, in id order), comma-separated (source ids have no commas); NULL for an item of any other kind.
 * One lookup by primary key and one by the same_as index; no sort.
 */
const RELEASE_SOURCES = `CASE WHEN i.kind = 'press-release' THEN (SELECT f.source_id FROM items f WHERE f.id = coalesce(i.same_as, i.id))
  || coalesce((SELECT ',' || group_concat(c.source_id, ',') FROM items c WHERE c.same_as = coalesce(i.same_as, i.id)), '') END`;

/** The columns of an ItemRow, over `items i` joined with its latest review `r` (see rowFrom). */
const ROW_COLUMNS = `i.id, i.source_id AS source, i.title, i.url, i.published, i.summary, i.language, i.deadline,
  i.organisation, i.kind, i.stage, i.joint, i.matter_id AS matter, i.in_force AS inForce,
  (SELECT json_group_array(value) FROM item_identifiers WHERE item_id = i.id AND type <> 'lausuntopalvelu') AS identifiers,
  COALESCE(r.relevant, i.relevant) AS relevant,
  COALESCE(r.goals, ${MACHINE_GOALS}) AS goals,
  CASE WHEN r.id IS NULL THEN i.primary_goal ELSE r.primary_goal END AS "primary",
  i.same_as AS sameAs, ${RELEASE_SOURCES} AS sources,
  r.reviewer AS reviewedBy`;
/** The latest review is kept on the item (latest_review_id, maintained by triggers): one lookup by key. */
const rowFrom = (items = 'items i') => `${items} LEFT JOIN reviews r ON r.id = i.latest_review_id`;

/**
 * The SELECT of the web view's list rows, over `items i` (`items` may name an index to read it by), its latest review
 * `r` and its matter `m`: the filter, the order and the limit pick the rows, and only those rows' columns are read.
 * `summaries: false` reads no summary (each row's is ''): only a search's list shows them, and reading them was a
 * tenth to a quarter of the row query.
 * Run it through readListRows, which reads the columns in this order and adds the rows' goals and identifiers.
 */
export const listRowSelect = (items = 'items i', { summaries = true } = {}): string => `SELECT i.id, i.source_id, i.title, i.url, i.published, ${summaries ? 'i.summary' : "''"},
  i.language, i.deadline, i.organisation, i.kind, i.stage, i.joint, i.matter_id, i.in_force, COALESCE(r.relevant, i.relevant),
  r.goals, CASE WHEN r.id IS NULL THEN i.primary_goal ELSE r.primary_goal END, r.reviewer, m.stage, i.sort_key, ${RELEASE_SOURCES}, i.same_as
  FROM ${rowFrom(items)} LEFT JOIN matters m ON m.id = i.matter_id`;

type ListColumns = [id: number, source: string, title: string, url: string | null, published: string | null, summary: string,
  language: string, deadline: string | null, organisation: string | null, kind: string, stage: string | null, joint: number,
  matter: number | null, inForce: string | null, relevant: number | null, reviewGoals: string | null, primary: string | null,
  reviewedBy: string | null, matterStage: string | null, sortKey: string, sources: string | null, sameAs: number | null];

/** A web list row: an ItemRow with its matter's stage. */
export type ListRow = ItemRow & { matterStage: string | null };

/**
 * The rows of a listRowSelect query, in its order, with each row's list position (sort key). The rows come as plain
 * arrays (the driver builds no object per row), and the tagger's goals and the identifiers of the whole page are read
 * in one query each, where a subquery per row built and parsed a JSON array for every row. A page that shows no
 * identifiers asks for none (`identifiers: false`): its rows' lists are then empty, and one query fewer is run.
 */
export function readListRows(db: Db, sql: string, args: unknown[], { identifiers: withIdentifiers = true, order }: ListOrder = {}): { rows: ListRow[]; sortKeys: string[] } {
  let raw = prepared(db, sql).raw(true).all(...args) as ListColumns[];
  if (order) raw = sortRows(raw, order);
  if (!raw.length) return { rows: [], sortKeys: [] };
  const ids = JSON.stringify(raw.map((r) => r[0]));
  const goals = new Map<number, string[]>();
  for (const [id, goal] of prepared(db, `SELECT item_id, goal FROM item_goals WHERE item_id IN (SELECT value FROM json_each(?))
      ORDER BY item_id, rank`).raw(true).all(ids) as [number, string][])
    (goals.get(id) ?? goals.set(id, []).get(id)!).push(goal);
  const identifiers = new Map<number, string[]>();
  if (withIdentifiers) for (const [id, value] of prepared(db, `SELECT item_id, value FROM item_identifiers WHERE item_id IN (SELECT value FROM json_each(?))
      AND type <> 'lausuntopalvelu' ORDER BY item_id, type, value`).raw(true).all(ids) as [number, string][])
    (identifiers.get(id) ?? identifiers.set(id, []).get(id)!).push(value);
  const rows = raw.map(([id, source, title, url, published, summary, language, deadline, organisation, kind, stage, joint, matter,
    inForce, relevant, reviewGoals, primary, reviewedBy, matterStage, , sources, sameAs]): ListRow => ({
    id, source, title, url, published, summary, language, identifiers: identifiers.get(id) ?? [], deadline, organisation, kind,
    stage, joint: joint === 1, matter, inForce, relevant: relevant === null ? null : relevant === 1,
    // The reviewer's goals when reviewed (none when judged not relevant), else the tagger's.
    goals: relevant === 0 ? [] : reviewGoals !== null ? (JSON.parse(reviewGoals) as string[]) : (goals.get(id) ?? []),
    primary, reviewedBy, matterStage, sameAs, sources: sources === null ? [source] : sources.split(','),
  }));
  return { rows, sortKeys: raw.map((r) => r[19]) };
}

/** How readListRows reads: with the rows' identifiers or not, and (`order`) the rows sorted and cut here, not by the query. */
interface ListOrder {
  identifiers?: boolean;
  /**
   * Sort the query's rows into list order (sort key, then id; `newestFirst` or the other way) and keep the first
   * `limit`, as `ORDER BY i.sort_key, i.id … LIMIT` would: for a query over a few known ids, where sorting their rows
   * here spares SQLite a second pass (sort the ids, then read their rows and sort those again).
   */
  order?: { newestFirst: boolean; limit: number };
}

/** Rows in list order as SQLite sorts them (sort key, then id), cut to `limit`. */
function sortRows(raw: ListColumns[], { newestFirst, limit }: { newestFirst: boolean; limit: number }): ListColumns[] {
  const dir = newestFirst ? -1 : 1;
  return raw.sort((a, b) => dir * (compareBinary(a[19], b[19]) || a[0] - b[0])).slice(0, limit);
}

/**
 * Two texts compared as SQLite's BINARY collation compares them (UTF-8 bytes, that is code points). JavaScript's own
 * comparison goes by UTF-16 units, the same order except between a character past U+FFFF (a surrogate pair) and one
 * of U+E000–U+FFFF, which the units put the other way: those are moved into code point order.
 */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    let x = a.charCodeAt(k);
    let y = b.charCodeAt(k);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

type RawRow = Omit<ItemRow, 'identifiers' | 'goals' | 'relevant' | 'joint' | 'sources'> & {
  identifiers: string; goals: string; relevant: number | null; joint: number; sources: string | null;
};

function toItemRow<T extends RawRow>(r: T): Omit<T, keyof RawRow> & ItemRow {
  return {
    ...r,
    identifiers: JSON.parse(r.identifiers) as string[],
    sources: r.sources === null ? [r.source] : r.sources.split(','),
    goals: r.relevant === 0 ? [] : (JSON.parse(r.goals) as string[]),
    relevant: r.relevant === null ? null : r.relevant === 1,
    joint: r.joint === 1,
  };
}

/**
 * That item `i`, with its latest review `r`, carries a goal (both `?` the goal): the reviewer's goals when reviewed,
 * none when judged not relevant (as ItemRow.goals shows it), else the tagger's (one primary-key lookup, not the whole
 * list). The CLI's lists and the web's (item-filter.ts) alike.
 */
export const HAS_GOAL = `CASE WHEN r.id IS NULL THEN EXISTS (SELECT 1 FROM item_goals WHERE item_id = i.id AND goal = ?)
  ELSE r.relevant = 1 AND EXISTS (SELECT 1 FROM json_each(r.goals) WHERE value = ?) END`;

/** The SQL and arguments of a listItems query (exported for the query-plan tests); `idsOnly`: its items' ids alone. */
export function itemListQuery(q: ItemQuery = {}, { idsOnly = false } = {}): { sql: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.source) where.push('i.source_id = ?'), args.push(q.source);
  // A release reached through two feeds is listed once, as its first stored item, unless its source or ids are asked for.
  if (q.source === undefined && q.ids === undefined) where.push(NOT_A_COPY);
  if (q.since) where.push('i.sort_key >= ?'), args.push(q.since);
  // Unary + keeps the planner walking the list order and testing each item against the (materialized) matches,
  // rather than sorting every match: a page needs only the first `limit` of them.
  if (q.match) where.push(`+i.id IN (SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ?)`), args.push(q.match);
  if (q.relevant !== undefined) where.push('COALESCE(r.relevant, i.relevant) = ?'), args.push(Number(q.relevant));
  if (q.goal) where.push(HAS_GOAL), args.push(q.goal, q.goal);
  if (q.matter !== undefined) where.push('i.matter_id = ?'), args.push(q.matter);
  if (q.ids) where.push('i.id IN (SELECT value FROM json_each(?))'), args.push(JSON.stringify(q.ids));
  if (q.jointFrom) where.push('i.joint = 1 AND i.deadline >= ? AND COALESCE(r.relevant, 1) = 1'), args.push(q.jointFrom);
  if (q.jointUnknown) where.push('i.joint = 1 AND i.deadline IS NULL AND COALESCE(r.relevant, 1) = 1');
  const joint = q.jointFrom !== undefined || q.jointUnknown;
  // Both orders are served by an index: items_by_joint (deadline, rowid) WHERE joint = 1 (nulls first); items_by_sort.
  const order = joint ? 'i.deadline ASC, i.id' : 'i.sort_key DESC, i.id DESC';
  // Named: the planner would take items_by_deadline, whose rows include every deadline, not only the candidates'.
  const from = rowFrom(joint ? 'items i INDEXED BY items_by_joint' : 'items i');
  const sql = `SELECT ${idsOnly ? 'i.id' : ROW_COLUMNS} FROM ${from} ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY ${order} ${limitRows(q.limit ?? 50)}`;
  return { sql, args };
}

/** Whether the source has an item stored under this dedup key. */
export function hasItemKey(db: Db, sourceId: string, key: string): boolean {
  return prepared(db, 'SELECT 1 FROM items WHERE source_id = ? AND key = ?').get(sourceId, key) !== undefined;
}

/** Stored items, newest first; identifiers are those people use (a lausuntopalvelu GUID is only for joining). */
export function listItems(db: Db, q: ItemQuery = {}): ItemRow[] {
  const { sql, args } = itemListQuery(q);
  return (prepared(db, sql).all(...args) as RawRow[]).map(toItemRow);
}

/** How many rows a listing reads at once, each page in a read of its own. */
export const LISTING_PAGE = 100;

/** The rows of a page of items (a JSON array of ids) in the page's order: one lookup by key each (exported for the query-plan tests). */
export const LISTING_PAGE_SQL = `SELECT ${ROW_COLUMNS} FROM ${rowFrom('json_each(?) h CROSS JOIN items i ON i.id = h.value')} ORDER BY h.key`;

/**
 * The items of each query in turn, at most `limit` in all, one row at a time as a listing writes them (`items --json
 * --limit 100000` holds a page of rows, not all), with no read left open between pages (eachPage): the items that
 * matched when the listing began, in that order (none repeated, none left out, also when an item's date or deadline
 * changes meanwhile). Each is shown as stored when its page is read; an item removed meanwhile is left out, and items
 * stored after the listing began are not in it.
 */
export function* eachItem(db: Db, queries: ItemQuery[], limit: number): Generator<ItemRow, void, undefined> {
  const ids = () => {
    const all: number[] = [];
    for (const q of queries) {
      if (all.length >= limit) break;
      const { sql, args } = itemListQuery({ ...q, limit: limit - all.length }, { idsOnly: true });
      for (const id of prepared(db, sql).pluck().all(...args) as number[]) all.push(id);
    }
    return all;
  };
  const read = (page: number[]) => prepared(db, LISTING_PAGE_SQL).all(JSON.stringify(page)) as RawRow[];
  for (const rows of eachPage(db, ids, LISTING_PAGE, read)) for (const r of rows) yield toItemRow(r);
}

/** The tagger's verdict as stored on an item (reviewers' decisions are separate, see listReviews). */
export interface StoredTags {
  relevant: boolean;
  primary: string | null;
  goals: { goal: string; score: number }[];
  scores: Record<string, number>;
  evidence: unknown[];
  joint: boolean;
  jointReason: string | null;
  taxonomyVersion: string | null;
  taggedAt: string | null;
}

/** One item in full: what listItems shows, every stored field, all identifiers with their types, the verdict. */
export interface ItemDetail extends ItemRow {
  key: string;
  guid: string | null;
  contentHtml: string;
  updated: string | null;
  language: Lang;
  kind: ItemKind;
  consultation: Consultation | null;
  version: number;
  firstSeenAt: string;
  lastSeenAt: string;
  changedAt: string;
  /**
   * The date the source gave when it lay more than a day after the item was first seen, which `published` then is
   * (see FUTURE_MARGIN_MS in item-saver.ts); null otherwise.
   */
  publishedGiven: string | null;
  /** Every identifier with its type and role, including those only used for joining (lausuntopalvelu GUIDs). */
  allIdentifiers: Identifier[];
  /** The tagger's verdict, or null when not tagged yet. */
  tags: StoredTags | null;
}

/** One item in full, or undefined when there is no item with that id. */
export function getItem(db: Db, id: number): ItemDetail | undefined {
  const row = prepared(db, `SELECT ${ROW_COLUMNS}, i.key, i.guid, i.content_html AS contentHtml, i.updated, i.consultation,
      i.version, i.first_seen_at AS firstSeenAt, i.last_seen_at AS lastSeenAt, i.changed_at AS changedAt, i.published_given AS publishedGiven,
      i.relevant AS tagRelevant, i.primary_goal AS tagPrimary, i.scores, i.evidence, i.joint_reason AS jointReason,
      i.taxonomy_version AS taxonomyVersion, i.tagged_at AS taggedAt,
      (SELECT json_group_array(json_array(type, value, role)) FROM item_identifiers WHERE item_id = i.id) AS allIdentifiers,
      (SELECT json_group_array(json_array(goal, score)) FROM (SELECT goal, score FROM item_goals WHERE item_id = i.id ORDER BY rank))
        AS tagGoals
    FROM ${rowFrom()} WHERE i.id = ?`).get(id) as
    | (RawRow & {
        key: string; guid: string | null; contentHtml: string; updated: string | null; consultation: string | null;
        version: number; firstSeenAt: string; lastSeenAt: string; changedAt: string; publishedGiven: string | null; tagRelevant: number | null;
        tagPrimary: string | null; scores: string | null; evidence: string | null; jointReason: string | null;
        taxonomyVersion: string | null; taggedAt: string | null; allIdentifiers: string; tagGoals: string;
      })
    | undefined;
  if (!row) return undefined;
  const { tagRelevant, tagPrimary, scores, evidence, jointReason, taxonomyVersion, taggedAt, tagGoals, ...rest } = row;
  const item = toItemRow(rest);
  return {
    ...item,
    language: item.language as Lang,
    kind: item.kind as ItemKind,
    consultation: rest.consultation ? (JSON.parse(rest.consultation) as Consultation) : null,
    allIdentifiers: (JSON.parse(rest.allIdentifiers) as [Identifier['type'], string, Identifier['role']][])
      .map(([type, value, role]) => ({ type, value, role })),
    tags: tagRelevant === null ? null : {
      relevant: tagRelevant === 1,
      primary: tagPrimary,
      goals: (JSON.parse(tagGoals) as [string, number][]).map(([goal, score]) => ({ goal, score })),
      scores: scores ? (JSON.parse(scores) as Record<string, number>) : {},
      evidence: evidence ? (JSON.parse(evidence) as unknown[]) : [],
      joint: item.joint,
      jointReason, taxonomyVersion, taggedAt,
    },
  };
}

/** An earlier version of an item, kept when it changed upstream. */
export interface ItemVersion {
  version: number;
  title: string;
  summary: string;
  contentHtml: string;
  deadline: string | null;
  stage: string | null;
  url: string | null;
  organisation: string | null;
  consultation: Consultation | null;
  hash: string;
  /** When the next version replaced it. */
  replacedAt: string;
}

/** An item's earlier versions, oldest first (the current one is the item itself). */
export function listItemVersions(db: Db, itemId: number): ItemVersion[] {
  return (prepared(db, `SELECT version, title, summary, content_html AS contentHtml, deadline, stage, url, organisation,
      consultation, hash, replaced_at AS replacedAt FROM item_versions WHERE item_id = ? ORDER BY version`)
    .all(itemId) as (Omit<ItemVersion, 'consultation'> & { consultation: string | null })[])
    .map((v) => ({ ...v, consultation: v.consultation ? (JSON.parse(v.consultation) as Consultation) : null }));
}

/** A change recorded when an item changed upstream; present/events.ts words it. */
export interface ItemEvent {
  id: number;
  itemId: number;
  runId: number | null;
  at: string;
  type: ChangeType;
  /** The field's old and new text; for 'consultation', the consultation as JSON ("null" when there was none). */
  oldValue: string | null;
  newValue: string | null;
}

/** Events of an item, oldest first. */
export function listItemEvents(db: Db, itemId: number): ItemEvent[] {
  return prepared(db, `SELECT id, item_id AS itemId, run_id AS runId, at, type, old_value AS oldValue, new_value AS newValue
    FROM item_events WHERE item_id = ? ORDER BY at, id`).all(itemId) as ItemEvent[];
}
