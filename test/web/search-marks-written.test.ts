// The items page marks only what its search matched: a short stem searched as written (Swedish lag, ord; Finnish
// lain) finds items by that word alone, and its look-alikes that hold it as a search key (lager, order, lainat), which
// the search does not find items by, stay unmarked in the rows it lists.
import { describe, expect, it } from 'vitest';
import { arriveTagged, daysAgo, get, servePages, useSeededSite } from './support.js';

let site: Awaited<ReturnType<typeof servePages>>;
const ids: Record<string, number> = {};

useSeededSite('reader', (s) => ({ site } = s), {
  prepare: (db) => {
    const sv = (key: string, title: string) => (ids[key] = arriveTagged(db, 'riksdagen', { guid: key, url: `https://www.riksdagen.fi/${key}`, title, published: daysAgo(1), language: 'sv' }));
    const fi = (key: string, title: string) => (ids[key] = arriveTagged(db, 'stm', { guid: key, url: `https://stm.fi/${key}`, title, published: daysAgo(1) }));
    sv('both', 'Förslag till lag om lager och ord om order');
    sv('lager', 'Betänkande om lager och order');
    fi('lain', 'Lain muutos ja lainat');
    fi('lainat', 'Lainat kasvavat');
  },
});

const rowIds = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));
const marked = (html: string) => [...html.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1]);

describe('the items page marks what its search matched', () => {
  it.each([
    ['lag', 'both', 'lager', ['lag'], ['lager', 'order']],
    ['ord', 'both', 'lager', ['ord'], ['lager', 'order']],
    ['lain', 'lain', 'lainat', ['Lain'], ['lainat', 'Lainat']],
  ])('%s lists the item with the word as written and marks it there, not its look-alikes', async (q, item, alike, marks, never) => {
    const { status, body } = await get(`${site.base}/items?q=${q}`);
    expect(status).toBe(200);
    expect(rowIds(body)).toContain(ids[item]);
    expect(rowIds(body)).not.toContain(ids[alike]);
    const row = body.slice(body.indexOf(`href="/items/${ids[item]}"`), body.indexOf('</tr>', body.indexOf(`href="/items/${ids[item]}"`)));
    expect(marked(row)).toEqual(marks);
    for (const word of never) expect(marked(body)).not.toContain(word);
  });
});
