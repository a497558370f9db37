// A relink beside a crawl: relink reads every item and groups them, then writes what differs. A crawl in another
// connection that commits between the two (an item that joins two matters) must not be undone by the write: the
// result is what a relink run alone after both would make.
import { afterEach, expect, it } from 'vitest';
import fs from 'node:fs';
import { applyRelink, planRelink } from '../../src/store/matters.js';
import { listMatters, openDb, relinkAll } from '../../src/store/index.js';
import { arrive, partition, seedFile } from '../link/support.js';
import { HE, PROJECT, REQUEST } from '../process/relink-items.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

it('an item a crawl stores between relink\'s read and its write, joining two of its matters, is joined: the result is a relink run after both', () => {
  const seeded = seedFile('relink-race', [HE, REQUEST]);
  dir = seeded.dir;
  const db = openDb(seeded.db);
  const crawl = openDb(seeded.db);
  try {
    // Matters made from scratch, as after an upgrade: relink has something to write.
    db.exec('UPDATE items SET matter_id = NULL; DELETE FROM matters;');
    const now = new Date().toISOString();
    const plan = planRelink(db, now);
    expect(plan.report).toMatchObject({ matters: 2, created: 2 });
    // The crawl's linker finds the bill and the request in no matter yet: the project gets a matter of its own.
    arrive(crawl, [PROJECT]);
    expect(applyRelink(db, plan, now)).toMatchObject({ matters: 1 });
    expect(partition(db)).toEqual([['he', 'project', 'request']]);
    const [matter] = listMatters(db);
    expect(matter.title).toBe(HE.raw.title);
    expect(matter.deadline).toBe('2026-04-15');
    // A relink run now, alone, finds nothing to change.
    expect(relinkAll(db, new Date().toISOString())).toEqual({ matters: 1, moved: 0, created: 0, removed: 0, resummarized: 0 });
  } finally {
    crawl.close();
    db.close();
  }
});
