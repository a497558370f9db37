// `lakivahti serve` while another process (a long crawl storing, a backup) holds the database's write lock. The server
// has one thread: a write that waited out SQLite's busy_timeout (5 s) there stalled every other request with it, reads
// and /healthz included, and a signed-in reader's page whose session was due its activity note (a write) waited too and
// then failed. Reads never wait for a writer in WAL; a form waits for the lock off the event loop for up to 10 s (a
// crawl's store of a big feed), then is refused (503, Retry-After); the session's activity note is left for a later page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Child } from '../helpers/process.js';
import { prepareReviewerStore, REVIEWER, reviewsOf, serveSignedIn } from '../helpers/serve-reviewer.js';
import { Browser, PASSWORD } from '../helpers/web.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-serve-lock-'));
let db: string;
let child: Child;
let base: string;
let browser: Browser;

beforeAll(async () => {
  // The account's hash at a low cost (prepareReviewerStore's quickHash): the sign-ins timed below take the lock's time,
  // not scrypt's.
  const store = await prepareReviewerStore(dir);
  db = store.db;
  ({ child, base, browser } = await serveSignedIn(store));
}, 60_000);

afterAll(async () => {
  child?.proc.kill('SIGTERM');
  await child?.done;
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * What "promptly" means here: well under the 5 s a request waiting out SQLite's busy_timeout takes (a page sent 300 ms
 * after a stalled write would answer after ~4.7 s). Not a speed target. The sign-ins check a low-cost hash: at the
 * product's cost a sign-in's scrypt alone took 4-11 s at load 15, and the bound measured the machine (session 51: 6.2 s
 * with three test files at once).
 */
const PROMPT_MS = 4000;

/** Milliseconds `p` takes, with its value. */
async function timed<T>(p: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const began = performance.now();
  const value = await p();
  return { ms: performance.now() - began, value };
}

/** Hold the write lock from another process's connection (this test's) while `during` runs. */
async function underLock<T>(during: () => Promise<T>): Promise<T> {
  const holder = new Database(db);
  holder.exec('BEGIN IMMEDIATE');
  try {
    return await during();
  } finally {
    holder.exec('ROLLBACK');
    holder.close();
  }
}

const reviews = () => reviewsOf(db, 1);

describe('serve while another process holds the write lock', () => {
  // Session 59: a form waits for the lock (WRITE_WAIT_MS, 10 s) off the event loop instead of 250 ms, so a review sent
  // while a separate crawl stores a big feed lands (8 of 28 were refused in session 58's probe); only a lock held past
  // the bound (a backup, a retag) is refused, as promptly as before was a quarter second.
  it('answers a review and a sign-in under a lock held past the wait with 503 and Retry-After, nothing saved, and pages and /healthz sent meanwhile answer promptly', async () => {
    const token = await browser.token();
    const form = { _csrf: token, goals: 'services', decision: 'relevant', note: 'Lukon aikana kirjoitettu.', back: '/items/1' };
    const before = reviews();
    const other = new Browser(base);
    const loginToken = Browser.token((await other.get('/login')).html);
    await underLock(async () => {
      const write = timed(() => browser.post('/items/1/review', form));
      // A sign-in writes a session (a statement of its own, not a transaction that read first).
      const signIn = timed(() => other.post('/login', { _csrf: loginToken, email: REVIEWER, password: PASSWORD, next: '/' }));
      // Sent while the writes are waiting in the server's hands.
      await new Promise((r) => setTimeout(r, 300));
      const [page, health] = await Promise.all([timed(() => browser.get('/items/1')), timed(() => fetch(`${base}/healthz`))]);
      const login = await timed(() => new Browser(base).get('/login'));
      const sent = await write;
      const signedIn = await signIn;
      expect(signedIn.value.res.status).toBe(503);
      expect(signedIn.value.res.headers.get('retry-after')).toBe('10');
      expect(sent.value.res.status).toBe(503);
      expect(sent.value.res.headers.get('retry-after')).toBe('10');
      expect(sent.value.html).toContain('Lukon aikana kirjoitettu.');
      // Waited the bound, not refused at once.
      expect(sent.ms).toBeGreaterThanOrEqual(10_000);
      expect(page.value.res.status).toBe(200);
      expect(health.value.status).toBe(200);
      expect([page.ms, health.ms, login.ms].every((ms) => ms < PROMPT_MS), `page ${page.ms} ms, health ${health.ms} ms, login ${login.ms} ms`).toBe(true);
    });
    expect(reviews()).toBe(before);
    // Sent again once the lock is gone, it is saved once.
    expect((await browser.post('/items/1/review', form)).res.status).toBe(303);
    expect(reviews()).toBe(before + 1);
    expect((await other.signIn(REVIEWER)).status).toBe(303);
  }, 60_000);

  it('saves a review sent while another process holds the lock for a second, and answers a page sent after it first', async () => {
    const token = await browser.token();
    const form = { _csrf: token, goals: 'services', decision: 'relevant', note: 'Sekunnin lukon aikana.', back: '/items/3' };
    const count = () => reviewsOf(db, 3);
    const before = count();
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const order: string[] = [];
    const released = new Promise<void>((r) => setTimeout(() => (order.push('released'), holder.exec('ROLLBACK'), holder.close(), r()), 1000));
    const sent = browser.post('/items/3/review', form).then((x) => (order.push('review'), x));
    await new Promise((r) => setTimeout(r, 200));
    const page = await browser.get('/items/3');
    order.push('page');
    expect(page.res.status).toBe(200);
    await released;
    expect((await sent).res.status).toBe(303);
    // The page sent after the review answered while the review waited; the review only once the lock was free.
    expect(order).toEqual(['page', 'released', 'review']);
    expect(count()).toBe(before + 1);
  }, 30_000);

  it("waits out a lock held as briefly as a scheduled crawl's commit, and saves the review sent meanwhile", async () => {
    const token = await browser.token();
    const form = { _csrf: token, goals: 'services', decision: 'relevant', note: 'Lyhyen lukon aikana.', back: '/items/2' };
    const count = () => reviewsOf(db, 2);
    const before = count();
    const holder = new Database(db);
    holder.exec('BEGIN IMMEDIATE');
    const released = new Promise<void>((r) => setTimeout(() => (holder.exec('ROLLBACK'), holder.close(), r()), 60));
    const sent = await browser.post('/items/2/review', form);
    await released;
    expect(sent.res.status).toBe(303);
    expect(count()).toBe(before + 1);
  }, 30_000);

  it('serves a signed-in page whose session is due its activity note while the lock is held, and notes it later', async () => {
    const writer = new Database(db);
    writer.prepare("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00.000Z'").run();
    writer.close();
    const page = await underLock(() => timed(() => browser.get('/items')));
    expect(page.value.res.status).toBe(200);
    expect(page.ms).toBeLessThan(PROMPT_MS);
    expect((await browser.get('/items')).res.status).toBe(200);
    const reader = new Database(db, { readonly: true });
    const seen = reader.prepare('SELECT MAX(last_seen_at) FROM sessions').pluck().get() as string;
    reader.close();
    expect(seen > '2001').toBe(true);
  }, 30_000);
});
