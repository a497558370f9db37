// A search alone's few matches (store/item-filter.ts readSearchPage, its first read): their rows are read in one
// statement and sorted into list order here, not sorted by their keys in one pass and read and sorted again in
// another; the order is SQLite's, also where sort keys hold characters past U+FFFF, which JavaScript's own string
// comparison puts the other way round against U+E000–U+FFFF.
import { describe, expect, it } from 'vitest';
import { compareBinary, listItemPage, listItems, openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';
import Database from 'better-sqlite3';
import { statementsRun } from '../helpers/statements.js';

const START = Date.UTC(2026, 0, 5, 8);

function item(k: number): TaggedItem {
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: 's', key: `k${k}`, guid: null, url: null, title: `Pelastuslain muutos ${k}`, summary: k % 3 ? 'kunta' : '',
    // Three items to an hour, so that items share instants and the ids decide between them.
    contentHtml: '', published: new Date(START - Math.floor(k / 3) * 3_600_000).toISOString(), updated: null, deadline: null,
    language: 'fi', organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, searchTerms: 'pelastus',
    tags: { relevant: true, goals: [], primary: null, scores: {}, evidence: [], joint: false, jointReason: '', taxonomyVersion: 't' },
  };
  return { ...i, hash: contentHash(i) };
}

function seeded(n: number, at0 = (k: number) => item(k)): Db {
  const db = openDb(':memory:');
  syncSources(db, [{ id: 's', name: 's', url: 'https://example.fi/s' } as SourceDef]);
  const at = new Date().toISOString();
  const items = Array.from({ length: n }, (_, k) => at0(k));
  saveRun(db, { run: { sourceId: 's', startedAt: at, finishedAt: at, status: 'ok', found: n, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
  return db;
}

describe("a search alone's few matches", () => {
  let current: Db | undefined;
  const ran = statementsRun(() => current);

  it('are read with their rows in one statement, in the order the list walked with every match gives', () => {
    const db = (current = seeded(40));
    const page = listItemPage(db, { match: '"pelastuslain"' }, { limit: 10, searchCap: 1000 });
    const walked = listItems(db, { match: '"pelastuslain"', limit: 11 });
    expect(page.items.map((r) => r.id)).toEqual(walked.slice(0, 10).map((r) => r.id));
    expect(page.older).toEqual({ key: walked[9].published, id: walked[9].id });
    // The next page and the way back: the same rows as the walk.
    const next = listItemPage(db, { match: '"pelastuslain"' }, { limit: 10, searchCap: 1000, before: page.older! });
    expect(next.items.map((r) => r.id)).toEqual(listItems(db, { match: '"pelastuslain"', limit: 20 }).slice(10).map((r) => r.id));
    const back = listItemPage(db, { match: '"pelastuslain"' }, { limit: 10, searchCap: 1000, after: next.newer! });
    expect(back.items).toEqual(page.items);
    // No pass that sorts the matches' keys alone (items_sort_by_id), and one statement for the rows of each page; the
    // way back reads its cursor's row with its own, which says it has an older link (no statement of its own).
    const pages = ran.filter((sql) => /FROM json_each\(\?\) h CROSS JOIN items i/.test(sql));
    expect(pages).toHaveLength(3);
    expect(back.older).toEqual(page.older);
    expect(ran.filter((sql) => sql.includes('items_sort_by_id'))).toEqual([]);
  });

  it('are sorted as SQLite sorts their keys, past U+FFFF too', () => {
    const db = (current = seeded(6));
    // Keys of one day (the index reads by day) that differ only after the instant: U+E000, U+FFFD and U+1F600.
    const tails = ['\uE000', '😀', '\uFFFD', 'a', '😀b', ''];
    const ids = db.prepare('SELECT id FROM items ORDER BY id').pluck().all() as number[];
    ids.forEach((id, n) => db.prepare('UPDATE items SET published = ? WHERE id = ?').run(`2026-01-05T08:00:00.000Z${tails[n]}`, id));
    const sqlite = db.prepare('SELECT id FROM items ORDER BY sort_key DESC, id DESC').pluck().all();
    expect(listItemPage(db, { match: '"pelastuslain"' }, { limit: 10, searchCap: 1000 }).items.map((r) => r.id)).toEqual(sqlite);
    const sorted = [...tails].sort(compareBinary);
    expect(sorted).toEqual(db.prepare(`SELECT value FROM json_each(?) ORDER BY value`).pluck().all(JSON.stringify(tails)));
    // JavaScript's own order differs here: the test would not tell the two apart otherwise.
    expect([...tails].sort()).not.toEqual(sorted);
  });

  it("a first page reads the rows of no day older than its last row's", () => {
    // Ten matches a day over six days, a page of ten: the page ends on the second day.
    const db = (current = seeded(60, (k) => {
      const i = item(k);
      const published = new Date(START - Math.floor(k / 10) * 86_400_000 - (k % 10) * 60_000).toISOString();
      return { ...i, published, hash: contentHash({ ...i, published }) };
    }));
    const bound: string[] = [];
    const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as { all: (this: Database.Statement, ...args: unknown[]) => unknown };
    const all = proto.all;
    proto.all = function (this: Database.Statement, ...args: unknown[]) {
      if (/FROM json_each\(\?\) h CROSS JOIN items i/.test(this.source)) bound.push(args[0] as string);
      return all.apply(this, args);
    };
    try {
      const page = listItemPage(db, { match: '"pelastuslain"' }, { limit: 10, searchCap: 1000 });
      expect(page.items.map((r) => r.id)).toEqual(listItems(db, { match: '"pelastuslain"', limit: 10 }).map((r) => r.id));
      expect(page.older).not.toBeNull();
      // The matches of the first two days: the rows read, of the sixty.
      expect(bound.map((ids) => (JSON.parse(ids) as number[]).length)).toEqual([20]);
    } finally {
      proto.all = all;
    }
  });
});
