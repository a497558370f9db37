// `lakivahti users` as a process: accounts from a pipe, listed, disabled; clear errors and exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { run } from '../helpers/process.js';
import { verifyPassword } from '../../src/web/auth/password.js';

let dir: string;
let db: string;
const PW = 'pitka-ja-hyva-salasana';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-users-'));
  db = path.join(dir, 'users.sqlite');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const users = (args: string[], input?: string) => run(['users', ...args, '--db', db], { input });

describe('lakivahti users', () => {
  it('adds accounts with the password from standard input, stored only as a strong scrypt hash', async () => {
    const admin = await users(['add', 'paakayttaja@example.fi', '--role', 'admin'], `${PW}\n`);
    expect([admin.code, admin.out, admin.err]).toEqual([0, 'tunnus paakayttaja@example.fi luotu (admin)\n', '']);
    expect((await users(['add', 'lukija@example.fi', '--role', 'reader'], `${PW}-2`)).code).toBe(0);
    const conn = new Database(db, { readonly: true });
    const hashes = conn.prepare('SELECT password_hash FROM users ORDER BY id').pluck().all() as string[];
    conn.close();
    expect(hashes[0]).toMatch(/^scrypt\$131072\$8\$1\$[\w+/=]{24}\$[\w+/=]{44}$/);
    expect(hashes.join()).not.toContain(PW);
    expect(await verifyPassword(PW, hashes[0])).toBe(true);
    expect(await verifyPassword(`${PW}-2`, hashes[1])).toBe(true);
    expect(await verifyPassword(PW, hashes[1])).toBe(false);
  }, 60_000);

  it('lists accounts (text and --json) without writing', async () => {
    const before = fs.statSync(db).mtimeMs;
    const list = await users(['list']);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/^lukija@example\.fi {2}reader {2}luotu \d+\.\d+\.\d{4} klo \d\d\.\d\d\npaakayttaja@example\.fi {2}admin/);
    const json = (await users(['list', '--json'])).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(json.map((u) => [u.email, u.role, u.disabledAt])).toEqual([['lukija@example.fi', 'reader', null], ['paakayttaja@example.fi', 'admin', null]]);
    expect(Object.keys(json[0]).sort()).toEqual(['createdAt', 'disabledAt', 'email', 'id', 'role']);
    expect(fs.statSync(db).mtimeMs).toBe(before);
    const missing = await run(['users', 'list', '--db', path.join(dir, 'none.sqlite')]);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  }, 60_000);

  it('disables an account; an unknown one is an error', async () => {
    const off = await users(['disable', 'LUKIJA@example.fi']);
    expect([off.code, off.err]).toEqual([0, '']);
    expect(off.out).toContain('tunnus LUKIJA@example.fi poistettu käytöstä');
    expect((await users(['list'])).out).toMatch(/^lukija@example\.fi .*POISTETTU KÄYTÖSTÄ/m);
    const none = await users(['disable', 'ei-ole@example.fi']);
    expect([none.code, none.err]).toEqual([1, 'users: no account for ei-ole@example.fi\n']);
  }, 60_000);

  it.each([
    [['add', 'uusi@example.fi', '--role', 'admin'], 'lyhyt\n', 2, 'password not accepted: a password needs at least 12 characters (this one has 5)'],
    [['add', 'uusi@example.fi', '--role', 'pomo'], `${PW}\n`, 2, '--role must be one of admin, reviewer, reader, not "pomo"'],
    [['add', 'uusi@example.fi'], `${PW}\n`, 2, '--role must be one of admin, reviewer, reader'],
    [['add', 'ei-osoite', '--role', 'reader'], `${PW}\n`, 2, '"ei-osoite" is not an e-mail address'],
    [['add', 'Paakayttaja@example.fi', '--role', 'reader'], `${PW}\n`, 1, 'an account for Paakayttaja@example.fi already exists'],
    [['poista', 'x@example.fi'], '', 2, 'unknown subcommand "poista" (add, list, disable)'],
    [[], '', 2, 'give a subcommand: add, list or disable'],
  ])('users %j is refused with a clear message', async (args, input, code, message) => {
    const r = await users(args, input);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('an empty standard input is no password', async () => {
    const r = await users(['add', 'tyhja@example.fi', '--role', 'reader'], '');
    expect(r.code).toBe(2);
    expect(r.err).toContain('a password needs at least 12 characters (this one has 0)');
    expect((await users(['list'])).out).not.toContain('tyhja@');
  }, 30_000);
});
