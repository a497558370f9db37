// The joint-response board at scale: the candidates a page at a time, nearest deadline first, with counts of all.
import { describe, expect, it } from 'vitest';
import { get, inDays, useSite, type Site } from './support.js';
import { populated } from '../helpers/plans.js';
import { BOARD_PAGE } from '../../src/web/routes/board.js';
import type { Db } from '../../src/store/index.js';

let db: Db;
let site: Site;

// 400 joint-response candidates (every fifth item), their deadlines spread over the next 80 days.
useSite('reader', (s) => ({ db, site } = s), { open: () => populated((k) => (k % 5 ? {} : { deadline: inDays(k % 80) })) });

const rowIds = (html: string) => [...html.matchAll(/<a href="\/items\/(\d+)"[^>]*>[^<]*<\/a>\s*<div class="muted">asiakirja #\d+ · yhteisvastausehdokas/g)].map((m) => Number(m[1]));
const nextLink = (html: string) => /<a href="(\/board\?jatko&#x3D;[^"]+)" rel="next">/.exec(html)?.[1].replace('&#x3D;', '=');
const count = (sql: string, ...args: unknown[]) => db.prepare(sql).pluck().get(...args) as number;

describe('board paging', () => {
  it('shows a page of candidates nearest first, counts them all, and pages through every one exactly once', async () => {
    const first = await get(`${site.base}/board`);
    expect(first.status).toBe(200);
    const open = count('SELECT count(*) FROM items WHERE joint = 1 AND deadline >= ?', inDays(0));
    const week = count('SELECT count(*) FROM items WHERE joint = 1 AND deadline BETWEEN ? AND ?', inDays(0), inDays(7));
    expect(open).toBeGreaterThan(3 * BOARD_PAGE);
    expect(week).toBeGreaterThan(0);
    expect(first.body).toContain(`<strong>${open}</strong> avoinna`);
    expect(first.body).toContain(`<strong>${week}</strong> erääntyy 7 päivän sisällä`);
    const seen = rowIds(first.body);
    expect(seen).toHaveLength(BOARD_PAGE);
    let next = nextLink(first.body);
    while (next) {
      const page = await get(site.base + next);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Seuraavat yhteisvastausehdokkaat, lähin määräaika ensin');
      expect(page.body).not.toContain('avoinna</li>');
      seen.push(...rowIds(page.body));
      next = nextLink(page.body);
    }
    const expected = db.prepare('SELECT id FROM items WHERE joint = 1 AND deadline >= ? ORDER BY deadline, id').pluck().all(inDays(0));
    expect(seen).toEqual(expected);
  });

  it('answers a broken page address with a Finnish message', async () => {
    const res = await get(`${site.base}/board?jatko=huomenna`);
    expect(res.status).toBe(400);
    expect(res.body).toContain('Sivun osoite ei kelpaa; aloita taulun alusta.');
  });

  it.each(['9999-12-31_5', '1899-01-01_5', '2000-02-29_5'])('takes a page address on a real day of any year (%s): the undated candidates sort at 9999-12-31', async (cursor) => {
    const res = await get(`${site.base}/board?jatko=${cursor}`);
    expect(res.status).toBe(200);
  });

  it.each(['2026-13-01_5', '2026-02-30_5', '2026-12-32_5', '2100-02-29_5'])('answers a page address on a day that does not exist (%s) so too (it listed from the top)', async (cursor) => {
    const res = await get(`${site.base}/board?jatko=${cursor}`);
    expect(res.status).toBe(400);
    expect(res.body).toContain('Sivun osoite ei kelpaa; aloita taulun alusta.');
  });
});
