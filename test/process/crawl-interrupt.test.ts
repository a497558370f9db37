// `lakivahti crawl` stopped by Ctrl-C or SIGTERM, as a shell or a service manager stops it: the runs that finished
// are printed and kept, the ones in flight are recorded as interrupted (due again), and it says what was not finished.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type http from 'node:http';
import { run, start } from '../helpers/process.js';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { writeRssSource } from '../helpers/feeds.js';
import { listRuns, openDb } from '../../src/store/index.js';

let feed: TestServer;
let dir: string;
const hanging: http.ServerResponse[] = [];

beforeAll(async () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>a</title><item><guid>a-1</guid><title>Pelastuslain muutos</title></item></channel></rss>`;
  // "a" answers at once; "b" and "c" send their headers and then a space a second, never the end, until the test
  // ends. Sent nothing, they failed as a headers timeout after 15 s, and at load 15 the crawl had stored "a" only after
  // that (it then ended by itself, exit 0, before the signal); so they are in flight until the call's 60 s deadline.
  const dribble = (_q: http.IncomingMessage, res: http.ServerResponse) => {
    hanging.push(res);
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).write('<?xml version="1.0"?><rss version="2.0"><channel>');
    const timer = setInterval(() => res.write(' '), 1000);
    res.on('close', () => clearInterval(timer));
  };
  feed = await startServer({ '/a': reply(rss, { 'content-type': 'application/rss+xml' }), '/b': dribble, '/c': dribble });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-interrupt-'));
  for (const id of ['a', 'b', 'c']) writeRssSource(path.join(dir, 'feeds'), id, `${feed.url}/${id}`);
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const until = async (ok: () => boolean, what: string) => {
  for (const stop = Date.now() + 30_000; !ok(); await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > stop) throw new Error(`timed out waiting for ${what}`);
};

describe('crawl stopped by a signal', () => {
  it.each([['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s: finished runs printed and kept, the others recorded as interrupted (exit %i)', async (signal, code) => {
    const db = path.join(dir, `${signal}.sqlite`);
    const feeds = path.join(dir, 'feeds');
    const seen = feed.requests.length;
    const child = start(['crawl', '--db', db, '--feeds', feeds], { env: { LAKIVAHTI_PER_HOST: '4' } });
    child.proc.stdin.end();
    // Both slow sources are being fetched, and the fast one's run is stored.
    await until(() => ['/b', '/c'].every((p) => feed.requests.slice(seen).some((r) => r.path === p)), 'the slow requests');
    await until(() => fs.existsSync(db) && (() => {
      const conn = openDb(db, { readOnly: true });
      try { return listRuns(conn, 'a').length === 1; } finally { conn.close(); }
    })(), "the fast source's run");
    child.proc.kill(signal);
    const r = await child.done;
    expect(r.code).toBe(code);
    expect(r.out).toBe('a: 1 new, 0 updated, 1 found\nb: interrupted (due again at the next crawl)\nc: interrupted (due again at the next crawl)\n');
    expect(r.err).toContain(`lakivahti crawl: ${signal}: stopping`);
    expect(r.err).toMatch(new RegExp(`lakivahti crawl: interrupted \\(${signal}\\); not finished: b, c\\n$`));
    // What finished is kept; the interrupted runs are recorded and due at once, their leases given back.
    const conn = openDb(db, { readOnly: true });
    try {
      expect(listRuns(conn, 'a').map((x) => x.status)).toEqual(['ok']);
      for (const id of ['b', 'c']) expect(listRuns(conn, id).map((x) => x.status)).toEqual(['interrupted']);
    } finally {
      conn.close();
    }
    const sources = await run(['sources', '--json', '--db', db, '--feeds', feeds]);
    expect(sources.out.trim().split('\n').map((l) => JSON.parse(l)).map((s) => [s.id, s.lastStatus])).toEqual([['a', 'ok'], ['b', 'interrupted'], ['c', 'interrupted']]);
  }, 90_000);
});
