// Every index on items is one more B-tree insert for each new item a crawl saves (bench:index-cost: 12 of them, 7 % of a
// cold 10,000-item crawl's CPU together), so each must be the one a query of the store reads through. For every index on
// items: a store query whose plan (an unanalyzed store, as the app's are) reads it. A new index comes with its query
// here; one that no query reads any more fails, and is a candidate to drop (as migration 021 dropped two).
import { describe, expect, it } from 'vitest';
import {
  hasItemKey, itemListQuery, MARK_COPIES_SQL, RELEASE_COPIES_SQL, itemPageQuery, listDeadlines, listOrganisations, MATTER_PAGE_SQL, matterItemsQuery,
  openDb, type Db,
} from '../../src/store/index.js';
import { explain } from '../helpers/plans.js';

type Query = { sql: string; args: unknown[] };

/** The statements a store function prepares (on a store of its own: the store keeps prepared statements per database). */
function preparedBy(run: (db: Db) => void): Query[] {
  const db = openDb(':memory:');
  const seen: Query[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => (seen.push({ sql, args: (sql.match(/\?/g) ?? []).map(() => 1) }), prepare(sql))) as typeof db.prepare;
  run(db);
  return seen;
}

const cursor = { key: '2026-01-01', id: 5 };
const page = (f: Parameters<typeof itemPageQuery>[0], hits?: string): Query => itemPageQuery(f, { limit: 50, before: cursor }, hits);
const literal = (sql: string): Query => ({ sql, args: (sql.match(/\?/g) ?? []).map(() => 1) });

/** Each index on items and the store's queries that read through it (the page, list or lookup it serves). */
const readers: Record<string, () => Query[]> = {
  // The dedup key (UNIQUE): the saver's conflicts and a source's item by key.
  items_by_key: () => preparedBy((db) => hasItemKey(db, 's', 'k')),
  // The deadlines list (overview, feeds), nearest first.
  items_by_deadline: () => preparedBy((db) => listDeadlines(db, {}, '2026-01-01', 10)),
  // Joint-response candidates by deadline (the overview, the board, a matter page).
  items_by_joint: () => [itemListQuery({ jointFrom: '2026-01-01', limit: 50 }), literal(MATTER_PAGE_SQL.candidate)],
  // The items page: newest first, filtered by one of these, in list order.
  items_by_sort: () => [itemListQuery({ limit: 50 }), page({})],
  items_by_source_sort: () => [itemListQuery({ source: 's', limit: 50 }), page({ source: 's' })],
  items_by_organisation_sort: () => [page({ organisations: ['o'] }), ...preparedBy((db) => listOrganisations(db))],
  items_by_kind_sort: () => [page({ kind: 'consultation' })],
  items_by_kind_organisation_sort: () => [page({ kind: 'consultation', organisations: ['o'] })],
  items_reviewed_sort: () => [page({ reviewed: true })],
  items_swedish_sort: () => [page({ language: 'sv' })],
  // A search's matches sorted into list order by their sort keys alone.
  items_sort_by_id: () => [page({ match: 'pelastus' }, '[5,3,1000]')],
  // A matter's items a page at a time (and the foreign key's ON DELETE SET NULL), and its statement requests.
  items_by_matter_sort: () => [matterItemsQuery(1, { limit: 50 }), literal(MATTER_PAGE_SQL.total)],
  items_consulted_by_matter: () => [literal(MATTER_PAGE_SQL.answered)],
  // A new press release's first stored item under its link (migration 031), and a release's copies, each listed
  // row's sources and a review's copies (and the foreign key's ON DELETE SET NULL).
  items_by_release: () => [literal(MARK_COPIES_SQL)],
  items_by_same_as: () => [literal(RELEASE_COPIES_SQL), itemListQuery({ limit: 50 })],
};

describe('store: every index on items is read by a query of the store', () => {
  const db = openDb(':memory:');
  const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND sql IS NOT NULL ORDER BY name")
    .pluck().all() as string[];

  it('lists each index on items, and only those', () => {
    expect(Object.keys(readers).sort()).toEqual(indexes);
  });

  it.each(Object.entries(readers))('%s', (name, queries) => {
    const plans = queries().map((q) => explain(db, q.sql, q.args).join('\n'));
    expect(plans.some((p) => new RegExp(`USING (COVERING )?INDEX ${name}\\b`).test(p)), plans.join('\n---\n')).toBe(true);
  });
});
