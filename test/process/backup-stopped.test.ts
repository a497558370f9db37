// A backup stopped while it copies (Ctrl-C, SIGTERM: a shutdown, cron's timeout) leaves no file that looks like a
// backup, and an older backup it was to replace (--force) as it was; a finished one is one file, nothing beside it.
// Two backups to one file at once each copy to their own partial file: one names the file, the other says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { start } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-backup-stopped-'));
  db = path.join(dir, 'lakivahti.sqlite');
  seedDatabase(db, 20);
  // Some 40 MB, so that the copy takes long enough to be stopped in the middle.
  const conn = new Database(db);
  conn.exec('CREATE TABLE padding (b BLOB)');
  const pad = conn.prepare('INSERT INTO padding VALUES (randomblob(100000))');
  conn.transaction(() => { for (let n = 0; n < 400; n++) pad.run(); })();
  conn.close();
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Start a backup to `dest` and send `signal` once its copy has begun (a file beside `dest` is new or grows). */
async function stopped(dest: string, signal: NodeJS.Signals, extra: string[] = []) {
  const before = beside(path.basename(dest)).map((f) => `${f}:${fs.statSync(path.join(dir, f)).size}`).join();
  const child = start(['backup', dest, ...extra, '--db', db]);
  child.proc.stdin.end();
  const now = () => beside(path.basename(dest)).map((f) => `${f}:${fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.size}`).join();
  while (now() === before) await new Promise((r) => setTimeout(r, 1));
  child.proc.kill(signal);
  return { ...(await child.done), pid: child.proc.pid };
}

const beside = (name: string) => fs.readdirSync(dir).filter((f) => f.startsWith(name)).sort();

describe('backup stopped while it copies', { timeout: 60_000 }, () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129], // a closed terminal
  ] as const)('%s: exit %i, no file left', async (signal, code) => {
    const name = `stopped-${signal}.sqlite`;
    const r = await stopped(path.join(dir, name), signal);
    expect([r.code, r.out, r.err]).toEqual([code, '', `lakivahti backup: ${signal}: stopped; no backup was written\n`]);
    expect(beside(name)).toEqual([]);
  });

  it('with --force, the file it was to replace is kept as it was', async () => {
    const dest = path.join(dir, 'kept.sqlite');
    fs.writeFileSync(dest, 'yesterday');
    const r = await stopped(dest, 'SIGTERM', ['--force']);
    expect([r.code, r.err]).toEqual([143, `lakivahti backup: SIGTERM: stopped; no backup was written (${dest} is as it was)\n`]);
    expect(beside('kept.sqlite')).toEqual(['kept.sqlite']);
    expect(fs.readFileSync(dest, 'utf8')).toBe('yesterday');
  });

  it('a finished backup is one self-contained file, replacing the old one whole', async () => {
    const dest = path.join(dir, 'whole.sqlite');
    fs.writeFileSync(dest, 'yesterday');
    fs.writeFileSync(`${dest}-wal`, 'a log of yesterday');
    const child = start(['backup', dest, '--force', '--db', db]);
    child.proc.stdin.end();
    const r = await child.done;
    expect([r.code, r.err]).toEqual([0, '']);
    expect(beside('whole.sqlite')).toEqual(['whole.sqlite']);
    const copy = new Database(dest, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 20 });
    } finally {
      copy.close();
    }
  });

  it('killed outright (SIGKILL), its partial file is named as one and removed by the next backup to that file', async () => {
    const dest = path.join(dir, 'killed.sqlite');
    const r = await stopped(dest, 'SIGKILL');
    expect(r.signal).toBe('SIGKILL');
    const left = beside('killed.sqlite');
    expect(left).toContain(`killed.sqlite.partial-${r.pid}`);
    expect(left.every((f) => f.startsWith(`killed.sqlite.partial-${r.pid}`))).toBe(true);
    const next = start(['backup', dest, '--db', db]);
    next.proc.stdin.end();
    expect((await next.done).code).toBe(0);
    expect(beside('killed.sqlite')).toEqual(['killed.sqlite']);
  });

  it('two at once to one file: one writes it, the other says so and leaves no file (they both failed with "disk I/O error")', async () => {
    const dest = path.join(dir, 'twice.sqlite');
    const both = await Promise.all([0, 1].map(() => {
      const child = start(['backup', dest, '--db', db]);
      child.proc.stdin.end();
      return child.done;
    }));
    // The other finds the file written while it copied (1), or, started after the first ended, before it began (2).
    const [won, lost] = [...both].sort((a, b) => (a.code ?? 9) - (b.code ?? 9));
    expect([won.code, won.err]).toEqual([0, '']);
    expect([1, 2]).toContain(lost.code);
    expect(lost.err).toMatch(lost.code === 1
      ? /^lakivahti backup: .+ was written by another backup while this one copied; it is kept, and this copy removed\n$/
      : /^lakivahti backup: .+ already exists; choose another name, or add --force to overwrite it\n$/);
    expect(beside('twice.sqlite')).toEqual(['twice.sqlite']);
    const copy = new Database(dest, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });
});
