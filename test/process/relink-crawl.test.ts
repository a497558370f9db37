// `lakivahti relink` while a crawl in another process stores an item that joins two of the matters relink is making:
// relink read every item and grouped them, then wrote its groups over what the crawl had committed meanwhile (the
// crawl's item left in a matter of its own). The crawl here holds the write lock, with its item stored but not yet
// committed, from before relink starts until relink has read everything and waits for the lock (its one thread asleep
// in SQLite's busy wait), then commits: the order that went wrong, every time. Relink then reads again outside the
// lock. A crawl that commits all the while relink runs (every read overtaken) makes it read inside the lock at last.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { listMatters, openDb } from '../../src/store/index.js';
import { start, untilWaitingIn } from '../helpers/process.js';
import { arrive, partition, seedFile, type Arrival } from '../link/support.js';
import { HE, PROJECT, REQUEST } from './relink-items.js';

// Other bills, so that relink has something to read for a while.
const OTHERS: Arrival[] = Array.from({ length: 300 }, (_, n) => ({ source: 'eduskunta', raw: { guid: `other${n}`,
  title: `HE ${n + 1}/2025 vp Hallituksen esitys`, published: '2025-05-01T08:00:00Z', identifiers: [`HE ${n + 1}/2025 vp`] } }));

/** A database of the bill, the request and the other bills, in no matter (to make from scratch, as after an upgrade). */
function unlinked(name: string): { dir: string; db: string; feeds: string } {
  const { dir, db } = seedFile(name, [HE, REQUEST, ...OTHERS]);
  // No source definitions: relink then writes nothing before its relinking (syncing the project's feeds/ to the
  // seeded sources would wait for the crawl's lock first).
  const feeds = path.join(dir, 'feeds');
  fs.mkdirSync(feeds);
  const conn = openDb(db);
  conn.exec('UPDATE items SET matter_id = NULL; DELETE FROM matters;');
  conn.close();
  return { dir, db, feeds };
}

let dir: string;
let db: string;
let feeds: string;
beforeAll(() => ({ dir, db, feeds } = unlinked('relink-crawl')));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('an item a crawl commits while relink waits to write is joined to the matters relink read', async () => {
  const crawl = openDb(db);
  crawl.exec('BEGIN IMMEDIATE');
  // The crawl's linker finds the bill and the request in no matter: the project gets a matter of its own.
  arrive(crawl, [PROJECT]);
  const relink = start(['relink', '--db', db, '--feeds', feeds]);
  // Its one thread asleep in a timed sleep: SQLite's busy wait, not running or polling for I/O.
  await untilWaitingIn(relink.proc.pid!, /nanosleep/, 'relink never waited for the lock');
  crawl.exec('COMMIT');
  crawl.close();
  const done = await relink.done;
  expect([done.code, done.err]).toEqual([0, '']);
  expect(done.out).toMatch(/^301 matters; /m);
  const reader = openDb(db, { readOnly: true });
  try {
    expect(partition(reader).find((m) => m.includes('he'))).toEqual(['he', 'project', 'request']);
    const joined = listMatters(reader).find((m) => m.title === HE.raw.title);
    expect(joined?.deadline).toBe('2026-04-15');
  } finally {
    reader.close();
  }
  // A second relink, alone, changes nothing.
  const again = await start(['relink', '--db', db, '--feeds', feeds]).done;
  expect(again.out).toBe('301 matters; 0 items were moved, 0 matters were created, 0 removed, 0 given a new title, stage or deadline\n');
}, 60_000);

/** A committee report handling two of the other bills together (it joins their matters): the k-th pair. */
const joint = (k: number): Arrival => ({ source: 'riksdagen', raw: { guid: `report${k}`, title: `FvUB ${k + 1}/2025 rd`,
  published: '2025-06-01T08:00:00Z', identifiers: [`FvUB ${k + 1}/2025 rd`], about: [`RP ${2 * k + 1}/2025 rd`, `RP ${2 * k + 2}/2025 rd`] } });

it('a crawl committing all the while relink runs, joining the matters it makes: the result is a relink run after it', async () => {
  const busy = unlinked('relink-busy');
  try {
    const crawl = openDb(busy.db);
    const relink = start(['relink', '--db', busy.db, '--feeds', busy.feeds]);
    // A report a commit, every millisecond or two (each read of relink's, some 20 ms here, is overtaken), until relink
    // is done or the pairs run out.
    let stored = 0;
    let running = true;
    void relink.done.then(() => (running = false));
    while (running && stored < OTHERS.length / 2) {
      arrive(crawl, [joint(stored++)]);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    crawl.close();
    const done = await relink.done;
    expect([done.code, done.err]).toEqual([0, '']);
    expect(stored).toBeGreaterThan(5);
    const reader = openDb(busy.db, { readOnly: true });
    try {
      const matters = partition(reader);
      for (let k = 0; k < stored; k++) expect(matters).toContainEqual([`other${2 * k}`, `other${2 * k + 1}`, `report${k}`]);
      expect(matters).toHaveLength(302 - stored);
    } finally {
      reader.close();
    }
    const again = await start(['relink', '--db', busy.db, '--feeds', busy.feeds]).done;
    expect(again.out).toBe(`${302 - stored} matters; 0 items were moved, 0 matters were created, 0 removed, 0 given a new title, stage or deadline\n`);
  } finally {
    fs.rmSync(busy.dir, { recursive: true, force: true });
  }
}, 60_000);
