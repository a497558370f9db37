// Migration 004 on a database filled before roles: stored identifiers become mentions (joining nothing) until
// the next crawl of their source derives the roles, without turning every item into a new version.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listMatters, migrate, saveRun } from '../../src/store/index.js';
import { migrationsDir } from '../../src/paths.js';
import { normalizeItem } from '../../src/normalize/index.js';
import type { TaggedItem } from '../../src/model.js';
import { SOURCES } from '../link/support.js';

/** A database at schema 003 holding two items of two sources that state one diary number, as saved then. */
function before004(items: TaggedItem[]): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-mig4-'));
  for (const f of fs.readdirSync(migrationsDir).filter((f) => f < '004')) fs.copyFileSync(path.join(migrationsDir, f), path.join(dir, f));
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, dir)).toEqual(['001-core.sql', '002-leases-sort-events.sql', '003-meta.sql']);
  fs.rmSync(dir, { recursive: true });
  for (const [n, i] of items.entries()) {
    db.prepare(`INSERT INTO sources (id, name, url, created_at) VALUES (?, ?, ?, '2026-01-01')`).run(i.sourceId, i.sourceId, 'https://example.fi');
    db.prepare(`INSERT INTO items (id, source_id, key, guid, url, title, summary, content_html, published, language, kind, hash,
        first_seen_at, last_seen_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2026-01-01', '2026-01-01', '2026-01-01')`)
      .run(n + 1, i.sourceId, i.key, i.guid, i.url, i.title, i.summary, i.contentHtml, i.published, i.language, i.kind, i.hash);
    for (const id of i.identifiers) db.prepare('INSERT INTO item_identifiers (item_id, type, value) VALUES (?, ?, ?)').run(n + 1, id.type, id.value);
  }
  return db;
}

const tagged = (source: keyof typeof SOURCES, raw: Parameters<typeof normalizeItem>[0]): TaggedItem =>
  ({ ...normalizeItem(raw, SOURCES[source]), tags: null, searchTerms: '' });

describe('migration 004: identifier roles', () => {
  it('stores old identifiers as mentions, then the next crawl derives roles and links, with no new versions', () => {
    const project = tagged('hankeikkuna', { guid: 'p', title: 'Hanke', identifiers: ['SM061:00/2026'], about: ['VN/1/2026'] });
    const request = tagged('lausuntopalvelu', { guid: 'r', title: 'Lausuntopyyntö', identifiers: ['VN/1/2026'] });
    const db = before004([project, request]);
    expect(migrate(db)[0]).toBe('004-matters.sql');
    expect(db.prepare('SELECT DISTINCT role FROM item_identifiers').pluck().all()).toEqual(['mention']);
    expect(db.prepare('SELECT link_keys FROM items').pluck().all()).toEqual([null, null]);
    expect(listMatters(db)).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);

    // The next crawl of each source brings the same items, unchanged upstream.
    for (const i of [project, request]) {
      const now = new Date().toISOString();
      const saved = saveRun(db, { run: { sourceId: i.sourceId, startedAt: now, finishedAt: now, status: 'ok', found: 1, created: 0, updated: 0,
        error: null, notes: [] }, items: [i], nextRunAt: null });
      expect(saved).toMatchObject({ created: [], updated: [] });
    }
    expect(db.prepare('SELECT item_id, value, role FROM item_identifiers ORDER BY item_id, value').all()).toEqual([
      { item_id: 1, value: 'SM061:00/2026', role: 'self' }, { item_id: 1, value: 'VN/1/2026', role: 'about' },
      { item_id: 2, value: 'VN/1/2026', role: 'self' },
    ]);
    expect(listMatters(db).map((m) => m.items)).toEqual([[1, 2]]);
    expect(db.prepare('SELECT count(*) FROM item_versions').pluck().get()).toBe(0);
    expect(db.prepare('SELECT version FROM items').pluck().all()).toEqual([1, 1]);
  });
});
