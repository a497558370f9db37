// End to end: one bad byte in a UTF-8 feed changes at most the item that holds it, and nothing else, both
// when it appears and when it is gone again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { createFetcher } from '../../src/fetch/index.js';
import { refreshSource } from '../../src/pipeline.js';
import { listItems, openDb, syncSources, type Db } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

const TOWNS = ['Äänekoski', 'Jyväskylä', 'Hämeenlinna', 'Pietarsaari', 'Närpiö'];
const title = (i: number) => `${TOWNS[i % TOWNS.length]}: pelastuslaitoksen tiedote nro ${i} – väestönsuojat`;

/** A 50-item UTF-8 feed labelled in the header and the prolog; `bad` puts one invalid byte into item 17's title. */
function feed(bad: boolean): Buffer {
  const items = Array.from({ length: 50 }, (_, i) => {
    const [before, after] = title(i).split('tiedote');
    const word = bad && i === 17 ? Buffer.concat([Buffer.from('tied'), Buffer.from([0xf6]), Buffer.from('te')]) : Buffer.from('tiedote');
    return Buffer.concat([
      Buffer.from(`<item><guid>item-${i}</guid><link>https://example.fi/uutiset/${i}</link><title>${before}`), word, Buffer.from(`${after}</title>`),
      Buffer.from(`<description>Hätäkeskus ja ensihoito ${i}</description><pubDate>Tue, 01 Nov 2022 10:00:00 +0200</pubDate></item>`),
    ]);
  });
  return Buffer.concat([
    Buffer.from('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://example.fi/</link><description>d</description>'),
    ...items,
    Buffer.from('</channel></rss>'),
  ]);
}

let server: TestServer;
let db: Db;
let bad = false;
const fetch = createFetcher({ deadlineMs: 5000 });

beforeAll(async () => {
  server = await startServer({
    '/feed': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(feed(bad));
    },
  });
  db = openDb(':memory:');
});

afterAll(async () => {
  await fetch.close();
  await server.close();
  db.close();
});

const events = () => (db.prepare('SELECT COUNT(*) AS n FROM item_events').get() as { n: number }).n;
const titles = () => new Map(listItems(db, { source: 'utf8', limit: 1000 }).map((i) => [i.url, i.title]));

describe('pipeline: one invalid byte in a UTF-8 feed', () => {
  it('updates at most the item holding it, and only that item back when it is gone', async () => {
    const def: SourceDef = {
      id: 'utf8', name: 'utf8', url: `${server.url}/feed`, kind: 'rss', module: 'rss', schedule: '*/30 * * * *',
      language: 'fi', tags: [], itemKind: 'news', mayBeEmpty: false, options: {}, file: 'utf8.yaml',
    };
    syncSources(db, [def]);

    const first = await refreshSource(def, { db, fetch });
    expect(first).toMatchObject({ status: 'ok', found: 50, created: 50, updated: 0 });
    const clean = titles();
    expect(clean.size).toBe(50);
    expect(clean.get('https://example.fi/uutiset/0')).toBe(title(0));
    expect(events()).toBe(0);

    bad = true;
    const broken = await refreshSource(def, { db, fetch });
    expect(broken).toMatchObject({ status: 'ok', found: 50, created: 0 });
    expect(broken.updated).toBe(1); // the title of item 17 now holds U+FFFD
    expect(broken.notes).toContain(`fetch: ${def.url}: 1 invalid byte sequence in utf-8 replaced with U+FFFD`);
    const afterBad = titles();
    for (const [url, text] of clean) expect(afterBad.get(url)).toBe(url?.endsWith('/17') ? text.replace('tiedote', 'tied\uFFFDte') : text);
    expect(events()).toBeLessThanOrEqual(1); // one title change on one item

    bad = false;
    const healed = await refreshSource(def, { db, fetch });
    expect(healed.updated).toBe(1);
    expect(titles()).toEqual(clean);
    expect(events()).toBeLessThanOrEqual(2);
  });
});
