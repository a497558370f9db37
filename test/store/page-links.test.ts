// The web list's page links: a page read back (from its newer page's `newer` link) is the page read forward, with the
// same links, whatever the filter, at page boundaries between items of one instant, at the first and the last page,
// and when the link's own item is gone from the list. A page read back knows there are older items from its
// cursor's row, read with it, or else asks (olderThan).
import { describe, expect, it } from 'vitest';
import { insertReview, lastPageCursor, listItemPage, openDb, saveRun, syncSources, type Cursor, type Db, type ItemFilter, type ItemPage } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

const DAY = 86_400_000;
const START = Date.UTC(2025, 2, 1);

/** Item k: every fifth of 12 instants shared by many (page boundaries fall among them), the rest a day apart. */
function item(k: number): TaggedItem {
  const at = k % 5 === 0 ? START + (k % 12) * DAY / 2 : START + k * DAY;
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: 's', key: `k${k}`, guid: null, url: null, title: `Pelastus ${k % 2 ? 'vesi' : 'tuli'} ${k}`, summary: '',
    contentHtml: '', published: new Date(at).toISOString(), updated: null, deadline: null, language: k % 7 ? 'fi' : 'sv', organisation: null,
    kind: 'news', stage: null, identifiers: [], consultation: null, searchTerms: 'pelastus',
    tags: { relevant: true, goals: [], primary: null, scores: {}, evidence: [], joint: false, jointReason: '', taxonomyVersion: 't' },
  };
  return { ...i, hash: contentHash(i) };
}

function store(n: number): Db {
  const db = openDb(':memory:');
  syncSources(db, [{ id: 's', name: 's', url: 'https://example.fi/s' } as SourceDef]);
  const at = new Date().toISOString();
  const items = Array.from({ length: n }, (_, k) => item(k));
  saveRun(db, { run: { sourceId: 's', startedAt: at, finishedAt: at, status: 'ok', found: n, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
  return db;
}

type Links = { ids: number[]; older: Cursor | null; newer: Cursor | null };
const links = (p: ItemPage): Links => ({ ids: p.items.map((r) => r.id), older: p.older, newer: p.newer });

/** Every page following `older` from the first. */
function forward(db: Db, f: ItemFilter, limit: number, searchCap?: number): Links[] {
  const out: Links[] = [];
  let before: Cursor | undefined;
  do {
    out.push(links(listItemPage(db, f, { limit, before, searchCap })));
    before = out.at(-1)!.older ?? undefined;
  } while (before);
  return out;
}

const FILTERS: [string, ItemFilter, number | undefined][] = [
  ['no filter', {}, undefined],
  ['Swedish items', { language: 'sv' }, undefined],
  ['a search alone, every item', { match: '"pelastus"' }, 1000],
  ['a search alone, half of them', { match: '"vesi"' }, 1000],
  ['a search with a filter (capped)', { match: '"pelastus"', language: 'fi' }, 150],
  ['a search, unbounded (an export)', { match: '"tuli"' }, undefined],
];

describe('page links', () => {
  const db = store(400);

  it.each(FILTERS.flatMap(([name, f, cap]) => [7, 40].map((limit) => [name, limit, f, cap] as const)))('%s, %i a page: each page read back is the page read forward', (_name, limit, f, cap) => {
    const pages = forward(db, f, limit, cap);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0].newer).toBeNull();
    expect(pages.at(-1)!.older).toBeNull();
    for (let n = pages.length - 1; n > 0; n--)
      expect(links(listItemPage(db, f, { limit, after: pages[n].newer!, searchCap: cap })), `page ${n - 1}`).toEqual(pages[n - 1]);
    // The last page, read back from the list's end as its link does: no older page.
    const end = lastPageCursor(db, f, cap)!;
    const last = links(listItemPage(db, f, { limit, after: end, searchCap: cap }));
    expect(last.older).toBeNull();
    expect(last.ids).toEqual(pages.flatMap((p) => p.ids).slice(-limit));
  });

  it('an empty list has one empty page, with no links either way', () => {
    const empty = store(0);
    for (const f of [{}, { match: '"pelastus"' }] as ItemFilter[]) {
      expect(links(listItemPage(empty, f, { limit: 40, searchCap: 1000 }))).toEqual({ ids: [], older: null, newer: null });
      expect(links(listItemPage(empty, f, { limit: 40, after: { key: '2025-03-01T00:00:00.000Z', id: 5 }, searchCap: 1000 }))).toEqual({ ids: [], older: null, newer: null });
      expect(lastPageCursor(empty, f, 1000)).toBeNull();
    }
  });

  it('a link whose item has left the list (now reviewed): the page read back still knows whether older items are', () => {
    const own = store(100);
    const f: ItemFilter = { reviewed: false };
    const pages = forward(own, f, 10);
    const all = pages.flatMap((p) => p.ids);
    const cursor = pages[3].newer!;
    const oldest: Cursor = { key: sortKey(own, all.at(-1)!), id: all.at(-1)! };
    for (const { id } of [cursor, oldest]) insertReview(own, { itemId: id, reviewer: 'r', relevant: true, goals: [], rejected: [] });
    expect(links(listItemPage(own, f, { limit: 10, after: cursor }))).toEqual(pages[2]);
    // From the list's oldest item, now gone: the ten items before it, and none older.
    const back = listItemPage(own, f, { limit: 10, after: oldest });
    expect(back.items.map((r) => r.id)).toEqual(all.slice(-11, -1));
    expect(back.older).toBeNull();
  });
});

const sortKey = (db: Db, id: number): string => db.prepare('SELECT sort_key FROM items WHERE id = ?').pluck().get(id) as string;
