// A database file this user may not open, or one it may read but not write, as a shell or cron meets them: each
// command names the permission in one line and exits 1 (the database failing, not a mistake in the command line).
// Root ignores file modes: the commands run as nobody then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run, start } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-permissions-'));
  fs.chmodSync(dir, 0o755);
  for (const name of ['closed', 'read-only']) {
    fs.mkdirSync(path.join(dir, name));
    seedDatabase(path.join(dir, name, 'db.sqlite'), 3);
  }
  // No permission to open the file at all.
  fs.chmodSync(path.join(dir, 'closed', 'db.sqlite'), 0o000);
  fs.chmodSync(path.join(dir, 'closed'), 0o755);
  // Readable, but neither it nor its folder (where its write-ahead log goes) may be written.
  fs.chmodSync(path.join(dir, 'read-only', 'db.sqlite'), 0o444);
  fs.chmodSync(path.join(dir, 'read-only'), 0o555);
}, 30_000);

afterAll(() => {
  fs.chmodSync(path.join(dir, 'read-only'), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const commands = [
  ['crawl', []],
  ['review', ['1', '--reviewer', 'maria@example.fi', '--not-relevant']],
  ['items', ['--limit', '1']],
] as const;

describe('a database file this user may not open', () => {
  it.each(commands)('%s names it, exit 1', async (name, extra) => {
    const file = path.join(dir, 'closed', 'db.sqlite');
    const r = await run([name, ...extra, '--db', file], as);
    expect([r.code, r.out, r.err]).toEqual([1, '', `lakivahti ${name}: the database ${file} cannot be read by this user (no permission to open it); nothing was changed\n`]);
  }, 30_000);

  it('serve names it and exits 1: there is nothing it could show', async () => {
    const file = path.join(dir, 'closed', 'db.sqlite');
    const child = start(['serve', '--port', '0', '--no-schedule', '--db', file], as);
    child.proc.stdin.end();
    const r = await child.done;
    expect(r.code).toBe(1);
    expect(r.err).toContain(`the database ${file} cannot be read by this user (no permission to open it)`);
    expect(r.err).not.toMatch(/EACCES|\n\s+at /);
  }, 30_000);
});

describe('a database file this user may read but not write', () => {
  it.each(commands.slice(0, 2))('%s says it cannot be written by this user, exit 1', async (name, extra) => {
    const file = path.join(dir, 'read-only', 'db.sqlite');
    const r = await run([name, ...extra, '--db', file], as);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`lakivahti ${name}: the database ${file} cannot be written by this user (a read-only file, folder or mount); commands that only read it still work\n`);
  });

  it('items still lists it', async () => {
    const r = await run(['items', '--limit', '1', '--db', path.join(dir, 'read-only', 'db.sqlite')], as);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/^#3 /);
  });
});

describe('a new database in a folder this user may not write', () => {
  // SQLite's "unable to open database file" named neither the file nor why.
  it.each([['crawl', ['--source', 'stm']], ['serve', ['--port', '0', '--no-schedule']]])('%s names the folder, exit 1, and makes nothing', async (name, extra) => {
    const file = path.join(dir, 'read-only', 'uusi.sqlite');
    const r = await run([name, ...extra, '--db', file], as);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`lakivahti ${name}: cannot make the database ${file}: this user may not write in its folder ${path.dirname(file)}\n`);
    expect(fs.existsSync(file)).toBe(false);
  }, 30_000);
});
