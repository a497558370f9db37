// `items --search` with what people type besides words, as a user types it at a shell, without Voikko (the Snowball
// path): a quoted phrase finds its words next to each other in that order, in their inflected forms; FTS5's own syntax
// (NEAR, *, ^, column names, parentheses, stray quotes) is read as words, never an FTS5 error; a short Swedish stem
// finds its own forms and not a look-alike's (lagen ≠ lager).
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type TestServer } from '../helpers/server.js';
import { run } from '../helpers/process.js';

let server: TestServer;
let dir: string;
let db: string;
const titles = [
  'Pelastustoimen rahoituksesta päätetään syksyllä', 'Pelastustoimi ja sen rahoitus', 'Rahoitus pelastustoimen kehittämiseen',
  'Lagen om räddningsväsendet ändras', 'Nya lager av skyddsutrustning byggs upp',
];
const feed = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link>
<description>d</description>${titles.map((t, i) => `<item><guid>g${i}</guid><title>${t}</title><link>https://example.fi/${i}</link></item>`).join('')}</channel></rss>`;
const env = { LAKIVAHTI_NO_VOIKKO: '1' };

beforeAll(async () => {
  server = await startServer({ '/feed': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-search-syntax-'));
  const feeds = path.join(dir, 'feeds');
  db = path.join(dir, 'l.sqlite');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(feeds, 'sources', 'sm.yaml'), `id: sm\nname: Lähde\nurl: ${server.url}/feed\nkind: rss\n`);
  const crawl = await run(['crawl', '--db', db, '--feeds', feeds], { env });
  expect(crawl.out).toBe('sm: 5 new, 0 updated, 5 found\n');
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The titles `items --search` lists (it exits 0). */
async function found(text: string): Promise<string[]> {
  const r = await run(['items', '--db', db, '--json', '--search', text], { env });
  expect(r.code, r.err).toBe(0);
  return r.out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { title: string }).title).sort();
}

it('a quoted phrase finds its words next to each other, in order, each in its inflected forms', async () => {
  expect(await found('"pelastustoimen rahoitus"')).toEqual([titles[0]]);
  expect(await found('“pelastustoimi rahoitus”')).toEqual([titles[0]]);
  // Unquoted, or with a quote left open, the same words are found anywhere.
  expect(await found('pelastustoimen rahoitus')).toEqual([titles[0], titles[1], titles[2]].sort());
  expect(await found('"pelastustoimen rahoitus')).toEqual([titles[0], titles[1], titles[2]].sort());
  // A phrase to leave out.
  expect(await found('rahoitus -"pelastustoimen rahoitus"')).toEqual([titles[1], titles[2]].sort());
  expect(await found('"lag om räddningsväsendet"')).toEqual([titles[3]]);
});

it.each([
  'NEAR(pelastustoimi rahoitus, 2)', 'pelastus*', '^pelastustoimi', 'title:rahoitus', '{title}: rahoitus', '(pelastustoimi OR lager)',
  'rahoitus AND NOT', '"', '""', '" rahoitus "" ', 'rahoitus -', 'OR', 'rahoitus OR OR lager', '- -', ':', '*', 'a"b"c', "rahoitus's",
])('%s is read as words, never an FTS5 error', async (text) => {
  const r = await run(['items', '--db', db, `--search=${text}`], { env });
  expect(r.err).not.toMatch(/fts5|syntax error|SqliteError|unterminated/i);
  // Either a list (exit 0) or a search with no words to find, refused naming it (exit 2).
  if (r.code !== 0) expect([r.code, r.err]).toEqual([2, expect.stringContaining('has no words to search for')]);
});

it('a short Swedish stem finds its own forms, not a look-alike sharing its letters (lagen ≠ lager)', async () => {
  for (const q of ['lag', 'lagen', 'lagarna']) expect(await found(q)).toEqual([titles[3]]);
  expect(await found('lager')).toEqual([titles[4]]);
});
