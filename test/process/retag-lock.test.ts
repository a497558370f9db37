// `lakivahti retag` on a large database beside other writers: it tagged every item and then saved all the verdicts in
// one write transaction, which on 100,000 items held the write lock longer than a writer waits for it (busy_timeout,
// 5 s): a `review` recorded or a `crawl` run meanwhile failed with "database is locked". It now saves a page of items
// at a time, each in its own short transaction, so they get the lock between two pages; and a retag stopped by a
// signal keeps the pages it saved, and a second run finishes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import { run, start } from '../helpers/process.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { writeRssSource } from '../helpers/feeds.js';
import { seedDatabase } from './seed.js';

const ITEMS = 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-retag-lock-'));
const db = path.join(dir, 'l.sqlite');
/** The seeded source, its feed served from 127.0.0.1 with two items the database does not hold. */
const feeds = path.join(dir, 'feeds');
const current = loadTaxonomy().version;
let server: TestServer;

/** Every item untagged, so that retag rewrites every verdict (and prints a line for each). */
const untag = () => {
  const conn = new Database(db);
  conn.exec('UPDATE items SET relevant = NULL, taxonomy_version = NULL');
  conn.close();
};

/** How many items carry each taxonomy version ("untagged" for none). */
const versions = (): Record<string, number> => {
  const reader = new Database(db, { readonly: true });
  try {
    const rows = reader.prepare("SELECT COALESCE(taxonomy_version, 'untagged') AS v, COUNT(*) AS n FROM items GROUP BY 1").all() as { v: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.v, r.n]));
  } finally {
    reader.close();
  }
};

beforeAll(async () => {
  server = await startServer({
    '/feed': (_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>t</title><link>https://example.fi/</link><description>d</description>${['a', 'b']
      .map((g) => `<item><guid>${g}</guid><title>Pelastuslain muutos ${g}</title><link>https://example.fi/${g}</link></item>`).join('')}</channel></rss>`),
  });
  writeRssSource(feeds, 'sm', `${server.url}/feed`, 'Sisäministeriö');
  seedDatabase(db, ITEMS);
  untag();
  // Seeding 100,000 items is 30 s of work at load 8 and overran 120 s at load 29 (session 53): a set-up, not what is tested.
}, 600_000);
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('a review and a crawl while retag saves 100,000 verdicts get the write lock, and retag tags every item', async () => {
  const retag = start(['retag', '--db', db, '--feeds', feeds]);
  // Retag's first lines: it has read and tagged items and saves their verdicts next.
  await retag.line(/^#\d+ /, 60_000);
  const [review, crawl] = await Promise.all([
    run(['review', '5', '--reviewer', 'Testi', '--not-relevant', '--db', db, '--feeds', feeds]),
    run(['crawl', '--db', db, '--feeds', feeds]),
  ]);
  const done = await retag.done;
  expect([review.code, review.err]).toEqual([0, '']);
  expect([crawl.code, crawl.out, crawl.err]).toEqual([0, 'sm: 2 new, 0 updated, 2 found\n', '']);
  expect([done.code, done.err]).toEqual([0, '']);
  // The crawl's two items, tagged by it, are read by retag too if they were stored before it read its last page.
  expect(done.out).toMatch(new RegExp(`^${ITEMS} of (${ITEMS}|${ITEMS + 2}) items changed \\(taxonomy untagged(, ${current})? → ${current}\\)`.replaceAll('.', '\\.'), 'm'));
  expect(versions()).toEqual({ [current]: ITEMS + 2 });
  const reader = new Database(db, { readonly: true });
  try {
    expect(reader.prepare('SELECT item_id, reviewer, relevant FROM reviews').all()).toEqual([{ item_id: 5, reviewer: 'Testi', relevant: 0 }]);
  } finally {
    reader.close();
  }
}, 180_000);

// SIGHUP is what a closed terminal or an ended SSH session sends: it ended retag at once, unhandled, with no word.
it.each([['SIGTERM', 143], ['SIGHUP', 129]] as const)('a retag stopped by %s keeps the pages it saved, and a second run retags the rest', async (signal, status) => {
  untag();
  const total = versions().untagged;
  const retag = start(['retag', '--db', db, '--feeds', feeds]);
  // Stopped once some pages are saved (read beside it: readers wait for no writer).
  const began = Date.now();
  while (!versions()[current]) {
    if (Date.now() - began > 60_000) throw new Error(`no item was saved at ${current} within 60 s; stderr: ${retag.err()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  retag.proc.kill(signal);
  const stopped = await retag.done;
  expect([stopped.code, stopped.signal]).toEqual([status, null]);
  expect(stopped.err).toMatch(new RegExp(`^lakivahti retag: ${signal}: stopped; \\d+ of ${total} items were retagged and saved, the rest are as they were; run retag again to finish\n$`));
  const saved = Number(/(\d+) of/.exec(stopped.err)![1]);
  expect(saved).toBeGreaterThan(0);
  expect(saved).toBeLessThan(total);
  expect(versions()).toEqual({ [current]: saved, untagged: total - saved });
  const again = await run(['retag', '--db', db, '--feeds', feeds]);
  expect([again.code, again.err]).toEqual([0, '']);
  expect(again.out).toMatch(new RegExp(`^${total - saved} of ${total} items changed \\(taxonomy ${current.replace('.', '\\.')}, untagged → `, 'm'));
  expect(versions()).toEqual({ [current]: total });
}, 180_000);
