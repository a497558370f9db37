// One ministry release served from two loopback feeds (valtioneuvosto's and stm's source definitions, their URLs pointed
// at mirrors) and crawled into one database as processes: the shared set-up of the release-copy process tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { parseDocument } from 'yaml';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { run } from './process.js';

export const RELEASE_TITLE = 'Ensihoidon kenttäjohtamisen asetusluonnos lausunnoille';
/** Another release valtioneuvosto's feed carries beside the shared one. */
export const OTHER_LINK = 'https://valtioneuvosto.fi/-/1410869/poliisin-lupapalveluiden-maksuja-tarkistetaan';

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

export interface ReleaseFeeds { dir: string; db: string; feeds: string; close(): Promise<void> }

/**
 * valtioneuvosto's feed carries the release (linked `vnLink`) and another; stm's carries the release alone (linked
 * `stmLink`), both at 09:15. With `articleStore` the shipped feeds/article-store.yaml is in the feeds folder. Each source
 * is crawled by its own `crawl --source` process, valtioneuvosto first.
 */
export async function crawlReleaseFeeds(prefix: string, vnLink: string, stmLink: string, articleStore: boolean): Promise<ReleaseFeeds> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  if (articleStore) fs.copyFileSync(path.join(defaultFeedsDir, 'article-store.yaml'), path.join(feeds, 'article-store.yaml'));
  const mirrors: Mirror[] = [];
  const other = release(OTHER_LINK, 'Poliisin lupapalveluiden maksuja tarkistetaan', '00');
  for (const [id, items] of [['valtioneuvosto', release(vnLink, RELEASE_TITLE, '15') + other], ['stm', release(stmLink, RELEASE_TITLE, '15')]] as const) {
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
  const db = path.join(dir, 'db.sqlite');
  const close = async () => {
    for (const m of mirrors) await m.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const source of ['valtioneuvosto', 'stm']) {
    const crawl = await run(['crawl', '--source', source, '--db', db, '--feeds', feeds]);
    expect(crawl.code, crawl.err).toBe(0);
  }
  return { dir, db, feeds, close };
}
