// `lakivahti retag` on a large database beside other writers: it tagged every item and then saved all the verdicts in
// one write transaction, which on 100,000 items held the write lock longer than a writer waits for it (busy_timeout,
// 5 s): a `review` recorded meanwhile failed with "database is locked". It now saves a page of items at a time, each
// in its own short transaction, so the review gets the lock between two pages; and a retag stopped by a signal keeps
// the pages it saved, and a second run finishes.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import { run, start } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

const ITEMS = 100_000;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-retag-lock-'));
const db = path.join(dir, 'l.sqlite');
const current = loadTaxonomy().version;

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

beforeAll(() => {
  seedDatabase(db, ITEMS);
  untag();
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('a review recorded while retag saves 100,000 verdicts gets the write lock, and retag tags every item', async () => {
  const retag = start(['retag', '--db', db]);
  // Retag's first lines: it has read and tagged items and saves their verdicts next.
  await retag.line(/^#\d+ /, 60_000);
  const review = await run(['review', '5', '--reviewer', 'Testi', '--not-relevant', '--db', db]);
  const done = await retag.done;
  expect([review.code, review.err]).toEqual([0, '']);
  expect([done.code, done.err]).toEqual([0, '']);
  expect(done.out).toMatch(new RegExp(`^${ITEMS} of ${ITEMS} items changed \\(taxonomy untagged → ${current.replace('.', '\\.')}\\)`, 'm'));
  expect(versions()).toEqual({ [current]: ITEMS });
  const reader = new Database(db, { readonly: true });
  try {
    expect(reader.prepare('SELECT item_id, reviewer, relevant FROM reviews').all()).toEqual([{ item_id: 5, reviewer: 'Testi', relevant: 0 }]);
  } finally {
    reader.close();
  }
}, 180_000);

it('a retag stopped by SIGTERM keeps the pages it saved, and a second run retags the rest', async () => {
  untag();
  const retag = start(['retag', '--db', db]);
  // Stopped once some pages are saved (read beside it: readers wait for no writer).
  const began = Date.now();
  while (!versions()[current]) {
    if (Date.now() - began > 60_000) throw new Error(`no item was saved at ${current} within 60 s; stderr: ${retag.err()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  retag.proc.kill('SIGTERM');
  const stopped = await retag.done;
  expect(stopped.code).toBe(143);
  expect(stopped.err).toMatch(/^retag: SIGTERM: stopped; \d+ of 100000 items were retagged and saved, the rest are as they were; run retag again to finish\n$/);
  const saved = Number(/(\d+) of/.exec(stopped.err)![1]);
  expect(saved).toBeGreaterThan(0);
  expect(saved).toBeLessThan(ITEMS);
  expect(versions()).toEqual({ [current]: saved, untagged: ITEMS - saved });
  const again = await run(['retag', '--db', db]);
  expect([again.code, again.err]).toEqual([0, '']);
  expect(again.out).toMatch(new RegExp(`^${ITEMS - saved} of ${ITEMS} items changed \\(taxonomy ${current.replace('.', '\\.')}, untagged → `, 'm'));
  expect(versions()).toEqual({ [current]: ITEMS });
}, 180_000);
