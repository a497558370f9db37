// The web list's search for a government proposal an item states only in its fields (Hankeikkuna's heNumerot), not in
// its title or summary: found, in either language's spelling, alone and beside a word of the item's text.
import { expect, it } from 'vitest';
import { arriveTagged, get, servePages, useSeededSite } from './support.js';

let site: Awaited<ReturnType<typeof servePages>>;
let project = 0;

useSeededSite('reader', (s) => ({ site } = s), {
  prepare: (db) => {
    project = arriveTagged(db, 'hankeikkuna', {
      guid: 'LVM031:00/2014', url: 'https://valtioneuvosto.fi/hanke?tunnus=LVM031:00/2014', title: 'Laki luotsauslain muuttamisesta',
      summary: 'Luotsauslakia muutetaan.', published: new Date().toISOString(), identifiers: ['LVM031:00/2014'], about: ['HE 207/2016 vp'],
    });
  },
});

const rowIds = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));

it.each(['HE 207/2016 vp', 'RP 207/2016 rd', 'luotsauslain HE 207/2016'])('%s finds the project that states it', async (q) => {
  const { status, body } = await get(`${site.base}/items?q=${encodeURIComponent(q)}`);
  expect(status).toBe(200);
  expect(rowIds(body)).toEqual([project]);
});
