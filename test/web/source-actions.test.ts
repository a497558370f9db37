// Administrators pause, resume and crawl a source now from /sources, through the real scheduler over a local feed;
// a paused source is skipped by the scheduler's ticks; readers and reviewers see no forms and get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { addUser, Browser, serveWebApp } from '../helpers/web.js';
import { createFetcher } from '../../src/fetch/index.js';
import { startScheduler, type Scheduler } from '../../src/schedule/index.js';
import { listActions, listPausedSources, listRuns, openDb, setNextRun, setUserLanguage, syncSources, type Db } from '../../src/store/index.js';
import { webDeps } from './support.js';
import type { SourceDef } from '../../src/model.js';

let feed: TestServer;
let db: Db;
let scheduler: Scheduler;
let close: () => Promise<void>;
let base: string;
const as: Record<string, Browser> = {};

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Pelastustoimi</title></item></channel></rss>`;
// `ticking` would run every second; `yearly` only when asked to.
const def = (id: string, schedule: string): SourceDef => ({
  id, name: `Lähde ${id}`, url: `${feed.url}/feed?${id}`, kind: 'rss', module: 'rss', schedule, language: 'fi', tags: [],
  itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});
let defs: SourceDef[];

beforeAll(async () => {
  feed = await startServer({ '/feed': reply(FEED, { 'content-type': 'application/rss+xml' }) });
  defs = [def('ticking', '* * * * * *'), def('yearly', '0 0 1 1 *')];
  db = openDb(':memory:');
  syncSources(db, defs);
  setNextRun(db, 'yearly', new Date(Date.now() + 365 * 86_400_000).toISOString());
  for (const role of ['admin', 'reviewer', 'reader'] as const) await addUser(db, `${role}@example.fi`, role);
  ({ base, close } = await serveWebApp(webDeps(db, { sources: defs, crawlNow: (id) => scheduler.runNow(id) })));
  for (const role of ['admin', 'reviewer', 'reader']) {
    as[role] = new Browser(base);
    expect((await as[role].signIn(`${role}@example.fi`)).status).toBe(303);
  }
  // The ticking source is paused before the scheduler starts: neither the catch-up nor a tick may run it.
  const token = await as.admin.token('/sources');
  expect((await as.admin.post('/sources/ticking/pause', { _csrf: token })).res.status).toBe(303);
  scheduler = startScheduler(defs, { db, fetch: createFetcher() });
}, 60_000);

afterAll(async () => {
  await scheduler.stop();
  await scheduler.settled();
  void close();
  await feed.close();
  db.close();
});

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  return check();
};

describe('source actions', () => {
  it('a paused source is shown as paused with who paused it, and the scheduler skips it', async () => {
    expect(await scheduler.caughtUp).toEqual([]);
    await new Promise((r) => setTimeout(r, 2_200)); // two ticks or more
    expect(listRuns(db, 'ticking')).toEqual([]);
    expect(listPausedSources(db).get('ticking')?.by).toBe('admin@example.fi');
    const { html } = await as.admin.get('/sources');
    expect(html).toMatch(/<strong>keskeytetty<\/strong> <span class="muted">\(admin@example\.fi, /);
    expect(html).toContain('action="/sources/ticking/resume"');
    expect(html).toContain('action="/sources/yearly/pause"');
    expect(html).toContain('action="/sources/yearly/crawl"');
    // A paused source cannot be crawled now either.
    const refused = await as.admin.post('/sources/ticking/crawl', { _csrf: Browser.token(html) });
    expect(refused.res.status).toBe(409);
    expect(refused.html).toContain('Lähde Lähde ticking on keskeytetty; jatka sen hakua ensin.');
    // In Swedish for an administrator who chose Swedish, an unknown source too.
    const id = db.prepare("SELECT id FROM users WHERE email = 'admin@example.fi'").pluck().get() as number;
    setUserLanguage(db, id, 'sv');
    try {
      const sv = await as.admin.post('/sources/ticking/crawl', { _csrf: Browser.token(html) });
      expect([sv.res.status, sv.html.includes('Källan Lähde ticking är pausad; återuppta hämtningen först.')]).toEqual([409, true]);
      const unknown = await as.admin.post('/sources/ei-ole/pause', { _csrf: Browser.token(html) });
      expect([unknown.res.status, unknown.html.includes('Källan &quot;ei-ole&quot; har inte definierats.')]).toEqual([404, true]);
    } finally {
      setUserLanguage(db, id, 'fi');
    }
  });

  it('"Hae nyt" runs the source at once, says so once, and records who asked', async () => {
    const token = await as.admin.token('/sources');
    const res = await as.admin.post('/sources/yearly/crawl', { _csrf: token });
    expect(res.res.status).toBe(303);
    expect(res.res.headers.get('location')).toBe('/sources');
    expect(await until(() => listRuns(db, 'yearly').length === 1)).toBe(true);
    const next = await as.admin.get('/sources');
    expect(next.html).toContain('<div class="flash" role="status" id="viesti" tabindex="-1"><p>Lähteen Lähde yearly haku aloitettiin.');
    // Shown once: the next page has an empty status region.
    expect((await as.admin.get('/sources')).html).toContain('<div class="flash" role="status" id="viesti"></div>');
    expect(listActions(db, 'source:yearly').map((a) => [a.action, a.email])).toEqual([['source-crawl', 'admin@example.fi']]);
  });

  it('resuming lets the ticks run it again', async () => {
    const token = await as.admin.token('/sources');
    expect((await as.admin.post('/sources/ticking/resume', { _csrf: token })).res.status).toBe(303);
    expect(listPausedSources(db).has('ticking')).toBe(false);
    expect(await until(() => listRuns(db, 'ticking').length > 0)).toBe(true);
    expect((await as.admin.get('/sources')).html).toContain('Lähteen Lähde ticking haku jatkuu aikataulun mukaan.');
  });

  it('readers and reviewers see no source forms and get 403 on every source POST; an unknown source is 404', async () => {
    for (const role of ['reader', 'reviewer']) {
      const { html } = await as[role].get('/sources');
      expect(html).not.toMatch(/action="\/sources\//);
      for (const path of ['/sources/yearly/pause', '/sources/yearly/resume', '/sources/yearly/crawl']) {
        const res = await as[role].post(path, { _csrf: Browser.token(html) });
        expect(res.res.status).toBe(403);
      }
    }
    expect(listPausedSources(db).size).toBe(0);
    expect(listRuns(db, 'yearly')).toHaveLength(1);
    // Without the CSRF token even an administrator changes nothing.
    expect((await as.admin.post('/sources/yearly/pause', {})).res.status).toBe(403);
    expect((await as.admin.post('/sources/ei-ole/pause', { _csrf: await as.admin.token('/sources') })).res.status).toBe(404);
    expect(listPausedSources(db).size).toBe(0);
  });
});
