// The pages' queries are served by indexes: every items-list variant walks an index in list order (no temporary
// B-tree to sort, no pass over every item), and the overview's reads are index ranges.
import { describe, expect, it } from 'vitest';
import { insertReview, itemPageQuery, openDb, saveRun, syncSources, type Db, type ItemFilter, type PageRequest } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { ItemKind, SourceDef, TaggedItem } from '../../src/model.js';

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
  ['organisation', { organisation: 'Sisäministeriö' }, first, /^SEARCH i USING INDEX items_by_organisation_sort \(organisation=\?\)$/],
  ['kind', { kind: 'bill' }, first, /^SEARCH i USING INDEX items_by_kind_sort \(kind=\?\)$/],
  ['language', { language: 'sv' }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['date range', { from: '2021-01-01T00:00:00Z', until: '2022-01-01T00:00:00Z' }, first, /^SEARCH i USING INDEX items_by_sort \(sort_key>\? AND sort_key<\?\)$/],
  ['reviewed', { reviewed: true }, first, /^SCAN i USING INDEX items_reviewed_sort$/],
  ['not reviewed', { reviewed: false }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['has deadline', { hasDeadline: true }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['matter stage', { stage: 'committee' }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['search', { match: 'pelastus' }, first, /^SCAN i USING INDEX items_by_sort$/],
  ['everything', { goal: 'services', organisation: 'Sisäministeriö', kind: 'bill', hasDeadline: true, reviewed: false, match: 'pelastus' }, later,
    /^SEARCH i USING INDEX items_by_(organisation|kind)_sort/],
];

/** 2,000 items over two sources, four kinds and two organisations, some reviewed; then ANALYZE. */
function populated(): Db {
  const db = openDb(':memory:');
  syncSources(db, ['s1', 's2'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
  for (const [source, n] of [['s1', 200], ['s2', 1800]] as const) {
    const items = Array.from({ length: n }, (_, k): TaggedItem => {
      const i: Omit<TaggedItem, 'hash'> = {
        sourceId: source, key: `${source}-${k}`, guid: null, url: null, title: `Pelastus ${k}`, summary: '', contentHtml: '',
        published: new Date(Date.UTC(2020, 0, 1) + k * 86_400_000).toISOString(), updated: null,
        deadline: k % 5 ? null : new Date(Date.UTC(2022, 0, 1) + k * 86_400_000).toISOString().slice(0, 10), language: k % 9 ? 'fi' : 'sv',
        organisation: k % 3 ? 'Sisäministeriö' : 'Valtiovarainministeriö', kind: KINDS[k % 4], stage: null,
        identifiers: [{ type: 'diary', value: `VN/${Math.floor(k / 3)}/2024`, role: 'self' }], consultation: null, searchTerms: 'pelastus',
        tags: { relevant: true, goals: [{ goal: 'services', score: 1 }], primary: 'services', scores: {}, evidence: [], joint: k % 5 === 0, jointReason: '', taxonomyVersion: 't' },
      };
      return { ...i, hash: contentHash(i) };
    });
    const at = new Date().toISOString();
    saveRun(db, { run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: n, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
  }
  for (let id = 1; id <= 2000; id += 7) insertReview(db, { itemId: id, reviewer: 'r', relevant: true, goals: ['services'], rejected: [] });
  db.exec('ANALYZE');
  return db;
}

const plan = (db: Db, sql: string, args: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);

describe('items list query plans', () => {
  const databases: [string, Db][] = [['empty', openDb(':memory:')], ['2,000 items, analyzed', populated()]];
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

  it('the organisations list seeks the index once per name', () => {
    const db = populated();
    const lines = plan(db, `WITH RECURSIVE o(name) AS (
      SELECT MIN(organisation) FROM items WHERE organisation IS NOT NULL
      UNION ALL SELECT (SELECT MIN(organisation) FROM items WHERE organisation > o.name) FROM o WHERE o.name IS NOT NULL
    ) SELECT name FROM o WHERE name IS NOT NULL`, []);
    expect(lines.filter((l) => /items/.test(l))).toEqual([
      expect.stringMatching(/^SEARCH items USING COVERING INDEX items_by_organisation_sort/),
      expect.stringMatching(/^SEARCH items USING COVERING INDEX items_by_organisation_sort \(organisation>\?\)$/),
    ]);
  });
});
