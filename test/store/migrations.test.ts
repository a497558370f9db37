// Migration 002 on a database filled under schema 001: data kept, foreign keys whole, new rules in force.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/index.js';
import { migrationsDir } from '../../src/paths.js';
import { FTS_ITEM_ID, ftsKey } from '../../src/store/search-words.js';

/** A database at schema 001 (as openDb sets it up: foreign keys on), with runs referred to by items and events. */
function oldDatabase(): Database.Database {
  const only001 = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-mig-'));
  fs.copyFileSync(path.join(migrationsDir, '001-core.sql'), path.join(only001, '001-core.sql'));
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  expect(migrate(db, only001)).toEqual(['001-core.sql']);
  fs.rmSync(only001, { recursive: true });
  db.exec(`
    INSERT INTO sources (id, name, url, created_at, running_until) VALUES ('s', 'S', 'https://example.fi', '2023-01-01', '2023-01-01T00:06:00Z');
    INSERT INTO runs (id, source_id, started_at, finished_at, status, found, created, error)
      VALUES (1, 's', '2023-01-01', '2023-01-01', 'ok', 2, 2, NULL), (2, 's', '2023-01-02', '2023-01-02', 'error', 0, 0, 'fetch: x'),
             (3, 's', '2023-01-03', '2023-01-03', 'not-modified', 0, 0, NULL);
    INSERT INTO items (id, source_id, key, title, language, kind, hash, first_seen_at, last_seen_at, changed_at, created_run, published, relevant)
      VALUES (1, 's', 'k1', 'Pelastuslaki', 'fi', 'news', 'h1', '2023-01-01T00:00:00Z', '2023-01-01', '2023-01-01', 1, '2022-12-01T00:00:00Z', 1),
             (2, 's', 'k2', 'Toinen', 'fi', 'news', 'h2', '2023-01-01T00:00:01Z', '2023-01-01', '2023-01-01', 1, NULL, NULL);
    INSERT INTO item_goals (item_id, goal, score, rank) VALUES (1, 'services', 2, 1);
    INSERT INTO item_identifiers (item_id, type, value) VALUES (1, 'he', 'HE 1/2023 vp');
    INSERT INTO item_versions (item_id, version, title, summary, content_html, hash, replaced_at) VALUES (1, 1, 'Vanha', '', '', 'h0', '2023-01-02');
    INSERT INTO item_events (item_id, run_id, at, type, old_value, new_value, message)
      VALUES (1, 2, '2023-01-02', 'title', 'Vanha', 'Pelastuslaki', 'Otsikko muuttui: "Vanha" → "Pelastuslaki"');
    INSERT INTO reviews (id, item_id, reviewer, at, relevant, goals) VALUES
      (1, 1, 'anna', '2023-01-05', 1, '["services"]'), (2, 1, 'pekka', '2023-01-04', 0, '[]'), (3, 2, 'anna', '2023-01-03', 1, '[]');
  `);
  return db;
}

const count = (db: Database.Database, table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const TABLES = ['sources', 'runs', 'items', 'item_goals', 'item_identifiers', 'item_versions', 'item_events', 'reviews', 'items_fts'];

describe('migration 002', () => {
  it('keeps every row and reference, and leaves the database consistent', () => {
    const db = oldDatabase();
    const before = Object.fromEntries(TABLES.map((t) => [t, count(db, t)]));
    const runsBefore = db.prepare('SELECT * FROM runs ORDER BY id').all();
    expect(migrate(db)[0]).toBe('002-leases-sort-events.sql');
    expect(Object.fromEntries(TABLES.map((t) => [t, count(db, t)]))).toEqual(before);
    expect(db.prepare('SELECT * FROM runs ORDER BY id').all()).toEqual(runsBefore);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.prepare('SELECT created_run FROM items ORDER BY id').all()).toEqual([{ created_run: 1 }, { created_run: 1 }]);
    expect(db.prepare('SELECT run_id, type, old_value, new_value FROM item_events').all())
      .toEqual([{ run_id: 2, type: 'title', old_value: 'Vanha', new_value: 'Pelastuslaki' }]);
    expect(db.prepare(`SELECT ${FTS_ITEM_ID} AS id FROM items_fts WHERE items_fts MATCH 'pelastuslaki'`).all()).toEqual([{ id: 1 }]);
    // Keyed as the store writes new rows (migration 023: by day counting down, then id counting down).
    expect(db.prepare("SELECT rowid FROM items_fts WHERE items_fts MATCH 'pelastuslaki'").pluck().all())
      .toEqual(db.prepare(`SELECT ${ftsKey('sort_key', 'id')} FROM items WHERE id = 1`).pluck().all());
  });

  it('brings the new rules: interrupted runs, no stored wording, sort key, latest review, foreign keys enforced', () => {
    const db = oldDatabase();
    migrate(db);
    db.prepare("INSERT INTO runs (source_id, started_at, finished_at, status) VALUES ('s', 'a', 'b', 'interrupted')").run();
    expect(() => db.prepare("INSERT INTO runs (source_id, started_at, finished_at, status) VALUES ('s', 'a', 'b', 'skipped')").run())
      .toThrow(/CHECK constraint/);
    expect(() => db.prepare("UPDATE items SET created_run = 99 WHERE id = 1").run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO runs (source_id, started_at, finished_at, status) VALUES ('nope', 'a', 'b', 'ok')").run())
      .toThrow(/FOREIGN KEY/);
    expect((db.prepare('PRAGMA table_info(item_events)').all() as { name: string }[]).map((c) => c.name)).not.toContain('message');
    expect(db.prepare('SELECT id, sort_key, latest_review_id FROM items ORDER BY id').all()).toEqual([
      { id: 1, sort_key: '2022-12-01T00:00:00Z', latest_review_id: 1 },
      { id: 2, sort_key: '2023-01-01T00:00:01Z', latest_review_id: 3 },
    ]);
    // The latest decision follows new reviews, by time and not by insertion order.
    db.prepare("INSERT INTO reviews (id, item_id, reviewer, at, relevant) VALUES (4, 1, 'ville', '2023-01-06', 1)").run();
    db.prepare("INSERT INTO reviews (id, item_id, reviewer, at, relevant) VALUES (5, 1, 'ville', '2023-01-01', 0)").run();
    expect(db.prepare('SELECT latest_review_id FROM items WHERE id = 1').get()).toEqual({ latest_review_id: 4 });
    db.prepare('DELETE FROM reviews WHERE id = 4').run();
    expect(db.prepare('SELECT latest_review_id FROM items WHERE id = 1').get()).toEqual({ latest_review_id: 1 });
    // The sort key follows published when an item is updated.
    db.prepare("UPDATE items SET published = '2024-01-01T00:00:00Z' WHERE id = 2").run();
    expect(db.prepare('SELECT sort_key FROM items WHERE id = 2').get()).toEqual({ sort_key: '2024-01-01T00:00:00Z' });
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});

describe('migrate', () => {
  it('applies the pending migrations together: one that fails leaves the database as it was', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-mig-'));
    fs.writeFileSync(path.join(dir, '001-a.sql'), 'CREATE TABLE a (x INTEGER);');
    fs.writeFileSync(path.join(dir, '002-b.sql'), 'CREATE TABLE b (x INTEGER);');
    fs.writeFileSync(path.join(dir, '003-bad.sql'), 'CREATE TABLE c (x INTEGER); INSERT INTO no_such_table VALUES (1);');
    const db = new Database(':memory:');
    const tables = () => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]);
    expect(() => migrate(db, dir)).toThrow(/no such table: no_such_table/);
    expect(tables()).toEqual([]);
    fs.writeFileSync(path.join(dir, '003-bad.sql'), 'CREATE TABLE c (x INTEGER);');
    expect(migrate(db, dir)).toEqual(['001-a.sql', '002-b.sql', '003-bad.sql']);
    expect(tables()).toEqual(['a', 'b', 'c', 'schema_migrations']);
    expect(migrate(db, dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });
});

/** A database migrated up to (and including) `last` only, as an older version of Lakivahti left it. */
function databaseAt(last: number): Database.Database {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-mig-'));
  for (const f of fs.readdirSync(migrationsDir)) if (Number(f.split('-')[0]) <= last) fs.copyFileSync(path.join(migrationsDir, f), path.join(dir, f));
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, dir);
  fs.rmSync(dir, { recursive: true });
  return db;
}

describe('migration 026: matter numbers are never given twice', () => {
  const newMatter = (db: Database.Database) =>
    Number(db.prepare("INSERT INTO matters (title, created_at, updated_at) VALUES ('', 'now', 'now')").run().lastInsertRowid);

  it('a new matter after the newest was removed gets a new number', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    const [, b] = [newMatter(db), newMatter(db)];
    db.prepare('DELETE FROM matters WHERE id = ?').run(b);
    expect(newMatter(db)).toBe(b + 1);
  });

  it('an upgraded database keeps the mark meta kept, its items in their matters and the matters\' events', () => {
    const db = databaseAt(25);
    db.exec(`
      INSERT INTO sources (id, name, url, created_at) VALUES ('s', 'S', 'https://example.fi', '2026-01-01');
      INSERT INTO matters (id, title, stage, created_at, updated_at, in_force) VALUES (3, 'Pelastuslaki', 'draft', 'a', 'b', '2027-01-01'), (5, 'Toinen', NULL, 'a', 'b', NULL);
      INSERT INTO items (id, source_id, key, title, language, kind, hash, first_seen_at, last_seen_at, changed_at, matter_id)
        VALUES (1, 's', 'k1', 'Pelastuslaki', 'fi', 'news', 'h1', 'a', 'a', 'a', 3), (2, 's', 'k2', 'Toinen', 'fi', 'news', 'h2', 'a', 'a', 'a', 5);
      INSERT INTO matter_events (matter_id, type, old_value, new_value, at, item_id) VALUES (3, 'stage', NULL, 'draft', 'a', 1), (5, 'title', NULL, 'Toinen', 'a', 2);
      INSERT INTO meta (key, value) VALUES ('matter_high', '9'), ('demo', '1');
    `);
    const matters = db.prepare('SELECT * FROM matters ORDER BY id').all();
    const events = db.prepare('SELECT * FROM matter_events ORDER BY id').all();
    expect(migrate(db)[0]).toBe('026-matter-numbers.sql');
    expect(db.prepare('SELECT * FROM matters ORDER BY id').all()).toEqual(matters);
    expect(db.prepare('SELECT id, matter_id FROM items ORDER BY id').all()).toEqual([{ id: 1, matter_id: 3 }, { id: 2, matter_id: 5 }]);
    expect(db.prepare('SELECT * FROM matter_events ORDER BY id').all()).toEqual(events);
    expect(db.prepare('SELECT key FROM meta ORDER BY key').pluck().all()).toEqual(['demo']);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(newMatter(db)).toBe(10);
    // Removing a matter still sets its items' matter to none and takes its events (the references are the new table's).
    db.prepare('DELETE FROM matters WHERE id = 3').run();
    expect(db.prepare('SELECT matter_id FROM items WHERE id = 1').pluck().get()).toBeNull();
    expect(db.prepare('SELECT count(*) FROM matter_events WHERE matter_id = 3').pluck().get()).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'matters' AND type = 'index' ORDER BY name").pluck().all())
      .toEqual(['matters_by_stage', 'matters_by_stage_at', 'matters_coming_into_force']);
  });

  it('an upgraded database whose mark is below its highest number numbers above the highest', () => {
    const db = databaseAt(25);
    db.exec("INSERT INTO matters (id, title, created_at, updated_at) VALUES (7, '', 'a', 'b'); INSERT INTO meta (key, value) VALUES ('matter_high', '4')");
    migrate(db);
    expect(newMatter(db)).toBe(8);
  });

  it('an upgraded database that never had a matter numbers from 1', () => {
    const db = databaseAt(25);
    migrate(db);
    expect(newMatter(db)).toBe(1);
  });
});

describe('migrate with foreign keys off', () => {
  it('refuses a migration that leaves a broken reference, and leaves the database as it was', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-mig-'));
    fs.writeFileSync(path.join(dir, '001-a.sql'), 'CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (a INTEGER REFERENCES a(id));');
    fs.writeFileSync(path.join(dir, '002-b.sql'), 'INSERT INTO b VALUES (7);');
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(() => migrate(db, dir)).toThrow(/001-a.sql, 002-b.sql left 1 broken reference\(s\), e.g. b row 1 to a/);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    fs.rmSync(dir, { recursive: true });
  });


  it('is refused: foreign keys could not be turned off there', () => {
    const db = databaseAt(25);
    db.exec('BEGIN');
    expect(() => migrate(db)).toThrow(/inside a transaction/);
    db.exec('ROLLBACK');
  });
});

describe('migration 027: one spelling per address', () => {
  it('merges one mailbox\'s network subscriptions into the oldest, keeping the newest watermark, sending if any did', () => {
    const db = databaseAt(26);
    db.exec(`
      INSERT INTO subscriptions (id, email, kind, created_at, created_by, paused_at, pause_reason, covered_item_id, covered_event_id, covered_at) VALUES
        (1, 'a@ÄÄNEKOSKI.FI', 'network', 't', 't', 't', '5 epäonnistunutta yritystä', 4, 2, '2026-11-01'),
        (2, 'a@xn--nekoski-4waa.fi', 'network', 't', 't', NULL, NULL, 9, 3, '2026-11-08'),
        (3, 'A@äänekoski.fi', 'network', 't', 't', NULL, NULL, NULL, NULL, NULL),
        (4, 'b@Example.FI', 'network', 't', 't', NULL, NULL, NULL, NULL, NULL);
      INSERT INTO subscriptions (id, email, kind, goals, created_at, created_by) VALUES (5, 'a@ÄÄNEKOSKI.FI', 'personal', '["services"]', 't', 't');
      INSERT INTO digests (id, period_start, period_end, from_item_id, to_item_id, from_event_id, to_event_id, status, built_at, approved_by, approved_at, sent_at)
        VALUES (1, 'a', 'b', 0, 9, 0, 3, 'sent', 'b', 'x', 'b', 'b');
      INSERT INTO deliveries (subscription_id, digest_id, email, period_start, period_end, from_item_id, to_item_id, from_event_id, to_event_id, message_id, subject, html, text, created_at) VALUES
        (1, 1, 'a@ÄÄNEKOSKI.FI', 'a', 'b', 0, 9, 0, 3, '<1@l>', 's', 'h', 't', 'b'),
        (2, 1, 'a@xn--nekoski-4waa.fi', 'a', 'b', 0, 9, 0, 3, '<2@l>', 's', 'h', 't', 'b');
    `);
    migrate(db);
    expect(db.prepare('SELECT id, email, unsubscribed_at IS NULL AS active, paused_at, covered_item_id, covered_event_id, covered_at FROM subscriptions ORDER BY id').all()).toEqual([
      { id: 1, email: 'a@äänekoski.fi', active: 1, paused_at: null, covered_item_id: 9, covered_event_id: 3, covered_at: '2026-11-08' },
      { id: 2, email: 'a@äänekoski.fi', active: 0, paused_at: null, covered_item_id: 9, covered_event_id: 3, covered_at: '2026-11-08' },
      { id: 3, email: 'A@äänekoski.fi', active: 0, paused_at: null, covered_item_id: null, covered_event_id: null, covered_at: null },
      { id: 4, email: 'b@Example.FI', active: 1, paused_at: null, covered_item_id: null, covered_event_id: null, covered_at: null },
      { id: 5, email: 'a@äänekoski.fi', active: 1, paused_at: null, covered_item_id: null, covered_event_id: null, covered_at: null },
    ]);
    expect(db.prepare('SELECT subscription_id, email, status, last_error FROM deliveries ORDER BY id').all()).toEqual([
      { subscription_id: 1, email: 'a@äänekoski.fi', status: 'pending', last_error: null },
      { subscription_id: 2, email: 'a@xn--nekoski-4waa.fi', status: 'paused', last_error: 'yhdistetty tilaukseen 1' },
    ]);
    expect(db.prepare("SELECT target FROM action_log WHERE action = 'subscription-merge' ORDER BY id").pluck().all()).toEqual(['subscription:2', 'subscription:3']);
    expect(db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
  });
});

describe('migration 031: a press release reached through two feeds', () => {
  it('marks each later copy (another source, the same link and language) with its first stored item', () => {
    const db = databaseAt(30);
    db.exec(`
      INSERT INTO sources (id, name, url, created_at) VALUES ('valtioneuvosto', 'V', 'https://example.fi', 'a'), ('stm', 'S', 'https://example.fi/s', 'a');
      INSERT INTO items (id, source_id, key, url, title, language, kind, hash, first_seen_at, last_seen_at, changed_at) VALUES
        (1, 'valtioneuvosto', 'k1', 'https://valtioneuvosto.fi/-/1/a', 'A', 'fi', 'press-release', 'h', 'a', 'a', 'a'),
        (2, 'stm', 'k2', 'https://valtioneuvosto.fi/-/1/a', 'A', 'fi', 'press-release', 'h', 'a', 'a', 'a'),
        (3, 'stm', 'k3', 'https://valtioneuvosto.fi/-/1/a', 'A', 'sv', 'press-release', 'h', 'a', 'a', 'a'),
        (4, 'stm', 'k4', 'https://valtioneuvosto.fi/-/1/b', 'B', 'fi', 'press-release', 'h', 'a', 'a', 'a'),
        (5, 'valtioneuvosto', 'k5', 'https://valtioneuvosto.fi/-/1/b', 'B', 'fi', 'news', 'h', 'a', 'a', 'a'),
        (6, 'valtioneuvosto', 'k6', 'https://valtioneuvosto.fi/-/1/c', 'C', 'fi', 'press-release', 'h', 'a', 'a', 'a'),
        (7, 'valtioneuvosto', 'k7', 'https://valtioneuvosto.fi/-/1/c', 'C', 'fi', 'press-release', 'h2', 'a', 'a', 'a');
    `);
    expect(migrate(db)).toEqual(['031-same-release.sql', '032-release-key.sql']);
    // Only 2: 3 is in another language, 5 is no press release, 7 is of the same source as 6.
    expect(db.prepare('SELECT id, same_as FROM items ORDER BY id').raw(true).all()).toEqual([[1, null], [2, 1], [3, null], [4, null], [5, null], [6, null], [7, null]]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
