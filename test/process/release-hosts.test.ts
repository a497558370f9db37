// One ministry release in its two real link shapes (test/fixtures/release-links): valtioneuvosto's feed links it on
// valtioneuvosto.fi with the ministry's group number, the ministry's feed on its own host without. Crawled from two
// loopback feeds, the release is listed once, naming both sources, and shown once in the digest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';

const SLUG = 'ensihoidon-kenttajohtamisen-asetusluonnos-lausunnoille';
const VN_LINK = `https://valtioneuvosto.fi/-/1271139/${SLUG}`;
const STM_LINK = `https://stm.fi/-/${SLUG}`;
const TITLE = 'Ensihoidon kenttäjohtamisen asetusluonnos lausunnoille';

const release = (link: string, title: string) => `    <item>
      <title>${title}</title>
      <link>${link}</link>
      <description>Lausuntoaika päättyy 8.1.2027. Asetusluonnos koskee pelastuslaitosten tuottamaa ensihoitopalvelua.</description>
      <pubDate>Mon, 23 Nov 2026 09:15:00 GMT</pubDate>
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
let feeds: string;
const mirrors: Mirror[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-hosts-'));
  feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  fs.copyFileSync(path.join(defaultFeedsDir, 'article-store.yaml'), path.join(feeds, 'article-store.yaml'));
  const other = release('https://valtioneuvosto.fi/-/1410869/poliisin-lupapalveluiden-maksuja-tarkistetaan', 'Poliisin lupapalveluiden maksuja tarkistetaan');
  for (const [id, items] of [['valtioneuvosto', release(VN_LINK, TITLE) + other], ['stm', release(STM_LINK, TITLE)]] as const) {
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
}, 180_000);

afterAll(async () => {
  for (const m of mirrors) await m.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface ItemJson { id: number; source: string; url: string; sources?: string[]; sameAs?: number | null }

describe('one release linked on two government hosts', { timeout: 180_000 }, () => {
  it('items lists it once, as valtioneuvosto stored it, naming both sources', async () => {
    const out = await run(['items', '--json', '--db', db]);
    expect(out.code, out.err).toBe(0);
    const all = out.out.trim().split('\n').map((l) => JSON.parse(l) as ItemJson);
    expect(all.map((i) => [i.url, i.sources]).sort()).toEqual([
      [VN_LINK, ['valtioneuvosto', 'stm']],
      ['https://valtioneuvosto.fi/-/1410869/poliisin-lupapalveluiden-maksuja-tarkistetaan', ['valtioneuvosto']],
    ]);
    const stm = await run(['items', '--json', '--source', 'stm', '--db', db]);
    const copy = JSON.parse(stm.out.trim()) as ItemJson;
    expect([copy.url, copy.sameAs]).toEqual([STM_LINK, all.find((i) => i.url === VN_LINK)!.id]);
  });
});
