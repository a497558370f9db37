// Every listItems query is served by an index in list order: no temporary B-tree to sort, no full table scan.
import { describe, expect, it } from 'vitest';
import { itemListQuery, LISTING_PAGE_SQL, openDb, type Db, type ItemQuery } from '../../src/store/index.js';
import { explain, populated } from '../helpers/plans.js';

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
  return explain(db, sql, args);
}

/** 2,000 items over two unequal sources, a fifth with deadlines, some joint, some reviewed; then ANALYZE. */
const listPlans = () => populated((k, base) => ({
  published: k % 10 ? base.published : null, tags: { ...base.tags!, relevant: k % 2 === 0 },
}));

describe('store: list query plans', () => {
  const databases: [string, Db][] = [['empty', openDb(':memory:')], ['2,000 items, analyzed', listPlans()]];
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

describe('store: a listing page of items by id', () => {
  it('looks each item up by its key, never walks the items: a listing of 100,000 items reads a page at a time', () => {
    const lines = explain(listPlans(), LISTING_PAGE_SQL, [JSON.stringify([5, 3, 1_000])]);
    expect(lines).toContain('SEARCH i USING INTEGER PRIMARY KEY (rowid=?)');
    // (The page's hundred rows are sorted into its order: json_each's order is not promised without ORDER BY.)
    expect(lines.filter((l) => /^SCAN (i|items|reviews|r|item_goals|item_identifiers)\b/.test(l))).toEqual([]);
  });
});
