// `npm run bench:web-crawl`: pages read while a crawl writes. `lakivahti serve --no-schedule` and `lakivahti crawl`
// as processes on one database, as cron and a service run them: rounds of page loads (overview, a search, an item, the
// page of a matter of 50 items) by CONNECTIONS concurrent readers, a reviewer saving a review every REVIEW_MS, once with no crawl and once
// while a crawl of 200 sources (20 new items each) and a 10,000-item feed stores, interleaved. Prints p50/p99 per
// phase, and fails (exit 1) on any page not answered 200, any request that errs, a review answered other than 303 or
// 503 (refused under a lock held longer than a quarter second, as designed), a page meeting the lock in serve's log, or a
// review answered as saved that the database does not hold.
// Options: --rounds N (default 3), --seconds S (the quiet phase's length, default 10).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { rootDir } from '../src/paths.js';
import { contentHash } from '../src/normalize/key.js';
import { openDb, saveRun } from '../src/store/index.js';
import type { TaggedItem } from '../src/model.js';
import { peerFeed } from './feeds.js';
import { loadAverage, median } from './stats.js';

const BIN = path.join(rootDir, 'bin', 'lakivahti.js');
const CONNECTIONS = 24;
const REVIEW_MS = 250;
const SOURCES = 200;
const BIG = 10_000;
const USER = 'bench@example.fi';
const PASSWORD = 'bench-salasana-pitka';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, seconds: { type: 'string', default: '10' } } });
const ROUNDS = Number(opts.rounds);
const QUIET_MS = Number(opts.seconds) * 1000;

// Feeds on 127.0.0.1: each round's seed makes every item new, so each crawl stores 14,000 items.
let seed = 'r0';
const feeds = http.createServer((req, res) => {
  req.resume();
  const name = (req.url ?? '/').slice(1);
  const body = name === 'big' ? peerFeed(BIG, `${seed}-big`) : peerFeed(20, `${seed}-${name}`);
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
});
await new Promise<void>((resolve) => feeds.listen(0, '127.0.0.1', resolve));
const feedUrl = `http://127.0.0.1:${(feeds.address() as AddressInfo).port}`;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-web-crawl-'));
const db = path.join(dir, 'b.sqlite');
const feedsDir = path.join(dir, 'feeds');
fs.mkdirSync(path.join(feedsDir, 'sources'), { recursive: true });
for (let n = 0; n < SOURCES; n++) fs.writeFileSync(path.join(feedsDir, 'sources', `s${n}.yaml`), `id: s${n}\nname: Lähde ${n}\nurl: ${feedUrl}/s${n}\nkind: rss\n`);
fs.writeFileSync(path.join(feedsDir, 'sources', 'big.yaml'), `id: big\nname: Iso syöte\nurl: ${feedUrl}/big\nkind: rss\n`);
const env = { ...process.env, LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1' };

/** Run the CLI to its end; its exit status and stderr. */
function cli(args: string[], input = ''): Promise<{ code: number | null; err: string; ms: number }> {
  const began = performance.now();
  const p = spawn(process.execPath, [BIN, ...args, '--db', db, '--feeds', feedsDir], { env, stdio: ['pipe', 'ignore', 'pipe'] });
  let err = '';
  p.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  p.stdin.end(input);
  return new Promise((resolve) => p.on('close', (code) => resolve({ code, err, ms: performance.now() - began })));
}

const first = await cli(['crawl']);
if (first.code !== 0) throw new Error(`the first crawl failed: ${first.err}`);
// A matter of 50 items (the peer feeds' identifiers are mentions, which make none): a bill and what is said about it.
const matter = (() => {
  const store = openDb(db);
  try {
    const at = new Date().toISOString();
    const items = Array.from({ length: 50 }, (_, j): TaggedItem => {
      const i: Omit<TaggedItem, 'hash'> = {
        sourceId: 's0', key: `guid:matter-${j}`, guid: `matter-${j}`, url: `https://example.fi/he/${j}`, title: `Tiedote ${j}: HE 7/2026 vp pelastuslain muutoksesta`,
        summary: 'Hallituksen esitys pelastuslain muuttamisesta.', contentHtml: '<p>Teksti.</p>', published: new Date(Date.now() - j * 3_600_000).toISOString(),
        updated: null, deadline: null, language: 'fi', organisation: 'Sisäministeriö', kind: j ? 'press-release' : 'bill', stage: null, consultation: null,
        identifiers: [{ type: 'he', value: 'HE 7/2026 vp', role: j ? 'about' : 'self' }], tags: null, searchTerms: '',
      };
      return { ...i, hash: contentHash(i) };
    });
    saveRun(store, { run: { sourceId: 's0', startedAt: at, finishedAt: at, status: 'ok', found: 50, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
    return store.prepare("SELECT matter_id FROM items WHERE key = 'guid:matter-0'").pluck().get() as number;
  } finally {
    store.close();
  }
})();
if ((await cli(['users', 'add', USER, '--role', 'reviewer'], `${PASSWORD}\n`)).code !== 0) throw new Error('users add failed');

const serve = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-schedule', '--db', db, '--feeds', feedsDir], { env, stdio: ['ignore', 'pipe', 'pipe'] });
let serveErr = '';
serve.stderr.setEncoding('utf8').on('data', (c: string) => (serveErr += c));
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  serve.stdout.setEncoding('utf8').on('data', (c: string) => {
    out += c;
    const line = out.split('\n').find((l) => l.includes('"event":"listening"'));
    if (line) resolve((JSON.parse(line) as { url: string }).url.replace(/\/$/, ''));
  });
  serve.on('close', () => reject(new Error(`serve ended: ${serveErr}`)));
});

// A signed-in reviewer's cookies and form token.
const jar = new Map<string, string>();
const keep = (res: Response) => {
  for (const c of res.headers.getSetCookie()) jar.set(c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1, c.indexOf(';')));
};
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
const login = await fetch(`${base}/login`);
keep(login);
const signed = await fetch(`${base}/login`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie() },
  body: new URLSearchParams({ _csrf: token(await login.text()), email: USER, password: PASSWORD, next: '/' }) });
keep(signed);
if (signed.status !== 303) throw new Error(`signing in answered ${signed.status}`);
const boardPage = await fetch(`${base}/board`, { headers: { cookie: cookie() } });
const csrf = token(await boardPage.text());

const conn = new Database(db, { readonly: true });
const maxItem = conn.prepare('SELECT max(id) FROM items').pluck().get() as number;
conn.close();
const pages = (n: number) => ['/', '/items?q=pelastuslain', `/items/${1 + ((n * 7919) % maxItem)}`, `/matters/${matter}`][n % 4];

interface Phase { name: string; ms: number[]; byPage: Map<string, number[]>; failed: string[]; reviews: { saved: number[]; busy: number; other: string[] } }

/** Readers and a reviewer until `until` resolves. */
async function load(name: string, until: Promise<unknown>): Promise<Phase> {
  const phase: Phase = { name, ms: [], byPage: new Map(), failed: [], reviews: { saved: [], busy: 0, other: [] } };
  let done = false;
  void until.then(() => (done = true));
  let n = 0;
  const reader = async () => {
    while (!done) {
      const p = pages(n++);
      const began = performance.now();
      try {
        const res = await fetch(base + p, { headers: { cookie: cookie() } });
        await res.arrayBuffer();
        const ms = performance.now() - began;
        phase.ms.push(ms);
        const kind = p.replace(/\d+$/, 'N');
        phase.byPage.set(kind, [...(phase.byPage.get(kind) ?? []), ms]);
        if (res.status !== 200) phase.failed.push(`${p}: ${res.status}`);
      } catch (err) {
        phase.failed.push(`${p}: ${(err as Error).message}`);
      }
    }
  };
  const reviewer = async () => {
    while (!done) {
      const id = 1 + Math.floor(Math.random() * maxItem);
      const res = await fetch(`${base}/items/${id}/review`, { method: 'POST', redirect: 'manual', headers: { cookie: cookie() },
        body: new URLSearchParams({ _csrf: csrf, goals: 'services', decision: 'relevant', note: `${name} ${id}`, back: `/items/${id}` }) });
      await res.arrayBuffer();
      if (res.status === 303) phase.reviews.saved.push(id);
      else if (res.status === 503) phase.reviews.busy++;
      else phase.reviews.other.push(`${id}: ${res.status}`);
      await new Promise((r) => setTimeout(r, REVIEW_MS));
    }
  };
  await Promise.all([...Array.from({ length: CONNECTIONS }, reader), reviewer()]);
  return phase;
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))];
const rows: string[] = [];
const all: Phase[] = [];
const quietP50: number[] = [], quietP99: number[] = [], crawlP50: number[] = [], crawlP99: number[] = [];
console.log(`bench:web-crawl ${new Date().toISOString()} load ${loadAverage()}; ${CONNECTIONS} readers, a review every ${REVIEW_MS} ms; crawl: ${SOURCES} × 20 new items + ${BIG.toLocaleString('en')}`);
for (let r = 1; r <= ROUNDS; r++) {
  seed = `r${r}`;
  const order = r % 2 ? ['quiet', 'crawl'] : ['crawl', 'quiet'];
  for (const kind of order) {
    const crawl = kind === 'crawl' ? cli(['crawl']) : null;
    const phase = await load(`${kind}-${r}`, crawl ?? new Promise((res) => setTimeout(res, QUIET_MS)));
    const c = crawl ? await crawl : null;
    if (c && c.code !== 0) throw new Error(`crawl ${r} failed: ${c.err}`);
    all.push(phase);
    const [p50, p99] = [q(phase.ms, 0.5), q(phase.ms, 0.99)];
    (kind === 'crawl' ? crawlP50 : quietP50).push(p50);
    (kind === 'crawl' ? crawlP99 : quietP99).push(p99);
    console.log(`${kind}-${r}: p50 by page ${[...phase.byPage].map(([k, v]) => `${k} ${q(v, 0.5).toFixed(0)} ms`).join(', ')}`);
    rows.push(`| ${r} | ${kind}${c ? ` (${(c.ms / 1000).toFixed(1)} s)` : ''} | ${phase.ms.length} | ${p50.toFixed(1)} | ${p99.toFixed(1)} | ${phase.failed.length} | ${phase.reviews.saved.length} / ${phase.reviews.busy} | ${loadAverage().split(' ')[0]} |`);
  }
}
serve.kill('SIGTERM');
await new Promise((r) => serve.on('close', r));
feeds.close();

console.log('| round | phase | pages | p50 ms | p99 ms | failed | reviews saved / 503 | load |\n|---|---|---|---|---|---|---|---|');
for (const row of rows) console.log(row);
console.log(`medians: quiet p50 ${median(quietP50).toFixed(1)} ms, p99 ${median(quietP99).toFixed(1)} ms; during the crawl p50 ${median(crawlP50).toFixed(1)} ms (×${(median(crawlP50) / median(quietP50)).toFixed(2)}), p99 ${median(crawlP99).toFixed(1)} ms (×${(median(crawlP99) / median(quietP99)).toFixed(2)}); ${new Date().toISOString()} load ${loadAverage()}`);

// What must hold: no page failed, every review answered as saved is stored, no lock error reached the log.
const problems: string[] = [];
for (const p of all) {
  if (p.failed.length) problems.push(`${p.name}: ${p.failed.length} pages failed, e.g. ${p.failed.slice(0, 3).join('; ')}`);
  if (p.reviews.other.length) problems.push(`${p.name}: reviews answered ${p.reviews.other.slice(0, 3).join('; ')}`);
}
const check = new Database(db, { readonly: true });
const notes = new Set(check.prepare('SELECT note FROM reviews').pluck().all() as string[]);
check.close();
const lost = all.flatMap((p) => p.reviews.saved.map((id) => `${p.name} ${id}`)).filter((note) => !notes.has(note));
if (lost.length) problems.push(`${lost.length} reviews answered as saved are not stored, e.g. ${lost.slice(0, 3).join('; ')}`);
// A review refused 503 under a lock held longer than a quarter second is logged with SQLite's words: counted, said.
const logged = serveErr.split('\n').filter((l) => l.includes('request_failed'));
const lockLines = logged.filter((l) => /SQLITE_BUSY|database is locked/.test(l));
const pageLocks = lockLines.filter((l) => !l.includes('"method":"POST"'));
if (pageLocks.length) problems.push(`a page met the lock: ${pageLocks[0].slice(0, 300)}`);
if (logged.length > lockLines.length) problems.push(`serve logged other failures: ${logged.find((l) => !lockLines.includes(l))?.slice(0, 300)}`);
console.log(`serve's log: ${lockLines.length} reviews refused under the crawl's lock, ${logged.length - lockLines.length} other failures`);
fs.rmSync(dir, { recursive: true, force: true });
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('no page failed, every review answered as saved is stored, no lock error in serve\'s log');
