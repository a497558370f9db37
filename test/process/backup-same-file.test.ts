// `backup FILE --force` never deletes the live database: not through another spelling of its path (a symlinked
// folder, a hard link), nor its -wal or -shm file, while a connection (serve) holds writes in the WAL; nor another
// database that a process has open (a serve on it, found by SQLite's locks), whichever database is backed up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { run } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
let db: string;
/** A connection like serve's: open for the whole test, its last writes still in the -wal file. */
let live: Database.Database;

// Each test on a fresh database: a fault in one must not hide or cause another.
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-backup-same-'));
  fs.mkdirSync(path.join(dir, 'db'));
  db = path.join(dir, 'db', 'lakivahti.sqlite');
  seedDatabase(db, 20);
  live = new Database(db);
  live.pragma('journal_mode = WAL');
  live.pragma('wal_autocheckpoint = 0');
  live.prepare("UPDATE items SET title = title || ' (muutettu)' WHERE id = 1").run();
  fs.symlinkSync(path.join(dir, 'db'), path.join(dir, 'linked'));
  fs.linkSync(db, path.join(dir, 'hard.sqlite'));
  fs.symlinkSync(db, path.join(dir, 'db-link.sqlite'));
}, 60_000);

afterEach(() => {
  live?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const intact = () => {
  expect(fs.existsSync(db)).toBe(true);
  expect(fs.statSync(`${db}-wal`).size).toBeGreaterThan(0);
  const fresh = new Database(db, { readonly: true, fileMustExist: true });
  try {
    expect(fresh.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 20 });
    expect(fresh.prepare('SELECT title FROM items WHERE id = 1').pluck().get()).toMatch(/\(muutettu\)$/);
  } finally {
    fresh.close();
  }
};

describe('backup --force onto the database itself', () => {
  it.each([
    ['through a symlinked folder', () => path.join(dir, 'linked', 'lakivahti.sqlite')],
    ['through a symlink to the file', () => path.join(dir, 'db-link.sqlite')],
    ['through a hard link', () => path.join(dir, 'hard.sqlite')],
    ['its -wal file', () => `${db}-wal`],
    ['its -shm file', () => `${db}-shm`],
  ])('%s is refused and nothing is deleted', async (_, dest) => {
    const r = await run(['backup', dest(), '--force', '--db', db]);
    expect(r.code).toBe(2);
    // A refusal in one line as the other targets' (no usage text: the command line was right).
    expect(r.err).toBe(`lakivahti backup: ${dest()} is the database itself; choose another file\n`);
    intact();
  });

  it('a real other file is still overwritten with --force', async () => {
    const dest = path.join(dir, 'copy.sqlite');
    fs.writeFileSync(dest, 'old');
    const r = await run(['backup', dest, '--force', '--db', db]);
    expect([r.code, r.err]).toEqual([0, '']);
    intact();
  });
});

describe('backup --force onto a database another process has open', () => {
  let other: string;
  beforeEach(() => {
    other = path.join(dir, 'other.sqlite');
    seedDatabase(other, 3);
  }, 60_000);

  it.each([
    ['the database', () => db],
    ['through a relative path', () => path.relative(dir, db)],
    ['its -wal file', () => `${db}-wal`],
  ])('%s is refused, named, and nothing is deleted', async (_, dest) => {
    // Backing up another database (--db other) onto serve's: not the same file as the one copied.
    const r = await run(['backup', dest(), '--force', '--db', other], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe(`lakivahti backup: ${dest()} is a database another process has open (${db}: a serve or crawl on it, the sqlite3 shell); replacing it would lose what that process writes: stop it first, or choose another file\n`);
    expect(r.out).toBe('');
    intact();
    expect(fs.readdirSync(path.join(dir, 'db')).filter((f) => f.includes('.partial-'))).toEqual([]);
  });

  it('once the process has closed it, the same database is overwritten', async () => {
    live.close();
    const r = await run(['backup', db, '--force', '--db', other]);
    expect([r.code, r.err]).toEqual([0, '']);
    const copy = new Database(db, { readonly: true, fileMustExist: true });
    try {
      expect(copy.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 3 });
    } finally {
      copy.close();
    }
  });
});
