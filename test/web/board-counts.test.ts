// The joint-response board's counts when people put candidates from beyond the first page on it: each open matter is
// counted once (its entry is on the first page, its candidate row on a later one), and one answered is not open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, inDays, servePages, webDeps } from './support.js';
import { populated } from '../helpers/plans.js';
import { BOARD_PAGE } from '../../src/web/routes/board.js';
import { saveBoardEntry, type Db } from '../../src/store/index.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;
const ids = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().all(...args) as number[];

beforeAll(async () => {
  // 400 joint-response candidates (every fifth item), their deadlines spread over the next 80 days.
  db = populated((k) => (k % 5 ? {} : { deadline: inDays(k % 80) }));
  site = await servePages(webDeps(db), 'reader');
}, 60_000);

afterAll(async () => {
  await site.close();
  db.close();
});

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
});
