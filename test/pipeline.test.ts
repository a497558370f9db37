// End to end against a local server: every hostile input ends in a clear error on its own source
// or in clean stored text, the other sources complete, and what was stored before stays intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import zlib from 'node:zlib';
import { startServer, reply, type TestServer } from './helpers/server.js';
import { createFetcher } from '../src/fetch/index.js';
import { crawl, refreshSource, backoffMs, knownOf } from '../src/pipeline.js';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { openDb, syncSources, listItems, listRuns, getSourceState, type Db } from '../src/store/index.js';
import { deferredWorkerWriter, inThreadWriter } from '../src/store/writer.js';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import nodePath from 'node:path';
import type { SourceDef } from '../src/model.js';

const rss = (items: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"${extra}><channel><title>T</title><link>https://example.fi/</link><description>d</description>${items}</channel></rss>`;
const entry = (guid: string, title: string, link = `/uutiset/${guid}`, desc = 'Kuvaus') =>
  `<item><guid>${guid}</guid><title>${title}</title><link>${link}</link><description>${desc}</description><pubDate>Tue, 01 Nov 2022 10:00:00 +0200</pubDate></item>`;

const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

let server: TestServer;
let db: Db;
const fetch = createFetcher({ deadlineMs: 2000, bodyIdleTimeoutMs: 1500, headersTimeoutMs: 1500, maxBytes: 1024 * 1024 });

const def = (id: string, path: string, over: Partial<SourceDef> = {}): SourceDef => ({
  id, name: id, url: server.url + path, kind: 'rss', module: 'rss', schedule: '*/30 * * * *', language: 'fi',
  tags: [], itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`, ...over,
});

beforeAll(async () => {
  server = await startServer({
    '/good': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304).end();
      res.writeHead(200, { ...RSS, etag: '"v1"' });
      res.end(rss(
        entry('a', 'Pelastuslain muutos &lt;script&gt;alert(1)&lt;/script&gt;', '/a?utm_source=x',
          '&lt;p onclick="x()"&gt;Lausuntoaika päättyy 15.3.2023. VN/18775/2022 &lt;a href="javascript:alert(1)"&gt;linkki&lt;/a&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/p&gt;') +
        entry('b', 'Toinen') + entry('b', 'Toinen uudestaan') +
        '<item><title>Ei guidia eikä linkkiä</title><description>HE 12/2026 vp</description></item>',
      ));
    },
    '/bomb': reply(`<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><rss><channel><item><title>&lol2;</title></item></channel></rss>`, RSS),
    '/xxe': reply(`<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><channel><item><title>&xxe;</title></item></channel></rss>`, RSS),
    '/huge': (_req, res) => {
      res.writeHead(200, RSS);
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const push = () => {
        while (sent < 50) {
          sent++;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      res.on('error', () => undefined);
      push();
    },
    '/drip': (_req, res) => {
      res.writeHead(200, RSS);
      const timer = setInterval(() => res.write('<'), 500);
      res.on('close', () => clearInterval(timer));
    },
    '/loop': (_req, res) => void res.writeHead(302, { location: '/loop2' }).end(),
    '/loop2': (_req, res) => void res.writeHead(302, { location: '/loop' }).end(),
    '/latin1': reply(Buffer.from(rss(entry('l', 'Hyvinvointialueiden rahoitus ja pelastustoimi')).replace('UTF-8', 'ISO-8859-1'), 'latin1'), { 'content-type': 'application/rss+xml' }),
    '/malformed': reply('<?xml version="1.0"?><rss><channel><item><title>x</titl></item>', RSS),
    '/captcha': reply('<!DOCTYPE html><html><head><title>Are you a robot?</title></head><body>CAPTCHA</body></html>', { 'content-type': 'text/html' }),
    '/limited': reply('slow down', { 'retry-after': '7200' }, 429),
    '/broken': reply('oops', {}, 500),
    '/empty': reply(rss(''), RSS),
    // Well-formed for 1,000 items, so batches are stored before the strict parser fails on a bare "&".
    '/late-error': reply(rss(Array.from({ length: 1200 }, (_, i) => entry(`l${i}`, i === 1000 ? 'Tässä & tuolla' : `Uutinen ${i}`)).join('')), RSS),
    '/gzip': reply(zlib.gzipSync(rss(entry('g', 'Pakattu'))), { ...RSS, 'content-encoding': 'gzip' }),
  });
  db = openDb(':memory:');
});

afterAll(async () => {
  await server.close();
  db.close();
});

describe('pipeline', () => {
  it('stores a good feed cleanly and then gets 304', async () => {
    const d = def('good', '/good');
    syncSources(db, [d]);
    const first = await refreshSource(d, { db, fetch });
    expect(first).toMatchObject({ status: 'ok', found: 4, created: 3, error: null });
    expect(first.notes.join()).toContain('duplicate');
    const items = listItems(db, { source: 'good' });
    const a = items.find((i) => i.title.startsWith('Pelastuslain'))!;
    expect(a.title).not.toMatch(/<script|<\/script/);
    expect(a.url).toBe(`${server.url}/a`);
    expect(a.deadline).toBe('2023-03-15');
    expect(a.identifiers).toContain('VN/18775/2022');
    const html = (db.prepare('SELECT content_html FROM items WHERE id = ?').get(a.id) as { content_html: string }).content_html;
    expect(html).not.toMatch(/onclick|onerror|javascript:|<script/i);
    expect(items.find((i) => i.title === 'Ei guidia eikä linkkiä')).toMatchObject({ url: null, identifiers: ['HE 12/2026 vp'] });
    const again = await refreshSource(d, { db, fetch });
    expect(again.status).toBe('not-modified');
    expect(server.requests.filter((r) => r.path === '/good').at(-1)?.headers['if-none-match']).toBe('"v1"');
  });

  it.each([
    ['bomb', '/bomb', /^parse: .*entities/],
    ['xxe', '/xxe', /^parse: .*entities/],
    ['huge', '/huge', /^fetch: .*larger than/],
    ['drip', '/drip', /^fetch: .*(deadline|within)/],
    ['loop', '/loop', /^fetch: .*redirect/],
    ['malformed', '/malformed', /^parse: /],
    ['captcha', '/captcha', /^parse: .*HTML page/],
    ['limited', '/limited', /^fetch: .*429/],
    ['broken', '/broken', /^fetch: .*500/],
  ])('%s ends in a plain error on that source only', async (id, path, message) => {
    const d = def(id, path);
    syncSources(db, [d]);
    const run = await refreshSource(d, { db, fetch });
    expect(run.status).toBe('error');
    expect(run.error).toMatch(message);
    expect(getSourceState(db, id)).toMatchObject({ lastStatus: 'error', lastError: run.error, errorCount: 1 });
  });

  it('honours Retry-After when scheduling the next check', async () => {
    const next = Date.parse(getSourceState(db, 'limited')!.nextRunAt!);
    expect(next - Date.now()).toBeGreaterThan(7000 * 1000 - 60_000);
    expect(backoffMs(1)).toBe(5 * 60_000);
    expect(backoffMs(3)).toBe(20 * 60_000);
    expect(backoffMs(30)).toBe(6 * 3600_000);
  });

  it('decodes a Latin-1 feed declared only in its prolog, and gzip', async () => {
    const defs = [def('latin1', '/latin1'), def('gzip', '/gzip')];
    syncSources(db, defs);
    const runs = await crawl(defs, { db, fetch });
    expect(runs.map((r) => r.status)).toEqual(['ok', 'ok']);
    expect(listItems(db, { source: 'latin1' })[0].title).toBe('Hyvinvointialueiden rahoitus ja pelastustoimi');
    expect(listItems(db, { source: 'gzip' })[0].title).toBe('Pakattu');
  });

  it('a feed that breaks after batches were stored is read again leniently, each item stored once', async () => {
    const d = def('late-error', '/late-error');
    syncSources(db, [d]);
    const run = await refreshSource(d, { db, fetch });
    expect(run).toMatchObject({ status: 'ok', found: 1200, created: 1200 });
    // No "duplicate items" note: the batches before the failure were dropped, not stored beside the second reading.
    expect(run.notes).toEqual([expect.stringMatching(/^parsed with the lenient feed parser: .*\(line 1, column \d+\)$/)]);
    const stored = listItems(db, { source: 'late-error', limit: 2000 });
    expect(stored).toHaveLength(1200);
    expect(stored.filter((i) => i.title.includes('&')).map((i) => i.title)).toEqual(['Tässä & tuolla']);
  });

  it('an empty RSS feed is a quiet ok; an empty module source is a layout error', async () => {
    const feed = def('empty', '/empty');
    const page = def('empty-page', '/empty', { kind: 'module', module: 'pelastustoimi' });
    syncSources(db, [feed, page]);
    const [a, b] = await crawl([feed, page], { db, fetch });
    expect(a).toMatchObject({ status: 'ok', found: 0 });
    expect(b.status).toBe('error');
    expect(b.error).toMatch(/layout/);
  });

  it('never runs one source twice at once', async () => {
    const d = def('twice', '/gzip');
    syncSources(db, [d]);
    const runs = await Promise.all([refreshSource(d, { db, fetch }), refreshSource(d, { db, fetch })]);
    expect(runs.map((r) => r.status).sort()).toEqual(['ok', 'skipped']);
    expect((await refreshSource(d, { db, fetch })).status).toBe('ok');
  });

  it('runs a source at once whose lease belongs to a process that has ended, recording that run as interrupted', async () => {
    const d = def('orphaned', '/gzip');
    syncSources(db, [d]);
    const ended = spawnSync(process.execPath, ['-e', '']).pid!; // a pid whose process is gone
    db.prepare('UPDATE sources SET running_until = ?, lease_host = ?, lease_pid = ?, lease_at = ? WHERE id = ?')
      .run(new Date(Date.now() + 6 * 60_000).toISOString(), os.hostname(), ended, '2026-01-01T00:00:00.000Z', d.id);
    expect((await refreshSource(d, { db, fetch })).status).toBe('ok');
    expect(listRuns(db, d.id).map((r) => [r.status, r.startedAt])).toEqual([
      ['ok', expect.any(String)], ['interrupted', '2026-01-01T00:00:00.000Z'],
    ]);
    expect(getSourceState(db, d.id)?.lastStatus).toBe('ok');
  });

  it('a source that turns bad keeps what it stored, and the others still complete', async () => {
    const before = listItems(db, { source: 'good' }).length;
    server.route('/good', reply('oops', {}, 500));
    const defs = [def('good', '/good'), def('gzip', '/gzip'), def('captcha', '/captcha')];
    const runs = await crawl(defs, { db, fetch });
    expect(runs.map((r) => r.status)).toEqual(['error', 'ok', 'error']);
    expect(listItems(db, { source: 'good' })).toHaveLength(before);
  });

  // Seen by h-probe-50 about one crawl in four while a disk filled: the lease's claim (or its release after a run that
  // could not be stored) threw out of crawl(), and the CLI ended as a usage error (exit 2) with no run reported.
  it('a database that cannot be written when a run claims or releases its lease fails that run as a store error; the crawl goes on', async () => {
    const full = () => Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
    const writer = inThreadWriter(db);
    // gzip cannot claim; captcha's run cannot be recorded, nor its lease released; bomb's run is recorded as ever.
    const failing = {
      ...writer,
      claim: (id: string, until: Date) => (id === 'gzip' ? full() : writer.claim(id, until)),
      begin: (id: string, startedAt: string, withItems?: boolean) => (id === 'captcha' ? { add: () => undefined, finish: full, abort: async () => undefined } : writer.begin(id, startedAt, withItems)),
      release: (id: string) => (id === 'captcha' ? full() : writer.release(id)),
    };
    const runs = await crawl([def('gzip', '/gzip'), def('captcha', '/captcha'), def('bomb', '/bomb')], { db, fetch, writer: failing });
    expect(runs.map((r) => [r.sourceId, r.status, r.error?.startsWith('store: ') ? r.error : 'not a store error'])).toEqual([
      ['gzip', 'error', 'store: database or disk is full'],
      ['captcha', 'error', 'store: database or disk is full'],
      ['bomb', 'error', 'not a store error'],
    ]);
    // Any other error of the writer is not the database's state: it still ends the crawl, as before.
    const broken = { ...writer, claim: () => Promise.reject(new Error('a bug')) };
    await expect(crawl([def('gzip', '/gzip')], { db, fetch, writer: broken })).rejects.toThrow('a bug');
  });
});

describe('pipeline: what a source module may ask', () => {
  it('a module that fetches details learns which guids are stored; a feed is not asked (nor its lookup code loaded)', async () => {
    server.route('/known', reply(rss(entry('a', 'Pelastuslain muutos')), RSS));
    const d = def('known-guids', '/known');
    syncSources(db, [d]);
    expect((await refreshSource(d, { db, fetch })).status).toBe('ok');
    expect(await knownOf(d, db)).toBeUndefined();
    const known = await knownOf({ ...d, kind: 'module', module: 'finlex' }, db);
    expect(known?.('a')).toBe(true);
    expect(known?.(' a ')).toBe(true); // the key trims the guid
    expect(known?.('not-stored')).toBe(false);
    expect((await knownOf({ ...d, id: 'elsewhere', kind: 'module', module: 'finlex' }, db))?.('a')).toBe(false);
  });
});

describe('pipeline: a one-off crawl waiting for its writer thread', () => {
  it("copies the log into the database file while it waits, so the file alone holds every stored run before the close", async () => {
    const dir = fs.mkdtempSync(nodePath.join(os.tmpdir(), 'lakivahti-idle-'));
    const file = nodePath.join(dir, 'db.sqlite');
    const own = openDb(file, { synchronous: 'NORMAL' });
    const writer = deferredWorkerWriter(own, file);
    try {
      server.route('/idle', reply(rss(entry('i1', 'Pelastuslain muutos') + entry('i2', 'Toinen') + entry('i3', 'Kolmas')), RSS));
      const defs = ['one', 'two', 'three'].map((id) => def(`idle-${id}`, '/idle'));
      syncSources(own, defs);
      const runs = await crawl(defs, { db: own, writer, fetch }, 2);
      expect(runs.map((r) => r.created)).toEqual([3, 3, 3]);
      // Before the writer and this connection close (the last close would checkpoint): the database file without its
      // log already has every item and run.
      fs.copyFileSync(file, nodePath.join(dir, 'alone.sqlite'));
      const alone = new Database(nodePath.join(dir, 'alone.sqlite'), { readonly: true });
      try {
        expect(alone.prepare("SELECT count(*) AS n FROM items WHERE source_id LIKE 'idle-%'").get()).toEqual({ n: 9 });
        expect(alone.prepare("SELECT count(*) AS n FROM runs WHERE source_id LIKE 'idle-%' AND status = 'ok'").get()).toEqual({ n: 3 });
      } finally {
        alone.close();
      }
    } finally {
      await writer.close();
      own.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
