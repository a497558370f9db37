// The overview's count of this week's items and the list its link opens hold the same items: an item dated more than
// a day ahead (a meeting's agenda item dated by its meeting, `dateFromTitle`) is listed by when it was first seen
// (migration 025), so it is in both now, not at the top of the lists until its meeting.
import { describe, expect, it } from 'vitest';
import { arriveTagged, DAY, get, type SeededSite, useSeededSite } from './support.js';

let s: SeededSite;
let ahead: number;

useSeededSite('reader', (site) => (s = site), {
  prepare: (db) => {
    ahead = arriveTagged(db, 'stm', {
      guid: 'ahead', url: 'https://stm.fi/-/ahead', title: 'Aluehallitus: pelastustoimen palvelutasopäätös',
      summary: 'Pelastustoimen palvelutaso päätetään kokouksessa.', published: new Date(Date.now() + 30 * DAY).toISOString(),
    });
  },
});

const unescape = (href: string) => href.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');

describe('this week on the overview', () => {
  it('links its count to a list of exactly the items it counted', async () => {
    const body = (await get(`${s.site.base}/`)).body;
    const row = /<th scope="row" data-label="Tavoite"><a href="([^"]+)">Kaikki saapuneet<\/a><\/th>\s*<td data-label="Tällä viikolla">(\d+) /.exec(body);
    expect(row).not.toBeNull();
    const [, href, count] = row!;
    const list = (await get(`${s.site.base}${unescape(href)}`)).body;
    const ids = new Set([...list.matchAll(/<a href="\/items\/(\d+)"/g)].map((m) => Number(m[1])));
    expect(ids.has(ahead)).toBe(true);
    expect(ids.size).toBe(Number(count));
  });
});
