// The order of text does not follow the LANG a command runs under. localeCompare without a locale sorted by it: a
// matter whose title came down to a tie between two of its items' titles was named one way by a crawl or relink
// started from cron (no LANG, or C) and the other from a Finnish terminal (fi_FI puts Ä after Z, C beside A), so a
// relink typed by hand renamed matters, and their identifiers and joins were listed in another order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import { run } from '../helpers/process.js';
import { seedFile } from '../link/support.js';

let dir: string;
let db: string;

beforeAll(() => {
  // Two bills of one matter, alike but for their titles: the title is chosen by a tie-break on the titles themselves.
  ({ dir, db } = seedFile('sort-lang', ['Ähtärin', 'Auran'].map((town, n) => ({
    source: 'eduskunta' as const,
    raw: { guid: `he-${n}`, title: `${town} paloaseman siirto hyvinvointialueelle`, published: '2026-05-01T08:00:00Z', identifiers: ['HE 12/2026 vp'] },
  }))));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `relink` and then `matters --json` under `lang`, as cron (C) or a Finnish terminal runs them. */
async function underLang(lang: string): Promise<string> {
  const env = { LANG: lang, LC_ALL: undefined, LC_COLLATE: undefined };
  const relink = await run(['relink', '--db', db], { env });
  expect([relink.code, relink.err]).toEqual([0, '']);
  const listed = await run(['matters', '--json', '--db', db], { env });
  expect(listed.code).toBe(0);
  return listed.out;
}

it('relink names a matter alike under LANG=C.UTF-8 and fi_FI.UTF-8, and each run leaves it as it was', async () => {
  const c = await underLang('C.UTF-8');
  expect(JSON.parse(c)).toMatchObject({ identifiers: ['HE 12/2026 vp'], items: [1, 2] });
  const fi = await underLang('fi_FI.UTF-8');
  expect(fi).toBe(c);
  expect((await run(['relink', '--db', db], { env: { LANG: 'C.UTF-8', LC_ALL: undefined } })).out).toMatch(/, 0 given a new title, stage or deadline\n$/);
}, 120_000);
