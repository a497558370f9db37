// A backup beside a writer that commits between every two of its steps (a crawl's runs, serve's scheduler): SQLite's
// online backup began a read a step and started again from the first page whenever another connection had committed,
// so beside a busy writer it never finished (probed: 130 MB beside a commit every 200 ms took 21-78 s or did not end
// within 60 s, against 1.9 s idle). It copies one snapshot now, in as many steps as its pages need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupDb, openDb } from '../../src/store/index.js';
import { seedDatabase } from '../process/seed.js';

let dir: string;
let file: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-backup-writes-'));
  file = path.join(dir, 'db.sqlite');
  seedDatabase(file, 3_000);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup while another connection writes', () => {
  it('finishes in one pass over the pages, and the copy is the snapshot it began with', async () => {
    const db = openDb(file, { readOnly: true });
    const writer = new Database(file);
    const pages = db.pragma('page_count', { simple: true }) as number;
    const before = writer.prepare("SELECT next_run_at FROM sources WHERE id = 'sm'").pluck().get();
    let steps = 0;
    try {
      const dest = path.join(dir, 'copy.sqlite');
      await backupDb(db, dest, {
        // Asked between steps: another connection commits there every time; a copy begun again is stopped.
        stopped: () => {
          writer.prepare("UPDATE sources SET next_run_at = ? WHERE id = 'sm'").run(`2030-01-01T00:00:${String(steps % 60).padStart(2, '0')}Z`);
          return ++steps > pages / 100 + 2 ? new Error(`the copy began again: ${steps} steps for ${pages} pages`) : null;
        },
      });
      expect(steps).toBeGreaterThan(5); // the writes did fall between steps
      const copy = new Database(dest, { readonly: true });
      try {
        expect(copy.prepare("SELECT next_run_at FROM sources WHERE id = 'sm'").pluck().get()).toBe(before);
        expect(copy.prepare('SELECT COUNT(*) FROM items').pluck().get()).toBe(3_000);
      } finally {
        copy.close();
      }
    } finally {
      writer.close();
      db.close();
    }
  }, 60_000);
});
