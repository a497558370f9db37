// The Atom and JSON feeds and the deadline calendar written a page at a time, as /items.csv is (session 59): each was
// built whole (the feed library's and ical-generator's documents of up to 100 and 1,000 items) with every other request
// waiting. The bytes are those of the whole-built documents (digests taken from the code before the change, its clock
// fixed: ical-generator stamps each event with the time it is made).
import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { expectAnsweredDuring, useLoggedSite } from '../helpers/logged-server.js';

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-01T10:00:00.000Z'));
});
afterAll(() => vi.useRealTimers());
// Deadlines from 20 days past to 2 years ahead (the calendar keeps 60 days past), a Swedish item in every seven,
// and a matter of 300 items: each output reaches its cap.
const site = useLoggedSite('feed-stream', {
  items: 2500,
  prepare: (db) => db.exec(`UPDATE items SET deadline = date('2026-11-11', '+' || (id % 800) || ' days');
    UPDATE items SET language = 'sv', title = 'Ändring av räddningslagen ' || id WHERE id % 7 = 0;
    INSERT INTO matters (id, title, created_at, updated_at) VALUES (1, 'Pelastuslain muutos & uudistus', '2026-11-01', '2026-11-01');
    UPDATE items SET matter_id = 1 WHERE id % 8 = 0;`),
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
/** The document's digest with the server's port written as PORT (each run listens on another). */
const digest = (text: string) => sha(text.replaceAll(site.base, 'http://127.0.0.1:PORT'));

describe('the feeds and the calendar in pages', () => {
  it.each([
    ['/feeds/items.atom', 'application/atom+xml; charset=utf-8', '5accb459088c33c8f83d605c4d3a87c95f2e108a05dac03ad078103990f4f335'],
    ['/feeds/items.atom?goal=services', 'application/atom+xml; charset=utf-8', '39b636adfcf11e321b1f41197a800f4ed4e433b2e524d06243dbb299e7291162'],
    ['/feeds/items.json', 'application/feed+json; charset=utf-8', '0f7c764692be94d86f5f3c6a34089d71f2413ef1b58d786b5cc6a20493fe189c'],
    ['/feeds/items.json?goal=services', 'application/feed+json; charset=utf-8', '21d9873bc48d85e50b2d9011bfb1fc1bf24221e3f67ffc9f1bd33d28c827e223'],
    ['/feeds/matters/1.atom', 'application/atom+xml; charset=utf-8', '2e38e95eb818640cee8379a116a9309faa521e31d2adb0576ae78c89a05e48b9'],
    ['/feeds/matters/1.json', 'application/feed+json; charset=utf-8', 'eadb218a69d5c9d1b820b181fe0aa14ddbf9be682902cdb45fd190c69996ff5c'],
    ['/feeds/deadlines.ics', 'text/calendar; charset=utf-8', '108f948817f09e8c24d15019116b227262795295fd0199052923c2f46cb7319b'],
    ['/feeds/deadlines.ics?goal=services', 'text/calendar; charset=utf-8', '5d2b31e6724e3df36507be3abddf8e6565c9d6927f59f6c1109ac5ef92b304c4'],
    ['/feeds/items.atom?q=eiloydy', 'application/atom+xml; charset=utf-8', '1a2c9c56a7660fd4dc052e13e30f28ec568c3483de11d1d69e7027394a3c2610'],
    ['/feeds/items.json?q=eiloydy', 'application/feed+json; charset=utf-8', '0623a8da2104f96d459d9901952af0bc10960a1c622c27658798293ee50f28fd'],
    ['/feeds/deadlines.ics?q=eiloydy', 'text/calendar; charset=utf-8', '2e0dce595bb5037253eac4434a46cebbaffc9cdb8c2aec6a1dbf358edc7c82b2'],
  ])('%s is byte for byte the document built whole before', async (url, type, want) => {
    const got = await site.b.get(url);
    expect(got.res.status).toBe(200);
    expect(got.res.headers.get('content-type')).toBe(type);
    expect(digest(got.html), `${url}: ${got.html.length} characters`).toBe(want);
  }, 60_000);

  it.each(['/feeds/deadlines.ics', '/feeds/items.atom'])('answers a page asked for after %s began before it ends', (url) => expectAnsweredDuring(site, url), 60_000);

  // A HEAD request read and made every part, a calendar of 1,000 site.events and an export of 10,000 rows, to throw them away
  // (as long as the GET, h-web-60's probe): it ends once its headers are set, after the first part (a failing read is
  // still an error page). A page asked for once the HEAD began (this server is in the test's process) comes after it;
  // before, it was answered between the HEAD's parts.
  it.each(['/feeds/deadlines.ics', '/items.csv'])('answers HEAD %s with the headers of its GET, making only the first part', async (url) => {
    const get = await site.b.get(url);
    site.events.length = 0;
    const head = new Promise<http.IncomingMessage>((resolve, reject) => {
      const req = http.request(`${site.base}${url}`, { method: 'HEAD', headers: { cookie: site.b.cookie } }, (res) => {
        res.resume().on('end', () => resolve(res)).on('error', reject);
      });
      req.on('error', reject).end();
    });
    while (!site.events.includes(`${url} began`)) await new Promise((r) => setImmediate(r));
    const page = site.b.get('/items/1');
    const res = await head;
    await page;
    expect([res.statusCode, res.headers['content-type'], res.headers['content-disposition']]).toEqual([200, get.res.headers.get('content-type'), get.res.headers.get('content-disposition') ?? undefined]);
    expect(site.events, site.events.join(', ')).toEqual([`${url} began`, `${url} ended`, '/items/1 began', '/items/1 ended']);
  }, 60_000);
});
