// The pages' queries are served by indexes: every items-list variant walks an index in list order (no temporary
// B-tree to sort, no pass over every item), and the overview's reads are index ranges.
import { describe, expect, it } from 'vitest';
import { countJointDeadlines, itemPageQuery, listJointDeadlines, openDb, type Db, type ItemFilter, type PageRequest } from '../../src/store/index.js';
import type { ItemKind } from '../../src/model.js';
import { explain, populated } from '../helpers/plans.js';

const KINDS: ItemKind[] = ['statement-request', 'bill', 'press-release', 'news'];
const first: PageRequest = { limit: 50 };
const later: PageRequest = { limit: 50, before: { key: '2024-01-01T00:00:00.000Z', id: 500 } };
const back: PageRequest = { limit: 50, after: { key: '2021-01-01T00:00:00.000Z', id: 500 } };

const variants: [string, ItemFilter, PageRequest, RegExp][] = [
  ['newest', {}, first, /^SCAN i USING INDEX items_by_sort$/],
  ['next page', {}, later, /^SEARCH i USING INDEX items_by_sort \(/],
  ['previous page', {}, back, /^SEARCH i USING INDEX items_by_sort \(/],
  ['goal', { goal: 'services' }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['source', { source: 's1' }, later, /^SEARCH i USING INDEX items_by_source_sort \(source_id=\?/],
  ['organisation', { organisations: ['Sisäministeriö'] }, first, /^SEARCH i USING INDEX items_by_organisation_sort \(organisation=\?\)$/],
  ['kind', { kind: 'bill' }, first, /^SEARCH i USING INDEX items_by_kind_sort \(kind=\?\)$/],
  ['Swedish', { language: 'sv' }, first, /^SCAN i USING INDEX items_swedish_sort$/],
  ['Finnish', { language: 'fi' }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['kind and organisation', { kind: 'bill', organisations: ['Sisäministeriö'] }, later, /^SEARCH i USING INDEX items_by_kind_organisation_sort \(kind=\? AND organisation=\?/],
  ['date range', { from: '2021-01-01T00:00:00Z', until: '2022-01-01T00:00:00Z' }, first, /^SEARCH i USING INDEX items_by_sort \(sort_key>\? AND sort_key<\?\)$/],
  ['reviewed', { reviewed: true }, first, /^SCAN i USING INDEX items_reviewed_sort$/],
  ['not reviewed', { reviewed: false }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['has deadline', { hasDeadline: true }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['matter stage', { stage: 'committee' }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['search', { match: 'pelastus' }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['everything', { goal: 'services', organisations: ['Sisäministeriö'], kind: 'bill', hasDeadline: true, reviewed: false, match: 'pelastus' }, later,
    /^SEARCH i USING INDEX items_by_(organisation|kind|kind_organisation)_sort/],
];

/** 2,000 items over two sources, four kinds and two organisations, some reviewed; then ANALYZE. */
const pagePlans = () => populated((k) => ({
  language: k % 9 ? 'fi' : 'sv', organisation: k % 3 ? 'Sisäministeriö' : 'Valtiovarainministeriö', kind: KINDS[k % 4],
  identifiers: [{ type: 'diary', value: `VN/${Math.floor(k / 3)}/2024`, role: 'self' }],
}));

const plan = explain;

describe('items list query plans', () => {
  const databases: [string, Db][] = [['empty', openDb(':memory:')], ['2,000 items, analyzed', pagePlans()]];
  for (const [label, db] of databases) {
    it.each(variants)(`${label}: %s`, (_name, f, page, driving) => {
      const { sql, args } = itemPageQuery(f, page);
      const lines = plan(db, sql, args);
      expect(lines.filter((l) => l.includes('USE TEMP B-TREE'))).toEqual([]);
      expect(lines.filter((l) => /^SCAN (i|items|reviews|item_goals|matters|r)\b(?! USING)/.test(l))).toEqual([]);
      expect(lines[0]).toMatch(driving);
      if (f.goal) expect(lines).toContain('SEARCH r USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN');
    });
  }

  // One organisation a source names with another in one string ("Pelastusopisto, sisäministeriö") is stored under two
  // names: the list reads only their rows, through their index, and sorts those (an IN of two cannot keep index order).
  it('an organisation stored under two names reads only its rows', () => {
    // Without statistics, as the app runs (it never runs ANALYZE).
    const { sql, args } = itemPageQuery({ organisations: ['Sisäministeriö', 'Pelastusopisto, sisäministeriö'] }, first);
    expect(plan(openDb(':memory:'), sql, args)[0]).toBe('SEARCH i USING INDEX items_by_organisation_sort (organisation=?)');
  });

  it.each([['first page', first], ['next page', later], ['previous page', back]] as const)(
    'a search\'s matches, %s: sorted by their keys in items_sort_by_id', (_name, page) => {
      // (SQLite calls it an index, not a covering one, as sort_key is a virtual column; the key is read from the
      // index and the seek into the row it defers is never made.)
      const db = pagePlans();
      const hits = JSON.stringify([5, 900, 17, 1200]);
      const { sql, args } = itemPageQuery({ match: 'x' }, page, hits);
      expect(plan(db, sql, args)).toContainEqual(expect.stringMatching(/^SEARCH i USING INDEX items_sort_by_id \(id=\?( AND sort_key[<>]\?)?\)$/));
    });

  it('the organisations list seeks the index once per name', () => {
    const db = pagePlans();
    const lines = plan(db, `WITH RECURSIVE o(name) AS (
      SELECT MIN(organisation) FROM items WHERE organisation IS NOT NULL
      UNION ALL SELECT (SELECT MIN(organisation) FROM items WHERE organisation > o.name) FROM o WHERE o.name IS NOT NULL
    ) SELECT name FROM o WHERE name IS NOT NULL`, []);
    expect(lines.filter((l) => /items/.test(l))).toEqual([
      expect.stringMatching(/^SEARCH items USING COVERING INDEX items_by_organisation_sort/),
      expect.stringMatching(/^SEARCH items USING COVERING INDEX items_by_organisation_sort \(organisation>\?\)$/),
    ]);
  });

  it('the joint-response candidates of a deadline range are counted from their index alone', () => {
    const db = pagePlans();
    expect(plan(db, `SELECT count(*) FROM items i LEFT JOIN reviews r ON r.id = i.latest_review_id
      WHERE i.joint = 1 AND i.deadline BETWEEN ? AND ? AND COALESCE(r.relevant, 1) = 1`, ['2022-01-01', '2022-12-31']))
      .toEqual(['SEARCH i USING COVERING INDEX items_by_joint (deadline>? AND deadline<?)', 'SEARCH r USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN']);
    const listed = listJointDeadlines(db, '2022-01-01', '2022-12-31', 1000);
    expect(listed.length).toBeGreaterThan(10);
    expect(countJointDeadlines(db, '2022-01-01', '2022-12-31')).toBe(listed.length);
    expect(listed.map((r) => `${r.deadline} ${String(r.id).padStart(5)}`)).toEqual(listed.map((r) => `${r.deadline} ${String(r.id).padStart(5)}`).sort());
  });
});
