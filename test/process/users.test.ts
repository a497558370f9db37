// `lakivahti users` as a process: accounts from a pipe, listed, disabled, enabled again; clear errors and exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { missingOnHost } from '../helpers/host.js';
import { BIN, run, start } from '../helpers/process.js';
import { verifyPassword } from '../../src/web/auth/password.js';

let dir: string;
let db: string;
const PW = 'pitka-ja-hyva-salasana';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-users-'));
  db = path.join(dir, 'users.sqlite');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const users = (args: string[], input?: string | Buffer) => run(['users', ...args, '--db', db], { input });

describe('lakivahti users', () => {
  it('adds accounts with the password from standard input, stored only as a strong scrypt hash', async () => {
    const admin = await users(['add', 'paakayttaja@example.fi', '--role', 'admin'], `${PW}\n`);
    expect([admin.code, admin.out, admin.err]).toEqual([0, 'tunnus paakayttaja@example.fi luotu (ylläpitäjä)\n', '']);
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
    // The role in Finnish words (--json keeps its code).
    expect(list.out).toMatch(/^lukija@example\.fi {2}lukija {2}luotu \d+\.\d+\.\d{4} klo \d\d\.\d\d\npaakayttaja@example\.fi {2}ylläpitäjä {2}/);
    const json = (await users(['list', '--json'])).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(json.map((u) => [u.email, u.role, u.disabledAt])).toEqual([['lukija@example.fi', 'reader', null], ['paakayttaja@example.fi', 'admin', null]]);
    expect(Object.keys(json[0]).sort()).toEqual(['createdAt', 'disabledAt', 'email', 'id', 'role']);
    expect(fs.statSync(db).mtimeMs).toBe(before);
    const missing = await run(['users', 'list', '--db', path.join(dir, 'none.sqlite')]);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  }, 60_000);

  it('disables an account; an unknown one is an error', async () => {
    // Two subscriptions (one ended): the one kept is paused while the account is disabled, and it says so.
    for (const args of [['--goal', 'services'], ['--network']]) expect((await run(['subscriptions', 'add', 'lukija@example.fi', ...args, '--db', db])).code).toBe(0);
    expect((await run(['subscriptions', 'remove', '2', '--db', db])).code).toBe(0);
    const off = await users(['disable', 'LUKIJA@example.fi']);
    expect([off.code, off.err]).toEqual([0, '']);
    expect(off.out).toBe('tunnus LUKIJA@example.fi poistettu käytöstä; sen istunnot päätettiin ja syötetunnisteet peruttiin; sen tilaus on keskeytetty\n');
    expect((await run(['subscriptions', 'list', '--db', db])).out).toMatch(/^#1 {2}lukija@example\.fi .* {2}KESKEYTETTY: käyttäjätili poistettu käytöstä$/m);
    // A subscription added for a disabled account is kept too, and the command says it sends nothing yet.
    const added = await run(['subscriptions', 'add', 'Lukija@example.fi', '--goal', 'welfare-reform', '--db', db]);
    expect([added.code, added.err]).toEqual([0, 'lakivahti subscriptions: the account of Lukija@example.fi is disabled: the subscription is kept, paused, and sends nothing until the account is enabled again\n']);
    expect((await users(['list'])).out).toMatch(/^lukija@example\.fi .*POISTETTU KÄYTÖSTÄ/m);
    // Again: nothing changes, and it says since when instead of that it happened now.
    const again = await users(['disable', 'lukija@example.fi']);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(again.out).toMatch(/^tunnus lukija@example\.fi on ollut poissa käytöstä \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2} alkaen; sillä ei ole istuntoja eikä voimassa olevia syötetunnisteita; sen 2 tilausta on keskeytetty\n$/);
    const none = await users(['disable', 'ei-ole@example.fi']);
    expect([none.code, none.err]).toEqual([1, 'lakivahti users: no account for ei-ole@example.fi\n']);
    // A reset of a disabled account's password says that it stays disabled.
    const reset = await users(['password', 'lukija@example.fi'], `${PW}-uusi\n`);
    expect([reset.code, reset.out]).toEqual([0, 'tunnuksen lukija@example.fi salasana vaihdettu; sen istunnot päätettiin; tunnus on yhä poistettu käytöstä eikä sillä voi kirjautua\n']);
  }, 60_000);

  it('an account stored before the address rule can still be disabled, enabled and reset by its address as stored', async () => {
    expect((await users(['add', 'vanha@example.fi', '--role', 'reader'], `${PW}\n`)).code).toBe(0);
    const conn = new Database(db);
    conn.prepare("UPDATE users SET email = 'vanha@example.fi>' WHERE email = 'vanha@example.fi'").run();
    conn.close();
    const off = await users(['disable', 'vanha@example.fi>']);
    expect([off.code, off.err]).toEqual([0, '']);
    expect(off.out).toMatch(/^tunnus vanha@example\.fi> poistettu käytöstä/);
    expect((await users(['enable', 'vanha@example.fi>'])).code).toBe(0);
    // What no account has is still refused as no address, and no new account gets one.
    expect((await users(['disable', 'muu@example.fi>'])).err.split('\n')[0]).toBe('lakivahti users: "muu@example.fi>" is not an e-mail address');
    expect((await users(['add', 'uusi@example.fi>', '--role', 'reader'], `${PW}\n`)).code).toBe(2);
  }, 60_000);

  it('enables a disabled account again: it can sign in and its kept subscriptions send again', async () => {
    const on = await users(['enable', 'Lukija@example.fi']);
    expect([on.code, on.err]).toEqual([0, '']);
    expect(on.out).toMatch(/^tunnus Lukija@example\.fi otettu taas käyttöön \(poissa käytöstä \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2} alkaen\); sillä voi kirjautua; sen 2 tilausta lähettävät taas; syötetunnisteet pysyvät peruttuina\n$/);
    expect((await users(['list', '--json'])).out).toContain('"email":"lukija@example.fi","role":"reader"');
    expect((await users(['list'])).out).not.toMatch(/POISTETTU/);
    expect((await run(['subscriptions', 'list', '--db', db])).out).not.toMatch(/KESKEYTETTY/);
    const again = await users(['enable', 'lukija@example.fi']);
    expect([again.code, again.out, again.err]).toEqual([0, 'tunnus lukija@example.fi on jo käytössä; mitään ei muutettu\n', '']);
    const none = await users(['enable', 'ei-ole@example.fi']);
    expect([none.code, none.err]).toEqual([1, 'lakivahti users: no account for ei-ole@example.fi\n']);
  }, 60_000);

  it('says how many subscriptions it paused as the pause reads them: an address only Unicode case matches is another account\'s', async () => {
    // users.email and subscriptions.email are NOCASE, which folds ASCII letters only: "Äiti@" and "äiti@" may be two
    // accounts, and a disabled äiti@ does not pause Äiti@'s subscription. The command said it did.
    expect((await users(['add', 'äiti@example.fi', '--role', 'reader'], `${PW}\n`)).code).toBe(0);
    expect((await run(['subscriptions', 'add', 'Äiti@example.fi', '--goal', 'services', '--db', db])).code).toBe(0);
    const off = await users(['disable', 'äiti@example.fi']);
    expect([off.code, off.out, off.err]).toEqual([0, 'tunnus äiti@example.fi poistettu käytöstä; sen istunnot päätettiin ja syötetunnisteet peruttiin\n', '']);
    const listed = (await run(['subscriptions', 'list', '--json', '--db', db])).out.trim().split('\n').map((l) => JSON.parse(l) as { email: string; pausedAt: string | null });
    expect(listed.find((x) => x.email === 'Äiti@example.fi')?.pausedAt).toBeNull();
    const on = await users(['enable', 'äiti@example.fi']);
    expect(on.out).not.toContain('tilaus');
  }, 60_000);

  it.each([
    [['add', 'uusi@example.fi', '--role', 'admin'], 'lyhyt\n', 2, 'password not accepted: a password needs at least 12 characters (this one has 5)'],
    // Standard input empty or closed (a cron line, < /dev/null): no password given, not one too short.
    [['password', 'paakayttaja@example.fi'], '\n', 2, 'lakivahti users: no password on standard input: pipe it in (echo "$PASSWORD" | lakivahti users password paakayttaja@example.fi), or run'],
    [['add', 'uusi@example.fi', '--role', 'pomo'], `${PW}\n`, 2, '--role must be one of admin, reviewer, reader, not "pomo"'],
    [['add', 'uusi@example.fi'], `${PW}\n`, 2, '--role must be one of admin, reviewer, reader'],
    [['add', 'ei-osoite', '--role', 'reader'], `${PW}\n`, 2, '"ei-osoite" is not an e-mail address'],
    [['add', 'x@example.fi>', '--role', 'reader'], `${PW}\n`, 2, '"x@example.fi>" is not an e-mail address'],
    [['add', 'evil@example.fi\r\nBcc: v@example.fi', '--role', 'reader'], `${PW}\n`, 2, 'lakivahti users: "evil@example.fi\\r\\nBcc: v@example.fi" is not an e-mail address\n'],
    // A zero-width space pasted with it: an account nobody could sign in to by typing the address it looks like.
    [['add', 'uusi\u200b@example.fi', '--role', 'reader'], `${PW}\n`, 2, 'lakivahti users: "uusi\u200b@example.fi" is not an e-mail address: it holds an invisible formatting character (U+200B at character 5), as text pasted from a web page or a document may; type the address again\n'],
    [['add', 'Paakayttaja@example.fi', '--role', 'reader'], `${PW}\n`, 1, 'an account for Paakayttaja@example.fi already exists'],
    [['add', 'uusi@example.fi', '--role', 'admin'], '1qaz2wsx3edc\n', 2, 'password not accepted: this password is on the list of common passwords that attackers try first; choose another'],
    [['password', 'ei-ole@example.fi'], `${PW}\n`, 1, 'lakivahti users: no account for ei-ole@example.fi'],
    [['password', 'paakayttaja@example.fi'], 'qwerty123456\n', 2, 'password not accepted: this password is on the list of common passwords'],
    [['password', 'paakayttaja@example.fi', '--role', 'admin'], `${PW}\n`, 2, 'password takes no --role'],
    [['password'], '', 2, 'password needs the account\'s e-mail address'],
    [['poista', 'x@example.fi'], '', 2, 'unknown subcommand "poista" (add, password, list, disable, enable)'],
    [[], '', 2, 'give a subcommand: add, password, list, disable or enable'],
  ])('users %j is refused with a clear message', async (args, input, code, message) => {
    const r = await users(args, input);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('password sets a new password from standard input (an administrator\'s reset) and ends the account\'s sessions', async () => {
    const conn = new Database(db);
    const id = conn.prepare('SELECT id FROM users WHERE email = ?').pluck().get('paakayttaja@example.fi') as number;
    conn.prepare("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ('h', ?, 't', '2026-01-01', '2026-01-01', '2999-01-01')").run(id);
    conn.close();
    const r = await users(['password', 'PAAKAYTTAJA@example.fi'], `${PW}-uusi\n`);
    expect([r.code, r.out, r.err]).toEqual([0, 'tunnuksen PAAKAYTTAJA@example.fi salasana vaihdettu; sen istunnot päätettiin\n', '']);
    const check = new Database(db, { readonly: true });
    const hash = check.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(id) as string;
    const sessions = check.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(id);
    check.close();
    expect(await verifyPassword(`${PW}-uusi`, hash)).toBe(true);
    expect(await verifyPassword(PW, hash)).toBe(false);
    expect(sessions).toBe(0);
  }, 60_000);

  it('an empty standard input is no password', async () => {
    const r = await users(['add', 'tyhja@example.fi', '--role', 'reader'], '');
    expect(r.code).toBe(2);
    // Said as what it is (cron, < /dev/null), not as a password of no characters.
    expect(r.err.split('\n')[0]).toBe('lakivahti users: no password on standard input: pipe it in (echo "$PASSWORD" | lakivahti users add tyhja@example.fi --role reader), or run the command on a terminal to be asked');
    expect((await users(['list'])).out).not.toContain('tyhja@');
  }, 30_000);

  it('refuses a password whose bytes are not UTF-8, or with a control character, which no sign-in form can type', async () => {
    // A Latin-1 terminal or file: "äiti…" as single bytes. Read as UTF-8 each became U+FFFD, a password nobody can type.
    const latin1 = await users(['add', 'latin1@example.fi', '--role', 'reader'], Buffer.from('\xe4itin-salasana-on-hyv\xe4\n', 'latin1'));
    expect([latin1.code, latin1.err.split('\n')[0]]).toEqual([2, 'lakivahti users: password not accepted: standard input is not UTF-8 (byte 0xe4 at byte 1 of the line); write the password in UTF-8 (iconv -f latin1 -t utf-8, or a UTF-8 terminal)']);
    // The same password in UTF-8 is taken, also when a pipe hands it over a byte at a time (a character split between reads).
    const child = start(['users', 'add', 'utf8@example.fi', '--role', 'reader', '--db', db]);
    const bytes = Buffer.from('äitin-salasana-on-hyvä\n');
    for (const byte of bytes) {
      child.proc.stdin.write(Buffer.from([byte]));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    child.proc.stdin.end();
    const utf8 = await child.done;
    expect([utf8.code, utf8.err]).toEqual([0, '']);
    const conn = new Database(db, { readonly: true });
    const hash = conn.prepare('SELECT password_hash FROM users WHERE email = ?').pluck().get('utf8@example.fi') as string;
    conn.close();
    expect(await verifyPassword('äitin-salasana-on-hyvä', hash)).toBe(true);
    for (const [input, named] of [['salasana\u0000pitka-1\n', 'U+0000 at character 9'], ['salasana\tpitka-12\n', 'U+0009 at character 9'], ['salasana-pitka-12\r', 'U+000D at character 18']]) {
      const r = await users(['add', 'ohjaus@example.fi', '--role', 'reader'], input);
      expect([r.code, r.err.split('\n')[0]]).toEqual([2, `lakivahti users: password not accepted: a password cannot hold a control character (${named}): a browser's password field cannot type it`]);
    }
    expect((await users(['list'])).out).not.toMatch(/latin1@|ohjaus@/);
  }, 60_000);
});

// On a terminal the password is asked for twice and never shown: util-linux `script` gives the command a terminal.
const noScript = missingOnHost('/usr/bin/script', 'users add on a terminal', 'util-linux script gives the command a terminal; apt-get install bsdutils');
describe.skipIf(noScript)(noScript ?? 'users add on a terminal', () => {
  async function typed(email: string, first: string | Buffer, second: string): Promise<{ code: number | null; out: string }> {
    const command = [process.execPath, BIN, 'users', 'add', email, '--role', 'reviewer', '--db', db].map((a) => `'${a}'`).join(' ');
    const proc = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const waitFor = (text: string, from: number) => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${text}" in: ${out}`)), 20_000);
      const check = () => {
        if (out.indexOf(text, from) >= 0) (clearTimeout(timer), proc.stdout.off('data', check), resolve());
      };
      proc.stdout.on('data', check);
      check();
    });
    proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const done = new Promise<number | null>((resolve) => proc.on('close', resolve));
    await waitFor('Salasana: ', 0);
    proc.stdin.write(typeof first === 'string' ? `${first}\r` : Buffer.concat([first, Buffer.from('\r')]));
    if (!second.endsWith('\u0003')) {
      await waitFor('Salasana uudelleen: ', 0);
      proc.stdin.write(`${second}\r`);
    }
    const code = await done;
    return { code, out };
  }

  it('asks twice without echo and creates the account', async () => {
    const r = await typed('paatteelta@example.fi', 'salasana-paatteelta', 'salasana-paatteelta');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tunnus paatteelta@example.fi luotu (juristi)');
    expect(r.out).not.toContain('salasana-paatteelta');
  }, 60_000);

  it('Ctrl-C at the prompt cancels with the shell\'s exit status 130, nothing created', async () => {
    const r = await typed('keskeytetty@example.fi', 'kesken\u0003', '\u0003');
    expect(r.code).toBe(130);
    expect(r.out).toContain('lakivahti users: cancelled (Ctrl-C); nothing was changed');
    expect((await users(['list'])).out).not.toContain('keskeytetty@');
  }, 60_000);

  it('refuses what a Latin-1 terminal types (its bytes are not UTF-8), before asking again', async () => {
    const r = await typed('latin1-paate@example.fi', Buffer.from('\xe4itin-salasana-on-hyv\xe4', 'latin1'), '\u0003');
    expect(r.code).toBe(2);
    expect(r.out).toContain('password not accepted: the terminal sent characters that are not UTF-8; set its character encoding to UTF-8, or pipe the password in');
    expect((await users(['list'])).out).not.toContain('latin1-paate@');
  }, 60_000);

  it('refuses when the two differ', async () => {
    const r = await typed('eri@example.fi', 'salasana-yksi-123', 'salasana-kaksi-123');
    expect(r.code).toBe(2);
    expect(r.out).toContain('the passwords did not match');
    expect(r.out).not.toContain('salasana-yksi');
  }, 60_000);
});
