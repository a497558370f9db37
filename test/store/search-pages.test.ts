// A search's pages read from the full-text index by day (migrations 022 and 023, store/item-filter.ts readSearchPage): the
// same rows in the same order as the list walked with every match, forward and back, whatever the ids' order, with
// hundreds of matches on one day, items at the same instant, a changed publication date and a deleted item.
import { describe, expect, it } from 'vitest';
import { listItemPage, openDb, saveRun, searchHits, syncSources, type Cursor, type Db, type ItemFilter } from '../../src/store/index.js';
import { FTS_ITEM_ID } from '../../src/store/search-words.js';
import { contentHash } from '../../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

const DAY = 86_400_000;
const START = Date.UTC(2025, 2, 1);

/** Item k of a run: newer items get lower ids (dated backwards), a third on one crowded day, every tenth at one instant. */
function item(k: number, published: string | null = null): TaggedItem {
  const at = k % 3 === 0 ? START + 40 * DAY + ((k * 7919) % DAY) : k % 10 === 1 ? START + 20 * DAY + 12 * 3_600_000 : START + (600 - k) * (DAY / 7);
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: 's', key: `k${k}`, guid: null, url: null, title: `Pelastus ${k % 2 ? 'vesi' : 'tuli'} ${k}`, summary: k % 5 ? 'kunta' : '',
    contentHtml: '', published: published ?? new Date(at).toISOString(), updated: null, deadline: null, language: 'fi', organisation: null,
    kind: 'news', stage: null, identifiers: [], consultation: null, searchTerms: 'pelastus',
    tags: { relevant: true, goals: [], primary: null, scores: {}, evidence: [], joint: false, jointReason: '', taxonomyVersion: 't' },
  };
  return { ...i, hash: contentHash(i) };
}

function store(db: Db, items: TaggedItem[]): void {
  const at = new Date().toISOString();
  saveRun(db, { run: { sourceId: 's', startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
}

/** Every page of a search, following `older` (cap: the page's searchCap, undefined walks the list with every match). */
function pages(db: Db, f: ItemFilter, cap: number | undefined, limit = 40): { ids: number[][]; capped: boolean } {
  const ids: number[][] = [];
  let before: Cursor | undefined;
  let capped = false;
  do {
    const page = listItemPage(db, f, { limit, before, searchCap: cap });
    ids.push(page.items.map((r) => r.id));
    capped ||= page.capped;
    before = page.older ?? undefined;
  } while (before);
  return { ids, capped };
}

/** Every page going back (following `newer`) from the page after `after`. */
function backPages(db: Db, f: ItemFilter, cap: number | undefined, after: Cursor, limit = 40): number[][] {
  const ids: number[][] = [];
  let cursor: Cursor | undefined = after;
  while (cursor) {
    const page = listItemPage(db, f, { limit, after: cursor, searchCap: cap });
    ids.unshift(page.items.map((r) => r.id));
    cursor = page.newer ?? undefined;
  }
  return ids;
}

/** The list cursor at an item. */
const cursorAt = (db: Db, id: number): Cursor => ({ key: db.prepare('SELECT sort_key FROM items WHERE id = ?').pluck().get(id) as string, id });

describe('search pages read by day', () => {
  const db = openDb(':memory:');
  syncSources(db, [{ id: 's', name: 's', url: 'https://example.fi/s' } as SourceDef]);
  store(db, Array.from({ length: 900 }, (_, k) => item(k)));
  // A changed publication date moves an item (its index row too); a deleted item leaves the index.
  store(db, [item(5, new Date(START + 70 * DAY).toISOString()), item(9, '2025-03-21T12:00:00.000Z')]);
  db.prepare("DELETE FROM items WHERE key = 'k7'").run();
  const searches = ['"pelastus"', '"vesi"', '"tuli" AND "kunta"', '"pelastus" NOT "kunta"', '"5"*', '"ei-missaan"'];

  it('lists every match in list order, forward and back, as the list walked with every match does', () => {
    for (const match of searches) {
      for (const limit of [40, 7]) {
        const walked = pages(db, { match }, undefined, limit);
        const read = pages(db, { match }, 300, limit);
        expect(read.ids, match).toEqual(walked.ids);
        expect(read.capped).toBe(false);
        const all = walked.ids.flat();
        expect(new Set(all).size).toBe(all.length);
        // Back from the last page: every page again, in the same order.
        const end = walked.ids.length > 1 ? listItemPage(db, { match }, { limit, before: cursorAt(db, walked.ids.at(-2)!.at(-1)!), searchCap: 300 }) : undefined;
        if (end?.newer) expect(backPages(db, { match }, 300, end.newer, limit)).toEqual(walked.ids.slice(0, -1));
      }
    }
    const every = pages(db, { match: '"pelastus"' }, 300).ids.flat();
    expect(every).toHaveLength(899);
    // More matches on the crowded day than a page reads from the index at first (store/item-filter.ts FIRST_READ).
    expect(db.prepare("SELECT count(*) FROM items WHERE substr(sort_key, 1, 10) = '2025-04-10'").pluck().get()).toBeGreaterThan(256);
  });

  it('the index gives a search its matches newest day first in its own forward order (migration 023)', () => {
    // FTS5 reads a list backwards only by first walking to its end: the order a page wants must be the index's own.
    const natural = db.prepare(`SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ?`).pluck();
    const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid LIMIT 5`);
    expect(plan.all('"pelastus"').map((r) => (r as { detail: string }).detail)).not.toContain('USE TEMP B-TREE FOR ORDER BY');
    for (const match of ['"pelastus"', '"vesi"', '"tuli" AND "kunta"']) {
      const listOrder = db.prepare(`SELECT i.id FROM items i WHERE i.id IN (SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ?)
        ORDER BY substr(i.sort_key, 1, 10) DESC, i.id DESC`).pluck().all(match);
      expect(natural.all(match), match).toEqual(listOrder);
    }
  });

  it('a first page of 50 from days of a few matches each reads 64 index rows, each then a sort-key lookup', () => {
    // The rows the index gives (a spy on the real statements' answers).
    const read: number[] = [];
    const statement = db.prepare('SELECT 1');
    const proto = Object.getPrototypeOf(statement) as { all: (...args: unknown[]) => unknown[] };
    const all = proto.all;
    proto.all = function (this: typeof statement, ...args: unknown[]) {
      const rows = all.apply(this, args);
      if (this.database === db && /FROM items_fts WHERE/.test(this.source)) read.push(rows.length);
      return rows;
    };
    try {
      const page = listItemPage(db, { match: '"vesi"' }, { limit: 50, searchCap: 1000 });
      expect(page.items).toHaveLength(50);
      expect(read).toEqual([64]);
    } finally {
      proto.all = all;
    }
  });

  it('a capped search with other filters keeps the newest matches by date, not the newest stored', () => {
    // Ids run against the dates here: the highest ids are among the oldest items.
    const { hits, capped } = searchHits(db, '"vesi"', 50);
    expect(capped).toBe(true);
    const newest = (db.prepare(`SELECT id FROM items WHERE title LIKE '%vesi%' ORDER BY substr(sort_key, 1, 10) DESC, id DESC LIMIT 50`).pluck().all() as number[]);
    expect(JSON.parse(hits)).toEqual(newest);
    const f = { match: '"vesi"', source: 's' };
    const capped50 = pages(db, f, 50);
    expect(capped50.capped).toBe(true);
    expect(capped50.ids.flat()).toEqual(pages(db, f, undefined).ids.flat().filter((id) => newest.includes(id)));
  });
});
