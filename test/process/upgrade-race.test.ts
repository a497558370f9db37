// Two commands that find the database one migration behind, started together (serve restarted after an upgrade while
// cron's crawl begins): one upgrades it, the other waits for that and goes on. The second began reading before it
// asked for the write lock, so once the first had committed it failed at once: "database is locked", exit 1.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/index.js';
import { migrationsDir } from '../../src/paths.js';
import { holdWriteLock, start, untilWaitingIn } from '../helpers/process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-upgrade-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('two commands upgrading at once: both go on, the migration applied once', async () => {
  const older = path.join(dir, 'migrations');
  fs.mkdirSync(older);
  const files = fs.readdirSync(migrationsDir).filter((f) => /^\d+-.+\.sql$/.test(f)).sort();
  for (const f of files.slice(0, -1)) fs.copyFileSync(path.join(migrationsDir, f), path.join(older, f));
  const file = path.join(dir, 'l.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, older);
  db.close();
  // A third process holds the write lock while both start, so both are waiting for it when it is let go.
  const lock = await holdWriteLock(file);
  const both = [start(['relink', '--db', file]), start(['relink', '--db', file])];
  for (const c of both) c.proc.stdin.end();
  // Both asleep in SQLite's busy wait for that lock: a fixed 3 s here let it go before a child slow to start (a
  // loaded machine) had asked for it, and the race was not run.
  await Promise.all(both.map((c) => untilWaitingIn(c.proc.pid!, /nanosleep/, 'a relink never waited for the lock')));
  await lock.free();
  for (const r of await Promise.all(both.map((c) => c.done))) expect([r.code, r.err]).toEqual([0, '']);
  const after = new Database(file, { readonly: true });
  expect(after.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toEqual(files);
  after.close();
}, 60_000);
