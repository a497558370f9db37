// Per-person read state, as feed readers keep it: marked only by an explicit POST, never by opening a page; unread
// rows in bold and `unread=1` as a filter of the list and of the person's feeds.
import { describe, expect, it } from 'vitest';
import { get, servePages, webDeps, type Seeded, useSeededSite } from './support.js';
import { Browser } from '../helpers/web.js';
import { setUserLanguage, type Db } from '../../src/store/index.js';

let db: Db;
let seeded: Seeded;
let site: Awaited<ReturnType<typeof servePages>>;

useSeededSite('reader', (s) => ({ db, seeded, site } = s));

const rowIds = (html: string, cls: 'unread' | 'read') =>
  [...html.matchAll(/<tr( class="unread")?>\s*<th scope="row"><a href="\/items\/(\d+)"/g)]
    .filter((m) => (cls === 'unread') === Boolean(m[1])).map((m) => Number(m[2]));
const reads = () => db.prepare('SELECT COUNT(*) FROM item_reads').pluck().get() as number;

describe('read state', () => {
  it('opening the list or an item marks nothing read; every row starts unread, and says so to a screen reader', async () => {
    const list = (await get(`${site.base}/items`)).body;
    expect(rowIds(list, 'unread')).toHaveLength(50);
    expect(list).toContain('</a><span> (lukematon)</span>');
    const item = (await get(`${site.base}/items/${seeded.request}`)).body;
    expect(item).toContain(`<form method="post" action="/items/${seeded.request}/read" class="read-state">`);
    expect(reads()).toBe(0);
  });

  it('"Merkitse luetuksi" marks one item read for this person only', async () => {
    const page = (await get(`${site.base}/items/${seeded.request}`)).body;
    const res = await site.browser.post(`/items/${seeded.request}/read`, { _csrf: Browser.token(page), back: `/items/${seeded.request}` });
    expect([res.res.status, res.res.headers.get('location')]).toEqual([303, `/items/${seeded.request}`]);
    expect((await get(`${site.base}/items/${seeded.request}`)).body).toContain('Olet merkinnyt tämän luetuksi.');
    const list = (await get(`${site.base}/items`)).body;
    expect(rowIds(list, 'read')).toEqual([seeded.request]);
    expect(rowIds((await get(`${site.base}/items?unread=1`)).body, 'unread')).not.toContain(seeded.request);
    // Someone else has not read it.
    const other = await servePages(webDeps(db), 'reviewer');
    try {
      expect(rowIds((await get(`${other.base}/items`)).body, 'unread')).toContain(seeded.request);
    } finally {
      await other.close();
    }
    // Without the form's token nothing is marked.
    const before = reads();
    const forged = await site.browser.post(`/items/${seeded.bill}/read`, { _csrf: 'x', back: '/items' });
    expect([forged.res.status, reads()]).toEqual([403, before]);
  });

  it('"mark this page read" marks the unread rows of the page, and unread=1 then moves on to the next ones', async () => {
    const page = (await get(`${site.base}/items?source=stm`)).body;
    const form = page.slice(page.indexOf('<form method="post" action="/items/read"'), page.indexOf('</form>', page.indexOf('action="/items/read"')));
    const ids = /name="ids" value="([\d,]+)"/.exec(form)![1];
    expect(ids.split(',')).toHaveLength(50);
    expect(form.match(/name="ids"/g)).toHaveLength(1);
    expect(form).toContain('Merkitse tämän sivun 50 lukematonta luetuiksi');
    const res = await site.browser.post('/items/read', { _csrf: Browser.token(page), back: '/items?source=stm&unread=1', ids });
    expect([res.res.status, res.res.headers.get('location')]).toEqual([303, '/items?source=stm&unread=1']);
    const unread = (await get(`${site.base}/items?source=stm&unread=1`)).body;
    expect(rowIds(unread, 'unread')).toHaveLength(11);
    expect(rowIds(unread, 'read')).toEqual([]);
    expect(unread).toMatch(/id="f-unread" name="unread" type="checkbox" value="1" checked/);
    // The person's own feed takes the same filter, through their token too.
    const { token } = await site.browser.feedToken('lukemattomat');
    const feed = JSON.parse(await (await fetch(`${site.base}/feeds/items.json?source=stm&unread=1&token=${token}`)).text()) as { items: unknown[] };
    expect(feed.items).toHaveLength(11);
  });

  it('refuses a bad unread value and bad item numbers in Finnish', async () => {
    const bad = await get(`${site.base}/items?unread=kylla`);
    expect([bad.status, bad.body.includes('Suodattimen &quot;lukemattomat&quot; arvo &quot;kylla&quot; ei kelpaa')]).toEqual([400, true]);
    const token = Browser.token((await get(`${site.base}/items`)).body);
    const res = await site.browser.post('/items/read', { _csrf: token, ids: ['1', 'x'] });
    expect([res.res.status, res.html.includes('Asiakirjan numero &quot;x&quot; ei kelpaa')]).toEqual([400, true]);
    const before = reads();
    const inList = await site.browser.post('/items/read', { _csrf: token, ids: '1,,2' });
    expect([inList.res.status, inList.html.includes('Asiakirjan numero &quot;&quot; ei kelpaa'), reads()]).toEqual([400, true, before]);
  });

  it('says it in Swedish to a person who chose Swedish', async () => {
    const id = db.prepare("SELECT id FROM users WHERE email = 'reader@example.fi'").pluck().get() as number;
    setUserLanguage(db, id, 'sv');
    try {
      const token = Browser.token((await get(`${site.base}/items`)).body);
      const bad = await site.browser.post('/items/read', { _csrf: token, ids: ['1', 'x'] });
      expect([bad.res.status, bad.html.includes('Dokumentnumret &quot;x&quot; är ogiltigt.')]).toEqual([400, true]);
      const two = seeded.releases.slice(20, 22).map(String);
      expect((await site.browser.post('/items/read', { _csrf: token, ids: two, back: '/items' })).res.status).toBe(303);
      expect((await get(`${site.base}/items`)).body).toContain('<div class="flash" role="status" id="viesti" tabindex="-1"><p>2 dokument markerade som lästa.</p></div>');
    } finally {
      setUserLanguage(db, id, 'fi');
    }
  });
});
