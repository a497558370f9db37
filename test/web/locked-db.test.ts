// A reviewer's form sent while another process (a long crawl storing, a backup) holds the database's write lock: the
// write gives up after the form's wait for the lock (writeWaitMs: 10 s in serve, a moment here). It was answered as a server error (500, "Sivua ei voitu näyttää
// palvelimen virheen vuoksi"); it is a 503 that says the database is busy, nothing was saved, and to send it again,
// with the note the person typed kept on the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goalLabels } from '../../src/app/goal-labels.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { listReviews, openDb, type Db } from '../../src/store/index.js';
import { addUser, Browser, serveWebApp } from '../helpers/web.js';
import { seedWorkbench, SOURCES } from '../browser/seed.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-locked-'));
const file = path.join(dir, 'live.sqlite');
let db: Db;
let close: () => Promise<void>;
let b: Browser;

beforeAll(async () => {
  db = openDb(file);
  seedWorkbench(db);
  const reviewer = await addUser(db, 'juristi@example.fi', 'reviewer');
  const served = await serveWebApp({ db, sources: SOURCES, configErrors: [], goalLabels: goalLabels({ tagStage: null, feedsDir: defaultFeedsDir }), writeWaitMs: 300 });
  close = served.close;
  b = new Browser(served.base);
  await b.signIn(reviewer);
});

afterAll(() => {
  void close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a form sent while another process writes', () => {
  it('is refused as busy (503, Retry-After), saves nothing and keeps the note; sent again after, it is saved', async () => {
    const token = await b.token();
    const form = { _csrf: token, goals: 'services', decision: 'relevant', note: 'Tarkistettu huolella.', back: '/items/1' };
    const before = listReviews(db, 1).length;
    const holder = openDb(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const res = await b.post('/items/1/review', form);
      expect(res.res.status).toBe(503);
      expect(res.res.headers.get('retry-after')).toBe('10');
      expect(res.html).toContain('Tietokanta on juuri varattu (toinen ohjelma, esimerkiksi haku, tallentaa siihen), joten mitään ei tallennettu.');
      expect(res.html).toContain('Tarkistettu huolella.');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(listReviews(db, 1)).toHaveLength(before);
    expect((await b.post('/items/1/review', form)).res.status).toBe(303);
    expect(listReviews(db, 1)).toHaveLength(before + 1);
  }, 30_000);
});
