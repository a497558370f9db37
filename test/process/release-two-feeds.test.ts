// One ministry release reached through two feeds: the ministry's own (stm) and valtioneuvosto's, in the same language with
// the same link. The store keeps an item per source (items_by_key is per source and key); a reviewer and the digest saw
// the release twice, a review of one copy left the other unreviewed, and learning counted the release twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { Database } from '../../src/store/db.js';
import { listLatestReviews } from '../../src/store/reviews.js';
import { run } from '../helpers/process.js';

const LINK = 'https://valtioneuvosto.fi/-/1410877/ensihoidon-kenttajohtamisen-asetusluonnos-lausunnoille';
const TITLE = 'Ensihoidon kenttäjohtamisen asetusluonnos lausunnoille';

const release = (link: string, title: string, minute: string) => `    <item>
      <title>${title}</title>
      <link>${link}</link>
      <description>Lausuntoaika päättyy 8.1.2027. Asetusluonnos koskee pelastuslaitosten tuottamaa ensihoitopalvelua ja pelastustoimen valmiutta.</description>
      <pubDate>Mon, 23 Nov 2026 09:${minute}:00 GMT</pubDate>
      <guid isPermaLink="false">${link}</guid>
      <dc:creator>sosiaali- ja terveysministeriö</dc:creator>
    </item>
`;
const feed = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss xmlns:dc="http://purl.org/dc/elements/1.1/" version="2.0">
  <channel>
    <title>Tiedotteet</title>
    <link>https://valtioneuvosto.fi/</link>
    <description>Tiedotteet</description>
${items}  </channel>
</rss>
`;

let dir: string;
let db: string;
const mirrors: Mirror[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-two-feeds-'));
  const feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  const other = release('https://valtioneuvosto.fi/-/1410869/poliisin-lupapalveluiden-maksuja-tarkistetaan', 'Poliisin lupapalveluiden maksuja tarkistetaan', '00');
  // valtioneuvosto's feed carries the release and another; stm's carries the release alone, a quarter of an hour apart.
  for (const [id, items] of [['valtioneuvosto', release(LINK, TITLE, '15') + other], ['stm', release(LINK, TITLE, '15')]] as const) {
    const doc = parseDocument(fs.readFileSync(path.join(defaultFeedsDir, 'sources', `${id}.yaml`), 'utf8'));
    const served = path.join(dir, `mirror-${id}`);
    fs.mkdirSync(served);
    fs.writeFileSync(path.join(served, 'rss.xml'), feed(items));
    const route = new URL(String(doc.get('url'))).pathname;
    fs.writeFileSync(path.join(served, 'mirror.json'), JSON.stringify([{ path: route, file: 'rss.xml', type: 'text/xml;charset=UTF-8' }]));
    const mirror = await startMirror(served);
    mirrors.push(mirror);
    doc.set('url', mirrorUrl(String(doc.get('url')), mirror.origin));
    fs.writeFileSync(path.join(feeds, 'sources', `${id}.yaml`), doc.toString());
  }
  db = path.join(dir, 'db.sqlite');
  for (const source of ['valtioneuvosto', 'stm']) {
    const crawl = await run(['crawl', '--source', source, '--db', db, '--feeds', feeds]);
    expect(crawl.code, crawl.err).toBe(0);
  }
  const added = await run(['subscriptions', 'add', 'a@example.fi', '--source', 'stm', '--source', 'valtioneuvosto', '--every', 'daily', '--db', db, '--feeds', feeds]);
  expect(added.code, added.err).toBe(0);
}, 180_000);

afterAll(async () => {
  for (const m of mirrors) await m.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface ItemJson { id: number; source: string; url: string; sources?: string[]; sameAs?: number | null }
const listed = async (...args: string[]): Promise<ItemJson[]> => {
  const out = await run(['items', '--json', '--db', db, ...args]);
  expect(out.code, out.err).toBe(0);
  return out.out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as ItemJson);
};

describe('one release reached through two feeds', { timeout: 180_000 }, () => {
  it('items lists the release once, naming both sources', async () => {
    const all = await listed();
    expect(all.map((i) => i.url).sort()).toEqual(['https://valtioneuvosto.fi/-/1410869/poliisin-lupapalveluiden-maksuja-tarkistetaan', LINK]);
    const one = all.find((i) => i.url === LINK)!;
    expect(one.source).toBe('valtioneuvosto');
    expect(one.sources).toEqual(['valtioneuvosto', 'stm']);
    // Asked for by the source that stored it second, the release is still there, once.
    const stm = await listed('--source', 'stm');
    expect(stm.map((i) => [i.url, i.sameAs, i.sources])).toEqual([[LINK, one.id, ['valtioneuvosto', 'stm']]]);
  });

  it('the digest shows the release once', async () => {
    const out = path.join(dir, 'preview');
    const preview = await run(['digest', '--preview', '--out', out, '--db', db]);
    expect(preview.code, preview.err).toBe(0);
    const text = fs.readFileSync(path.join(out, fs.readdirSync(out).find((f) => f.endsWith('.txt'))!), 'utf8');
    expect(text.split(TITLE).length - 1).toBe(1);
    expect(text).toContain('Valtioneuvosto – tiedotteet, Sosiaali- ja terveysministeriö – tiedotteet');
  });

  it('a review of either copy counts for both, and learning counts the release once', async () => {
    const byUrl = (await run(['items', '--json', '--source', 'stm', '--db', db])).out;
    const stmCopy = JSON.parse(byUrl.trim().split('\n')[0]!) as ItemJson;
    const reviewed = await run(['review', String(stmCopy.id), '--reviewer', 'Liisa', '--not-relevant', '--db', db]);
    expect(reviewed.code, reviewed.err).toBe(0);
    const conn = new Database(db);
    try {
      const copies = conn.prepare('SELECT id, latest_review_id FROM items WHERE url = ? ORDER BY id').all(LINK) as { id: number; latest_review_id: number | null }[];
      expect(copies).toHaveLength(2);
      expect(copies.every((c) => c.latest_review_id !== null)).toBe(true);
      expect(listLatestReviews(conn).filter((r) => r.title === TITLE)).toHaveLength(1);
    } finally {
      conn.close();
    }
  });
});
