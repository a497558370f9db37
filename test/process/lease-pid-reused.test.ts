// A `lakivahti crawl` killed while it ran a source (a crash, an OOM kill, a reboot) leaves that source's run lease
// naming its host and pid. When another process has since taken that pid (common after a reboot, and always for pid 1
// in a container started again), the lease looked held and the source was skipped until the lease ran out (the run's
// timeout and a minute). The lease now names the process's start too (Linux /proc), as a message's claim does, so the
// next crawl takes it over at once. A lease of another host is still left to run out: nobody here can tell its process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { run, start } from '../helpers/process.js';

let dir: string;
let server: TestServer;
let feeds: string;
const rss = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link><description>d</description>
<item><guid>a</guid><title>Pelastuslain muutos lausunnoille</title><link>https://example.fi/a</link></item>
</channel></rss>`;

beforeAll(async () => {
  server = await startServer();
  // The first crawl's request is never answered: its run holds the lease.
  server.route('/feed', () => undefined);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-pid-reused-'));
  feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  fs.writeFileSync(path.join(feeds, 'sources', 'sm.yaml'), `id: sm\nname: Sisäministeriö\nurl: ${server.url}/feed\nkind: rss\n`);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const asked = () => server.requests.filter((r) => r.path === '/feed').length;

it.runIf(process.platform === 'linux')('a source whose crawl was killed, its pid since taken by another process, is run by the next crawl at once; on another host it waits', async () => {
  const db = path.join(dir, 'db.sqlite');
  const args = ['crawl', '--source', 'sm', '--db', db, '--feeds', feeds];
  const first = start(args);
  for (const until = Date.now() + 30_000; asked() < 1; await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > until) throw new Error('the first crawl never asked for the feed');
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
    expect(asked()).toBe(1);

    lease(os.hostname());
    const next = await run(args);
    expect([next.code, next.out, next.err]).toEqual([0, 'sm: 1 new, 0 updated, 1 found\n', '']);
    expect(asked()).toBe(2);
    const runs = conn.prepare("SELECT status, error FROM runs WHERE source_id = 'sm' ORDER BY id").all();
    expect(runs).toEqual([
      { status: 'interrupted', error: `interrupted: the process (pid ${other.pid}) ended before the run finished` },
      { status: 'ok', error: null },
    ]);
    expect(conn.prepare("SELECT running_until FROM sources WHERE id = 'sm'").pluck().get()).toBeNull();
  } finally {
    conn.close();
    other.kill();
  }
}, 120_000);
