// `lakivahti retag` while a crawl in another process stores a new version of an item: retag reads a page of items,
// tags them and then saves them; an item a crawl changed in between got the verdict and the search words of its old
// text, over the ones the crawl had stored for its new text. An item whose version moved is now tagged again from what
// is stored.
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
  // Untagged, so that retag prints a line for every item.
  const conn = new Database(db);
  conn.exec('UPDATE items SET relevant = NULL, taxonomy_version = NULL');
  conn.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('an item a crawl changed while retag was tagging is tagged from its new text, not overwritten from its old one', async () => {
  const retag = start(['retag', '--db', db]);
  await retag.line(/^#\d+ /, 60_000);
  // What a crawl in another process does meanwhile: it takes the write lock and stores a new text of an item retag has
  // tagged but not saved (no longer about the rescue act), its version and the crawl's verdict on it. Retag tags a page,
  // prints its lines, then saves it; its output never blocks it (node queues what the pipe cannot take), so it is
  // stopped (SIGSTOP) as each piece of its output arrives, and looked at while it stands still: a printed item not yet
  // saved, with the lock free (retag may have stopped inside its save), is taken; otherwise it goes on (SIGCONT) to its
  // next page. (Looking while it ran raced the page's save, and on a fast machine every page was saved first.)
  const crawl = new Database(db, { timeout: 0 });
  const unsaved = crawl.prepare('SELECT max(id) FROM items WHERE id <= ? AND id % 10 = 0 AND taxonomy_version IS NULL').pluck();
  const printed = () => Math.max(...[...retag.out().matchAll(/^#(\d+) /gm)].map((m) => Number(m[1])));
  let id: number | null = null;
  const claim = () => {
    if (id !== null || retag.proc.exitCode !== null) return;
    retag.proc.kill('SIGSTOP');
    try {
      crawl.exec('BEGIN IMMEDIATE');
    } catch {
      retag.proc.kill('SIGCONT');
      return;
    }
    id = unsaved.get(printed()) as number | null;
    if (id === null) {
      crawl.exec('ROLLBACK');
      retag.proc.kill('SIGCONT');
    }
  };
  retag.proc.stdout.on('data', claim);
  claim();
  for (const until = Date.now() + 60_000; id === null && retag.proc.exitCode === null && Date.now() < until; ) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  retag.proc.stdout.off('data', claim);
  if (id === null) retag.proc.kill('SIGCONT');
  expect(id).not.toBeNull();
  crawl.prepare(`UPDATE items SET title = 'Tiedote numero ' || id, version = version + 1, relevant = 0, primary_goal = NULL,
    search_terms = '', taxonomy_version = 'crawl' WHERE id = ?`).run(id);
  crawl.prepare('DELETE FROM item_goals WHERE item_id = ?').run(id);
  crawl.exec('COMMIT');
  crawl.close();
  retag.proc.kill('SIGCONT');
  const done = await retag.done;
  expect([done.code, done.err]).toEqual([0, '']);
  expect(done.out).toMatch(/^6000 of 6000 items changed/m);
  const reader = new Database(db, { readonly: true });
  try {
    const row = reader.prepare('SELECT title, relevant, taxonomy_version AS v, search_terms AS terms FROM items WHERE id = ?').get(id) as
      { title: string; relevant: number; v: string; terms: string };
    expect(row.title).toBe(`Tiedote numero ${id}`);
    expect(row.relevant).toBe(0);
    expect(row.v).not.toBe('crawl');
    expect(row.v).not.toBe('seed');
    expect(row.terms).not.toMatch(/pelastus/);
    expect(reader.prepare('SELECT COUNT(*) FROM item_goals WHERE item_id = ?').pluck().get(id)).toBe(0);
    // Every other item retagged as before.
    expect(reader.prepare("SELECT COUNT(*) FROM items WHERE taxonomy_version IN ('seed', 'crawl')").pluck().get()).toBe(0);
  } finally {
    reader.close();
  }
}, 90_000);
