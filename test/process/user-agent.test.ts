// LAKIVAHTI_USER_AGENT as cron's environment may carry it: a value with a line break (a file read into the variable
// with its newline inside, a header injected) or a character past Latin-1 was taken as it came, and every request
// refused it, so each source's run failed ("Invalid character in header content") while crawl exited 0 and serve
// started as if all were well. Now named at start, exit 2, nothing fetched; a Latin-1 value is sent as it is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { run } from '../helpers/process.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { writeRssSource } from '../helpers/feeds.js';

let dir: string;
let feeds: string;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ '/rss': reply('<?xml version="1.0"?><rss version="2.0"><channel><title>t</title></channel></rss>', { 'content-type': 'application/rss+xml' }) });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-user-agent-'));
  feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'sm', `${server.url}/rss`, 'SM');
});
afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it.each([['a line break', 'Lakivahti/0.1\nX-Injected: 1'], ['a carriage return', 'Lakivahti/0.1\r(x)'], ['a character past Latin-1', 'Lakivahti – pelastuslaitos']])(
  'crawl and serve refuse one with %s by name, before fetching anything (exit 2)', async (_, agent) => {
    const seen = server.requests.length;
    for (const command of [['crawl'], ['serve', '--port', '0']]) {
      const r = await run([...command, '--db', path.join(dir, 'l.sqlite'), '--feeds', feeds], { env: { LAKIVAHTI_USER_AGENT: agent } });
      expect([r.code, r.err], command[0]).toEqual([2, `lakivahti ${command[0]}: config: LAKIVAHTI_USER_AGENT must be one line of printable Latin-1 characters (an HTTP header's value), not ${JSON.stringify(agent)}\n`]);
    }
    expect(server.requests.length).toBe(seen);
  }, 60_000);

it('a Latin-1 value is sent as it is', async () => {
  const r = await run(['crawl', '--db', path.join(dir, 'l.sqlite'), '--feeds', feeds], { env: { LAKIVAHTI_USER_AGENT: '  Lakivahti (Pelastuslaitos, yhteys@example.fi)  ' } });
  expect([r.code, r.err]).toEqual([0, '']);
  expect(server.requests.at(-1)?.headers['user-agent']).toBe('Lakivahti (Pelastuslaitos, yhteys@example.fi)');
}, 60_000);
