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
import { disableUser, insertUser, openDb, type Role } from '../../src/store/index.js';
import { insertSubscription, unsubscribe } from '../../src/store/subscriptions.js';
import { quickHash } from '../helpers/quick-hash.js';

let dir: string;
let made = 0;
const PW = 'pitka-ja-hyva-salasana';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-users-'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * A database of one test's own, migrated, holding `accounts` (password PW) and their `subscriptions`, stored through
 * the store: set-up, not the subject. The tests shared one database, each reading what those before it had made, so one
 * timed out at load showed as failures of the others, and none could be run alone (`-t`). The hashes are quickHash's
 * (the product checks each at its own cost); the first test makes accounts at the product's cost through the command.
 */
function fresh(accounts: [string, Role][] = [], subscriptions: { email: string; goal?: string; ended?: true }[] = []): string {
  const file = path.join(dir, `users-${++made}.sqlite`);
  const db = openDb(file);
  try {
    const now = new Date().toISOString();
    for (const [email, role] of accounts) insertUser(db, { email, role, passwordHash: quickHash(PW), now });
    for (const s of subscriptions) {
      const id = insertSubscription(db, { email: s.email, kind: s.goal ? 'personal' : 'network', goals: s.goal ? [s.goal] : [], createdBy: 'cli', now });
      if (s.ended) unsubscribe(db, id, now);
    }
  } finally {
    db.close();
  }
  return file;
}

const users = (db: string, args: string[], input?: string | Buffer) => run(['users', ...args, '--db', db], { input });
/** The two accounts most tests begin from. */
const TWO: [string, Role][] = [['paakayttaja@example.fi', 'admin'], ['lukija@example.fi', 'reader']];

describe('lakivahti users', () => {
  it('adds accounts with the password from standard input, stored only as a strong scrypt hash', async () => {
    const db = path.join(dir, 'add.sqlite');
    const admin = await users(db, ['add', 'paakayttaja@example.fi', '--role', 'admin'], `${PW}\n`);
    expect([admin.code, admin.out, admin.err]).toEqual([0, 'tunnus paakayttaja@example.fi luotu (ylläpitäjä)\n', '']);
    expect((await users(db, ['add', 'lukija@example.fi', '--role', 'reader'], `${PW}-2`)).code).toBe(0);
    const conn = new Database(db, { readonly: true });
    const hashes = conn.prepare('SELECT password_hash FROM users ORDER BY id').pluck().all() as string[];
    conn.close();
    expect(hashes[0]).toMatch(/^scrypt\$131072\$8\$1\$[\w+/=]{24}\$[\w+/=]{44}$/);
    expect(hashes.join()).not.toContain(PW);
    // Three checks at the product's cost at once (scrypt runs on libuv's threads), not one after another.
    expect(await Promise.all([verifyPassword(PW, hashes[0]), verifyPassword(`${PW}-2`, hashes[1]), verifyPassword(PW, hashes[1])])).toEqual([true, true, false]);
    // Two starts one after another (the first makes the database) that each hash at the product's cost (1.3 s of CPU,
    // 22 s of wall at load 30 for one), then three checks at that cost here: it timed out at 60 s at load 29 and took
    // 125 s at load 31 (session 60), so 300 s.
  }, 300_000);

  it('lists accounts (text and --json) without writing', async () => {
    const db = fresh(TWO);
    const before = fs.statSync(db).mtimeMs;
    // Three reads: the children run at once.
    const [list, listed, missing] = await Promise.all([users(db, ['list']), users(db, ['list', '--json']), run(['users', 'list', '--db', path.join(dir, 'none.sqlite')])]);
    expect(list.code).toBe(0);
    // The role in Finnish words (--json keeps its code).
    expect(list.out).toMatch(/^lukija@example\.fi {2}lukija {2}luotu \d+\.\d+\.\d{4} klo \d\d\.\d\d\npaakayttaja@example\.fi {2}ylläpitäjä {2}/);
    const json = listed.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(json.map((u) => [u.email, u.role, u.disabledAt])).toEqual([['lukija@example.fi', 'reader', null], ['paakayttaja@example.fi', 'admin', null]]);
    expect(Object.keys(json[0]).sort()).toEqual(['createdAt', 'disabledAt', 'email', 'id', 'role']);
    expect(fs.statSync(db).mtimeMs).toBe(before);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  }, 60_000);

  it('disables an account; an unknown one is an error', async () => {
    // Two subscriptions (one ended): the one kept is paused while the account is disabled, and it says so.
    const db = fresh(TWO, [{ email: 'lukija@example.fi', goal: 'services' }, { email: 'lukija@example.fi', ended: true }]);
    const off = await users(db, ['disable', 'LUKIJA@example.fi']);
    expect([off.code, off.err]).toEqual([0, '']);
    expect(off.out).toBe('tunnus LUKIJA@example.fi poistettu käytöstä; sen istunnot päätettiin ja syötetunnisteet peruttiin; sen tilaus on keskeytetty\n');
    expect((await run(['subscriptions', 'list', '--db', db])).out).toMatch(/^#1 {2}lukija@example\.fi .* {2}KESKEYTETTY: käyttäjätili poistettu käytöstä$/m);
    // A subscription added for a disabled account is kept too, and the command says it sends nothing yet.
    const added = await run(['subscriptions', 'add', 'Lukija@example.fi', '--goal', 'welfare-reform', '--db', db]);
    expect([added.code, added.err]).toEqual([0, 'lakivahti subscriptions: the account of Lukija@example.fi is disabled: the subscription is kept, paused, and sends nothing until the account is enabled again\n']);
    // Again: nothing changes, and it says since when instead of that it happened now. The list, this and the unknown
    // account's refusal run at once (one write among them).
    const [listed, again, none] = await Promise.all([users(db, ['list']), users(db, ['disable', 'lukija@example.fi']), users(db, ['disable', 'ei-ole@example.fi'])]);
    expect(listed.out).toMatch(/^lukija@example\.fi .*POISTETTU KÄYTÖSTÄ/m);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(again.out).toMatch(/^tunnus lukija@example\.fi on ollut poissa käytöstä \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2} alkaen; sillä ei ole istuntoja eikä voimassa olevia syötetunnisteita; sen 2 tilausta on keskeytetty\n$/);
    expect([none.code, none.err]).toEqual([1, 'lakivahti users: no account for ei-ole@example.fi\n']);
    // A reset of a disabled account's password says that it stays disabled.
    const reset = await users(db, ['password', 'lukija@example.fi'], `${PW}-uusi\n`);
    expect([reset.code, reset.out]).toEqual([0, 'tunnuksen lukija@example.fi salasana vaihdettu; sen istunnot päätettiin; tunnus on yhä poistettu käytöstä eikä sillä voi kirjautua\n']);
    // Five starts one after another (the last hashes at the product's cost), 4-22 s of wall each at load 30 (session
    // 60: this test timed out at 60 s with seven), so 180 s.
  }, 180_000);

  it('an account stored before the address rule can still be disabled, enabled and reset by its address as stored', async () => {
    const db = fresh([['vanha@example.fi>', 'reader']]);
    const off = await users(db, ['disable', 'vanha@example.fi>']);
    expect([off.code, off.err]).toEqual([0, '']);
    expect(off.out).toMatch(/^tunnus vanha@example\.fi> poistettu käytöstä/);
    expect((await users(db, ['enable', 'vanha@example.fi>'])).code).toBe(0);
    // What no account has is still refused as no address, and no new account gets one.
    // Both refused before the database is written: the children run at once.
    const [muu, uusi] = await Promise.all([users(db, ['disable', 'muu@example.fi>']), users(db, ['add', 'uusi@example.fi>', '--role', 'reader'], `${PW}\n`)]);
    expect(muu.err.split('\n')[0]).toBe('lakivahti users: "muu@example.fi>" is not an e-mail address');
    expect(uusi.code).toBe(2);
    // Three starts one after another, 4-22 s of wall each at load 30 (session 60), so 120 s.
  }, 120_000);

  it('enables a disabled account again: it can sign in and its kept subscriptions send again', async () => {
    const db = fresh(TWO, [{ email: 'lukija@example.fi', goal: 'services' }, { email: 'lukija@example.fi', ended: true }, { email: 'Lukija@example.fi', goal: 'welfare-reform' }]);
    const conn = openDb(db);
    disableUser(conn, 'lukija@example.fi', new Date().toISOString());
    conn.close();
    expect((await run(['subscriptions', 'list', '--db', db])).out).toMatch(/KESKEYTETTY/);
    const on = await users(db, ['enable', 'Lukija@example.fi']);
    expect([on.code, on.err]).toEqual([0, '']);
    expect(on.out).toMatch(/^tunnus Lukija@example\.fi otettu taas käyttöön \(poissa käytöstä \d{1,2}\.\d{1,2}\.\d{4} klo \d{2}\.\d{2} alkaen\); sillä voi kirjautua; sen 2 tilausta lähettävät taas; syötetunnisteet pysyvät peruttuina\n$/);
    // Three reads, a second enable (which changes nothing) and an unknown account's at once.
    const [json, text, subscriptions, again, none] = await Promise.all([users(db, ['list', '--json']), users(db, ['list']),
      run(['subscriptions', 'list', '--db', db]), users(db, ['enable', 'lukija@example.fi']), users(db, ['enable', 'ei-ole@example.fi'])]);
    expect(json.out).toContain('"email":"lukija@example.fi","role":"reader"');
    expect(text.out).not.toMatch(/POISTETTU/);
    expect(subscriptions.out).not.toMatch(/KESKEYTETTY/);
    expect([again.code, again.out, again.err]).toEqual([0, 'tunnus lukija@example.fi on jo käytössä; mitään ei muutettu\n', '']);
    expect([none.code, none.err]).toEqual([1, 'lakivahti users: no account for ei-ole@example.fi\n']);
    // Three starts one after another, 4-22 s of wall each at load 30 (session 60), so 120 s.
  }, 120_000);

  it('says how many subscriptions it paused as the pause reads them: an address only Unicode case matches is another account\'s', async () => {
    // users.email and subscriptions.email are NOCASE, which folds ASCII letters only: "Äiti@" and "äiti@" may be two
    // accounts, and a disabled äiti@ does not pause Äiti@'s subscription. The command said it did.
    const db = fresh([['äiti@example.fi', 'reader']], [{ email: 'Äiti@example.fi', goal: 'services' }]);
    const off = await users(db, ['disable', 'äiti@example.fi']);
    expect([off.code, off.out, off.err]).toEqual([0, 'tunnus äiti@example.fi poistettu käytöstä; sen istunnot päätettiin ja syötetunnisteet peruttiin\n', '']);
    const listed = (await run(['subscriptions', 'list', '--json', '--db', db])).out.trim().split('\n').map((l) => JSON.parse(l) as { email: string; pausedAt: string | null });
    expect(listed.find((x) => x.email === 'Äiti@example.fi')?.pausedAt).toBeNull();
    const on = await users(db, ['enable', 'äiti@example.fi']);
    expect(on.out).not.toContain('tilaus');
    // Three starts one after another, 4-22 s of wall each at load 30 (session 60), so 120 s.
  }, 120_000);

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
    const r = await users(fresh(TWO), args, input);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    // One start, which may hash at the product's cost before it refuses ("already exists"): 22 s of wall at load 30
    // (session 60), so 60 s.
  }, 60_000);

  it('password sets a new password from standard input (an administrator\'s reset) and ends the account\'s sessions', async () => {
    const db = fresh(TWO);
    const conn = new Database(db);
    const id = conn.prepare('SELECT id FROM users WHERE email = ?').pluck().get('paakayttaja@example.fi') as number;
    conn.prepare("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES ('h', ?, 't', '2026-01-01', '2026-01-01', '2999-01-01')").run(id);
    conn.close();
    const r = await users(db, ['password', 'PAAKAYTTAJA@example.fi'], `${PW}-uusi\n`);
    expect([r.code, r.out, r.err]).toEqual([0, 'tunnuksen PAAKAYTTAJA@example.fi salasana vaihdettu; sen istunnot päätettiin\n', '']);
    const check = new Database(db, { readonly: true });
    const hash = check.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(id) as string;
    const sessions = check.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(id);
    check.close();
    expect(await Promise.all([verifyPassword(`${PW}-uusi`, hash), verifyPassword(PW, hash)])).toEqual([true, false]);
    expect(sessions).toBe(0);
    // One start and two checks at the product's cost (1.3 s of CPU, 22 s of wall at load 30 for the start: session 60).
  }, 120_000);

  it('an empty standard input is no password', async () => {
    const db = fresh(TWO);
    const r = await users(db, ['add', 'tyhja@example.fi', '--role', 'reader'], '');
    expect(r.code).toBe(2);
    // Said as what it is (cron, < /dev/null), not as a password of no characters.
    expect(r.err.split('\n')[0]).toBe('lakivahti users: no password on standard input: pipe it in (echo "$PASSWORD" | lakivahti users add tyhja@example.fi --role reader), or run the command on a terminal to be asked');
    expect(await users(db, ['list'])).toMatchObject({ code: 0, out: expect.not.stringContaining('tyhja@') });
  }, 30_000);

  it('refuses a password whose bytes are not UTF-8, or with a control character, which no sign-in form can type', async () => {
    // A Latin-1 terminal or file: "äiti…" as single bytes. Read as UTF-8 each became U+FFFD, a password nobody can type.
    const db = fresh(TWO);
    const controls = [['salasana\u0000pitka-1\n', 'U+0000 at character 9'], ['salasana\tpitka-12\n', 'U+0009 at character 9'], ['salasana-pitka-12\r', 'U+000D at character 18']];
    // Each is refused before the database is written: the children run at once.
    const [latin1, ...refused] = await Promise.all([users(db, ['add', 'latin1@example.fi', '--role', 'reader'], Buffer.from('\xe4itin-salasana-on-hyv\xe4\n', 'latin1')),
      ...controls.map(([input]) => users(db, ['add', 'ohjaus@example.fi', '--role', 'reader'], input))]);
    controls.forEach(([, named], i) => expect([refused[i].code, refused[i].err.split('\n')[0]]).toEqual([2,
      `lakivahti users: password not accepted: a password cannot hold a control character (${named}): a browser's password field cannot type it`]));
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
    expect(await users(db, ['list'])).toMatchObject({ code: 0, out: expect.not.stringMatching(/latin1@|ohjaus@/) });
    // Three starts one after another (the second hashes at the product's cost), 4-22 s of wall each at load 30
    // (session 60), so 180 s.
  }, 180_000);
});

// On a terminal the password is asked for twice and never shown: util-linux `script` gives the command a terminal.
const noScript = missingOnHost('/usr/bin/script', 'users add on a terminal', 'util-linux script gives the command a terminal; apt-get install bsdutils');
describe.skipIf(noScript)(noScript ?? 'users add on a terminal', () => {
  async function typed(db: string, email: string, first: string | Buffer, second: string): Promise<{ code: number | null; out: string }> {
    const command = [process.execPath, BIN, 'users', 'add', email, '--role', 'reviewer', '--db', db].map((a) => `'${a}'`).join(' ');
    const proc = spawn('script', ['-qec', command, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    const done = new Promise<number | null>((resolve) => proc.on('close', resolve));
    // Until the prompt is printed or the process ends, the test's timeout bounding it: a window of 20 s of its own
    // was shorter than one start of the command at load 30 (22 s of wall, session 60).
    const waitFor = (text: string, from: number) => new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.indexOf(text, from) >= 0) (proc.stdout.off('data', check), resolve());
      };
      proc.stdout.on('data', check);
      check();
      void done.then(() => reject(new Error(`exited before printing "${text}": ${out}`)));
    });
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
    const r = await typed(fresh(TWO), 'paatteelta@example.fi', 'salasana-paatteelta', 'salasana-paatteelta');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tunnus paatteelta@example.fi luotu (juristi)');
    expect(r.out).not.toContain('salasana-paatteelta');
    // One start that hashes at the product's cost: 22 s of wall at load 30 (session 60), so 120 s.
  }, 120_000);

  it('Ctrl-C at the prompt cancels with the shell\'s exit status 130, nothing created', async () => {
    const db = fresh(TWO);
    const r = await typed(db, 'keskeytetty@example.fi', 'kesken\u0003', '\u0003');
    expect(r.code).toBe(130);
    expect(r.out).toContain('lakivahti users: cancelled (Ctrl-C); nothing was changed');
    expect(await users(db, ['list'])).toMatchObject({ code: 0, out: expect.not.stringContaining('keskeytetty@') });
    // Two starts one after another, 4-22 s of wall each at load 30 (session 60), so 120 s.
  }, 120_000);

  it('refuses what a Latin-1 terminal types (its bytes are not UTF-8), before asking again', async () => {
    const db = fresh(TWO);
    const r = await typed(db, 'latin1-paate@example.fi', Buffer.from('\xe4itin-salasana-on-hyv\xe4', 'latin1'), '\u0003');
    expect(r.code).toBe(2);
    expect(r.out).toContain('password not accepted: the terminal sent characters that are not UTF-8; set its character encoding to UTF-8, or pipe the password in');
    expect(await users(db, ['list'])).toMatchObject({ code: 0, out: expect.not.stringContaining('latin1-paate@') });
    // Two starts one after another, 4-22 s of wall each at load 30 (session 60), so 120 s.
  }, 120_000);

  it('refuses when the two differ', async () => {
    const r = await typed(fresh(TWO), 'eri@example.fi', 'salasana-yksi-123', 'salasana-kaksi-123');
    expect(r.code).toBe(2);
    expect(r.out).toContain('the passwords did not match');
    expect(r.out).not.toContain('salasana-yksi');
    // One start that hashes twice at the product's cost: 22 s of wall at load 30 for one hash (session 60), so 120 s.
  }, 120_000);
});
