// `lakivahti retag` while a crawl in another process stores a new version of an item: retag reads every item, tags
// them all (seconds on a large database) and then writes; an item a crawl changed in between got the verdict and the
// search words of its old text, over the ones the crawl had stored for its new text. An item whose version moved is
// now tagged again from what is stored.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { start } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-retag-crawl-'));
const db = path.join(dir, 'l.sqlite');

beforeAll(() => {
  seedDatabase(db, 6000);
  // Untagged, so that retag prints a line for every item (some 200 kB) before it writes.
  const conn = new Database(db);
  conn.exec('UPDATE items SET relevant = NULL, taxonomy_version = NULL');
  conn.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('an item a crawl changed while retag was tagging is tagged from its new text, not overwritten from its old one', async () => {
  const retag = start(['retag', '--db', db]);
  // Retag prints its changes after reading and tagging every item and before writing: its output unread, it waits
  // (a pipe's writes block once the pipe is full) between the two.
  await new Promise<void>((resolve) => retag.proc.stdout.once('data', () => (retag.proc.stdout.pause(), resolve())));
  // What a crawl in another process stores meanwhile: item 10's new text (no longer about the rescue act), its
  // version and the crawl's verdict on it.
  const crawl = new Database(db);
  crawl.transaction(() => {
    crawl.prepare(`UPDATE items SET title = 'Tiedote numero 10', version = version + 1, relevant = 0, primary_goal = NULL,
      search_terms = '', taxonomy_version = 'crawl' WHERE id = 10`).run();
    crawl.prepare('DELETE FROM item_goals WHERE item_id = 10').run();
  })();
  crawl.close();
  retag.proc.stdout.resume();
  const done = await retag.done;
  expect([done.code, done.err]).toEqual([0, '']);
  expect(done.out).toMatch(/^6000 of 6000 items changed/m);
  const reader = new Database(db, { readonly: true });
  try {
    const row = reader.prepare('SELECT title, relevant, taxonomy_version AS v, search_terms AS terms FROM items WHERE id = 10').get() as
      { title: string; relevant: number; v: string; terms: string };
    expect(row.title).toBe('Tiedote numero 10');
    expect(row.relevant).toBe(0);
    expect(row.v).not.toBe('crawl');
    expect(row.v).not.toBe('seed');
    expect(row.terms).not.toMatch(/pelastus/);
    expect(reader.prepare('SELECT COUNT(*) FROM item_goals WHERE item_id = 10').pluck().get()).toBe(0);
    // Every other item retagged as before.
    expect(reader.prepare("SELECT COUNT(*) FROM items WHERE taxonomy_version IN ('seed', 'crawl')").pluck().get()).toBe(0);
  } finally {
    reader.close();
  }
}, 90_000);
