// The items list of the web view: every filter a person can set, newest first, in pages read through an index.
import { dataVersion } from './data-version.js';
import { eachPage, limitRows, prepared, type Db } from './db.js';
import { expandPrefixes, ftsDay, FTS_ITEM_ID } from './search-words.js';
import { HAS_GOAL, LISTING_PAGE, listRowSelect, listItems, NOT_A_COPY, readListRows, type ItemRow, type ListRow } from './items.js';

/** What a person can filter the items list by; every field is optional and they all must hold. */
export interface ItemFilter {
  /** The reviewer's goals when reviewed, else the tagger's. */
  goal?: string;
  source?: string;
  /** The stored organisation names of one organisation as chosen (app/organisations.ts organisationFilter). */
  organisations?: readonly string[];
  kind?: string;
  /** The stage of the item's matter. */
  stage?: string;
  language?: string;
  /** ISO instants: items published (or first seen) at or after `from` and before `until`. */
  from?: string;
  until?: string;
  /** true: a reviewer has decided on it; false: nobody has. */
  reviewed?: boolean;
  hasDeadline?: boolean;
  /** An FTS5 expression (tag/index-terms.ts searchQuery). */
  match?: string;
  /** Only items this person (user id) has not marked read. */
  unreadBy?: number;
}

/** A place in the list: the sort key and id of an item (the list is ordered by both, newest first). */
export interface Cursor {
  key: string;
  id: number;
}

export interface PageRequest {
  /** Items older than this (the next page). */
  before?: Cursor;
  /** Items newer than this (the previous page). */
  after?: Cursor;
  /** The list's oldest items (its last page), read from the end as a page newer than `after` is. */
  oldest?: boolean;
  limit: number;
  /**
   * A search with other filters reads only its newest matches, at most this many, as feed readers bound theirs (a
   * common word's every match was most of a page's time); a search alone is read from the index page by page, every
   * match in reach (readSearchPage). Without it (exports) every match is read.
   */
  searchCap?: number;
  /** false: the page shows no identifiers, so they are not read (every row's list is empty). */
  identifiers?: boolean;
  /** false: the page shows no summaries, so they are not read (every row's is ''). */
  summaries?: boolean;
}

/** One page of the list; `older`/`newer` are where the next and previous pages start, or null at either end. */
export interface ItemPage {
  items: ListRow[];
  older: Cursor | null;
  newer: Cursor | null;
  /** The search (with other filters) matched more than the page's searchCap: the list holds only the newest of its matches. */
  capped: boolean;
}

/** Whether a page is read toward newer items, from a cursor (`after`) or from the list's end (`oldest`). */
const towardNewer = (page: PageRequest): boolean => page.after !== undefined || page.oldest === true;

/**
 * How many rows a page's query reads: one more than the limit (whether the list goes on), and a page read back
 * (`after`) its cursor's row too, which it reads from: that row, when it is still there, says that older items are
 * (pageRows), where a query of its own did (a search alone for a common word: 30 ms).
 */
const rowsRead = (page: PageRequest): number => page.limit + (page.after ? 2 : 1);

/** Where a page starts in the list, as a condition on `i` and its arguments (none for a page from either end). */
function cursorCondition(page: PageRequest): { sql: string; args: (string | number)[] } | undefined {
  // A page read back reads from its cursor's row (rowsRead).
  const cursor = page.before ?? page.after;
  return cursor && { sql: `(i.sort_key, i.id) ${page.before ? '<' : '>='} (?, ?)`, args: [cursor.key, cursor.id] };
}

/** The WHERE conditions of a filter over `items i LEFT JOIN reviews r ON r.id = i.latest_review_id`. */
export function filterConditions(f: ItemFilter): { where: string[]; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.source) where.push('i.source_id = ?'), args.push(f.source);
  // A press release reached through several feeds is listed once, as its first stored item (naming every source),
  // unless a source is asked for (see ItemRow.sameAs).
  else where.push(NOT_A_COPY);
  if (f.organisations?.length) where.push(`i.organisation IN (${f.organisations.map(() => '?').join(', ')})`), args.push(...f.organisations);
  if (f.kind) where.push('i.kind = ?'), args.push(f.kind);
  // Swedish as a literal, so that the planner can read the list of Swedish items from their own (partial) index.
  if (f.language === 'sv') where.push("i.language = 'sv'");
  else if (f.language) where.push('i.language = ?'), args.push(f.language);
  if (f.from) where.push('i.sort_key >= ?'), args.push(f.from);
  if (f.until) where.push('i.sort_key < ?'), args.push(f.until);
  if (f.reviewed !== undefined) where.push(`i.latest_review_id IS ${f.reviewed ? 'NOT ' : ''}NULL`);
  // Unary + on these two: walking the list order finds a page within a few hundred rows, where reading every
  // item with a deadline (or of the stage's matters) first would sort them all.
  if (f.hasDeadline !== undefined) where.push(`+i.deadline IS ${f.hasDeadline ? 'NOT ' : ''}NULL`);
  if (f.stage) where.push('+i.matter_id IN (SELECT id FROM matters WHERE stage = ?)'), args.push(f.stage);
  if (f.goal) where.push(HAS_GOAL), args.push(f.goal, f.goal);
  if (f.unreadBy !== undefined) where.push('NOT EXISTS (SELECT 1 FROM item_reads WHERE user_id = ? AND item_id = i.id)'), args.push(f.unreadBy);
  // Unary +: walk the list order and test each item against the (materialized) matches, as listItems does.
  if (f.match) where.push(`+i.id IN (SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ?)`), args.push(f.match);
  return { where, args };
}

/**
 * The SQL of one page of rows, as many as rowsRead (exported for the query-plan tests); `hits` (a JSON array of
 * ids) stands for the search's matches when they have been read already (see searchHits).
 */
export function itemPageQuery(f: ItemFilter, page: PageRequest, hits?: string): { sql: string; args: (string | number)[] } {
  const { where, args } = filterConditions(hits === undefined ? f : { ...f, match: undefined });
  // Matches with no other filter need only their sort keys (and whether each is a copy): read from items_sort_by_id,
  // not from each item's row.
  const keysOnly = hits !== undefined && where.every((w) => w === NOT_A_COPY);
  const newerFirst = !towardNewer(page);
  const cursor = cursorCondition(page);
  if (cursor) where.push(cursor.sql), args.push(...cursor.args);
  const limit = limitRows(rowsRead(page));
  const dir = newerFirst ? 'DESC' : 'ASC';
  const order = `ORDER BY i.sort_key ${dir}, i.id ${dir}`;
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // A search's bounded matches (at most searchCap) are sorted, not walked: sort their ids and sort keys alone, then
  // read the page's rows. Each match is looked up as the list gives it (the items table in the order the FTS index
  // gave them): `i.id IN (the list)` first built a temporary index of the ids, a fifth of the sort's time.
  if (hits !== undefined)
    return { sql: `${listRowSelect('items i', page)} WHERE i.id IN (SELECT i.id FROM json_each(?) h CROSS JOIN ${keysOnly
      ? 'items i INDEXED BY items_sort_by_id' : 'items i'} ON i.id = h.value${keysOnly ? '' : ' LEFT JOIN reviews r ON r.id = i.latest_review_id'}
      ${filter} ${order} ${limit}) ${order}`, args: [hits, ...args] };
  return { sql: `${listRowSelect('items i', page)} ${filter} ${order} ${limit}`, args };
}

/** Every row of a search's few matches (a JSON array of ids) from the page's cursor on, in no order (pageRows sorts them). */
function hitRowsQuery(page: PageRequest, hits: string): { sql: string; args: (string | number)[] } {
  const cursor = cursorCondition(page);
  return { sql: `${listRowSelect('json_each(?) h CROSS JOIN items i ON i.id = h.value', page)}${cursor ? ` WHERE ${cursor.sql}` : ''}`,
    args: [hits, ...(cursor?.args ?? [])] };
}

/** The largest page whose answer is kept (a list page; exports of thousands of rows are read each time). */
const KEPT_PAGE = 100;
/** How many answers are kept for one data version, the oldest dropped first. */
const KEPT_ANSWERS = 32;
/** How many questions are remembered as asked once (an answer is kept when it is asked for again). */
const ASKED = 64;

/**
 * The answers of listItemPage and searchHits for the database's current data version (data-version.ts: any write, by
 * any connection, drops them all). They are the same for every person who asks (read marks are written, so an
 * unread-only list is dropped when someone marks an item read), so one person's list is ready for the next, and the
 * next page of a search does not search again. An answer is kept only when asked for a second time: keeping every
 * answer made each one-off page (deep in the list, a search nobody repeats) dearer, as the garbage collector then
 * moved and swept every kept row. Kept pages are frozen: a caller cannot change what the next one reads.
 */
const kept = new WeakMap<Db, { version: string; answers: Map<string, unknown>; asked: Set<string> }>();

function keptAnswer<T>(db: Db, key: string, read: () => T, version = dataVersion(db)): T {
  // The version is read before the data: a write in between makes the next call read again, never serve stale data.
  let k = kept.get(db);
  if (!k || k.version !== version) kept.set(db, (k = { version, answers: new Map(), asked: new Set() }));
  if (k.answers.has(key)) return k.answers.get(key) as T;
  const value = read();
  if (!k.asked.delete(key)) {
    if (k.asked.size >= ASKED) k.asked.delete(k.asked.values().next().value!);
    k.asked.add(key);
    return value;
  }
  if (k.answers.size >= KEPT_ANSWERS) k.answers.delete(k.answers.keys().next().value!);
  k.answers.set(key, value);
  if (typeof value === 'object' && value !== null) keptValues.add(value);
  return value;
}

const keptValues = new WeakSet<object>();

/** Whether this page is one the store keeps (the same object is handed out again until any write), so worth building on. */
export const isKeptPage = (page: ItemPage): boolean => keptValues.has(page);

/**
 * One page of filtered items, newest first, with where the pages beside it start (one query: rows, reviews, matter
 * stages). `version`: the database's data version (dataVersion) as the caller read it before anything else of its page,
 * so that a page that keeps other values per version too asks for it once.
 */
export function listItemPage(db: Db, f: ItemFilter, page: PageRequest, version?: string): ItemPage {
  if (page.limit > KEPT_PAGE) return readItemPage(db, f, page, version);
  // The version is read once here, for the page and the search it may keep.
  const at = version ?? dataVersion(db);
  return keptAnswer(db, `page ${JSON.stringify([f, page])}`, () => {
    const read = readItemPage(db, f, page, at);
    for (const row of read.items) Object.freeze(row.goals), Object.freeze(row.identifiers), Object.freeze(row);
    return Object.freeze({ ...read, items: Object.freeze(read.items) as ListRow[] });
  }, at);
}

/** listItemPage without what is kept. */
function readItemPage(db: Db, f: ItemFilter, page: PageRequest, version?: string): ItemPage {
  const { hits, capped, few } = pageHits(db, f, page, version);
  return pageOf(db, f, page, hits, capped, few);
}

/**
 * The search's matches a page is read among (a JSON array of ids; none without a search, or for an export, which
 * reads every match), whether the list holds only the newest of them, and whether they are few enough to sort here.
 */
function pageHits(db: Db, f: ItemFilter, page: PageRequest, version?: string): { hits?: string; capped: boolean; few: boolean } {
  if (!f.match || page.searchCap === undefined) return { capped: false, few: false };
  if (searchAlone(f)) return { ...searchPageHits(db, f, page), capped: false };
  return { ...searchHits(db, f.match, page.searchCap, version), few: false };
}

/**
 * At most this many matches of a search alone are read whole and sorted here (readListRows `order`): a first read
 * (FIRST_READ) is, where the query sorted their sort keys first and then read and sorted the page's rows again.
 */
const SORTED_HERE = 64;

/**
 * One page of rows for the filter, `hits` (a JSON array of ids) standing for the search's matches when given; `few`:
 * they are a search's alone, at most SORTED_HERE.
 */
function pageOf(db: Db, f: ItemFilter, page: PageRequest, hits: string | undefined, capped: boolean, few = false): ItemPage {
  const { rows, keys, more, atCursor } = pageRows(db, f, page, hits, few);
  const cursor = (n: number): Cursor | undefined => (rows[n] ? { key: keys[n], id: rows[n].id } : undefined);
  const first = cursor(0);
  const last = cursor(rows.length - 1);
  // Going back (after), `more` says whether newer items remain; going forward, whether older ones do. A page read
  // back from a cursor has older items when the cursor's row was read, else unless the cursor lay at the list's end
  // (the last-page link's, lastPageCursor) or every item from it on has gone (removed, or no longer matching).
  const older = last && (page.after ? atCursor || olderThan(db, f, page, last, hits) : page.oldest ? false : more) ? last : null;
  const newer = first && (towardNewer(page) ? more : page.before !== undefined) ? first : null;
  return { items: rows, older, newer, capped };
}

/** Whether any item of the list is older than `cursor` (`hits`: the page's, which a search alone reads per page). */
function olderThan(db: Db, f: ItemFilter, page: PageRequest, cursor: Cursor, hits: string | undefined): boolean {
  const next: PageRequest = { ...page, after: undefined, oldest: undefined, before: cursor, limit: 1, identifiers: false, summaries: false };
  const own = f.match && searchAlone(f) && page.searchCap !== undefined ? pageHits(db, f, next) : { hits, few: false };
  return pageRows(db, f, next, own.hits, own.few).rows.length > 0;
}

/**
 * A page's rows newest first with their sort keys, whether the list goes on beyond them in the direction read, and
 * (a page read back) whether its cursor's row was read, which is then left out of it.
 */
function pageRows(db: Db, f: ItemFilter, page: PageRequest, hits: string | undefined, few: boolean): { rows: ListRow[]; keys: string[]; more: boolean; atCursor: boolean } {
  const { sql, args } = few ? hitRowsQuery(page, hits!) : itemPageQuery(f, page, hits);
  const read = readListRows(db, sql, args, { identifiers: page.identifiers ?? true, order: few ? { newestFirst: !towardNewer(page), limit: rowsRead(page) } : undefined });
  const atCursor = page.after !== undefined && read.rows[0]?.id === page.after.id && read.sortKeys[0] === page.after.key;
  const from = atCursor ? 1 : 0;
  const more = read.rows.length - from > page.limit;
  const rows = read.rows.slice(from, from + page.limit);
  const keys = read.sortKeys.slice(from, from + page.limit);
  if (towardNewer(page)) rows.reverse(), keys.reverse();
  return { rows, keys, more, atCursor };
}

/** Whether the filter is a search and nothing else. */
const searchAlone = (f: ItemFilter): boolean => (Object.keys(f) as (keyof ItemFilter)[]).every((k) => k === 'match' || f[k] === undefined);

/** A full-text row key's day unit (migration 023: day counted down × 2³² + id counted down, the newest day smallest). */
const DAY_KEYS = 4294967296;
/**
 * How many index rows a search page reads first (then four times as many, until its page is certain): a page of 50 and
 * the rest of the last day read. 64 against 128: 7 % less of the store's time for the bench's 105 searches (each index
 * row read is one more lookup of its sort key), with 8 % of them reading again.
 */
const FIRST_READ = 64;

/**
 * The matches a page of a search with no other filter is read among, from the full-text index in its own order (by
 * day, newest first, migration 023): forwards from the cursor's day (from the oldest day for the last page), only as
 * far as the page needs, so every match can be paged to and none is capped. The days read to the end hold all their
 * matches; the last day read may hold more, so its matches wait for the next read. The matches read are sorted into
 * list order (sort key, id) by the page's query, as a capped search's.
 */
function searchPageHits(db: Db, f: ItemFilter, page: PageRequest): { hits: string; few: boolean } {
  const match = expandPrefixes(db, f.match!);
  const cursor = page.before ?? page.after;
  const newer = towardNewer(page);
  const cursorDay = cursor ? (prepared(db, `SELECT ${ftsDay('?')}`).pluck().get(cursor.key) as number) : undefined;
  const need = page.limit + 1;
  for (let n = FIRST_READ; ; n *= 4) {
    // Older pages read forwards from the start of the cursor's day, newer ones backwards from its end (its day's
    // matches lie on both sides of it).
    const sql = `SELECT rowid FROM items_fts WHERE items_fts MATCH ?${cursor ? ` AND rowid ${newer ? '<' : '>='} ?` : ''}
      ORDER BY rowid ${newer ? 'DESC' : 'ASC'} ${limitRows(n)}`;
    const bound = cursorDay === undefined ? [] : [(cursorDay + (newer ? 1 : 0)) * DAY_KEYS];
    const keys = prepared(db, sql).pluck().all(match, ...bound) as number[];
    const full = keys.length === n;
    const dayOf = (key: number) => Math.floor(key / DAY_KEYS);
    const lastDay = full ? dayOf(keys[keys.length - 1]) : undefined;
    const complete = full ? keys.filter((k) => dayOf(k) !== lastDay) : keys;
    // The cursor's own day's matches may lie on either side of it; those of the other days are all beyond it.
    const beyond = cursorDay === undefined ? complete.length : complete.filter((k) => dayOf(k) !== cursorDay).length;
    if (full && beyond < need) continue;
    // A first (or last) page needs no match of a day beyond its last row's: the days before that one are in the page whole.
    const pageDay = cursor === undefined && complete.length > need ? dayOf(complete[need - 1]) : undefined;
    const kept = pageDay === undefined ? complete : complete.filter((k) => (newer ? dayOf(k) >= pageDay : dayOf(k) <= pageDay));
    const ids = kept.map((k) => DAY_KEYS - 1 - (k - dayOf(k) * DAY_KEYS));
    return { hits: JSON.stringify(ids), few: ids.length <= SORTED_HERE };
  }
}

/**
 * The ids of a search's newest matches by day (at most `cap`, as a JSON array; the days of list order, migration 023)
 * and whether there were more: the FTS index gives them newest first in its own order and stops at the cap, where
 * every match was read and indexed for a walk of the list. A search with other filters reads these and keeps those the
 * filters let through.
 * Its prefix terms are asked for as the OR of their words (search-words.ts), which FTS5 too reads only up to the cap.
 */
export function searchHits(db: Db, match: string, cap: number, version?: string): { hits: string; capped: boolean } {
  return keptAnswer(db, `hits ${cap} ${match}`, () => readSearchHits(db, match, cap), version);
}

function readSearchHits(db: Db, match: string, cap: number): { hits: string; capped: boolean } {
  const ids = prepared(db, `SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid ${limitRows(cap + 1)}`).pluck().all(expandPrefixes(db, match)) as number[];
  const capped = ids.length > cap;
  return { hits: JSON.stringify(capped ? ids.slice(0, cap) : ids), capped };
}

/**
 * Where the list's last page starts: a cursor just before its oldest item (the list's own page query asked for its
 * oldest page, of one row), so that the page newer than it (`after`) holds the oldest items; null when no item
 * matches. `searchCap` as the list's pages are read. For a page asked for past the end, to name the last one.
 */
export function lastPageCursor(db: Db, f: ItemFilter, searchCap?: number): Cursor | null {
  const page: PageRequest = { oldest: true, limit: 1, searchCap, identifiers: false, summaries: false };
  const { hits, few } = pageHits(db, f, page);
  const { rows, keys } = pageRows(db, f, page, hits, few);
  return rows.length ? { key: keys[0], id: rows[0].id - 1 } : null;
}

/** Up to `limit` filtered items, newest first (for feeds and exports). */
export function listFilteredItems(db: Db, f: ItemFilter, limit: number): ListRow[] {
  return listItemPage(db, f, { limit }).items;
}

/**
 * Up to `limit` filtered items, newest first, a page at a time as the CLI's listing reads them (eachPage, LISTING_PAGE):
 * the items that matched when the export began, in that order, each page read whole in a read of its own, with no read
 * left open between pages. An export of thousands of rows is then written page by page with other requests answered
 * in between (listFilteredItems read all 10,000 rows at once, and the CSV held every request for its whole build).
 */
export function* eachFilteredPage(db: Db, f: ItemFilter, limit: number): Generator<ListRow[], void, undefined> {
  const ids = () => {
    const { where, args } = filterConditions(f);
    return prepared(db, `SELECT i.id FROM items i LEFT JOIN reviews r ON r.id = i.latest_review_id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY i.sort_key DESC, i.id DESC ${limitRows(limit)}`).pluck().all(...args) as number[];
  };
  const read = (page: number[]) => {
    const { sql, args } = hitRowsQuery({ limit: page.length }, JSON.stringify(page));
    const at = new Map(page.map((id, n) => [id, n]));
    return readListRows(db, sql, args).rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  };
  yield* eachPage(db, ids, LISTING_PAGE, read);
}

/** Items with a statement deadline on or after `from` (YYYY-MM-DD), nearest first, that match the filter. */
export function listDeadlines(db: Db, f: ItemFilter, from: string, limit: number): ItemRow[] {
  return [...eachDeadlinePage(db, f, from, limit)].flat();
}

/**
 * The same a page at a time, as eachFilteredPage reads an export's (eachPage, LISTING_PAGE): the calendar of 1,000
 * deadlines is written page by page with other requests answered in between.
 */
export function* eachDeadlinePage(db: Db, f: ItemFilter, from: string, limit: number): Generator<ItemRow[], void, undefined> {
  const ids = () => {
    const { where, args } = filterConditions(f);
    where.push('i.deadline >= ?');
    return prepared(db, `SELECT i.id FROM items i LEFT JOIN reviews r ON r.id = i.latest_review_id
      WHERE ${where.join(' AND ')} ORDER BY i.deadline, i.id ${limitRows(limit)}`).pluck().all(...args, from) as number[];
  };
  const read = (page: number[]) => {
    const at = new Map(page.map((id, n) => [id, n]));
    return listItems(db, { ids: page, limit: page.length }).sort((a, b) => at.get(a.id)! - at.get(b.id)!);
  };
  yield* eachPage(db, ids, LISTING_PAGE, read);
}

/** The organisations items name, in order (a loose index scan: one index seek per name, never a pass over items). */
export function listOrganisations(db: Db): string[] {
  return prepared(db, `WITH RECURSIVE o(name) AS (
      SELECT MIN(organisation) FROM items WHERE organisation IS NOT NULL
      UNION ALL SELECT (SELECT MIN(organisation) FROM items WHERE organisation > o.name) FROM o WHERE o.name IS NOT NULL
    ) SELECT name FROM o WHERE name IS NOT NULL`).pluck().all() as string[];
}
