// Options and environment variables given empty, as a script's unset variable gives them (`--db "$DB"`,
// `LAKIVAHTI_DB= lakivahti crawl`), and paths whose bytes are not UTF-8: each is refused by name, and nothing is
// fetched or written anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, run } from '../helpers/process.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { writeRssSource } from '../helpers/feeds.js';
import { seedDatabase } from './seed.js';

let dir: string;
let feeds: string;
let db: string;
let feed: TestServer;

beforeAll(async () => {
  feed = await startServer({ '/a': reply('<?xml version="1.0"?><rss version="2.0"><channel><title>a</title><item><guid>1</guid><title>Tiedote</title></item></channel></rss>', { 'content-type': 'application/rss+xml' }) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-empty-'));
  feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'a', `${feed.url}/a`, 'A');
  db = path.join(dir, 'db.sqlite');
  seedDatabase(db, 3);
});

afterAll(async () => {
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('empty values', { timeout: 60_000 }, () => {
  it.each<[string, string[], Record<string, string>, string]>([
    ['LAKIVAHTI_DB empty: crawl', ['crawl'], { LAKIVAHTI_DB: '' }, 'lakivahti crawl: LAKIVAHTI_DB is set but empty: name a path, or unset it for the default\n'],
    ['LAKIVAHTI_DB blank: items', ['items'], { LAKIVAHTI_DB: ' ' }, 'lakivahti items: LAKIVAHTI_DB is set but empty: name a path, or unset it for the default\n'],
    ['--db empty: crawl', ['crawl', '--db', ''], {}, 'lakivahti crawl: --db is empty: name a path, or leave the option out for the default\n'],
    ['--db empty: review', ['review', '1', '--reviewer', 'anna', '--not-relevant', '--db', ''], {}, 'lakivahti review: --db is empty: name a path, or leave the option out for the default\n'],
    ['LAKIVAHTI_FEEDS empty: sources', ['sources', '--db', '@db'], { LAKIVAHTI_FEEDS: '' }, 'lakivahti sources: LAKIVAHTI_FEEDS is set but empty: name a path, or unset it for the default\n'],
    ['--feeds empty: tag', ['tag', '--jsonl', '-', '--feeds', ''], {}, 'lakivahti tag: --feeds is empty: name a path, or leave the option out for the default\n'],
    ['--source empty: crawl', ['crawl', '--db', '@db', '--source', ''], {}, 'lakivahti crawl: no source "" (known: a)\n'],
    ['--out empty: digest', ['digest', '--preview', '--db', '@db', '--out', ''], {}, 'lakivahti digest: --out is empty: name a folder, or leave it out to print\n'],
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

// A Latin-1 name typed in a shell ($'\xe4iti.sqlite'): Node.js reads its byte as U+FFFD, so the command opened,
// made or wrote another file ("\uFFFDiti.sqlite": a subscription added to a new database there).
describe('paths that are not UTF-8', { timeout: 60_000 }, () => {
  it.each<[string, string, string]>([
    ['subscriptions add --db', `subscriptions add a@example.fi --goal services --db "$(printf '\\344iti.sqlite')"`, 'lakivahti subscriptions: --db "\uFFFDiti.sqlite"'],
    ['LAKIVAHTI_DB: items', `items`, 'lakivahti items: LAKIVAHTI_DB "\uFFFDiti.sqlite"'],
    ['backup FILE', `backup "$(printf '\\366ljy.sqlite')" --db db.sqlite`, 'lakivahti backup: the backup file "\uFFFDljy.sqlite"'],
    ['tag --jsonl', `tag --jsonl "$(printf '\\366ljy.jsonl')"`, 'lakivahti tag: --jsonl "\uFFFDljy.jsonl"'],
    ['digest --out', `digest --preview --db db.sqlite --out "$(printf '\\366ljy')"`, 'lakivahti digest: --out "\uFFFDljy"'],
  ])('%s: refused by name, exit 2, nothing written', (_what, command, said) => {
    // The Latin-1 database exists, by its real name.
    fs.copyFileSync(db, Buffer.concat([Buffer.from(dir + path.sep), Buffer.from('äiti.sqlite', 'latin1')]));
    const before = fs.readdirSync(dir).sort();
    const r = spawnSync('/bin/sh', ['-c', `LAKIVAHTI_DB="$(printf '\\344iti.sqlite')" exec "${process.execPath}" "${BIN}" ${command}`], { cwd: dir, encoding: 'utf8', env: { ...process.env, LAKIVAHTI_FEEDS: feeds } });
    expect(r.stderr.split('\n')[0]).toBe(`${said} is not a UTF-8 path (its other bytes are shown as \uFFFD), and no file by that name can be opened; rename the file or folder in UTF-8`);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });
});
