// Two `lakivahti crawl` processes competing for one source: the second skips the source while the first holds its
// run lease, and fetches nothing; once the first is killed (SIGKILL, no chance to give the lease back), the next crawl
// takes the lease at once, records the killed run as interrupted and runs the source. So it does when another process
// has taken the killed one's pid since (common after a reboot, and always for pid 1 in a container started again): the
// lease names the process's start too (Linux /proc), as a message's claim does; judged by pid alone, the source was
// skipped until the lease ran out (the run's timeout and a minute). Another host's lease is still left to run out.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { run, start } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';

let dir: string;
let server: TestServer;
let feeds: string;
const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link><description>d</description>
<item><guid>a</guid><title>Pelastuslain muutos lausunnoille</title><link>https://example.fi/a</link><pubDate>02 Nov 2026 10:00:00 +0200</pubDate></item>
</channel></rss>`;

beforeAll(async () => {
  server = await startServer();
  // The first crawl's request is never answered: its run holds the lease.
  server.route('/feed', () => undefined);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-compete-'));
  feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'sm', `${server.url}/feed`, 'Sisäministeriö');
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Wait until the server has seen `n` requests for the feed. */
async function requests(n: number, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (server.requests.filter((r) => r.path === '/feed').length < n) {
    if (Date.now() > until) throw new Error(`the feed was asked for ${server.requests.length} times, not ${n}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('two crawl processes and one source', { timeout: 120_000 }, () => {
  it('the second skips the source the first is running; after the first is killed, the next runs it and records the interrupted run', async () => {
    const db = path.join(dir, 'db.sqlite');
    const args = ['crawl', '--source', 'sm', '--db', db, '--feeds', feeds];
    const first = start(args);
    await requests(1);

    const second = await run(args);
    expect([second.code, second.out.trim(), second.err]).toEqual([0, 'sm: skipped (another run of this source is in progress)', '']);
    expect(server.requests.filter((r) => r.path === '/feed')).toHaveLength(1);

    const killed = new Promise((resolve) => first.proc.once('exit', resolve));
    first.proc.kill('SIGKILL');
    await killed;
    server.route('/feed', reply(rss, { 'content-type': 'application/rss+xml' }));
    const third = await run(args);
    expect(third.code).toBe(0);
    expect(third.out).toBe('sm: 1 new, 0 updated, 1 found\n');
    expect(server.requests.filter((r) => r.path === '/feed')).toHaveLength(2);

    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      const runs = conn.prepare("SELECT status, error FROM runs WHERE source_id = 'sm' ORDER BY id").all() as { status: string; error: string | null }[];
      expect(runs.map((r) => r.status)).toEqual(['interrupted', 'ok']);
      expect(runs[0].error).toBe(`interrupted: the process (pid ${first.proc.pid}) ended before the run finished`);
      expect(conn.prepare("SELECT running_until FROM sources WHERE id = 'sm'").get()).toEqual({ running_until: null });
    } finally {
      conn.close();
    }
  });

  it.runIf(process.platform === 'linux')('a crawl killed, its pid since taken by another process: the next crawl runs the source at once; as another host\'s, it waits', async () => {
    const db = path.join(dir, 'reused.sqlite');
    const args = ['crawl', '--source', 'sm', '--db', db, '--feeds', feeds];
    const asked = server.requests.filter((r) => r.path === '/feed').length;
    server.route('/feed', () => undefined);
    const first = start(args);
    await requests(asked + 1);
    const killed = new Promise((resolve) => first.proc.once('exit', resolve));
    first.proc.kill('SIGKILL');
    await killed;

    // Another process now has the dead crawl's pid (as after a reboot): here, the lease is pointed at a live one's.
    const other = spawn('sleep', ['60'], { stdio: 'ignore' });
    const conn = new Database(db);
    const lease = (host: string) => conn.prepare("UPDATE sources SET lease_host = ?, lease_pid = ? WHERE id = 'sm'").run(host, other.pid);
    try {
      expect(conn.prepare("SELECT lease_host AS host, lease_pid AS pid FROM sources WHERE id = 'sm'").get()).toEqual({ host: os.hostname(), pid: first.proc.pid });
      server.route('/feed', reply(rss, { 'content-type': 'application/rss+xml' }));
      // The same lease as another host's: nobody here can tell whether its process lives, so it holds until it runs out.
      lease('elsewhere');
      const waits = await run(args);
      expect([waits.code, waits.out, waits.err]).toEqual([0, 'sm: skipped (another run of this source is in progress)\n', '']);
      expect(server.requests.filter((r) => r.path === '/feed')).toHaveLength(asked + 1);

      lease(os.hostname());
      const next = await run(args);
      expect([next.code, next.out, next.err]).toEqual([0, 'sm: 1 new, 0 updated, 1 found\n', '']);
      expect(conn.prepare("SELECT status, error FROM runs WHERE source_id = 'sm' ORDER BY id").all()).toEqual([
        { status: 'interrupted', error: `interrupted: the process (pid ${other.pid}) ended before the run finished` },
        { status: 'ok', error: null },
      ]);
      expect(conn.prepare("SELECT running_until FROM sources WHERE id = 'sm'").pluck().get()).toBeNull();
    } finally {
      conn.close();
      other.kill();
    }
  });
});
