// A crawl starts its writer thread (which opens a connection of its own to the database) while it waits for the first
// feed of a source it has never fetched, rather than when that feed's first items are ready: the thread's start (0.15 s,
// more on a busy machine) overlaps the fetch. A crawl whose sources all have validators (answered 304 here) never
// starts it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingOnHost } from '../helpers/host.js';
import { start } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';
import { startServer, type TestServer } from '../helpers/server.js';

const RSS = `<?xml version="1.0"?><rss version="2.0"><channel><title>a</title><item><guid>a-1</guid><title>Pelastuslain muutos</title></item></channel></rss>`;

let feed: TestServer;
let dir: string;
/** Answers the request held until the test has looked at the crawl. */
let answer: (() => void) | null = null;
let asked: () => void = () => undefined;

beforeAll(async () => {
  feed = await startServer({
    '/a': (req, res) => {
      answer = () => {
        if (req.headers['if-none-match'] === '"a-1"') return void res.writeHead(304, { etag: '"a-1"' }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"a-1"' }).end(RSS);
      };
      asked();
    },
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-writer-start-'));
  writeRssSource(path.join(dir, 'feeds'), 'a', `${feed.url}/a`);
});

afterAll(async () => {
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const dbFile = () => path.join(dir, 'db.sqlite');

/** How many of the process's open files are the database file itself (one per connection). */
function connections(pid: number): number {
  const fds = path.join('/proc', String(pid), 'fd');
  let n = 0;
  for (const fd of fs.readdirSync(fds)) {
    try {
      if (fs.readlinkSync(path.join(fds, fd)) === dbFile()) n++;
    } catch {
      /* closed meanwhile */
    }
  }
  return n;
}

/**
 * Crawl with the feed's answer held: the most connections to the database seen from the request's arrival until
 * `settleMs` later (or until a second one appears), then the answer is given and the crawl's output returned.
 */
async function crawlHeld(settleMs: number): Promise<{ most: number; out: string }> {
  const request = new Promise<void>((resolve) => (asked = resolve));
  const child = start(['crawl', '--db', dbFile(), '--feeds', path.join(dir, 'feeds')], { env: { LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1' } });
  await request;
  let most = 0;
  for (const until = Date.now() + settleMs; Date.now() < until && most < 2; ) {
    most = Math.max(most, connections(child.proc.pid!));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  answer!();
  const done = await child.done;
  expect(done.err).toBe('');
  expect(done.code).toBe(0);
  return { most, out: done.out };
}

// The connections are counted among the crawl's open files in /proc/PID/fd: nothing else shows a thread's connection.
const noProc = missingOnHost('/proc/self/fd', "a crawl's writer thread (when it opens its database connection)", "Linux's /proc: the test counts a process's open files there");

describe.skipIf(noProc)(noProc ?? "a crawl's writer thread", () => {
  it('starts while the first feed of a source never fetched is awaited; not for a crawl of 304s', async () => {
    const cold = await crawlHeld(10_000);
    expect(cold.out).toBe('a: 1 new, 0 updated, 1 found\n');
    // The crawl's own connection and the writer thread's, before any item was read.
    expect(cold.most).toBe(2);
    const warm = await crawlHeld(1_000);
    expect(warm.out).toBe('a: not modified\n');
    expect(warm.most).toBe(1);
  }, 60_000);
});
