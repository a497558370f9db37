// A matter of 10,000 items over HTTP: its page shows a page of them (as the items list pages, cursors in the address),
// every item once across the pages in order; its Atom feed and an item's page hold a bounded number of rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataVersion, findUser, lastMatterVisit, openDb, syncSources, type Db } from '../../src/store/index.js';
import { arriveLargeMatter, get, servePages, WEB_SOURCES, webDeps, type Site } from './support.js';

const ITEMS = 10_000;
const BILL = 'HE 7/2021 vp';

/** The item numbers a page's tables link to, in the page's order. */
const rowIds = (html: string): number[] => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));
/** The address of the page's link with this rel or this text, unescaped. */
function href(html: string, relOrText: string): string | undefined {
  for (const m of html.matchAll(/<a href="([^"]+)"(?: rel="(\w+)")?>([^<]+)<\/a>/g))
    if (m[2] === relOrText || m[3] === relOrText) return m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
  return undefined;
}

describe('a matter of 10,000 items', () => {
  let db: Db;
  let site: Site;
  let matter: number;
  let order: number[];
  beforeAll(async () => {
    db = openDb(':memory:');
    syncSources(db, Object.values(WEB_SOURCES));
    arriveLargeMatter(db, BILL, ITEMS);
    matter = db.prepare("SELECT matter_id FROM items WHERE source_id = 'eduskunta'").pluck().get() as number;
    order = db.prepare('SELECT id FROM items WHERE matter_id = ? ORDER BY sort_key, id').pluck().all(matter) as number[];
    site = await servePages(webDeps(db), 'reviewer');
  }, 120_000);
  afterAll(async () => {
    await site?.close();
    db?.close();
  });

  it('holds them all in one matter', () => {
    expect(order).toHaveLength(ITEMS);
  });

  it('shows its oldest 50 on its page, saying how many it holds, in a page of bounded size', async () => {
    const page = await get(`${site.base}/matters/${matter}`);
    expect(page.status).toBe(200);
    expect(rowIds(page.body)).toEqual(order.slice(0, 50));
    expect(page.body).toContain('Asiakokonaisuudessa on 10\u00a0000 asiakirjaa');
    expect(Buffer.byteLength(page.body)).toBeLessThan(200_000);
  });

  it('pages forward to its newest and back, every item once and in order, keeping the page in its forms', async () => {
    const seen: number[] = [];
    let next: string | undefined = `/matters/${matter}`;
    let last = '';
    while (next) {
      const page = await get(site.base + next);
      expect(page.status).toBe(200);
      seen.push(...rowIds(page.body));
      // The merge and split forms come back to the page they were sent from.
      expect(page.body).toContain(`name="back" value="${next.replace(/#.*/, "").replace(/&/g, '&amp;').replace(/=/g, '&#x3D;')}"`);
      last = page.body;
      next = href(page.body, 'next');
    }
    expect(seen).toEqual(order);
    // The last page has no newer nor last-page link, but the first page's and the older one.
    expect(href(last, 'Viimeinen sivu')).toBeUndefined();
    const back = href(last, 'prev')!;
    expect(rowIds((await get(site.base + back)).body)).toEqual(order.slice(order.length - 100, order.length - 50));
    expect(href(last, 'Ensimmäinen sivu')).toBe(`/matters/${matter}#docs`);
  }, 120_000);

  it('links its first page to its last, the newest 50', async () => {
    const first = (await get(`${site.base}/matters/${matter}`)).body;
    expect(href(first, 'prev')).toBeUndefined();
    const last = await get(site.base + href(first, 'Viimeinen sivu')!);
    expect(rowIds(last.body)).toEqual(order.slice(-50));
    expect(href(last.body, 'next')).toBeUndefined();
  });

  it('records a visit without moving the data version (what the pages keep per version stays kept)', async () => {
    await get(`${site.base}/items`);
    const before = dataVersion(db);
    await get(`${site.base}/matters/${matter}?after=2021-01-02T00%3A00%3A00.000Z_5`);
    expect(lastMatterVisit(db, findUser(db, 'reviewer@example.fi')!.id, matter)).toBeDefined();
    expect(dataVersion(db)).toBe(before);
  });

  it('refuses a page address that is no place in the list, naming it', async () => {
    for (const q of ['before=yesterday', 'after=2026-01-01_x', 'changes=-1', 'before=1&before=2']) {
      const page = await get(`${site.base}/matters/${matter}?${q}`);
      expect(page.status, q).toBe(400);
      expect(page.body, q).toMatch(/Sivun osoite ei kelpaa \((before|after|changes)\)/);
    }
  });

  it('lists its newest 50 changes, the older a page at a time', async () => {
    const page = (await get(`${site.base}/matters/${matter}`)).body;
    const changes = page.slice(page.indexOf('id="changes"'), page.indexOf('id="docs"'));
    expect(changes.match(/<li/g)).toHaveLength(50);
    const older = /<a href="([^"]+)">Vanhemmat muutokset<\/a>/.exec(changes)![1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
    const next = (await get(site.base + older)).body;
    const more = next.slice(next.indexOf('id="changes"'), next.indexOf('id="docs"'));
    expect(more.match(/<li/g)).toHaveLength(50);
    expect(more).toContain('Uusimmat muutokset');
  });

  it('gives its newest 100 in its Atom feed', async () => {
    const feed = await get(`${site.base}/feeds/matters/${matter}.atom`);
    expect(feed.status).toBe(200);
    const entries = [...feed.body.matchAll(/<id>[^<]*\/items\/(\d+)<\/id>/g)].map((m) => Number(m[1]));
    expect(entries).toEqual(order.slice(-100).reverse());
  });

  it('shows a page of its other items on an item’s page, and where all are', async () => {
    const page = await get(`${site.base}/items/${order[5000]}`);
    expect(page.status).toBe(200);
    expect(rowIds(page.body).length).toBeLessThanOrEqual(50);
    expect(page.body).toContain(`<a href="/matters/${matter}">Asiakokonaisuudessa on kaikkiaan 10\u00a0000 asiakirjaa`);
  });
});
