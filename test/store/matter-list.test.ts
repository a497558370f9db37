// The matters list: listMatters reads in one transaction (a whole list as one commit left it); eachMatter, the CLI's
// streaming listing, reads page by page with no read open between pages.
import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { normalizeItem } from '../../src/normalize/index.js';
import { eachMatter, listMatters, openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import type { RawItem, TaggedItem } from '../../src/model.js';
import { SOURCES } from '../link/support.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const DAY = 86_400_000;

/**
 * `n` matters of two items each (a bill, then its committee's report half a day later), bill n newest, `day(k)` days
 * after New Year 2026; one run per source.
 */
function seed(db: Db, n: number, day = (k: number) => k): void {
  syncSources(db, Object.values(SOURCES));
  const save = (source: keyof typeof SOURCES, raws: RawItem[]) => {
    const def = SOURCES[source];
    const items: TaggedItem[] = raws.map((raw) => ({ ...normalizeItem(raw, def), tags: null, searchTerms: '' }));
    const now = new Date().toISOString();
    saveRun(db, { run: { sourceId: def.id, startedAt: now, finishedAt: now, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] },
      items, nextRunAt: null });
  };
  const at = (k: number, days: number) => new Date(Date.UTC(2026, 0, 1) + day(k) * DAY + days * DAY).toISOString();
  const ks = Array.from({ length: n }, (_, k) => k + 1);
  save('eduskunta', ks.map((k) => ({ guid: `bill${k}`, title: `HE ${k}/2026 vp Hallituksen esitys ${k}`, published: at(k, 0), identifiers: [`HE ${k}/2026 vp`] })));
  // Reports stored newest first: within an instant, the items' ids run against their matters' ids.
  save('stm', ks.reverse().map((k) => ({ guid: `report${k}`, title: `Valiokunnan mietintö ${k}`, published: at(k, 0.5), identifiers: [`HaVM ${k}/2026 vp`], about: [`HE ${k}/2026 vp`] })));
}

describe('listMatters', () => {
  it('holds every matter seeded, two items each, the newest first', () => {
    const db = openDb(':memory:');
    seed(db, 120);
    const matters = listMatters(db);
    expect(matters).toHaveLength(120);
    expect(matters.every((m) => m.items.length === 2)).toBe(true);
    expect(matters[0].title).toMatch(/ 120\//);
    expect(matters.at(-1)!.title).toMatch(/ 1\//);
    db.close();
  });

  // A writer that moves one item between the newest matter (the first page) and the oldest (the last) and back, each
  // move a commit, as fast as it can: read page by page, a list shows the item twice or not at all.
  it('reads in one transaction: a commit between its pages is not seen (each item once)', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-matter-list-'));
    const file = path.join(dir, 'list.sqlite');
    const db = openDb(file, { synchronous: 'NORMAL' });
    seed(db, 200);
    const item = db.prepare("SELECT id FROM items WHERE guid = 'report1'").pluck().get() as number;
    const [from, to] = ['HE 1/2026 vp', 'HE 200/2026 vp'].map((he) => db.prepare(`SELECT i.matter_id FROM items i JOIN item_identifiers ii
      ON ii.item_id = i.id WHERE ii.type = 'he' AND ii.value = ? AND ii.role = 'self'`).pluck().get(he) as number);
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const writer = new Worker(`
      const { workerData: { sqlite, file, item, from, to, stop } } = require('node:worker_threads');
      const db = new (require(sqlite))(file);
      db.pragma('synchronous = OFF');
      const move = db.prepare('UPDATE items SET matter_id = ? WHERE id = ?');
      let moves = 0;
      while (Atomics.load(stop, 0) === 0) move.run(moves++ % 2 ? from : to, item);
      move.run(from, item);
      db.close();
      require('node:worker_threads').parentPort.postMessage(moves);`,
    { eval: true, workerData: { sqlite: createRequire(import.meta.url).resolve('better-sqlite3'), file, item, from, to, stop } });
    const moved = new Promise<number>((resolve, reject) => writer.once('message', resolve).once('error', reject));
    try {
      const seen: number[] = [];
      for (let n = 0; n < 30; n++) {
        const listed = listMatters(db).flatMap((m) => m.items);
        seen.push(listed.length);
        expect(new Set(listed).size).toBe(listed.length);
      }
      expect(seen).toEqual(Array(30).fill(400));
    } finally {
      Atomics.store(stop, 0, 1);
      expect(await moved).toBeGreaterThan(100);
      db.close();
    }
  });
});

describe('eachMatter with a limit', () => {
  // Without a filter the first matters are found by walking the items newest first; the whole list's query orders
  // every matter by its newest item, then by id. Three matters share each newest instant here, and one has no items.
  it.each([1, 2, 3, 4, 10, 50, 51, 52, 118, 119, 120, 121])('--limit %i lists the whole list\'s first matters, ties in id order', (limit) => {
    const db = openDb(':memory:');
    seed(db, 120, (k) => Math.floor(k / 3));
    db.prepare("UPDATE items SET matter_id = NULL WHERE guid IN ('bill60', 'report60')").run();
    const all = listMatters(db).map((m) => m.id);
    expect(all).toHaveLength(120);
    expect([...eachMatter(db, { limit })].map((m) => m.id)).toEqual(all.slice(0, limit));
    db.close();
  });

  // The walk reads at most 20 items a matter asked for: one that ends among matters tying with the last is no answer.
  it.each([1, 10, 50])('--limit %i among 120 matters all of the same instant', (limit) => {
    const db = openDb(':memory:');
    seed(db, 120, () => 0);
    const all = listMatters(db).map((m) => m.id);
    expect([...eachMatter(db, { limit })].map((m) => m.id)).toEqual(all.slice(0, limit));
    db.close();
  });
});
