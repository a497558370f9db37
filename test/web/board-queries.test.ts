// What the joint-response board asks of the database: each row's review form says the latest review it showed (seen),
// and that was one query per row (50 on a full page); it is one for the page, and each form still names its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, inDays, servePages, webDeps } from './support.js';
import { populated } from '../helpers/plans.js';
import { statementsRun } from '../helpers/statements.js';
import { BOARD_PAGE } from '../../src/web/routes/board.js';
import { insertReview, type Db } from '../../src/store/index.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;
const ran = statementsRun(() => db);

beforeAll(async () => {
  db = populated((k) => (k % 5 ? {} : { deadline: inDays(k % 80) }));
  site = await servePages(webDeps(db), 'reviewer');
}, 60_000);

afterAll(async () => {
  await site.close();
  db.close();
});

describe('the board\'s queries', () => {
  it('read the rows\' latest reviews in one statement, each form naming its own', async () => {
    const first = db.prepare('SELECT id FROM items WHERE joint = 1 AND deadline >= ? ORDER BY deadline, id LIMIT 2').pluck().all(inDays(0)) as number[];
    const reviewed = insertReview(db, { itemId: first[0], reviewer: 'a@example.fi', relevant: true, goals: ['services'], rejected: [] });
    ran.length = 0;
    const page = (await site.browser.get('/board')).html;
    const forms = [...page.matchAll(/action="\/items\/(\d+)\/review"[^]*?name="seen" value="([^"]+)"/g)].map((m) => [Number(m[1]), m[2]]);
    expect(forms.length).toBe(BOARD_PAGE);
    expect(new Map(forms as [number, string][]).get(first[0])).toBe(String(reviewed));
    expect(new Map(forms as [number, string][]).get(first[1])).toBe('none');
    const reviewReads = ran.filter((sql) => /\breviews\b/.test(sql) && !/\bboard_entries\b/.test(sql));
    expect(reviewReads.length, reviewReads.join('\n')).toBeLessThanOrEqual(3);
    expect((await get(`${site.base}/healthz`)).status).toBe(200);
  });
});
