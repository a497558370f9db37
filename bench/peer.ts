// `npm run bench:peer`: `lakivahti crawl` beside newsboat's `newsboat -x reload` (8 threads), both as processes,
// on the same loopback feeds, interleaved (newsboat, Lakivahti, newsboat, …): wall-time medians and ratios, peak
// memory and CPU time (user + system, all threads) of each process (/usr/bin/time), and the items each stored, counted in
// both databases. CPU time says more than wall time on a machine that other work shares.
// Options: --runs N (measured runs per side and scenario, default 5), --only WORD (scenarios whose name has WORD),
// --huge (also the 100,000-item feed, one run each).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { rootDir } from '../src/paths.js';
import { peerFeed } from './feeds.js';
import { loadAverage, median } from './stats.js';

const NEWSBOAT = '/usr/bin/newsboat';
const TIME = '/usr/bin/time';
// The `lakivahti` command as `npx lakivahti` and a PATH install run it: the launcher, which starts node on bin/lakivahti.js.
const BIN = path.join(rootDir, 'bin', 'lakivahti');

for (const [file, pkg] of [[NEWSBOAT, 'newsboat'], [TIME, 'time']]) {
  if (!fs.existsSync(file)) {
    console.error(`bench:peer needs ${file}, which is missing: install it with \`sudo apt-get install ${pkg}\` (Debian/Ubuntu) and run again.`);
    console.error('Nothing was measured.');
    process.exit(1);
  }
}

const { values: opts } = parseArgs({ options: { runs: { type: 'string', default: '5' }, only: { type: 'string' }, huge: { type: 'boolean' } } });
const RUNS = Number(opts.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs must be a positive whole number, not "${opts.runs}"`);

// ---- The feeds, served on 127.0.0.1 with ETag and Last-Modified; a matching conditional GET gets 304. A set made
// without validators is sent whole every time, with neither header (a server that keeps no ETag or date). ----

const LAST_MODIFIED = 'Tue, 01 Dec 2026 10:00:00 GMT';
const bodies = new Map<string, Buffer>();
/** Feeds sent without ETag or Last-Modified: always 200 with the whole body. */
const noValidators = new Set<string>();
/** Responses by status since the last reset, to check that each side really got what the scenario says. */
let answered = { 200: 0, 304: 0, other: 0 };

const server = http.createServer((req, res) => {
  req.resume();
  const name = (req.url ?? '/').slice(1);
  const body = bodies.get(name);
  if (!body) {
    answered.other++;
    return void res.writeHead(404).end();
  }
  if (noValidators.has(name)) {
    answered[200]++;
    return void res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length }).end(body);
  }
  const etag = `"${name}-1"`;
  if (req.headers['if-none-match'] === etag || (!req.headers['if-none-match'] && req.headers['if-modified-since'] === LAST_MODIFIED)) {
    answered[304]++;
    return void res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED }).end();
  }
  answered[200]++;
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length, etag, 'last-modified': LAST_MODIFIED });
  res.end(body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// ---- One feed set, set up for both programs in a temp folder. ----

interface FeedSet {
  label: string;
  names: string[];
  items: number;
  dir: string;
  env: Record<string, string>;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-peer-'));

function feedSet(label: string, count: number, perFeed: number, env: Record<string, string> = {}, validators = true): FeedSet {
  const dir = path.join(work, label);
  fs.mkdirSync(path.join(dir, 'feeds', 'sources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'home'));
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${label}-${i}.xml`;
    bodies.set(name, Buffer.from(peerFeed(perFeed, `${label}-${i}`)));
    names.push(name);
    if (!validators) noValidators.add(name);
    fs.writeFileSync(path.join(dir, 'feeds', 'sources', `${label}-${i}.yaml`),
      `id: ${label}-${i}\nname: Bench ${label} ${i}\nurl: ${origin}/${name}\nkind: rss\nlanguage: fi\n`);
  }
  fs.writeFileSync(path.join(dir, 'urls'), names.map((n) => `${origin}/${n}`).join('\n') + '\n');
  fs.writeFileSync(path.join(dir, 'config'), 'reload-threads 8\n');
  return { label, names, items: count * perFeed, dir, env };
}

// ---- Running one side once. ----

type Side = 'newsboat' | 'lakivahti';
interface Sample { ms: number; kb: number; cpuMs: number; out: string }

function runOnce(side: Side, set: FeedSet, command: 'crawl' | 'read'): Promise<Sample> {
  const memFile = path.join(work, 'time.out');
  const nb = { cmd: NEWSBOAT, args: ['-x', command === 'crawl' ? 'reload' : 'print-unread', '-u', 'urls', '-c', 'cache.db', '-C', 'config'] };
  const lk = { cmd: BIN, args: [command === 'crawl' ? 'crawl' : 'sources'] };
  const { cmd, args } = side === 'newsboat' ? nb : lk;
  const env = {
    ...process.env, HOME: path.join(set.dir, 'home'), LAKIVAHTI_DB: path.join(set.dir, 'lakivahti.sqlite'),
    LAKIVAHTI_FEEDS: path.join(set.dir, 'feeds'), LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1',
    // Every feed is on one host here: as many requests in flight to it as newsboat's 8 reload threads.
    LAKIVAHTI_PER_HOST: '8', ...set.env,
  };
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(TIME, ['-f', '%M %U %S', '-o', memFile, cmd, ...args], { cwd: set.dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t;
      if (code !== 0) return reject(new Error(`${side} ${args.join(' ')} exited ${code}\n${out.slice(-2000)}\n${err.slice(-2000)}`));
      const [kb, user, system] = fs.readFileSync(memFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
      resolve({ ms, kb, cpuMs: (user + system) * 1000, out });
    });
  });
}

/** Remove a side's database, so its next run is cold. */
function forget(side: Side, set: FeedSet): void {
  const files = side === 'newsboat' ? ['cache.db', 'cache.db.lock'] : ['lakivahti.sqlite', 'lakivahti.sqlite-wal', 'lakivahti.sqlite-shm'];
  for (const f of files) fs.rmSync(path.join(set.dir, f), { force: true });
}

/** Items each side has stored for the set. */
function stored(side: Side, set: FeedSet): number {
  const file = path.join(set.dir, side === 'newsboat' ? 'cache.db' : 'lakivahti.sqlite');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${side === 'newsboat' ? 'rss_item' : 'items'}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

// ---- Scenarios. ----

const problems: string[] = [];
const rows: string[][] = [];
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const range = (xs: number[]) => `${(Math.min(...xs) / 1000).toFixed(2)}–${(Math.max(...xs) / 1000).toFixed(2)}`;

interface Scenario {
  name: string;
  set: FeedSet;
  command: 'crawl' | 'read';
  /** cold: each run into an empty database; warm: every feed already stored and answering 304; resent: every feed
   *  already stored and sent again whole, the same content, without validators (200, nothing new). */
  state: 'cold' | 'warm' | 'resent';
  runs: number;
}

/** What the server must have answered during one run of a scenario. */
function expectAnswers(s: Scenario, side: Side, before: typeof answered, after: typeof answered): void {
  const feeds = s.set.names.length;
  const got = { 200: after[200] - before[200], 304: after[304] - before[304], other: after.other - before.other };
  const want = s.command === 'read' ? { 200: 0, 304: 0 } : s.state === 'warm' ? { 200: 0, 304: feeds } : { 200: feeds, 304: 0 };
  if (got[200] !== want[200] || got[304] !== want[304] || got.other)
    problems.push(`${s.name}, ${side}: the server answered ${got[200]}× 200, ${got[304]}× 304, ${got.other}× other; expected ${want[200]}× 200 and ${want[304]}× 304`);
}

async function measure(s: Scenario): Promise<void> {
  const sides: Side[] = ['newsboat', 'lakivahti'];
  const ready = (side: Side) => fs.existsSync(path.join(s.set.dir, side === 'newsboat' ? 'cache.db' : 'lakivahti.sqlite'));
  if (s.state === 'warm' && !(s.command === 'read' && sides.every(ready))) {
    // Both fetch everything once, then once more so each has stored its validators (newsboat keeps them from
    // its second fetch on); the scenario's runs must then all be answered 304 (checked below).
    for (const side of sides) {
      forget(side, s.set);
      await runOnce(side, s.set, 'crawl');
      await runOnce(side, s.set, 'crawl');
    }
  }
  if (s.state === 'resent') {
    // Both store every item once; each measured run then gets the same bodies again and stores nothing new.
    for (const side of sides) {
      forget(side, s.set);
      await runOnce(side, s.set, 'crawl');
    }
  }
  // Lakivahti keeps the parsed taxonomy and its words' analyses beside the database (taxonomy-cache.ts), and its writer
  // thread's compiled code (store/writer-boot.cts), and a cold run removes only the database: the first crawl into a
  // folder builds those caches (some 0.25 s), the later ones read them.
  const buildsCaches = s.command === 'crawl' && !fs.existsSync(path.join(s.set.dir, 'lakivahti.sqlite.taxonomy-cache.json'));
  const samples: Record<Side, Sample[]> = { newsboat: [], lakivahti: [] };
  for (let i = 0; i < s.runs; i++) {
    for (const side of sides) {
      if (s.state === 'cold') forget(side, s.set);
      const before = { ...answered };
      const sample = await runOnce(side, s.set, s.command);
      expectAnswers(s, side, before, answered);
      if (side === 'lakivahti' && s.command === 'crawl') {
        const lines = sample.out.split('\n').filter(Boolean);
        const want = { cold: / \d+ new,/, warm: /: not modified$/, resent: /: 0 new, 0 updated, \d+ found/ }[s.state];
        const bad = lines.filter((l) => !want.test(l));
        if (lines.length !== s.set.names.length || bad.length)
          problems.push(`${s.name}: lakivahti printed ${lines.length} lines for ${s.set.names.length} feeds${bad.length ? `, e.g. "${bad[0]}"` : ''}`);
      }
      if (s.command === 'crawl') {
        const n = stored(side, s.set);
        if (n !== s.set.items) problems.push(`${s.name}, ${side}: ${n} items stored, expected ${s.set.items}`);
      }
      samples[side].push(sample);
    }
  }
  const t = (side: Side) => samples[side].map((x) => x.ms);
  const m = (side: Side) => median(samples[side].map((x) => x.kb)) / 1024;
  const cpu = (side: Side) => median(samples[side].map((x) => x.cpuMs));
  if (buildsCaches) console.log(`  (${s.name}: lakivahti's first run built its taxonomy caches: ${secs(samples.lakivahti[0].ms)})`);
  const ratio = median(t('lakivahti')) / median(t('newsboat'));
  rows.push([s.name, `${secs(median(t('newsboat')))} (${range(t('newsboat'))})`, `${secs(median(t('lakivahti')))} (${range(t('lakivahti'))})`,
    ratio.toFixed(2), `${secs(cpu('newsboat'))} / ${secs(cpu('lakivahti'))} (${(cpu('lakivahti') / cpu('newsboat')).toFixed(2)})`,
    `${m('newsboat').toFixed(0)} MB`, `${m('lakivahti').toFixed(0)} MB`]);
  console.log(`  ${s.name}: newsboat ${secs(median(t('newsboat')))}, lakivahti ${secs(median(t('lakivahti')))}, ratio ${ratio.toFixed(2)}; ` +
    `CPU ${secs(cpu('newsboat'))} / ${secs(cpu('lakivahti'))}; peak memory ${m('newsboat').toFixed(0)} MB / ${m('lakivahti').toFixed(0)} MB`);
}

const big = feedSet('big', 1, 10_000);
const many = feedSet('many', 200, 20);
// The same feeds under other names, served without validators (the case a 304 does not serve).
const bigResent = feedSet('bigre', 1, 10_000, {}, false);
const manyResent = feedSet('manyre', 200, 20, {}, false);
const scenarios: Scenario[] = [
  { name: 'one 10,000-item feed, cold', set: big, command: 'crawl', state: 'cold', runs: RUNS },
  { name: 'the same feed answering 304', set: big, command: 'crawl', state: 'warm', runs: RUNS },
  { name: '200 feeds × 20 items, cold', set: many, command: 'crawl', state: 'cold', runs: RUNS },
  { name: 'the same 200 answering 304', set: many, command: 'crawl', state: 'warm', runs: RUNS },
  { name: 'the 10,000-item feed sent again whole, no 304', set: bigResent, command: 'crawl', state: 'resent', runs: RUNS },
  { name: 'the 200 × 20 sent again whole, no 304', set: manyResent, command: 'crawl', state: 'resent', runs: RUNS },
  { name: 'start of a command that does not crawl, 1 feed', set: big, command: 'read', state: 'warm', runs: RUNS },
  { name: 'start of a command that does not crawl, 200 feeds', set: many, command: 'read', state: 'warm', runs: RUNS },
];
if (opts.huge) {
  // 100,000 items is about 45 MB: the size cap is raised for it, as a user would.
  const huge = feedSet('huge', 1, 100_000, { LAKIVAHTI_MAX_BYTES: String(200 * 1024 * 1024) });
  scenarios.push({ name: 'one 100,000-item feed, cold', set: huge, command: 'crawl', state: 'cold', runs: 1 });
}

console.log(`bench:peer ${new Date().toISOString()}  ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), load average ${loadAverage()}`);
console.log(`newsboat -x reload (reload-threads 8) vs lakivahti crawl, ${RUNS} interleaved runs each; feeds on ${origin}`);
// Node reads and parses this file at every start, before any JavaScript runs (60-70 ms where it names the system's
// bundle); newsboat does not read it. The launcher bin/lakivahti hands it over to be read at the first TLS connection
// (src/trust.ts): say so, since the bench's feeds are plain http.
if (process.env.NODE_EXTRA_CA_CERTS)
  console.log(`note: NODE_EXTRA_CA_CERTS=${process.env.NODE_EXTRA_CA_CERTS} is set and passed on; bin/lakivahti hands it over to be read at a first TLS connection (node bin/lakivahti.js would parse it at every start)`);
for (const s of scenarios) {
  if (opts.only && !s.name.includes(opts.only)) continue;
  await measure(s);
}
console.log(`load average at the end ${loadAverage()}`);
console.log('\n| scenario | newsboat | Lakivahti | ratio | CPU newsboat / Lakivahti (ratio) | peak memory newsboat | peak memory Lakivahti |\n|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('(wall time: median, min–max in parentheses; CPU: median user + system time of the process, all its threads; peak memory: median max RSS of the process)');

server.close();
fs.rmSync(work, { recursive: true, force: true });
if (problems.length) {
  console.error(`\n!!! ${problems.length} problem(s): the figures above may not compare like with like`);
  for (const p of problems) console.error(`  ${p}`);
  process.exitCode = 1;
}
