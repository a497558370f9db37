// /items.csv written a page of rows at a time (session 59): built whole, an export of 10,000 rows held every other
// request for its whole build (6.7 s at load 25, h-probe-58). Now each page of LISTING_PAGE rows is read and written in
// turn, the event loop free between pages and the next page waiting while a slow reader has not taken the last one.
import { createHash } from 'node:crypto';
import http from 'node:http';
import path from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { goalLabels } from '../../src/app/goal-labels.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { openDb } from '../../src/store/index.js';
import { createWebApp } from '../../src/web/app.js';
import { writePages } from '../../src/web/routes/output-parts.js';
import { addUser, Browser } from '../helpers/web.js';
import { expectAnsweredDuring, useLoggedSite } from '../helpers/logged-server.js';
import { seedDatabase, seedSource } from '../process/seed.js';

const site = useLoggedSite('csv-stream', { items: 2500 });

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('/items.csv in pages', () => {
  it('is byte for byte the export built whole before (the whole list and a filtered one)', async () => {
    const all = await site.b.get('/items.csv');
    expect(all.res.status).toBe(200);
    expect(all.res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(all.html.split('\r\n')).toHaveLength(2502);
    const some = await site.b.get('/items.csv?goal=services');
    // The digests of session 58's whole-built exports of this seed (2,500 items; 250 with the goal).
    expect([sha(all.html), sha(some.html)]).toEqual(['bc1ce01e3a3965d187cc1b5334e674c79593ead52888a5d2bcebba68c86047c2', '9030e304458da792cacc8813a287bc82f964680e4a8af8741c2d536fd27eacdb']);
  }, 60_000);

  it('answers a page asked for after the export began before the export ends', () => expectAnsweredDuring(site, '/items.csv'), 60_000);
});

describe('/items.csv failing after its first page', () => {
  it('is cut (not ended as a shorter list) and logged as request_failed without a status, as errorPage logs a failure', async () => {
    const own = path.join(site.dir, 'failing.sqlite');
    seedDatabase(own, 1000);
    const ownDb = openDb(own);
    const reader = await addUser(ownDb, 'lukija2@example.fi', 'reader');
    const app = createWebApp({ db: ownDb, sources: [seedSource], configErrors: [], goalLabels: goalLabels({ tagStage: null, feedsDir: defaultFeedsDir }) });
    const s = await new Promise<http.Server>((resolve) => {
      const made = http.createServer(app).listen(0, '127.0.0.1', () => resolve(made));
    });
    const logged: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array, ...rest: unknown[]) =>
      (String(c).includes('request_failed') ? (logged.push(String(c)), true) : (write as (...a: unknown[]) => boolean)(c, ...rest)));
    try {
      const ownBase = `http://127.0.0.1:${(s.address() as { port: number }).port}`;
      const browser = new Browser(ownBase);
      await browser.signIn(reader);
      const outcome = await new Promise<string>((resolve) => {
        const req = http.get(`${ownBase}/items.csv`, { headers: { cookie: browser.cookie } }, (res) => {
          // The first page arrived: the database goes away before the next is read.
          res.once('data', () => ownDb.close());
          res.on('data', () => undefined).on('end', () => resolve('ended')).on('error', () => resolve('cut')).on('aborted', () => resolve('cut'));
        });
        req.on('error', () => resolve('cut'));
      });
      expect(outcome).toBe('cut');
    } finally {
      spy.mockRestore();
      await new Promise((r) => s.close(r));
      if (ownDb.open) ownDb.close();
    }
    expect(logged).toHaveLength(1);
    const line = JSON.parse(logged[0]) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['time', 'event', 'method', 'path', 'error']);
    expect(line).toMatchObject({ event: 'request_failed', method: 'GET', path: '/items.csv' });
    expect(line.error).toMatch(/database connection is not open[\s\S]*\bat /);
  }, 60_000);
});

describe('writePages', () => {
  it('writes the next page only when the reader has taken the last (backpressure)', async () => {
    const written: string[] = [];
    let release: (() => void) | undefined;
    const slow = new Writable({
      highWaterMark: 1,
      write(chunk, _enc, done) {
        written.push(String(chunk));
        release = done;
      },
    });
    const pages = ['a', 'b', 'c'];
    const finished = writePages(slow, (function* () {
      for (const p of pages) yield p;
    })());
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(written).toEqual(['a']);
    for (let n = 0; n < 3; n++) {
      release?.();
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
    }
    await finished;
    expect(written).toEqual(['a', 'b', 'c']);
  });

  it('stops when `out` fails without closing (as writeLine stops: its error or `errored`), not waiting for a drain that never comes', async () => {
    const written: string[] = [];
    // A stream that keeps itself open after a failed write (no autoDestroy): no 'drain' and no 'close' follow.
    const failing = new Writable({
      highWaterMark: 1,
      autoDestroy: false,
      write(chunk, _enc, done) {
        written.push(String(chunk));
        done(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    failing.on('error', () => undefined);
    let settled = false;
    const finished = writePages(failing, ['a', 'b', 'c']).then(() => void (settled = true));
    for (let n = 0; n < 10 && !settled; n++) await new Promise((r) => setImmediate(r));
    expect(settled).toBe(true);
    await finished;
    expect(written).toEqual(['a']);
  });
});
