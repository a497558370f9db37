// `lakivahti serve` stopped (SIGTERM, SIGINT, SIGHUP) while answers are in flight (session 59): it stops accepting,
// lets each answer in flight finish (up to 10 s), then closes the database and exits 0. It cut every connection at
// once: a review waiting for another process's write lock, or a download to a slow reader beyond the socket's buffers,
// was lost. A second signal cuts them at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { prepareReviewerStore, reviewsOf, serveSignedIn } from '../helpers/serve-reviewer.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-serve-drain-'));
let store: { db: string; feeds: string };

beforeAll(async () => {
  store = await prepareReviewerStore(dir);
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const reviews = (item: number) => reviewsOf(store.db, item);

/** A served process, signed in, with a review of `item` sent while this test holds the write lock (the review waits for it). */
async function reviewInFlight(item: number) {
  const { child, base, browser } = await serveSignedIn(store);
  const form = { _csrf: await browser.token(), goals: 'services', decision: 'relevant', note: 'Sammutuksen aikana.', back: `/items/${item}` };
  const holder = new Database(store.db);
  holder.exec('BEGIN IMMEDIATE');
  const sent = browser.post(`/items/${item}/review`, form).then((r) => r.res.status, (err: Error) => `failed: ${err.message}`);
  const release = () => (holder.inTransaction && holder.exec('ROLLBACK'), holder.open && holder.close());
  // The review is in the server's hands (waiting for the lock) once a page sent after it has answered.
  expect((await browser.get(`/items/${item}`)).res.status).toBe(200);
  return { child, base, sent, release };
}

describe('serve stopped with answers in flight', () => {
  it('on SIGTERM stops accepting, lets the review waiting for the lock finish (303, saved once), then exits 0', async () => {
    const before = reviews(4);
    const { child, base, sent, release } = await reviewInFlight(4);
    try {
      child.proc.kill('SIGTERM');
      await child.line(/"event":"stopping"/);
      // No new connection is taken meanwhile.
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
      release();
      expect(await sent).toBe(303);
      const done = await child.done;
      expect([done.code, done.err]).toEqual([0, '']);
      expect(done.out).toMatch(/"event":"stopping","signal":"SIGTERM"[\s\S]*"event":"stopped"/);
    } finally {
      release();
    }
    expect(reviews(4)).toBe(before + 1);
  }, 60_000);

  it('a second signal cuts the answers still in flight at once: exit 0, nothing saved', async () => {
    const before = reviews(5);
    const { child, sent, release } = await reviewInFlight(5);
    try {
      child.proc.kill('SIGINT');
      await child.line(/"event":"stopping"/);
      child.proc.kill('SIGINT');
      const done = await child.done;
      expect(await sent).toMatch(/^failed/);
      expect([done.code, done.err], `${done.out}\n${done.err}`).toEqual([0, '']);
      expect(done.out).toMatch(/"event":"stopping","signal":"SIGINT"[\s\S]*"event":"connections_cut"[\s\S]*"event":"stopped"/);
    } finally {
      release();
    }
    expect(reviews(5)).toBe(before);
  }, 60_000);
});
