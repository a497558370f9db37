// A crawl under a limit on file size (ulimit -f, which a cron or service manager may set) as cron runs it: the database
// cannot grow, SQLite says "disk I/O error", and the crawl exits 1 saying so (it exited 0, the failure a line among
// the runs), nothing stored is lost, and the next crawl without the limit stores what was not.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { startServer, type TestServer } from '../helpers/server.js';
import { run } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';

let server: TestServer;
let dir: string;
let feeds: string;
let items = 2;
const feed = () => `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link>
<description>d</description>${Array.from({ length: items }, (_, i) => `<item><guid>g${i}</guid><title>Pelastuslain muutos ${i}</title>
<link>https://example.fi/${i}</link><description>${'Pelastustoimen rahoitus ja hyvinvointialueiden palvelut. '.repeat(20)}${i}</description></item>`).join('')}</channel></rss>`;

beforeAll(async () => {
  server = await startServer({ '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed()) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-fsize-'));
  feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'sm', `${server.url}/feed`, 'Lähde');
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('exits 1 naming a database file that cannot be written, keeps what was stored, and stores the rest later', async () => {
  const db = path.join(dir, 'l.sqlite');
  expect((await run(['crawl', '--db', db, '--feeds', feeds])).code).toBe(0);
  const size = (f: string) => fs.statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  // Room for the first crawl's files and a little more, not for 2,000 items.
  const kib = Math.ceil((size(db) + size(`${db}-wal`)) / 1024) + 64;
  items = 2000;
  const r = await run(['crawl', '--db', db, '--feeds', feeds], { fileSizeKiB: kib });
  expect(r.out).toMatch(/^sm: error: store: disk I\/O error/m);
  expect(r.err).toBe(`lakivahti crawl: the database ${db} could not be written (disk I/O error: a failing disk, or a limit on file size such as ulimit -f); the runs not stored are tried again later\n`);
  expect(r.code).toBe(1);
  const again = await run(['crawl', '--db', db, '--feeds', feeds]);
  expect([again.code, again.out]).toEqual([0, 'sm: 1998 new, 0 updated, 2000 found\n']);
  const conn = new Database(db, { readonly: true });
  try {
    expect(conn.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    expect(conn.prepare('SELECT count(*) FROM items').pluck().get()).toBe(2000);
  } finally {
    conn.close();
  }
}, 120_000);
