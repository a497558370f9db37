// Linking a new item is index lookups, never a scan: the plan of every query the linker asks.
import { describe, expect, it } from 'vitest';
import { EVENT_SQL, LINK_SQL, openDb } from '../../src/store/index.js';

describe('store: linking query plans', () => {
  const db = openDb(':memory:');
  it.each([...Object.entries(LINK_SQL), ...Object.entries(EVENT_SQL)])('%s', (_name, sql) => {
    const args = (sql.match(/\?/g) ?? []).map(() => 1);
    const lines = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
    expect(lines.filter((l) => /^SCAN /.test(l) || l.includes('TEMP B-TREE'))).toEqual([]);
    // A correlated subquery's own line heads the searches it makes.
    expect(lines.filter((l) => !/^CORRELATED SCALAR SUBQUERY \d+$/.test(l)).every((l) => /^SEARCH \w+ USING (COVERING |PRIMARY KEY|INTEGER PRIMARY KEY|INDEX )/.test(l))).toBe(true);
  });

  it('finds the holders of an identifier through the partial index of stated identifiers', () => {
    const [line] = (db.prepare(`EXPLAIN QUERY PLAN ${LINK_SQL.holders}`).all('he', 'HE 1/2026 vp') as { detail: string }[]).map((r) => r.detail);
    expect(line).toMatch(/item_identifiers_joining/);
  });
});

describe('store: removing a matter', () => {
  it('finds its items through an index (the foreign key action never scans items)', () => {
    const db = openDb(':memory:');
    const lines = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM items WHERE matter_id = ?').all(1) as { detail: string }[]).map((r) => r.detail);
    // items_by_matter_sort (migration 028, in place of items_by_matter): the matter's items in list order.
    expect(lines).toEqual([expect.stringMatching(/^SEARCH items USING (COVERING )?INDEX items_by_matter_sort \(matter_id=\?\)$/)]);
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'items_by_matter_sort'").pluck().get() as string;
    expect(index).not.toMatch(/WHERE/);
  });
});
