// What a page asks of the database when nothing has been written since the last time (the overview, the board, an
// item: their bodies are kept per data version, web/kept-bodies.ts), that the next write, by this process or another,
// shows at once, and that a kept session stops at once when it is signed out, its account disabled or its end passed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { arriveTagged, seedStore, servePages, webDeps, type Seeded, type Site } from './support.js';
import { addUser, Browser } from '../helpers/web.js';
import { statementsRun } from '../helpers/statements.js';
import { pageProblems } from '../../src/app/context.js';
import { insertReview, openDb, type Db } from '../../src/store/index.js';

let dir: string;
let file: string;
let db: Db;
let seeded: Seeded;
let site: Site;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-kept-'));
  file = path.join(dir, 'kept.sqlite');
  db = openDb(file);
  seeded = seedStore(db);
  // The banner as `serve` shows it (app/serve.ts): it checks the database at each new data version.
  site = await servePages(webDeps(db, { problems: pageProblems({ db, problems: [] }) }), 'reviewer');
}, 60_000);

afterAll(async () => {
  await site?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The SQL of every statement this database runs while counting (a spy on the real statements; each still runs). */
const ran = statementsRun(() => db);

const VERSION = /^(PRAGMA data_version|SELECT total_changes\(\))$/;
const page = async (p: string, browser = site.browser) => {
  const { res, html } = await browser.get(p);
  expect([p, res.status]).toEqual([p, 200]);
  return html;
};
/** Another connection to the database file, as the CLI or the crawler's writer is. */
const elsewhere = (sql: string, ...args: unknown[]) => {
  const other = new Database(file);
  try {
    other.prepare(sql).run(...args);
  } finally {
    other.close();
  }
};

describe('a page when nothing was written since', () => {
  it('reads the data version once (the banner\'s too), no session, and for the overview, the board and an item nothing else but the person\'s read mark', async () => {
    for (const [p, others] of [['/', 0], ['/board', 0], [`/items/${seeded.request}`, 1], ['/items', 0]] as const) {
      await page(p);
      await page(p);
      ran.length = 0;
      const html = await page(p);
      expect(html, p).toContain('<main id="main"');
      expect(ran.filter((sql) => /^PRAGMA data_version$/.test(sql)), p).toHaveLength(1);
      expect(ran.filter((sql) => /\bsessions\b/.test(sql)), p).toEqual([]);
      const rest = ran.filter((sql) => !VERSION.test(sql));
      expect(rest, p).toHaveLength(others);
      if (others) expect(rest[0], p).toMatch(/\bitem_reads\b/);
    }
  });

  it('shows a write of this process on the next page, and one of another connection', async () => {
    await page('/');
    expect(await page('/')).not.toContain('Kept-sivun uusi asiakirja');
    arriveTagged(db, 'stm', { title: 'Kept-sivun uusi asiakirja pelastuslaista', url: 'https://stm.fi/kept-1', published: new Date().toISOString() });
    expect(await page('/')).toContain('Kept-sivun uusi asiakirja');

    const item = `/items/${seeded.request}`;
    await page(item);
    expect(await page(item)).not.toContain('kept-arvioija@example.fi');
    insertReview(db, { itemId: seeded.request, reviewer: 'kept-arvioija@example.fi', relevant: true, goals: ['services'], rejected: [], at: new Date().toISOString() });
    expect(await page(item)).toContain('kept-arvioija@example.fi');

    await page(item);
    elsewhere('UPDATE items SET title = ? WHERE id = ?', 'Muualla muutettu otsikko', seeded.request);
    const changed = await page(item);
    expect(changed).toContain('<title>Muualla muutettu otsikko – Lakivahti</title>');
    expect(changed).toContain('Muualla muutettu otsikko</h1>');
  });

  it('puts each person\'s own form token in a kept body, never another\'s', async () => {
    const other = new Browser(site.base);
    expect((await other.signIn('reviewer@example.fi')).status).toBe(303);
    for (const p of ['/board', `/items/${seeded.request}`]) {
      const mine = await page(p);
      const theirs = await page(p, other);
      const tokens = (html: string) => new Set([...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]));
      expect(tokens(mine), p).toEqual(new Set([Browser.token(mine)]));
      expect(tokens(theirs), p).toEqual(new Set([Browser.token(theirs)]));
      expect(Browser.token(mine)).not.toBe(Browser.token(theirs));
      expect(theirs).not.toMatch(/csrf-[0-9a-f]{32}/);
    }
  });
});

describe('a kept list page', () => {
  it('shows each person the rows they have read, also in an unread-only list', async () => {
    await addUser(db, 'toinen@example.fi', 'reviewer');
    const other = new Browser(site.base);
    expect((await other.signIn('toinen@example.fi')).status).toBe(303);
    const first = await page('/items');
    const newest = Number(/<tr class="unread"><th scope="row"><a href="\/items\/(\d+)"/.exec(first)![1]);
    expect((await site.browser.post(`/items/${newest}/read`, { _csrf: Browser.token(first), back: '/items' })).res.status).toBe(303);
    const readRow = `<tr><th scope="row"><a href="/items/${newest}"`;
    const unreadRow = `<tr class="unread"><th scope="row"><a href="/items/${newest}"`;
    for (let n = 0; n < 3; n++) {
      expect(await page('/items')).toContain(readRow);
      expect(await page('/items', other)).toContain(unreadRow);
      expect(await page('/items?unread=1')).not.toContain(`href="/items/${newest}"`);
      expect(await page('/items?unread=1', other)).toContain(unreadRow);
    }
  });
});

describe('a session kept between writes', () => {
  const signedIn = async (email: string) => {
    const b = new Browser(site.base);
    expect((await b.signIn(email)).status).toBe(303);
    await page('/items', b);
    await page('/items', b);
    return b;
  };
  const refused = async (b: Browser) => {
    const { res, html } = await b.get('/items');
    expect(res.status).toBe(401);
    expect(html).toContain('name="password"');
  };

  it('stops at once when it is signed out', async () => {
    const b = await signedIn('reviewer@example.fi');
    const cookie = b.cookie;
    const { html } = await b.get('/items');
    expect((await b.post('/logout', { _csrf: Browser.token(html) })).res.status).toBe(303);
    const old = new Browser(site.base);
    old.cookies = new Map(cookie.split('; ').map((c) => [c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1)]));
    await refused(old);
  });

  it('stops at once when its account is disabled by another connection (the CLI) or its end is reached', async () => {
    await addUser(db, 'pois@example.fi', 'reader');
    const b = await signedIn('pois@example.fi');
    elsewhere("UPDATE users SET disabled_at = ? WHERE email = 'pois@example.fi'", new Date().toISOString());
    await refused(b);

    await addUser(db, 'loppu@example.fi', 'reader');
    const c = await signedIn('loppu@example.fi');
    elsewhere("UPDATE sessions SET expires_at = ? WHERE user_id = (SELECT id FROM users WHERE email = 'loppu@example.fi')", new Date(Date.now() - 1000).toISOString());
    await refused(c);
  }, 60_000); // four password hashes (scrypt's strong parameters): 3 s quietly, past 20 s at load 16
});
