// `items --search` with an inflected word, as a user types it at a shell, without Voikko (the Snowball path): the
// words of a scratch database crawled from a local feed are found in the form the user has in mind (muutoksen finds
// an item saying muutos, räddningsverken one saying räddningsverk), and a look-alike is not (lakiin ≠ lakko).
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { run } from '../helpers/process.js';

let server: TestServer;
let dir: string;
let feeds: string;
let db: string;
const titles = ['Lain muutos tulee voimaan vuoden alusta', 'Ett nytt räddningsverk inrättas', 'Ammattiliitto uhkaa lakolla'];
const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link>
<description>d</description>${titles.map((t, i) => `<item><guid>g${i}</guid><title>${t}</title><link>https://example.fi/${i}</link></item>`).join('')}</channel></rss>`;
const env = { LAKIVAHTI_NO_VOIKKO: '1' };

beforeAll(async () => {
  server = await startServer({ '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-search-inflected-'));
  feeds = path.join(dir, 'feeds');
  db = path.join(dir, 'l.sqlite');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(feeds, 'sources', 'sm.yaml'), `id: sm\nname: Lähde\nurl: ${server.url}/feed\nkind: rss\n`);
  const crawl = await run(['crawl', '--db', db, '--feeds', feeds], { env });
  expect(crawl.out).toBe('sm: 3 new, 0 updated, 3 found\n');
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const search = (word: string) => run(['items', '--db', db, '--search', word], { env });

it.each([
  ['muutoksen', 'Lain muutos'],
  ['räddningsverken', 'räddningsverk inrättas'],
])('items --search %s finds the item in another form', async (word, title) => {
  const r = await search(word);
  expect(r.code, r.err).toBe(0);
  expect(r.out).toContain(title);
  expect(r.out).not.toContain('lakolla');
});

it('items --search lakiin does not find lakko', async () => {
  const r = await search('lakiin');
  expect(r.code, r.err).toBe(0);
  expect(r.out).not.toContain('lakolla');
});

it('items --search reads OR in capitals as alternatives and a minus before a word as one to leave out', async () => {
  const either = await search('muutoksen OR lakko');
  expect(either.code, either.err).toBe(0);
  expect(either.out).toContain('Lain muutos');
  expect(either.out).toContain('lakolla');
  expect(either.out).not.toContain('räddningsverk');
  const found = await search('vuoden');
  expect(found.out).toContain('Lain muutos');
  const without = await search('vuoden -laki');
  expect(without.code, without.err).toBe(0);
  expect(without.out).not.toContain('Lain muutos');
  // Words to leave out alone find nothing to leave them out of: refused, naming why.
  const only = await run(['items', '--db', db, '--search=-laki'], { env });
  expect([only.code, only.err]).toEqual([2, expect.stringContaining('--search "-laki" has no words to search for (a word after a minus is one to leave out: give one to find too)')]);
});
