// A crawl with a taxonomy that cannot be read, as cron runs it: the broken taxonomy is named and the crawl exits 1
// whether or not a run had new items to tag (a crawl of 304s exited 0 without a word, so cron never learned that
// the taxonomy had broken); the items still go on untagged, and a mended taxonomy makes it quiet again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { oneFeedSource, type TestServer } from '../helpers/server.js';
import { run } from '../helpers/process.js';

let server: TestServer;
let dir: string;
let feeds: string;
let db: string;
let taxonomy: string;
const broken = 'version: "x"\ngoals:\n  - id: services\n    label: [unclosed\n';

beforeAll(async () => {
  ({ feed: server, dir } = await oneFeedSource('lakivahti-crawl-taxonomy-', { id: 'sm', items: 2 }));
  feeds = path.join(dir, 'feeds');
  db = path.join(dir, 'l.sqlite');
  taxonomy = path.join(feeds, 'taxonomy.yaml');
  fs.writeFileSync(taxonomy, broken);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const crawl = () => run(['crawl', '--db', db, '--feeds', feeds]);
const named = (err: string) => err.match(/^lakivahti crawl: config: taxonomy: .*taxonomy\.yaml:5: .*items are stored untagged until it is fixed/gm) ?? [];

it('stores new items untagged, names the taxonomy once and exits 1', async () => {
  const r = await crawl();
  expect(r.out).toBe('sm: 2 new, 0 updated, 2 found\n');
  expect(named(r.err)).toHaveLength(1);
  expect(r.err).toMatch(/^lakivahti crawl: the taxonomy cannot be read: items are stored untagged until it is fixed$/m);
  expect(r.code).toBe(1);
  const conn = new Database(db, { readonly: true });
  try {
    expect(conn.prepare('SELECT COUNT(*) AS n FROM items WHERE relevant IS NULL').get()).toEqual({ n: 2 });
  } finally {
    conn.close();
  }
});

it('names it and exits 1 when nothing is new too', async () => {
  const r = await crawl();
  expect(r.out).toBe('sm: not modified\n');
  expect(named(r.err)).toHaveLength(1);
  expect(r.code).toBe(1);
});

it('is quiet once the taxonomy is mended, and names it again when it breaks after a crawl that read it', async () => {
  fs.copyFileSync(shippedTaxonomyPath(), taxonomy);
  expect(await crawl()).toMatchObject({ code: 0, out: 'sm: not modified\n', err: '' });
  expect(await crawl()).toMatchObject({ code: 0, out: 'sm: not modified\n', err: '' });
  // Broken after the mended one was kept beside the database: the kept copy vouches for the old file only.
  fs.writeFileSync(taxonomy, broken);
  const r = await crawl();
  expect(named(r.err)).toHaveLength(1);
  expect(r.code).toBe(1);
  // Copied in with an old modification time (cp -p, an unpacked backup): still noticed.
  fs.copyFileSync(shippedTaxonomyPath(), taxonomy);
  expect((await crawl()).code).toBe(0);
  fs.writeFileSync(taxonomy, broken);
  const old = new Date(Date.now() - 86_400_000);
  fs.utimesSync(taxonomy, old, old);
  expect((await crawl()).code).toBe(1);
});

it('keeps no parsed taxonomy for a database in memory (it left a file named ":memory:.taxonomy-cache.json" where it ran)', async () => {
  fs.copyFileSync(shippedTaxonomyPath(), taxonomy);
  const cwd = fs.mkdtempSync(path.join(dir, 'cwd-'));
  const r = await run(['crawl', '--db', ':memory:', '--feeds', feeds], { cwd });
  expect(r).toMatchObject({ code: 0, out: 'sm: 2 new, 0 updated, 2 found\n', err: '' });
  expect(fs.readdirSync(cwd)).toEqual([]);
  // A broken one is still named, and the crawl exits 1.
  fs.writeFileSync(taxonomy, broken);
  const b = await run(['crawl', '--db', ':memory:', '--feeds', feeds], { cwd });
  expect(named(b.err)).toHaveLength(1);
  expect(b.code).toBe(1);
  expect(fs.readdirSync(cwd)).toEqual([]);
});
