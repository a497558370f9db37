// What the items page asks of the database: its data version once a page, and for a page the store keeps, nothing
// about the person (feed tokens, read marks) that no write has changed since the last time, yet every write shows.
import { describe, expect, it } from 'vitest';
import { get, servePages, useSeededSite } from './support.js';
import { Browser } from '../helpers/web.js';
import { statementsRun } from '../helpers/statements.js';
import type { Db } from '../../src/store/index.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;

useSeededSite('reader', (s) => ({ db, site } = s));

/** The SQL of every statement this database runs while counting (a spy on the real statements; each still runs). */
const ran = statementsRun(() => db);

const count = (pattern: RegExp) => ran.filter((sql) => pattern.test(sql)).length;
const items = async (qs = '') => (await get(`${site.base}/items${qs}`)).body;

describe('the items page\'s queries', () => {
  it('read the data version once a page, and a kept page\'s feed tokens and read marks only after a write', async () => {
    for (const qs of ['', '?source=stm', '?org=Sisäministeriö', '?q=pelastuslaki']) {
      // The second ask keeps the page (store/item-filter.ts keptAnswer); the third finds it kept.
      await items(qs);
      await items(qs);
      ran.length = 0;
      const html = await items(qs);
      expect(html, qs).toContain('<table class="items"');
      expect(count(/^PRAGMA data_version$/), qs).toBe(1);
      expect(count(/\bfeed_tokens\b/), qs).toBe(0);
      expect(count(/\bitem_reads\b/), qs).toBe(0);
    }
  });

  it('show a new feed token and a new read mark on the next page, kept or not', async () => {
    const first = await items();
    await items();
    expect(first).toContain('Tunnisteen saat');
    const account = (await site.browser.get('/account')).html;
    expect((await site.browser.post('/account/feed-tokens', { _csrf: Browser.token(account), label: 'lukija' })).res.status).toBe(201);
    await items();
    const after = await items();
    expect(after).toContain('Sinulla on 1 voimassa oleva tunniste');
    const newest = Number(/<tr class="unread"><th scope="row"><a href="\/items\/(\d+)"/.exec(after)![1]);
    const res = await site.browser.post(`/items/${newest}/read`, { _csrf: Browser.token(after), back: '/items' });
    expect(res.res.status).toBe(303);
    expect(await items()).toContain(`<tr><th scope="row"><a href="/items/${newest}"`);
  });
});
