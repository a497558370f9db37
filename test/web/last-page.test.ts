// The items page's "last page" link (named on a page past the end or a page number) lands on the list's last page:
// the oldest items the list reaches by its own older links, for every filter the page offers, a search alone, a
// search with a filter (whose list holds only its newest matches) and items sharing one sort key.
import { describe, expect, it } from 'vitest';
import { arriveTagged, daysAgo, get, inDays, servePages, useSeededSite } from './support.js';
import { findUser, insertReview, markItemsRead, type Db } from '../../src/store/index.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;

useSeededSite('reader', (s) => ({ db, site } = s), {
  prepare: (db) => {
    // 70 more items: Swedish and statement requests with deadlines, every third sharing one publication instant.
    const same = daysAgo(50);
    for (let n = 0; n < 70; n++) {
      const sv = n % 2 === 0;
      const published = n % 3 === 0 ? same : daysAgo(20 + n);
      const id = sv
        ? arriveTagged(db, 'riksdagen', { guid: `sv-${n}`, url: `https://www.riksdagen.fi/sv-${n}`, title: `Betänkande ${n} om finansieringen av räddningsverken`, published, language: 'sv' })
        : arriveTagged(db, 'lausuntopalvelu', { guid: `lp-${n}`, url: `https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=${100 + n}`,
          title: `Lausuntopyyntö ${n}: pelastustoimen rahoitus`, published, deadline: inDays(n - 30), organisation: 'Sisäministeriö' });
      if (n % 5 === 0) insertReview(db, { itemId: id, reviewer: 'maria@example.fi', relevant: n % 10 === 0, goals: n % 10 === 0 ? ['services'] : [], rejected: [], note: '' });
    }
  },
});

const rowIds = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));
const unescape = (href: string) => href.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
const olderLink = (html: string) => /<a href="([^"]+)" rel="next">/.exec(html)?.[1];

/** Every item of the list in its order, walked page by page through its older links from the first page. */
async function walk(qs: string): Promise<number[]> {
  const out: number[] = [];
  let url: string | undefined = `/items?${qs}`;
  for (let pages = 0; url; pages++) {
    if (pages > 20) throw new Error(`more than 20 pages for ${qs}`);
    const { status, body } = await get(`${site.base}${url}`);
    expect(status, body).toBe(200);
    out.push(...rowIds(body));
    const next = olderLink(body);
    url = next && unescape(next);
  }
  return out;
}

describe('the items page last-page link', () => {
  it('lands on the list\'s last page for every filter, a search alone and a search with a filter', async () => {
    const reader = findUser(db, 'reader@example.fi')!;
    const newest = db.prepare('SELECT id FROM items ORDER BY sort_key DESC, id DESC LIMIT 40').pluck().all() as number[];
    markItemsRead(db, reader.id, newest.filter((_, n) => n % 2 === 0), new Date().toISOString());
    const stage = db.prepare('SELECT stage FROM matters WHERE stage IS NOT NULL LIMIT 1').pluck().get() as string;
    const goal = db.prepare('SELECT goal FROM item_goals GROUP BY goal ORDER BY COUNT(*) DESC LIMIT 1').pluck().get() as string;
    const queries = ['', 'source=stm', 'source=lausuntopalvelu', 'kind=press-release', `org=${encodeURIComponent('Sisäministeriö')}`,
      `goal=${goal}`, `stage=${stage}`, 'lang=sv', 'lang=fi', 'reviewed=kylla', 'reviewed=ei', 'deadline=kylla', 'deadline=ei',
      `from=${daysAgo(60).slice(0, 10)}&to=${daysAgo(15).slice(0, 10)}`, 'unread=1', 'q=rahoitus', 'q=finansieringen',
      'q=rahoitus&source=lausuntopalvelu', 'q=rahoitus&deadline=ei', 'q=olematonsana'];
    let lastPages = 0;
    for (const qs of queries) {
      const list = await walk(qs);
      const { body } = await get(`${site.base}/items?${qs}&page=999`);
      const last = /<a href="([^"]+)">Viimeinen sivu<\/a>/.exec(body);
      if (!list.length) {
        expect(last, qs).toBeNull();
        continue;
      }
      expect(last, `${qs}: ${body}`).not.toBeNull();
      const landed = await get(`${site.base}${unescape(last![1])}`);
      expect(rowIds(landed.body), qs).toEqual(list.slice(-50));
      // The last page has no older link (it led to an empty page saying the list had ended).
      expect(olderLink(landed.body), qs).toBeUndefined();
      if (list.length > 50) lastPages++;
    }
    // The walks went past one page for most filters, so the last page is not the first page again.
    expect(lastPages).toBeGreaterThanOrEqual(8);
  });
});
