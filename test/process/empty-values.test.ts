// Options and environment variables given empty, as a script's unset variable gives them (`--db "$DB"`,
// `LAKIVAHTI_DB= lakivahti crawl`): each is refused by name, and nothing is fetched or written anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../helpers/process.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { seedDatabase } from './seed.js';

let dir: string;
let feeds: string;
let db: string;
let feed: TestServer;

beforeAll(async () => {
  feed = await startServer({ '/a': reply('<?xml version="1.0"?><rss version="2.0"><channel><title>a</title><item><guid>1</guid><title>Tiedote</title></item></channel></rss>', { 'content-type': 'application/rss+xml' }) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-empty-'));
  feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(feeds, 'sources', 'a.yaml'), `id: a\nname: A\nurl: ${feed.url}/a\nkind: rss\n`);
  db = path.join(dir, 'db.sqlite');
  seedDatabase(db, 3);
});

afterAll(async () => {
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('empty values', { timeout: 60_000 }, () => {
  it.each<[string, string[], Record<string, string>, string]>([
    ['LAKIVAHTI_DB empty: crawl', ['crawl'], { LAKIVAHTI_DB: '' }, 'crawl: LAKIVAHTI_DB is set but empty: name a path, or unset it for the default\n'],
    ['LAKIVAHTI_DB blank: items', ['items'], { LAKIVAHTI_DB: ' ' }, 'items: LAKIVAHTI_DB is set but empty: name a path, or unset it for the default\n'],
    ['--db empty: crawl', ['crawl', '--db', ''], {}, 'crawl: --db is empty: name a path, or leave the option out for the default\n'],
    ['--db empty: review', ['review', '1', '--reviewer', 'anna', '--not-relevant', '--db', ''], {}, 'review: --db is empty: name a path, or leave the option out for the default\n'],
    ['LAKIVAHTI_FEEDS empty: sources', ['sources', '--db', '@db'], { LAKIVAHTI_FEEDS: '' }, 'sources: LAKIVAHTI_FEEDS is set but empty: name a path, or unset it for the default\n'],
    ['--feeds empty: tag', ['tag', '--jsonl', '-', '--feeds', ''], {}, 'tag: --feeds is empty: name a path, or leave the option out for the default\n'],
    ['--source empty: crawl', ['crawl', '--db', '@db', '--source', ''], {}, 'crawl: no source "" (known: a)\n'],
    ['--out empty: digest', ['digest', '--preview', '--db', '@db', '--out', ''], {}, 'digest: --out is empty: name a folder, or leave it out to print\n'],
  ])('%s: refused by name, exit 2, nothing fetched or written', async (_what, args, env, said) => {
    const seen = feed.requests.length;
    const before = fs.readdirSync(dir).sort();
    const r = await run(args.map((a) => (a === '@db' ? db : a)), { env: { LAKIVAHTI_FEEDS: feeds, ...env }, cwd: dir });
    expect(r.err.split('\n\nusage:')[0].replace(/\n?$/, '\n')).toBe(said);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(feed.requests.length).toBe(seen);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
