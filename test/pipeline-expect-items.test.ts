// What crawl() tells a writer that gets ready ahead (expectItems): how many sources will send their whole feed, and how
// many of them were never fetched (all their items new, to be tagged). Feeds sent again whole by a server without
// validators are known: a one-off crawl's writer thread then builds no tag stage ahead for them (deferredWorkerWriter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './helpers/server.js';
import { createFetcher } from '../src/fetch/index.js';
import { crawl, type PipelineDeps } from '../src/pipeline.js';
import { openDb, syncSources, type Db } from '../src/store/index.js';
import { inThreadWriter, type StoreWriter } from '../src/store/writer.js';
import type { Item, SourceDef, TaggedItem } from '../src/model.js';

const rss = (id: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://example.fi/</link><description>d</description>` +
  `<item><guid>${id}-1</guid><title>Uutinen ${id}</title><link>/uutiset/${id}</link><description>Kuvaus</description></item></channel></rss>`;

let server: TestServer;
let db: Db;
const fetch = createFetcher({ deadlineMs: 2000, bodyIdleTimeoutMs: 1500, headersTimeoutMs: 1500, maxBytes: 1024 * 1024 });
const tag = (item: Item): TaggedItem =>
  Object.assign(item, { tags: { relevant: true, goals: [], primary: null, scores: {}, evidence: [], joint: false, jointReason: '', taxonomyVersion: 'v' }, searchTerms: '' });
const def = (id: string): SourceDef => ({
  id, name: id, url: `${server.url}/${id}`, kind: 'rss', module: 'rss', schedule: '*/30 * * * *', language: 'fi',
  tags: [], itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});

/** A writer on this thread that notes what crawl() told it to expect. */
function noting(calls: [number, number][]): StoreWriter {
  return { ...inThreadWriter(db), expectItems: (sources, unseen) => void calls.push([sources, unseen]) };
}

beforeAll(async () => {
  // a, b, c: no validators (each fetch sends the whole feed); d: an ETag, answered 304 once it is known.
  server = await startServer({
    ...Object.fromEntries(['a', 'b', 'c'].map((id) => [`/${id}`, (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(id))])),
    '/d': (req, res) => {
      if (req.headers['if-none-match'] === '"d1"') return void res.writeHead(304, { etag: '"d1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"d1"' }).end(rss('d'));
    },
  });
  db = openDb(':memory:');
});

afterAll(async () => {
  await server.close();
  db.close();
});

describe('crawl() tells the writer which whole feeds are new', () => {
  it('counts sources never fetched as unseen, and the same feeds sent again whole as known', async () => {
    const defs = ['a', 'b', 'c', 'd'].map(def);
    syncSources(db, defs);
    const first: [number, number][] = [];
    const runs = await crawl(defs, { db, fetch, tag, writer: noting(first) } satisfies PipelineDeps);
    expect(runs.map((r) => r.created)).toEqual([1, 1, 1, 1]);
    expect(first).toEqual([[4, 4]]);

    // a, b and c come whole again, nothing new in them; d is answered 304.
    const again: [number, number][] = [];
    const second = await crawl(defs, { db, fetch, tag, writer: noting(again) });
    expect(second.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'not-modified']);
    expect(again).toEqual([[3, 0]]);
  });
});
