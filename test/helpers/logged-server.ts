// A web app served on 127.0.0.1 with a log of what it did, in order: for tests that pin that one request is answered
// while another's long output is still being written (csv-stream, feed-stream).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll, expect } from 'vitest';
import { goalLabels } from '../../src/app/goal-labels.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { openDb, type Db } from '../../src/store/index.js';
import { createWebApp } from '../../src/web/app.js';
import { addUser, Browser } from './web.js';
import { seedDatabase, seedSource } from '../process/seed.js';

/**
 * Serve `app` on a free port of 127.0.0.1; `events` gets "PATH began" as each request arrives and "PATH ended" as its
 * answer ends (res.end called).
 */
export async function listenLogged(app: RequestListener, events: string[]): Promise<{ server: http.Server; base: string }> {
  const server = await new Promise<http.Server>((resolve) => {
    const s = http.createServer((req, res) => {
      const name = (req.url ?? '').split('?')[0];
      events.push(`${name} began`);
      const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
      res.end = ((...a: unknown[]) => (events.push(`${name} ended`), end(...a))) as typeof res.end;
      app(req, res);
    }).listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** A logged site (useLoggedSite); its fields are set once it listens. */
export interface LoggedSite {
  /** The scratch folder, removed after the tests. */
  dir: string;
  db: Db;
  server: http.Server;
  base: string;
  /** Signed in as a reader. */
  b: Browser;
  /** What the server did, in order: each request's arrival and each answer's end (res.end called) by path. */
  events: string[];
}

/**
 * For the tests of one file: a database of `items` seeded items (test/process/seed.ts) in a scratch folder
 * `lakivahti-NAME-…`, changed by `prepare`, served by the whole app (listenLogged) with a reader signed in; closed and
 * removed after the tests.
 */
export function useLoggedSite(name: string, { items, prepare }: { items: number; prepare?: (db: Db) => void }): LoggedSite {
  const site = { events: [] as string[] } as LoggedSite;
  beforeAll(async () => {
    site.dir = fs.mkdtempSync(path.join(os.tmpdir(), `lakivahti-${name}-`));
    const file = path.join(site.dir, 'live.sqlite');
    seedDatabase(file, items);
    site.db = openDb(file);
    prepare?.(site.db);
    const reader = await addUser(site.db, 'lukija@example.fi', 'reader');
    const app = createWebApp({ db: site.db, sources: [seedSource], configErrors: [], goalLabels: goalLabels({ tagStage: null, feedsDir: defaultFeedsDir }) });
    ({ server: site.server, base: site.base } = await listenLogged(app, site.events));
    site.b = new Browser(site.base);
    await site.b.signIn(reader);
  }, 60_000);
  afterAll(async () => {
    if (site.server) await new Promise((r) => site.server.close(r));
    if (site.db?.open) site.db.close();
    if (site.dir) fs.rmSync(site.dir, { recursive: true, force: true });
  });
  return site;
}

/** Ask for `url` and, once its first bytes arrived, for another page: that page is answered before `url`'s answer ends. */
export async function expectAnsweredDuring(site: LoggedSite, url: string): Promise<void> {
  const { events, b } = site;
  events.length = 0;
  await new Promise<void>((resolve, reject) => {
    const req = http.get(`${site.base}${url}`, { headers: { cookie: b.cookie } }, (res) => {
      // The document's first bytes arrived: it has begun; now another page is asked for.
      res.once('data', () => void b.get('/items/1'));
      res.on('data', () => undefined).on('end', resolve).on('error', reject);
    });
    req.on('error', reject);
  });
  await new Promise((r) => setTimeout(r, 100));
  const path = url.split('?')[0];
  expect(events.indexOf('/items/1 ended'), events.join(', ')).toBeGreaterThan(events.indexOf(`${path} began`));
  expect(events.indexOf('/items/1 ended'), events.join(', ')).toBeLessThan(events.indexOf(`${path} ended`));
}
