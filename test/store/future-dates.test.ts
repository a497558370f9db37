// Items dated in the future (a feed's clock wrong, a year mistyped as 2062): listed by when they were first seen, not
// at the top of every newest-first list for ever, with the date the source gave kept; a date up to a day ahead (a
// clock some hours off, a notice dated tomorrow) is believed.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentHash } from '../../src/normalize/key.js';
import { migrate, openDb, saveRun, syncSources, listItems, getItem, type Db } from '../../src/store/index.js';
import { Database } from '../../src/store/db.js';
import { migrationsDir } from '../../src/paths.js';
import { FTS_ITEM_ID } from '../../src/store/search-words.js';
import type { Item, SourceDef, TaggedItem } from '../../src/model.js';

const HOUR = 3600_000;
const def = { id: 's', name: 'Lähde', url: 'https://example.fi/feed' } as SourceDef;

function item(n: number, published: string | null, title = `Tiedote ${n}`): TaggedItem {
  const i: Omit<Item, 'hash'> = {
    sourceId: 's', key: `k${n}`, guid: `g${n}`, url: `https://example.fi/${n}`, title, summary: '', contentHtml: '', published,
    updated: null, deadline: null, language: 'fi', organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null,
  };
  return { ...i, hash: contentHash(i), tags: null, searchTerms: '' };
}

function store(db: Db, items: TaggedItem[]): { created: number[]; updated: number[] } {
  const at = new Date().toISOString();
  return saveRun(db, { run: { sourceId: 's', startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, nextRunAt: null, items });
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('an item dated in the future', () => {
  it('more than a day ahead: listed as first seen, its date kept as given; up to a day ahead: believed', () => {
    const db = openDb(':memory:');
    syncSources(db, [def]);
    const now = Date.now();
    const before = iso(now - 1000);
    store(db, [item(1, iso(now - 2 * HOUR)), item(2, '2062-03-01T08:00:00.000Z'), item(3, iso(now + 20 * HOUR)), item(4, null)]);
    const after = iso(now + 60_000);
    const rows = listItems(db);
    // Newest first: tomorrow's notice, then the mistyped one and the undated one (both as first seen now), then two hours ago.
    expect(rows.map((r) => r.title)).toEqual(['Tiedote 3', 'Tiedote 4', 'Tiedote 2', 'Tiedote 1']);
    const future = rows.find((r) => r.title === 'Tiedote 2')!;
    expect(future.published! >= before && future.published! <= after).toBe(true);
    expect(getItem(db, future.id)).toMatchObject({ firstSeenAt: future.published, publishedGiven: '2062-03-01T08:00:00.000Z' });
    const tomorrow = rows.find((r) => r.title === 'Tiedote 3')!;
    expect(tomorrow.published).toBe(iso(now + 20 * HOUR));
    expect(getItem(db, tomorrow.id)!.publishedGiven).toBeNull();
    // Found by a search, under the day it is listed by.
    expect(listItems(db, { match: 'tiedote' }).map((r) => r.title)).toEqual(['Tiedote 3', 'Tiedote 4', 'Tiedote 2', 'Tiedote 1']);
  });

  it('keeps its first-seen place when it changes, and takes the date once the source corrects it', () => {
    const db = openDb(':memory:');
    syncSources(db, [def]);
    store(db, [item(1, '2062-03-01T08:00:00.000Z')]);
    const [{ id, published: seen }] = listItems(db);
    expect(store(db, [item(1, '2062-03-01T08:00:00.000Z', 'Tiedote 1 korjattu')]).updated).toEqual([id]);
    expect(getItem(db, id)).toMatchObject({ published: seen, publishedGiven: '2062-03-01T08:00:00.000Z', title: 'Tiedote 1 korjattu' });
    store(db, [item(1, '2026-03-01T08:00:00.000Z', 'Tiedote 1 korjattu')]);
    // The date alone is not an upstream change (not in the content hash): a new text brings it.
    store(db, [item(1, '2026-03-01T08:00:00.000Z', 'Tiedote 1 korjattu taas')]);
    expect(getItem(db, id)).toMatchObject({ published: '2026-03-01T08:00:00.000Z', publishedGiven: null });
  });

  it('migration 025 lists items stored before by when they were first seen, and the search index follows', () => {
    const upTo024 = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-mig-025-'));
    try {
      for (const f of fs.readdirSync(migrationsDir).filter((f) => /^0(0\d|1\d|2[0-4])-/.test(f)))
        fs.copyFileSync(path.join(migrationsDir, f), path.join(upTo024, f));
      const old = new Database(':memory:');
      old.pragma('foreign_keys = ON');
      migrate(old, upTo024);
      old.exec(`
        INSERT INTO sources (id, name, url, created_at) VALUES ('s', 'S', 'https://example.fi', '2026-01-01');
        INSERT INTO runs (id, source_id, started_at, finished_at, status, found, created) VALUES (1, 's', '2026-11-01', '2026-11-01', 'ok', 2, 2);
        INSERT INTO items (id, source_id, key, title, language, kind, hash, first_seen_at, last_seen_at, changed_at, created_run, published)
          VALUES (1, 's', 'k1', 'Pelastuslaki väärällä vuodella', 'fi', 'news', 'h1', '2026-11-02T08:00:00.000Z', '2026-11-02', '2026-11-02', 1, '2062-11-02T08:00:00.000Z'),
                 (2, 's', 'k2', 'Pelastuslaki huomenna', 'fi', 'news', 'h2', '2026-11-03T08:00:00.000Z', '2026-11-03', '2026-11-03', 1, '2026-11-04T07:00:00.000Z');
        INSERT INTO items_fts (rowid, title, summary, search_terms)
          SELECT (65536 - (CAST(julianday(substr(sort_key, 1, 10)) AS INTEGER) - 2440588)) * 4294967296 + 4294967295 - id, title, summary, search_terms FROM items;
      `);
      expect(migrate(old)[0]).toBe('025-published-given.sql');
      const rows = old.prepare('SELECT id, published, published_given AS given FROM items ORDER BY sort_key DESC').all();
      expect(rows).toEqual([
        { id: 2, published: '2026-11-04T07:00:00.000Z', given: null },
        { id: 1, published: '2026-11-02T08:00:00.000Z', given: '2062-11-02T08:00:00.000Z' },
      ]);
      // The index row moved to its new day: found, and deleting the item leaves the index consistent.
      expect(old.prepare(`SELECT ${FTS_ITEM_ID} AS id FROM items_fts WHERE items_fts MATCH 'vuodella'`).all()).toEqual([{ id: 1 }]);
      old.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
      old.close();
    } finally {
      fs.rmSync(upTo024, { recursive: true, force: true });
    }
  });
});
