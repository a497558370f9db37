// `serve` behind a reverse proxy, as a process: LAKIVAHTI_TRUST_PROXY names the proxy, so the sign-in limit per address
// counts each client's address (X-Forwarded-For) and the feeds link with the scheme the client used; unset, a forwarded
// address is believed from nobody. Malformed LAKIVAHTI_TRUST_PROXY or LAKIVAHTI_SECURE_COOKIES: exit 2 naming it
// (src/web/env.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { insertUser, openDb } from '../../src/store/index.js';
import { addUser, Browser, PASSWORD, quickHash } from '../helpers/web.js';
import { run, serveForTests, start, type Served } from '../helpers/process.js';

/** The accounts a guesser tries, one wrong password each. */
const guessed = Array.from({ length: 30 }, (_, i) => `arvaus${i}@example.fi`);

/**
 * A database with one reviewer and the 30 accounts guessed at, served with `env`. Their hashes are at a low cost
 * (quickHash): 33 checks at the product's cost took over 120 s at load 15 (4-11 s each), and what is tested here is
 * which address a failure is counted for, not scrypt.
 */
const servedWith = (name: string, env: Record<string, string>): Served =>
  serveForTests(name, async (dir) => {
    const file = path.join(dir, 'db.sqlite');
    const db = openDb(file);
    const now = new Date().toISOString();
    for (const email of ['lakimies@example.fi', ...guessed]) insertUser(db, { email, role: 'reviewer', passwordHash: quickHash(), now });
    db.close();
    return { args: ['--db', file], opts: { env } };
  });

/** Sign in through the form as a browser behind the proxy at `client` does: the form's status and the cookies. */
async function signInAs(base: string, email: string, password: string, client: string): Promise<{ status: number; cookie: string }> {
  const browser = new Browser(base, { 'x-forwarded-for': client });
  return { status: (await browser.signIn(email, password)).status, cookie: browser.cookie };
}

const signIn = async (base: string, email: string, password: string, client: string) => (await signInAs(base, email, password, client)).status;

/** 30 wrong passwords from one client, each for another account (the per-account limit is 5). */
async function guess(base: string, client: string): Promise<number[]> {
  const statuses: number[] = [];
  for (const email of guessed) statuses.push(await signIn(base, email, 'väärä-salasana-123', client));
  return statuses;
}

describe('serve behind a proxy (LAKIVAHTI_TRUST_PROXY=loopback)', { timeout: 120_000 }, () => {
  const served = servedWith('proxy', { LAKIVAHTI_TRUST_PROXY: 'loopback' });

  it("one client's 30 wrong passwords lock out that client, not every other person behind the same proxy", async () => {
    expect(new Set(await guess(served.base, '203.0.113.5'))).toEqual(new Set([401]));
    expect(await signIn(served.base, 'lakimies@example.fi', PASSWORD, '203.0.113.5')).toBe(429);
    // Before: every request came from the proxy's 127.0.0.1, so nobody could sign in for 15 minutes.
    expect(await signIn(served.base, 'lakimies@example.fi', PASSWORD, '198.51.100.7')).toBe(303);
    // The log names the client, not the proxy.
    expect(served.child.err()).toContain('"address":"ip:203.0.113.5"');
  });

  it("the feeds' own links use the scheme the client used (X-Forwarded-Proto)", async () => {
    const { status, cookie } = await signInAs(served.base, 'lakimies@example.fi', PASSWORD, '198.51.100.8');
    expect(status).toBe(303);
    const atom = await (await fetch(`${served.base}/feeds/items.atom`, { headers: { cookie, 'x-forwarded-proto': 'https' } })).text();
    expect(atom).toContain(`<id>${served.base.replace('http:', 'https:')}/feeds/items.atom</id>`);
  });
});

describe('serve with no proxy named', { timeout: 120_000 }, () => {
  const served = servedWith('noproxy', {});

  it('believes no X-Forwarded-For: a guesser changing it is still the address it comes from', async () => {
    expect(await signIn(served.base, 'arvaus@example.fi', 'väärä-salasana-123', '203.0.113.9')).toBe(401);
    expect(served.child.err()).toContain('"address":"ip:127.0.0.1"');
    expect(served.child.err()).not.toContain('203.0.113.9');
  });
});

describe('LAKIVAHTI_TRUST_PROXY as a number of proxies', { timeout: 120_000 }, () => {
  // express counts hops: with 1 it takes the last X-Forwarded-For entry for the client, whoever connected, so a client
  // reaching serve directly (HOST=0.0.0.0, a port left open beside the proxy) wrote its own address, a new one for each
  // guess, and the sign-in limit per address never stopped it.
  it('never lets a client connecting directly forge its way past the sign-in limit (a number is refused at start)', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'lakivahti-proxy-count-'));
    const file = path.join(dir, 'db.sqlite');
    const db = openDb(file);
    await addUser(db, 'lakimies@example.fi', 'reviewer');
    db.close();
    const child = start(['serve', '--port', '0', '--no-schedule', '--db', file], { env: { LAKIVAHTI_TRUST_PROXY: '1' } });
    try {
      const listening = child.line(/"event":"listening"/, 60_000).then((l) => (JSON.parse(l) as { url: string }).url.replace(/\/$/, ''), () => null);
      const base = await Promise.race([child.done.then(() => null), listening]);
      if (base !== null) {
        // It serves: 30 wrong passwords, each under another forged address, must still stop this client.
        for (let i = 0; i < 30; i++) await signIn(base, `arvaus${i}@example.fi`, 'väärä-salasana-123', `203.0.113.${i + 1}`);
        expect(await signIn(base, 'lakimies@example.fi', PASSWORD, '203.0.113.99')).toBe(429);
      } else {
        const r = await child.done;
        expect(r.code).toBe(2);
        expect(r.err).toContain('lakivahti serve: LAKIVAHTI_TRUST_PROXY=1 would believe X-Forwarded-For from whoever connects');
        expect(r.err).toContain('name the proxy\'s address or subnet instead (127.0.0.1 or loopback for a proxy on this machine, 10.0.0.0/8; several with commas)');
      }
    } finally {
      child.proc.kill('SIGTERM');
      await child.done;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// Four starts of serve, one after another: over the default 20 s at load 22 (three test files at once).
describe('malformed proxy settings', { timeout: 90_000 }, () => {
  it('exit 2 naming the variable, before any database is made', async () => {
    const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'lakivahti-proxy-bad-'));
    try {
      for (const [name, value, says] of [
        ['LAKIVAHTI_TRUST_PROXY', 'true', 'LAKIVAHTI_TRUST_PROXY must be'],
        ['LAKIVAHTI_TRUST_PROXY', '10.0.0.0/33', 'LAKIVAHTI_TRUST_PROXY must be'],
        ['LAKIVAHTI_TRUST_PROXY', 'proxy.example.fi', 'LAKIVAHTI_TRUST_PROXY must be'],
        ['LAKIVAHTI_SECURE_COOKIES', 'secure', 'LAKIVAHTI_SECURE_COOKIES must be 1 (on) or 0 (off), not "secure"'],
      ]) {
        const db = path.join(dir, 'never.sqlite');
        const r = await run(['serve', '--port', '0', '--no-schedule', '--db', db], { env: { [name]: value } });
        expect([value, r.code, r.err]).toEqual([value, 2, expect.stringContaining(says)]);
        expect(fs.existsSync(db)).toBe(false);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
