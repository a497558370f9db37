// The crawl's own thread (a feed bigger than one batch, and every feed of `serve`'s crawls, whose writer does not tag)
// tags no item a run sends again unchanged: the saver only notes it seen and keeps its verdict. A changed item is tagged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers/server.js';
import { createFetcher } from '../src/fetch/index.js';
import { refreshSource, type PipelineDeps } from '../src/pipeline.js';
import { openDb, syncSources, type Db } from '../src/store/index.js';
import type { Item, SourceDef, TaggedItem } from '../src/model.js';

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://example.fi/</link><description>d</description>${items}</channel></rss>`;
const entry = (guid: string, title: string) =>
  `<item><guid>${guid}</guid><title>${title}</title><link>/uutiset/${guid}</link><description>Kuvaus</description><pubDate>Tue, 01 Nov 2022 10:00:00 +0200</pubDate></item>`;

let server: TestServer;
let db: Db;
/** What each feed sends now: a list of titles, one item each (guid = its place). */
const feeds: Record<string, string[]> = {};
const fetch = createFetcher({ deadlineMs: 2000, bodyIdleTimeoutMs: 1500, headersTimeoutMs: 1500, maxBytes: 1024 * 1024 });

const def = (id: string): SourceDef => ({
  id, name: id, url: `${server.url}/${id}`, kind: 'rss', module: 'rss', schedule: '*/30 * * * *', language: 'fi',
  tags: [], itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});

/** A tag stage that counts what it tags, and stamps each verdict with `version`. */
const counting = (version: string) => {
  const tagged: string[] = [];
  const tag = (item: Item): TaggedItem => {
    tagged.push(item.title);
    return Object.assign(item, { tags: { relevant: true, goals: [], primary: null, scores: {}, evidence: [], joint: false, jointReason: '', taxonomyVersion: version }, searchTerms: version });
  };
  return { tagged, tag };
};

const versions = (id: string) =>
  db.prepare('SELECT title, taxonomy_version AS v FROM items WHERE source_id = ? ORDER BY id').raw(true).all(id).map((row) => { const [t, v] = row as [string, string]; return `${t}=${v}`; });

beforeAll(async () => {
  // No validators: every fetch sends the whole feed again (a server that ignores If-None-Match).
  server = await startServer(Object.fromEntries(['big', 'small'].map((id) => [`/${id}`, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(rss(feeds[id].map((t, i) => entry(`${id}${i}`, t)).join('')));
  }])));
  db = openDb(':memory:');
});

afterAll(async () => {
  await server.close();
  db.close();
});

describe('a feed sent again unchanged, tagged on the crawl thread', () => {
  it.each([
    ['big', 60], // more than one batch: tagged on the crawl thread even by a one-off crawl's tagging writer
    ['small', 3], // `serve`'s crawls: its writer does not tag, every feed is tagged here
  ])('%s: tags none of its unchanged items, keeps their verdicts, and tags a changed one', async (id, n) => {
    const d = def(id);
    syncSources(db, [d]);
    feeds[id] = Array.from({ length: n }, (_, i) => `Uutinen ${i}`);
    const first = counting('v1');
    expect(await refreshSource(d, { db, fetch, tag: first.tag } satisfies PipelineDeps)).toMatchObject({ status: 'ok', created: n });
    expect(first.tagged).toHaveLength(n);

    const again = counting('v2');
    expect(await refreshSource(d, { db, fetch, tag: again.tag })).toMatchObject({ status: 'ok', found: n, created: 0, updated: 0 });
    expect(again.tagged).toEqual([]);
    expect(versions(id).every((v) => v.endsWith('=v1'))).toBe(true);

    // One item edited, one new: those two are tagged (with the taxonomy of now), the rest keep their verdicts.
    feeds[id] = [...feeds[id].slice(0, n - 1), `Uutinen ${n - 1} korjattu`, `Uutinen ${n}`];
    const third = counting('v3');
    expect(await refreshSource(d, { db, fetch, tag: third.tag })).toMatchObject({ status: 'ok', created: 1, updated: 1 });
    expect(third.tagged).toEqual([`Uutinen ${n - 1} korjattu`, `Uutinen ${n}`]);
    expect(versions(id)).toEqual([...feeds[id].slice(0, n - 1).map((t) => `${t}=v1`), `Uutinen ${n - 1} korjattu=v3`, `Uutinen ${n}=v3`]);
  });
});
