// A crafted form's escape or line break in a one-line field (the board's owner), an escape in a note (the review's, a
// merge's reason): refused 400 naming the field, the character and where, in the person's language, nothing stored.
// A note's line breaks, as a text area sends them (CR LF), are kept as LF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goalLabels } from '../../src/app/goal-labels.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { openDb, type Db } from '../../src/store/index.js';
import { addUser, Browser, serveWebApp } from '../helpers/web.js';
import { seedWorkbench, SOURCES } from '../browser/seed.js';

let db: Db;
let base: string;
let close: () => Promise<void>;
let reviewer: string;

beforeAll(async () => {
  db = openDb(':memory:');
  seedWorkbench(db);
  reviewer = await addUser(db, 'juristi@example.fi', 'reviewer');
  ({ base, close } = await serveWebApp({ db, sources: SOURCES, configErrors: [], goalLabels: goalLabels({ tagStage: null, feedsDir: defaultFeedsDir }) }));
});

afterAll(() => {
  void close();
  db.close();
});

const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('control characters in the workbench\'s forms', () => {
  it.each<[string, string, Record<string, string>, string, string]>([
    ['a review\'s note with an escape', '/items/1/review', { goals: 'services', decision: 'relevant', note: 'ok\u001b[2J' }, 'reviews',
      'Kentässä &quot;Huomautus&quot; on ohjausmerkki (U+001B, 3. merkki)'],
    ['a review\'s note with a right-to-left override', '/items/1/review', { decision: 'not-relevant', note: 'abc\u202edef' }, 'reviews',
      'on ohjausmerkki (U+202E, 4. merkki)'],
    ['a merge\'s reason with a NUL', '/matters/1/merge', { other: '2', note: 'sama\u0000asia' }, 'matter_corrections',
      'on ohjausmerkki (U+0000, 5. merkki)'],
    ['the board\'s owner with a line break', '/items/1/board', { status: 'new', owner: 'Maija\nBcc' }, 'board_entries',
      'on ohjausmerkki (U+000A, 6. merkki)'],
  ])('%s: 400 naming it, nothing stored', async (_what, path, fields, table, said) => {
    const b = new Browser(base);
    await b.signIn(reviewer);
    const before = count(table);
    const res = await b.post(path, { _csrf: await b.token(), ...fields });
    expect(res.res.status).toBe(400);
    expect(res.html).toContain(said);
    expect(count(table)).toBe(before);
  });

  it('a note\'s line breaks (CR LF from a text area) and tabs are kept, as LF', async () => {
    const b = new Browser(base);
    await b.signIn(reviewer);
    const res = await b.post('/items/2/review', { _csrf: await b.token(), decision: 'not-relevant', note: 'Ensimmäinen rivi.\r\n\tToinen rivi.' });
    expect(res.res.status).toBeLessThan(400);
    expect(db.prepare('SELECT note FROM reviews WHERE item_id = 2 ORDER BY id DESC LIMIT 1').pluck().get()).toBe('Ensimmäinen rivi.\n\tToinen rivi.');
  });

  it('in Swedish for a Swedish-speaking reviewer', async () => {
    const b = new Browser(base);
    await b.signIn(await addUser(db, 'granskare@example.fi', 'reviewer'));
    expect((await b.post('/account/language', { _csrf: await b.token(), language: 'sv' })).res.status).toBeLessThan(400);
    const res = await b.post('/items/1/review', { _csrf: await b.token(), decision: 'not-relevant', note: 'x\u0007' });
    expect(res.res.status).toBe(400);
    expect(res.html).toContain('innehåller ett styrtecken (U+0007, tecken 2); skriv det utan styrtecken.');
  });
});
