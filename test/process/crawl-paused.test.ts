// `lakivahti crawl` as a process skips a source an administrator paused (on the web workbench) and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../helpers/process.js';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { writeRssSource } from '../helpers/feeds.js';
import { listRuns, openDb, setSourcePaused } from '../../src/store/index.js';

let feed: TestServer;
let dir: string;

beforeAll(async () => {
  const rss = (id: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${id}</title><item><guid>${id}-1</guid><title>Pelastustoimi ${id}</title></item></channel></rss>`;
  feed = await startServer({ '/a': reply(rss('a'), { 'content-type': 'application/rss+xml' }), '/b': reply(rss('b'), { 'content-type': 'application/rss+xml' }) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-paused-'));
  for (const id of ['a', 'b']) writeRssSource(path.join(dir, 'feeds'), id, `${feed.url}/${id}`);
});

afterAll(async () => {
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('crawl and paused sources', () => {
  it('skips a paused source with a line saying who paused it, and fetches it again once resumed', async () => {
    const db = path.join(dir, 'lakivahti.sqlite');
    const args = ['crawl', '--db', db, '--feeds', path.join(dir, 'feeds')];
    expect((await run(args)).code).toBe(0);
    const conn = openDb(db);
    setSourcePaused(conn, 'b', { by: 'admin@example.fi', at: '2026-12-02T08:00:00.000Z' });
    const paused = await run(args);
    expect(paused.code).toBe(0);
    expect(paused.out).toContain('b: skipped (paused by admin@example.fi at 2.12.2026 klo 10.00; resume it on the sources page)\n');
    expect(paused.out).toMatch(/^a: /m);
    expect([listRuns(conn, 'a').length, listRuns(conn, 'b').length]).toEqual([2, 1]);
    // `sources` says so, in text (Helsinki time) and as an added JSON field; a running source has `paused: null`.
    const listed = await run(['sources', '--db', db, '--feeds', path.join(dir, 'feeds')]);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^b {2}kunnossa {2}viimeisin haku: .* {2}keskeytetty: admin@example\.fi 2\.12\.2026 klo 10\.00 alkaen \(jatka hakua lähdesivulla\)$/m);
    expect(listed.out).toMatch(/^a {2}kunnossa {2}viimeisin haku: .* {2}seuraava haku: /m);
    const json = (await run(['sources', '--json', '--db', db, '--feeds', path.join(dir, 'feeds')])).out.trim().split('\n').map((l) => JSON.parse(l));
    expect(json.map((s) => [s.id, s.paused])).toEqual([['a', null], ['b', { by: 'admin@example.fi', at: '2026-12-02T08:00:00.000Z' }]]);
    expect(json[1]).toMatchObject({ lastStatus: 'ok', verified: true });
    expect(json[1].nextRunAt).toMatch(/Z$/);
    // Named on its own it is skipped too.
    expect((await run([...args, '--source', 'b'])).out).toMatch(/^b: skipped \(paused by admin@example\.fi/);
    setSourcePaused(conn, 'b', null);
    const resumed = await run([...args, '--source', 'b']);
    expect(resumed.out).toMatch(/^b: (not modified|0 new)/);
    expect(listRuns(conn, 'b')).toHaveLength(2);
    conn.close();
  }, 90_000);
});
