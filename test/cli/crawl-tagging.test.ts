// A crawl builds the tag stage only when a new item needs it: a broken taxonomy is reported once, and its items are
// stored untagged; a crawl that finds nothing new (304) checks the taxonomy by its file's times against the parse
// kept beside the database, and parses it only when that is older (test/process/crawl-taxonomy.test.ts: exit codes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { runMain } from '../helpers/main.js';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { oneFeedSource, type TestServer } from '../helpers/server.js';

let server: TestServer;
let dir: string;
let feeds: string;
let db: string;

const crawl = () => runMain(['crawl', '--db', db, '--feeds', feeds]);

beforeAll(async () => {
  ({ feed: server, dir } = await oneFeedSource('lakivahti-crawl-tag-', { id: 'sm', items: 3 }));
  feeds = path.join(dir, 'feeds');
  db = path.join(dir, 'test.sqlite');
  fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), 'version: "x"\ngoals:\n  - id: services\n    label: [unclosed\n');
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crawl and the tag stage', () => {
  it('reports a broken taxonomy once, when new items need it, and stores them untagged', async () => {
    const r = await crawl();
    expect(r.code).toBe(1);
    expect(r.out).toBe('sm: 3 new, 0 updated, 3 found\n');
    expect(r.err.match(/^lakivahti crawl: config: taxonomy: .*taxonomy\.yaml.*items are stored untagged until it is fixed/gm)).toHaveLength(1);
    // The taxonomy's own words once, without a second stage prefix (it read 'config: taxonomy: config: …').
    expect(r.err).not.toMatch(/config: taxonomy: config:/);
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare('SELECT COUNT(*) AS n FROM items WHERE relevant IS NULL').get()).toEqual({ n: 3 });
    } finally {
      conn.close();
    }
    // A taxonomy that did not load is never kept.
    expect(fs.existsSync(`${db}.taxonomy-cache.json`)).toBe(false);
  });

  it('keeps the mended taxonomy beside the database once parsed, and tags the same from it', async () => {
    fs.copyFileSync(shippedTaxonomyPath(), path.join(feeds, 'taxonomy.yaml'));
    const tagsOfColdCrawl = async () => {
      for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
      expect((await crawl()).out).toBe('sm: 3 new, 0 updated, 3 found\n');
      const conn = new Database(db, { readonly: true });
      try {
        return conn.prepare('SELECT guid, relevant, primary_goal, scores, evidence, joint, taxonomy_version, search_terms FROM items ORDER BY guid').all();
      } finally {
        conn.close();
      }
    };
    const parsed = await tagsOfColdCrawl();
    expect(parsed.filter((i) => (i as { relevant: number | null }).relevant !== null)).toHaveLength(3);
    const cache = `${db}.taxonomy-cache.json`;
    expect(JSON.parse(fs.readFileSync(cache, 'utf8')).value.file).toBe(path.join(feeds, 'taxonomy.yaml'));
    const written = fs.statSync(cache).mtimeMs;
    // And the analyses of its words beside it, which the next crawl's analyzer starts from.
    const analyses = `${db}.taxonomy-cache.analyses.json`;
    const analysesWritten = fs.statSync(analyses).mtimeMs;
    expect(await tagsOfColdCrawl()).toEqual(parsed);
    expect(fs.statSync(cache).mtimeMs).toBe(written);
    expect(fs.statSync(analyses).mtimeMs).toBe(analysesWritten);
  });

  it('does not read the taxonomy when nothing is new and the kept parse is newer than its file', async () => {
    expect(await crawl()).toEqual({ code: 0, out: 'sm: not modified\n', err: '' });
    // A broken file behind a kept parse dated later: only the files' times were looked at, the text never read.
    const kept = fs.readFileSync(path.join(feeds, 'taxonomy.yaml'));
    fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), 'version: "x"\ngoals: [unclosed\n');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(`${db}.taxonomy-cache.json`, later, later);
    try {
      expect(await crawl()).toEqual({ code: 0, out: 'sm: not modified\n', err: '' });
    } finally {
      fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), kept);
    }
  });
});
