// The joint-response board's counts when people put candidates from beyond the first page on it: each open matter is
// counted once (its entry is on the first page, its candidate row on a later one), and one answered is not open. And
// what the board asks of the database: each row's review form says the latest review it showed (seen), which was one
// query per row (50 on a full page); it is one for the page, and each form still names its own.
import { describe, expect, it } from 'vitest';
import { get, inDays, useSite, type Site } from './support.js';
import { populated } from '../helpers/plans.js';
import { BOARD_PAGE } from '../../src/web/routes/board.js';
import { insertReview, saveBoardEntry, type Db } from '../../src/store/index.js';
import { statementsRun } from '../helpers/statements.js';

let db: Db;
let site: Site;
const ids = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().all(...args) as number[];
const ran = statementsRun(() => db);

// 400 joint-response candidates (every fifth item), their deadlines spread over the next 80 days; a reviewer: the rows
// carry their review forms.
useSite('reviewer', (s) => ({ db, site } = s), { open: () => populated((k) => (k % 5 ? {} : { deadline: inDays(k % 80) })) });

describe('board counts', () => {
  it('count an entry whose candidate is beyond the first page once, and an answered one not as open', async () => {
    const open = ids('SELECT id FROM items WHERE joint = 1 AND deadline >= ? ORDER BY deadline DESC, id DESC', inDays(0));
    expect(open.length).toBeGreaterThan(2 * BOARD_PAGE);
    const week = ids('SELECT id FROM items WHERE joint = 1 AND deadline BETWEEN ? AND ?', inDays(0), inDays(7)).length;
    // Two of the farthest candidates are put on the board: one being worked on, one already answered.
    const now = new Date().toISOString();
    saveBoardEntry(db, { itemId: open[0], owner: 'Liisa Lakimies', internalDeadline: inDays(3), status: 'review', responseUrl: null, by: 'test', now });
    saveBoardEntry(db, { itemId: open[1], owner: 'Liisa Lakimies', internalDeadline: null, status: 'submitted', responseUrl: null, by: 'test', now });
    const first = await get(`${site.base}/board`);
    expect(first.status).toBe(200);
    // All candidates but the answered one are open; the one under review is due this week by its internal deadline.
    expect(first.body).toContain(`<strong>${open.length - 1}</strong> avoinna`);
    expect(first.body).toContain(`<strong>${week + 1}</strong> erääntyy 7 päivän sisällä`);
  });

  it('read the rows\' latest reviews in one statement, each form naming its own', async () => {
    const first = db.prepare('SELECT id FROM items WHERE joint = 1 AND deadline >= ? ORDER BY deadline, id LIMIT 2').pluck().all(inDays(0)) as number[];
    const reviewed = insertReview(db, { itemId: first[0], reviewer: 'a@example.fi', relevant: true, goals: ['services'], rejected: [] });
    ran.length = 0;
    const page = (await site.browser.get('/board')).html;
    const forms = [...page.matchAll(/action="\/items\/(\d+)\/review"[^]*?name="seen" value="([^"]+)"/g)].map((m) => [Number(m[1]), m[2]]);
    expect(forms.length).toBeGreaterThanOrEqual(BOARD_PAGE);
    expect(new Map(forms as [number, string][]).get(first[0])).toBe(String(reviewed));
    expect(new Map(forms as [number, string][]).get(first[1])).toBe('none');
    // A page's statements do not grow with its rows (each row's own lookup made 50 more).
    expect(ran.length, ran.join('\n')).toBeLessThan(20);
    expect((await get(`${site.base}/healthz`)).status).toBe(200);
  });
});
