// The list pages and search matches kept for one data version: the same answer while nothing is written, a fresh one
// after any write by this connection (a read mark, a review) or by another (the crawler's writer), never a stale one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { insertReview, insertUser, listItemPage, markItemsRead, openDb, saveRun, searchHits, syncSources, type Db } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function store(db: Db, keys: number[]): void {
  const items = keys.map((k): TaggedItem => {
    const i: Omit<TaggedItem, 'hash'> = {
      sourceId: 's', key: `k${k}`, guid: null, url: null, title: `Pelastuslaki ${k}`, summary: '', contentHtml: '',
      published: new Date(Date.UTC(2026, 0, 1) + k * 86_400_000).toISOString(), updated: null, deadline: null, language: 'fi',
      organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, searchTerms: 'pelastus',
      tags: { relevant: true, goals: [{ goal: 'services', score: 1 }], primary: 'services', scores: {}, evidence: [], joint: false, jointReason: '', taxonomyVersion: 't' },
    };
    return { ...i, hash: contentHash(i) };
  });
  const at = new Date().toISOString();
  saveRun(db, { run: { sourceId: 's', startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
}

describe('kept list pages', () => {
  const setup = () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-kept-')), 'k.sqlite');
    const web = openDb(file);
    const writer = openDb(file);
    open.push(web, writer);
    syncSources(writer, [{ id: 's', name: 'S', url: 'https://example.fi/s' } as SourceDef]);
    store(writer, [1, 2, 3]);
    return { web, writer };
  };
  const ids = (db: Db, f = {}) => listItemPage(db, f, { limit: 50, searchCap: 1000 }).items.map((r) => r.id);
  // An answer is kept when it is asked for the second time.
  const twice = <T>(ask: () => T): T => (ask(), ask());

  it('answers from what it kept until another connection commits, then reads again', () => {
    const { web, writer } = setup();
    const once = listItemPage(web, {}, { limit: 50 });
    const kept = listItemPage(web, {}, { limit: 50 });
    expect(kept).not.toBe(once);
    expect(listItemPage(web, {}, { limit: 50 })).toBe(kept);
    expect(twice(() => ids(web, { match: '"pelastus"*' }))).toEqual([3, 2, 1]);
    expect(twice(() => searchHits(web, '"pelastus"*', 2))).toEqual({ hits: '[3,2]', capped: true });
    store(writer, [4]);
    expect(twice(() => ids(web))).toEqual([4, 3, 2, 1]);
    expect(ids(web, { match: '"pelastus"*' })).toEqual([4, 3, 2, 1]);
    expect(searchHits(web, '"pelastus"*', 2)).toEqual({ hits: '[4,3]', capped: true });
  });

  it("reads again after this connection's own writes: a read mark, a review", () => {
    const { web } = setup();
    const user = insertUser(web, { email: 'a@example.fi', role: 'reader', passwordHash: 'x', now: '2026-01-01T00:00:00Z' });
    expect(twice(() => ids(web, { unreadBy: user }))).toEqual([3, 2, 1]);
    markItemsRead(web, user, [3], '2026-01-02T00:00:00Z');
    expect(ids(web, { unreadBy: user })).toEqual([2, 1]);
    expect(twice(() => ids(web, { goal: 'services' }))).toEqual([3, 2, 1]);
    insertReview(web, { itemId: 2, reviewer: 'r', relevant: false, goals: [], rejected: [] });
    expect(ids(web, { goal: 'services' })).toEqual([3, 1]);
  });

  it('hands out frozen rows, so that no page can change what the next one reads', () => {
    const { web } = setup();
    const row = twice(() => listItemPage(web, {}, { limit: 50 })).items[0];
    expect(() => ((row as { title: string }).title = 'muutettu')).toThrow(TypeError);
    expect(() => row.goals.push('x')).toThrow(TypeError);
    expect(listItemPage(web, {}, { limit: 50 }).items[0].title).toBe('Pelastuslaki 3');
  });
});
