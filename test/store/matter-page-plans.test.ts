// The matter page reads a page of a matter's items and changes through indexes, however many it holds: every query's plan.
import { describe, expect, it } from 'vitest';
import { MATTER_PAGE_SQL, matterItemsQuery, openDb } from '../../src/store/index.js';

const plan = (db: ReturnType<typeof openDb>, sql: string): string[] => {
  const args = (sql.match(/\?/g) ?? []).map(() => 1);
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
};

describe('store: the matter page query plans', () => {
  const db = openDb(':memory:');
  const cursor = { key: '2026-01-01T00:00:00.000Z', id: 5 };
  it.each([{ limit: 50 }, { limit: 50, after: cursor }, { limit: 50, before: cursor }, { limit: 50, newest: true }])('a page of items %j', (page) => {
    const lines = plan(db, matterItemsQuery(1, page).sql);
    expect(lines.filter((l) => l.includes('TEMP B-TREE'))).toEqual([]);
    expect(lines[0]).toMatch(/^SEARCH i USING INDEX items_by_matter_sort \(matter_id=\?/);
  });

  // What is read of all of a matter's items goes through its index of them (or a smaller one), never a table scan.
  it.each(Object.entries(MATTER_PAGE_SQL))('%s', (_name, sql) => {
    const lines = plan(db, sql);
    expect(lines.filter((l) => /^SCAN (items|item_identifiers|matter_events|i|ii|mi|o)\b/.test(l))).toEqual([]);
  });

  it.each([
    ['answered', /items_consulted_by_matter/], ['candidate', /items_by_joint/], ['changes', /matter_events_newest \(matter_id=\? AND rowid<\?\)/],
    ['total', /COVERING INDEX items_by_matter_sort/],
  ] as const)('%s reads its own index', (name, index) => {
    expect(plan(db, MATTER_PAGE_SQL[name]).join('\n')).toMatch(index);
  });
});
