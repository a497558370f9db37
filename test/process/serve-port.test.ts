// `serve` and `demo` as processes: the PORT environment variable chooses the port (--port wins over it), a PORT that
// is not a port number is a usage error naming it, and Ctrl-C (SIGINT) stops them as cleanly as SIGTERM does
// (src/cli/serve.ts: parsePort, untilSignal; src/cli/demo.ts uses both).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, run, start } from '../helpers/process.js';
import { addUser, Browser } from '../helpers/web.js';
import { seedDigestDb } from '../digest/seed.js';

let dir: string;
let feeds: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-port-'));
  feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('serve and demo: PORT and Ctrl-C', { timeout: 120_000 }, () => {
  it('serve listens on the port PORT names, answers /healthz there, and stops on SIGINT with exit 0', async () => {
    const port = await freePort();
    const child = start(['serve', '--no-schedule', '--db', path.join(dir, 'env.sqlite'), '--feeds', feeds], { env: { PORT: String(port) } });
    try {
      const listening = JSON.parse(await child.line(/"event":"listening"/)) as { url: string };
      expect(listening.url).toBe(`http://127.0.0.1:${port}/`);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect([health.status, await health.json()]).toEqual([200, { ok: true }]);
    } finally {
      // Also when a check above fails: a serve left running outlived the test run (session 59).
      child.proc.kill('SIGINT');
    }
    const done = await child.done;
    expect(done.code).toBe(0);
    const events = done.out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { event?: string; signal?: string });
    expect(events.filter((e) => e.event === 'stopping')).toEqual([expect.objectContaining({ signal: 'SIGINT' })]);
    expect(events.some((e) => e.event === 'stopped')).toBe(true);
  });

  it('--port wins over PORT', async () => {
    const [port, other] = [await freePort(), await freePort()];
    const child = start(['serve', '--no-schedule', '--port', String(port), '--db', path.join(dir, 'both.sqlite'), '--feeds', feeds], { env: { PORT: String(other) } });
    try {
      const listening = JSON.parse(await child.line(/"event":"listening"/)) as { url: string };
      expect(listening.url).toBe(`http://127.0.0.1:${port}/`);
    } finally {
      // No answer awaited: a SIGTERM right after "listening" is handled (serve listens for signals before it starts
      // serving; before that fix it ended the process by signal now and then, seen under load).
      child.proc.kill('SIGTERM');
    }
    const done = await child.done;
    expect([done.code, done.signal, done.err]).toEqual([0, null, '']);
  });

  // Five starts, and the empty-HOST test's four, one after another: each ~1 s of CPU, over 120 s in all at load 33.
  it('a PORT that is not a port number exits 2 naming it, and creates no database', { timeout: 300_000 }, async () => {
    for (const bad of ['http', '70000', '-1', '0x50', '8e1']) {
      const db = path.join(dir, `bad-${bad}.sqlite`);
      const r = await run(['serve', '--no-schedule', '--db', db, '--feeds', feeds], { env: { PORT: bad } });
      expect([r.code, r.err]).toEqual([2, expect.stringContaining(`"${bad}" is not a port number (--port N or PORT, 1–65535)`)]);
      expect(fs.existsSync(db)).toBe(false);
    }
  });

  // An empty HOST (a script's unset variable) listened on 127.0.0.1 while an empty PORT was refused; `--host ""` too.
  it('an empty HOST or --host exits 2 naming it, before any database is made', { timeout: 300_000 }, async () => {
    for (const [args, env, said] of [
      [['serve', '--no-schedule'], { HOST: '' }, 'lakivahti serve: HOST is set but empty: name an address, or unset it for 127.0.0.1\n'],
      [['serve', '--no-schedule'], { HOST: ' ' }, 'lakivahti serve: HOST is set but empty: name an address, or unset it for 127.0.0.1\n'],
      [['serve', '--no-schedule', '--host', ''], { HOST: '0.0.0.0' }, 'lakivahti serve: --host is empty: name an address, or leave the option out for 127.0.0.1\n'],
      [['demo'], { HOST: '' }, 'lakivahti demo: HOST is set but empty: name an address, or unset it for 127.0.0.1\n'],
    ] as const) {
      const db = path.join(dir, `host-${args[0]}.sqlite`);
      const r = await run([...args, '--port', '0', '--db', db, '--feeds', feeds], { env });
      expect([r.code, r.err.split('\n\nusage:')[0].replace(/\n?$/, '\n')]).toEqual([2, said]);
      expect(fs.existsSync(db)).toBe(false);
    }
  });

  // Without LAKIVAHTI_BASE_URL the messages' links use PORT: `serve --port N` with PORT unset linked to :3000, where
  // nothing listened (the digest page's preview as the scheduler's sends).
  it('serve --port N: the digest\'s links lead to port N', async () => {
    const port = await freePort();
    const db = path.join(dir, 'links.sqlite');
    const conn = seedDigestDb(db);
    await addUser(conn, 'sihteeri@example.fi', 'admin');
    conn.close();
    const child = start(['serve', '--no-schedule', '--port', String(port), '--db', db, '--feeds', feeds], { env: { PORT: undefined, LAKIVAHTI_BASE_URL: undefined } });
    try {
      await child.line(/"event":"listening"/);
      const browser = new Browser(`http://127.0.0.1:${port}`);
      expect((await browser.signIn('sihteeri@example.fi')).status).toBe(303);
      const { res, html } = await browser.get('/digest/preview');
      expect(res.status).toBe(200);
      expect(html).toContain(`http://127.0.0.1:${port}/items/`);
      expect(html).not.toContain('http://127.0.0.1:3000/');
    } finally {
      child.proc.kill('SIGTERM');
      await child.done;
    }
  });

  it('demo listens on the port PORT names and stops on SIGINT with exit 0', async () => {
    const port = await freePort();
    const child = start(['demo', '--db', path.join(dir, 'demo.sqlite')], { env: { PORT: String(port) } });
    try {
      const ready = await child.line(/^demo: crawled \d+ mirrored sources; open http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(ready).toContain(`open http://127.0.0.1:${port}/`);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      child.proc.kill('SIGINT');
    }
    const done = await child.done;
    // It stops as serve does, and says so in the same log lines.
    expect(done.code).toBe(0);
    expect(done.out).toMatch(/"event":"stopping","signal":"SIGINT"[\s\S]*"event":"stopped"/);
    // demo crawls every mirrored source before it says where it listens: its first crawl took over 90 s at load 33.
  }, 300_000);
});
