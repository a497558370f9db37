// Every listItems query is served by an index in list order: no temporary B-tree to sort, no full table scan.
import { describe, expect, it } from 'vitest';
import { insertReview, itemListQuery, openDb, saveRun, syncSources, type Db, type ItemQuery } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

const variants: [string, ItemQuery, RegExp][] = [
  ['default', { limit: 100 }, /^SCAN i USING INDEX items_by_sort$/],
  ['source', { source: 's1', limit: 100 }, /^SEARCH i USING INDEX items_by_source_sort \(source_id=\?\)$/],
  ['since', { since: '2024-01-01', limit: 100 }, /^SEARCH i USING INDEX items_by_sort \(sort_key>\?\)$/],
  ['goal', { goal: 'services', limit: 100 }, /^SCAN i USING INDEX items_by_sort$/],
  ['relevant', { relevant: true, limit: 100 }, /^SCAN i USING INDEX items_by_sort$/],
  ['joint', { jointFrom: '2024-01-01', limit: 100 }, /^SEARCH i USING INDEX items_by_joint \(deadline>\?\)$/],
  ['search', { match: 'pelastus', limit: 100 }, /^SCAN i USING INDEX items_by_sort$/],
  ['all filters', { source: 's1', since: '2024-01-01', goal: 'services', relevant: true, match: 'pelastus', limit: 100 }, /^SEARCH i USING INDEX items_by_source_sort/],
];

function plan(db: Db, q: ItemQuery): string[] {
  const { sql, args } = itemListQuery(q);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
}

/** 2,000 items over two unequal sources, a fifth with deadlines, some joint, some reviewed; then ANALYZE. */
function populated(): Db {
  const db = openDb(':memory:');
  syncSources(db, ['s1', 's2'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
  for (const [source, n] of [['s1', 200], ['s2', 1800]] as const) {
    const items = Array.from({ length: n }, (_, k): TaggedItem => {
      const i: Omit<TaggedItem, 'hash'> = {
        sourceId: source, key: `${source}-${k}`, guid: null, url: null, title: `Pelastus ${k}`, summary: '', contentHtml: '',
        published: k % 10 ? new Date(Date.UTC(2020, 0, 1) + k * 86_400_000).toISOString() : null, updated: null,
        deadline: k % 5 ? null : new Date(Date.UTC(2022, 0, 1) + k * 86_400_000).toISOString().slice(0, 10), language: 'fi',
        organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, searchTerms: 'pelastus',
        tags: { relevant: k % 2 === 0, goals: [{ goal: 'services', score: 1 }], primary: 'services', scores: {}, evidence: [],
          joint: k % 5 === 0, jointReason: '', taxonomyVersion: 't' },
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

describe('store: list query plans', () => {
  const databases: [string, Db][] = [['empty', openDb(':memory:')], ['2,000 items, analyzed', populated()]];
  for (const [label, db] of databases) {
    it.each(variants)(`${label}: %s`, (_name, q, driving) => {
      const lines = plan(db, q);
      expect(lines.filter((l) => l.includes('USE TEMP B-TREE'))).toEqual([]);
      expect(lines.filter((l) => /^SCAN (i|items|reviews|item_goals|item_identifiers|r)\b(?! USING)/.test(l))).toEqual([]);
      expect(lines[0]).toMatch(driving);
      // The latest review is one lookup by key, never a search through an item's reviews.
      expect(lines).toContain('SEARCH r USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN');
    });
  }
});
