// A served store with a signed-in reviewer, for the process tests that send forms to `lakivahti serve` (serve-drain,
// serve-lock): the same store and the same start, said once.
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { seedDatabase } from '../process/seed.js';
import { writeRssSource } from './feeds.js';
import { listeningAt, run, start, type Child } from './process.js';
import { Browser, PASSWORD, quickHash } from './web.js';

/** The reviewer's address in a store prepareReviewerStore made. */
export const REVIEWER = 'juristi@example.fi';

/**
 * In `dir`: feeds/ with one source (sm, at an address nothing answers) and live.sqlite with `items` seeded items and REVIEWER,
 * added as an administrator adds one, its hash then set at a low cost (quickHash): a sign-in takes the server's time,
 * not scrypt's.
 */
export async function prepareReviewerStore(dir: string, { items = 30 } = {}): Promise<{ db: string; feeds: string }> {
  const db = path.join(dir, 'live.sqlite');
  const feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'sm', 'http://127.0.0.1:9/feed', 'Sisäministeriö');
  seedDatabase(db, items);
  const added = await run(['users', 'add', REVIEWER, '--role', 'reviewer', '--db', db, '--feeds', feeds], { input: `${PASSWORD}\n` });
  expect([added.code, added.err]).toEqual([0, '']);
  const conn = new Database(db);
  conn.prepare('UPDATE users SET password_hash = ?').run(quickHash());
  conn.close();
  return { db, feeds };
}

/** `lakivahti serve --port 0 --no-schedule` on that store, REVIEWER signed in; the caller stops the child. */
export async function serveSignedIn(store: { db: string; feeds: string }): Promise<{ child: Child; base: string; browser: Browser }> {
  const child = start(['serve', '--port', '0', '--no-schedule', '--db', store.db, '--feeds', store.feeds]);
  const base = await listeningAt(child);
  const browser = new Browser(base);
  expect((await browser.signIn(REVIEWER)).status).toBe(303);
  return { child, base, browser };
}

/** How many reviews of `item` the store at `db` holds, read by a connection of its own (the test's, not the server's). */
export function reviewsOf(db: string, item: number): number {
  const reader = new Database(db, { readonly: true });
  try {
    return reader.prepare('SELECT COUNT(*) FROM reviews WHERE item_id = ?').pluck().get(item) as number;
  } finally {
    reader.close();
  }
}
