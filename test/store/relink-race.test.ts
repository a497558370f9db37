// A relink beside a crawl: relink reads every item and groups them, then writes what differs. A crawl in another
// connection that commits between the two (an item that joins two matters) must not be undone by the write: the
// result is what a relink run alone after both would make. The plan is read again outside the write lock, and inside
// it only when writers keep committing through every read (RELINK_RETRIES).
import { afterEach, expect, it } from 'vitest';
import fs from 'node:fs';
import { applyRelink, planRelink, RELINK_RETRIES } from '../../src/store/matters.js';
import { listMatters, openDb, relinkAll, type Db } from '../../src/store/index.js';
import { arrive, partition, seedFile, type Arrival } from '../link/support.js';
import { HE, PROJECT, REQUEST } from '../process/relink-items.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** A relink's database with the bill and the request in no matter (as after an upgrade), and a crawl's connection to it. */
function seeded(name: string): { db: Db; crawl: Db; close: () => void } {
  const s = seedFile(name, [HE, REQUEST]);
  dir = s.dir;
  const db = openDb(s.db);
  const crawl = openDb(s.db);
  db.exec('UPDATE items SET matter_id = NULL; DELETE FROM matters;');
  return { db, crawl, close: () => (crawl.close(), db.close()) };
}

/** Bills in matters of their own, one a commit, and a committee report (one that cannot be stored while relink holds the lock). */
const bill = (n: number): Arrival => ({ source: 'eduskunta', raw: { guid: `bill${n}`, title: `HE ${n}/2026 vp Hallituksen esitys`,
  published: '2026-10-01T08:00:00Z', identifiers: [`HE ${n}/2026 vp`] } });
const REPORT: Arrival = { source: 'riksdagen', raw: { guid: 'report', title: 'FvUB 9/2026 rd', published: '2026-11-01T08:00:00Z',
  identifiers: ['FvUB 9/2026 rd'], about: ['RP 1/2026 rd', 'RP 184/2026 rd'] } };

it('an item a crawl stores between relink\'s read and its write, joining two of its matters, is joined: the result is a relink run after both', () => {
  const { db, crawl, close } = seeded('relink-race');
  try {
    const now = new Date().toISOString();
    const plan = planRelink(db, now);
    expect(plan.report).toMatchObject({ matters: 2, created: 2 });
    // The crawl's linker finds the bill and the request in no matter yet: the project gets a matter of its own.
    arrive(crawl, [PROJECT]);
    const reads: { n: number; locked: boolean }[] = [];
    expect(applyRelink(db, plan, now, { onRead: (r) => reads.push(r) })).toMatchObject({ matters: 1 });
    // Read once again, outside the lock.
    expect(reads).toEqual([{ n: 2, locked: false }]);
    expect(partition(db)).toEqual([['he', 'project', 'request']]);
    const [matter] = listMatters(db);
    expect(matter.title).toBe(HE.raw.title);
    expect(matter.deadline).toBe('2026-04-15');
    // A relink run now, alone, finds nothing to change.
    expect(relinkAll(db, new Date().toISOString())).toEqual({ matters: 1, moved: 0, created: 0, removed: 0, resummarized: 0 });
  } finally {
    close();
  }
});

it.each([0, RELINK_RETRIES, 2])('a crawl committing during every read outside the lock (%i of them): read inside it, and the result is a relink run after every commit', (retries) => {
  const { db, crawl, close } = seeded(`relink-busy-${retries}`);
  try {
    const now = new Date().toISOString();
    const arrivals = [PROJECT, ...Array.from({ length: retries }, (_, n) => bill(n + 1))];
    const plan = planRelink(db, now);
    arrive(crawl, [arrivals[0]]);
    const reads: { n: number; locked: boolean }[] = [];
    const report = applyRelink(db, plan, now, { retries, onRead: (r) => {
      reads.push(r);
      // Each read outside the lock is overtaken by a commit; inside it none can be made.
      if (!r.locked) arrive(crawl, [arrivals[r.n - 1]]);
      else {
        crawl.pragma('busy_timeout = 0');
        expect(() => arrive(crawl, [REPORT])).toThrow(/locked|busy/i);
      }
    } });
    expect(reads).toEqual([...Array.from({ length: retries }, (_, n) => ({ n: n + 2, locked: false })), { n: retries + 2, locked: true }]);
    expect(report.matters).toBe(1 + retries);
    expect(partition(db)).toEqual([...Array.from({ length: retries }, (_, n) => [`bill${n + 1}`]), ['he', 'project', 'request']]);
    expect(relinkAll(db, new Date().toISOString())).toEqual({ matters: 1 + retries, moved: 0, created: 0, removed: 0, resummarized: 0 });
  } finally {
    close();
  }
});
