// A scratch database crawled from a local feed of the given titles, without Voikko (the Snowball path), for the
// search process tests: the items are stored as a crawl stores them, so `items --search` reads a real index.
import { afterAll, beforeAll, expect } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { run } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';

export const env = { LAKIVAHTI_NO_VOIKKO: '1' };

/** Crawl `titles` into a new database before the file's tests (removed after them); `db()` is its path. */
export function useCrawledTitles(name: string, titles: string[]): { db(): string } {
  let server: TestServer;
  let dir: string;
  const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link>
<description>d</description>${titles.map((t, i) => `<item><guid>g${i}</guid><title>${t}</title><link>https://example.fi/${i}</link></item>`).join('')}</channel></rss>`;
  beforeAll(async () => {
    server = await startServer({ '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed) });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), `lakivahti-${name}-`));
    const feeds = path.join(dir, 'feeds');
    writeRssSource(feeds, 'sm', `${server.url}/feed`, 'Lähde');
    const crawl = await run(['crawl', '--db', path.join(dir, 'l.sqlite'), '--feeds', feeds], { env });
    expect(crawl.out).toBe(`sm: ${titles.length} new, 0 updated, ${titles.length} found\n`);
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { db: () => path.join(dir, 'l.sqlite') };
}
