// `serve` as a process, reached past its proxy or with forged headers: a Host, X-Forwarded-Host or X-Forwarded-Proto a
// client sends never makes a link of the feeds or the calendar (they took the request's Host, so whoever asked with
// `Host: evil.example` got entries linking there), and a forwarded address or scheme is believed only from the proxy
// LAKIVAHTI_TRUST_PROXY names. With LAKIVAHTI_BASE_URL set the links are under it; unset, under the address serve
// listens on (the scheme the trusted proxy says). A malformed LAKIVAHTI_BASE_URL is refused as serve starts (it was
// named in the log as `digest_disabled`, and each feed request read it again and dropped it unsaid).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeItem } from '../../src/normalize/index.js';
import { openDb, saveRun, syncSources } from '../../src/store/index.js';
import { addUser, PASSWORD } from '../helpers/web.js';
import { serveForTests, start, type Served } from '../helpers/process.js';
import { WEB_SOURCES } from '../web/support.js';

/** A database with one reviewer and one item with a statement deadline, served with `env`. */
const servedWith = (name: string, env: Record<string, string>): Served =>
  serveForTests(name, async (dir) => {
    const file = path.join(dir, 'db.sqlite');
    const db = openDb(file);
    syncSources(db, [WEB_SOURCES.lausuntopalvelu]);
    const now = new Date().toISOString();
    const item = { ...normalizeItem({ guid: 'lp', title: 'Lausuntopyyntö pelastuslaista', published: now, url: 'https://lausuntopalvelu.fi/x',
      deadline: new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10) }, WEB_SOURCES.lausuntopalvelu), tags: null, searchTerms: '' };
    saveRun(db, { run: { sourceId: 'lausuntopalvelu', startedAt: now, finishedAt: now, status: 'ok', found: 1, created: 0, updated: 0, error: null, notes: [] },
      items: [item], nextRunAt: null });
    await addUser(db, 'lakimies@example.fi', 'reviewer');
    db.close();
    return { args: ['--db', file], opts: { env: { LAKIVAHTI_BASE_URL: '', ...env } } };
  });

/** A GET with exactly these headers (fetch will not send another Host). */
function get(base: string, pathname: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    http.get({ host: url.hostname, port: url.port, path: pathname, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    }).on('error', reject);
  });
}

/** The session cookie of the reviewer, signed in through the form. */
async function signIn(base: string): Promise<string> {
  const form = await fetch(`${base}/login`);
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
  const body = new URLSearchParams({ _csrf: token, email: 'lakimies@example.fi', password: PASSWORD, next: '/' });
  const res = await fetch(`${base}/login`, { method: 'POST', body, headers: { cookie }, redirect: 'manual' });
  expect(res.status).toBe(303);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const FORGED = { host: 'evil.example', 'x-forwarded-host': 'evil2.example', 'x-forwarded-for': '203.0.113.66' };
/** Every absolute address in a feed or calendar (its links, ids, the entries' pages), but the items' originals and the formats' own names. */
const addresses = (body: string) => [...body.replaceAll('\r\n ', '').matchAll(/https?:\/\/[^\s"<>\\]+/g)].map((m) => m[0])
  .filter((u) => !/^https:\/\/lausuntopalvelu\.fi\/|^http:\/\/www\.w3\.org\/|^https:\/\/jsonfeed\.org\//.test(u));
const FEEDS = ['/feeds/items.atom', '/feeds/items.json', '/feeds/deadlines.ics'];

describe('LAKIVAHTI_BASE_URL set, behind a trusted proxy', { timeout: 120_000 }, () => {
  const served = servedWith('forwarded-base', { LAKIVAHTI_BASE_URL: 'https://lakivahti.example.fi', LAKIVAHTI_TRUST_PROXY: 'loopback' });

  it.each(FEEDS)('%s links only under LAKIVAHTI_BASE_URL, whatever Host and X-Forwarded-* say', async (feed) => {
    const cookie = await signIn(served.base);
    const r = await get(served.base, feed, { ...FORGED, 'x-forwarded-proto': 'http', cookie });
    expect(r.status).toBe(200);
    const links = addresses(r.body);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((u) => !u.startsWith('https://lakivahti.example.fi/'))).toEqual([]);
  });

  it('a redirect carries a path, never the forged host', async () => {
    const r = await get(served.base, '/login?next=%2Fitems', { ...FORGED, cookie: await signIn(served.base) });
    expect([r.status, r.headers.location]).toEqual([303, '/items']);
  });
});

describe('LAKIVAHTI_BASE_URL unset, a client past the proxy (LAKIVAHTI_TRUST_PROXY names another address)', { timeout: 120_000 }, () => {
  const served = servedWith('forwarded-past', { LAKIVAHTI_TRUST_PROXY: '10.0.0.1' });

  it.each(FEEDS)('%s links under the address serve listens on, by http: its Host and X-Forwarded-Proto are not believed', async (feed) => {
    const cookie = await signIn(served.base);
    const r = await get(served.base, feed, { ...FORGED, 'x-forwarded-proto': 'https', cookie });
    expect(r.status).toBe(200);
    const links = addresses(r.body);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((u) => !u.startsWith(`${served.base}/`))).toEqual([]);
  });

  it('its forged X-Forwarded-For is not the address signing in', async () => {
    const form = await get(served.base, '/login', FORGED);
    const cookie = (form.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1];
    const body = new URLSearchParams({ _csrf: token, email: 'arvaus@example.fi', password: 'väärä-salasana-123', next: '/' });
    const res = await fetch(`${served.base}/login`, { method: 'POST', body, headers: { cookie, 'x-forwarded-for': '203.0.113.66' }, redirect: 'manual' });
    expect(res.status).toBe(401);
    expect(served.child.err()).toContain('"address":"ip:127.0.0.1"');
    expect(served.child.err()).not.toContain('203.0.113.66');
  });
});

describe('a malformed LAKIVAHTI_BASE_URL', { timeout: 60_000 }, () => {
  it.each(['https://lakivahti.example.fi/ x', 'lakivahti.example.fi', 'https://lakivahti.example.fi/?a=1', 'ftp://lakivahti.example.fi'])(
    '%j: serve and demo refuse to start, naming it (exit 2), before any database is made', async (value) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-base-bad-'));
      try {
        for (const command of ['serve', 'demo']) {
          const db = path.join(dir, `${command}.sqlite`);
          const child = start([command, '--port', '0', '--no-schedule', '--db', db].filter((a) => command === 'serve' || a !== '--no-schedule'),
            { env: { LAKIVAHTI_BASE_URL: value } });
          // It served, with the feeds linking elsewhere and the digest off: stop it and say so.
          const listened = child.line(/"event":"listening"/, 30_000).then(() => true, () => false);
          const first = await Promise.race([child.done.then(() => false), listened]);
          if (first) child.proc.kill('SIGTERM');
          const r = await child.done;
          expect([command, first, r.code]).toEqual([command, false, 2]);
          expect(r.err).toContain(`lakivahti ${command}: LAKIVAHTI_BASE_URL must be an http(s) address with no spaces, query or fragment, not ${JSON.stringify(value.trim())}`);
          expect(fs.existsSync(db)).toBe(false);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
});
