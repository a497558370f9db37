// The web view at 100,000 items: `npm run bench:web`. Seeds 100,000 items in 20,000 matters (a project, its statement
// request, the bill, a committee report and a press release each, over three years, a few reviewed), starts the app
// in a child process on loopback (the app as `lakivahti serve --no-schedule` runs it: sessions in the database, the
// banner's health checks), and measures each page with autocannon in one run: a bare route on the same server
// (the reference), the overview, the items page, a filtered page, a search, an item page, and the page and Atom feed of
// one matter of 10,000 items (seeded older than the rest, so the lists' pages are those of the 100,000). Prints p99 latency and
// throughput, the server's and the load generator's CPU time per request for each page, the items page's share of the
// bare route's throughput and its HTML size, and checks that no page asks for anything from another host. Where a page has many
// addresses (list pages 2–20, 200 list pages, several searches, filters and items) the load takes them in turn.
// BENCH_SECONDS sets each measurement's length (5); BENCH_DB=FILE keeps the seeded database; BENCH_PROF=DIR profiles
// the server; BENCH_NODE='--trace-gc …' runs the server's node with these options (its collections, apart from the load
// generator's); BENCH_ONLY=TEXT measures only the pages whose names contain TEXT (and the bare route); BENCH_CONNECTIONS=N
// the load's connections (10).
// Targets: p99 < 50 ms; items page ≥ 30 % of bare; items page < 100 kB.
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import express from 'express';
import { findUser, insertReview, insertUser, mergeSearchIndex, openDb, saveRun, syncSources } from '../src/store/index.js';
import { hashPassword } from '../src/web/auth/password.js';
import { contentHash } from '../src/normalize/key.js';
import { openContext } from '../src/app/context.js';
import { serveApp } from '../src/app/serve.js';
import { defaultFeedsDir } from '../src/paths.js';
import type { Identifier, ItemKind, SourceDef, TaggedItem } from '../src/model.js';

const MATTERS = 20_000;
/** One further matter of this many press releases, all about one bill, older than the rest (the lists' pages stay as they were). */
const BIG_MATTER = 10_000;
const BIG_BILL = 'HE 1/2021 vp';
const REVIEWED = 3_000;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 5);
/** Connections of the load (BENCH_CONNECTIONS; 10): one measures a page too slow to answer ten at once within autocannon's 10 s. */
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DAY = 86_400_000;
const SPAN_DAYS = 3 * 365;
const GOALS = ['services', 'welfare-reform', 'internal-security'];
const KINDS: [string, ItemKind][] = [['hankeikkuna', 'project'], ['lausuntopalvelu', 'statement-request'], ['eduskunta', 'bill'],
  ['valiokunnat', 'committee-report'], ['stm', 'press-release']];
const ORGS = ['Sisäministeriö', 'Sosiaali- ja terveysministeriö', 'Valtiovarainministeriö', 'Oikeusministeriö', 'Puolustusministeriö',
  'Ympäristöministeriö', 'Liikenne- ja viestintäministeriö', 'Työ- ja elinkeinoministeriö', 'Opetus- ja kulttuuriministeriö', 'Maa- ja metsätalousministeriö'];
const WORDS = ['pelastuslaki', 'pelastuslain', 'pelastustoimen', 'rahoitus', 'hyvinvointialueiden', 'valmiuslain', 'kyberturvallisuus',
  'varautuminen', 'öljyntorjunta', 'ensihoidon', 'kemikaaliturvallisuus', 'palotarkastus', 'hätäkeskus', 'rajavartiolaitoksen'];

const pick = <T>(list: T[], n: number): T => list[n % list.length];

/** The k-th item of matter n: dated over three years up to now, one in five with a deadline, every 50th matter in Swedish. */
function item(n: number, k: number, now: number): TaggedItem {
  const [source, kind] = KINDS[k];
  const vn = `VN/${n}/2025`;
  const he = `HE ${n}/2025 vp`;
  const ids: Identifier[][] = [
    [{ type: 'project', value: `SM${String(n % 1000).padStart(3, '0')}:00/${2000 + Math.floor(n / 1000)}`, role: 'self' }, { type: 'diary', value: vn, role: 'about' }],
    [{ type: 'diary', value: vn, role: 'self' }],
    [{ type: 'he', value: he, role: 'self' }, { type: 'diary', value: vn, role: 'about' }],
    [{ type: 'committee', value: `HaVM ${n}/2025 vp`, role: 'self' }, { type: 'he', value: he, role: 'about' }],
    [{ type: 'he', value: he, role: 'mention' }],
  ];
  const at = now - Math.floor(((n * 7919) % (SPAN_DAYS * 24)) * (DAY / 24)) + k * 3 * DAY;
  const relevant = (n * 7 + k) % 4 !== 0;
  const goal = pick(GOALS, n + k);
  const w1 = pick(WORDS, n);
  const w2 = pick(WORDS, n * 7 + k);
  const deadline = kind === 'statement-request' ? new Date(at + 30 * DAY).toISOString().slice(0, 10) : null;
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: source, key: `guid:${n}-${k}`, guid: `${n}-${k}`, url: `https://example.fi/${source}/${n}`,
    title: `${kind === 'bill' ? `${he} ` : ''}Asia ${n}: ${w1} ja ${w2} (${source})`,
    summary: `Ministeriö valmistelee muutoksia, jotka koskevat asiaa ${w1}. Lisäksi käsitellään aihetta ${w2} ja sen vaikutuksia pelastuslaitoksiin.`,
    contentHtml: '<p>Teksti.</p>', published: new Date(Math.min(at, now - 60_000)).toISOString(), updated: null, deadline,
    language: n % 50 === 0 ? 'sv' : 'fi', organisation: pick(ORGS, n), kind, stage: null, identifiers: ids[k], consultation: null,
    tags: {
      relevant, goals: relevant ? [{ goal, score: 4 }] : [], primary: relevant ? goal : null, scores: { [goal]: 4 },
      evidence: [{ rule: 'term', term: w1, field: 'title', match: w1, goals: { [goal]: 3 } }],
      joint: relevant && deadline !== null, jointReason: 'lausuntopyyntö', taxonomyVersion: 'bench',
    },
    searchTerms: `${w1.slice(0, 8)} ${w2.slice(0, 8)}`,
  };
  return { ...i, hash: contentHash(i) };
}

/** The j-th press release of the big matter: about one bill, three hours apart, four to three years before now. */
function bigItem(j: number, now: number): TaggedItem {
  const at = new Date(now - (4 * 365 * DAY) + j * 3 * 3_600_000).toISOString();
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: 'stm', key: `guid:big-${j}`, guid: `big-${j}`, url: `https://example.fi/stm/big/${j}`,
    title: `Tiedote ${j} esityksestä ${BIG_BILL}`, summary: 'Ministeriö tiedottaa esityksen käsittelystä.', contentHtml: '<p>Teksti.</p>',
    published: at, updated: null, deadline: null, language: 'fi', organisation: ORGS[0], kind: 'press-release', stage: null,
    identifiers: [{ type: 'he', value: BIG_BILL, role: 'about' }], consultation: null, tags: null, searchTerms: '',
  };
  return { ...i, hash: contentHash(i) };
}

/** Seed the big matter unless a kept database has it; its number. */
function seedBigMatter(file: string): number {
  const db = openDb(file);
  try {
    const held = () => db.prepare(`SELECT i.matter_id FROM item_identifiers ii JOIN items i ON i.id = ii.item_id
      WHERE ii.type = 'he' AND ii.value = ? AND i.matter_id IS NOT NULL LIMIT 1`).pluck().get(BIG_BILL) as number | undefined;
    const had = held();
    if (had !== undefined) return had;
    const now = Date.now();
    const at = new Date().toISOString();
    const items = Array.from({ length: BIG_MATTER }, (_, j) => bigItem(j, now));
    saveRun(db, { run: { sourceId: 'stm', startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
    const id = held()!;
    const n = db.prepare('SELECT count(*) FROM items WHERE matter_id = ?').pluck().get(id) as number;
    console.log(`seeded matter ${id} of ${n} items (press releases about ${BIG_BILL}, older than the rest)`);
    return id;
  } finally {
    db.close();
  }
}

function seed(file: string): void {
  const db = openDb(file);
  try {
    const defs = KINDS.map(([id]) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef);
    syncSources(db, defs);
    const now = Date.now();
    const t = performance.now();
    for (const [k, [source]] of KINDS.entries()) {
      for (let from = 0; from < MATTERS; from += 5000) {
        const at = new Date().toISOString();
        const items = Array.from({ length: 5000 }, (_, j) => item(from + j, k, now));
        saveRun(db, { run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
      }
    }
    db.transaction(() => {
      for (let r = 1; r <= REVIEWED; r++)
        insertReview(db, { itemId: r * 31, reviewer: 'bench', relevant: r % 4 !== 0, goals: r % 4 ? ['internal-security'] : [], rejected: [], at: new Date(now - r * 60_000).toISOString() });
    })();
    const count = db.prepare('SELECT count(*) FROM items').pluck().get() as number;
    const matters = db.prepare('SELECT count(*) FROM matters').pluck().get() as number;
    console.log(`seeded ${count} items in ${matters} matters and ${REVIEWED} reviews in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // The full-text index as serve leaves it each night (its 'search:merge' job): one segment, not the seeding's.
    const segments = mergeSearchIndex(db);
    console.log(`merged the full-text index's ${segments} segments into one, as serve's nightly job does`);
    // No ANALYZE: the app never runs it, so the pages are measured with the plans a real database has.
  } finally {
    db.close();
  }
}

/** A kept database seeded by an older bench that ran ANALYZE: its statistics go, as no real database has them. */
function dropStatistics(file: string): void {
  const db = openDb(file);
  try {
    for (const table of ['sqlite_stat1', 'sqlite_stat4']) db.exec(`DROP TABLE IF EXISTS ${table}`);
  } finally {
    db.close();
  }
}

/** The child: the app exactly as `lakivahti serve --no-schedule` runs it (serveApp over a context opened for serving), behind one bare route, on loopback. */
function serveChild(file: string): void {
  const ctx = openContext({ db: file, feeds: defaultFeedsDir }, { access: 'serve' });
  const outer = express();
  outer.disable('x-powered-by');
  outer.get('/bare', (_req, res) => void res.type('text/plain').send('ok'));
  outer.use(serveApp(ctx, { schedule: false }).app);
  const server = outer.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
  // A clean exit on the parent's SIGTERM, so that a profile asked for with --cpu-prof (BENCH_PROF) is written.
  process.once('SIGTERM', () => process.exit(0));
  // The server's CPU time so far (ms), asked for before and after each measurement.
  process.on('message', (m) => {
    if (m !== 'cpu') return;
    const u = process.cpuUsage();
    process.send!({ cpu: (u.user + u.system) / 1000 });
  });
}

const BENCH_USER = 'bench@example.fi';
const BENCH_PASSWORD = 'bench-salasana-pitka';

/** Sign in through the form as a department reader; the cookie header of the session. */
async function signIn(base: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      jar.set(pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const form = await fetch(`${base}/login`);
  keep(form);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!csrf) throw new Error('no sign-in form at /login');
  const res = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual', headers: { cookie: cookie() },
    body: new URLSearchParams({ _csrf: csrf, email: BENCH_USER, password: BENCH_PASSWORD, next: '/' }),
  });
  keep(res);
  if (res.status !== 303) throw new Error(`signing in answered ${res.status}`);
  return cookie();
}

/** The server child's CPU time so far, in milliseconds. */
function serverCpu(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const answer = (m: unknown) => {
      if (typeof m !== 'object' || m === null || !('cpu' in m)) return;
      child.off('message', answer);
      resolve((m as { cpu: number }).cpu);
    };
    child.on('message', answer);
    child.send('cpu');
  });
}

/**
 * Load on `paths` of `base`, each connection asking for them in turn (`shared`: the connections take the next address
 * of one turn, so that no address is asked for again before all the others); latency, throughput and server CPU per request.
 */
async function measure(base: string, paths: string[], cookie: string, child: ChildProcess, shared = false) {
  const before = await serverCpu(child);
  let turn = 0;
  const requests = shared ? [{ method: 'GET' as const, setupRequest: (req: object) => ({ ...req, path: paths[turn++ % paths.length] }) }]
    : paths.map((path) => ({ method: 'GET' as const, path }));
  const own = process.cpuUsage();
  const r = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, headers: { cookie }, requests });
  const gen = process.cpuUsage(own);
  const n = Math.max(1, r.requests.total);
  const cpu = ((await serverCpu(child)) - before) / n;
  // The load generator's own CPU per request (this process: autocannon reading and parsing the answers).
  return { p99: r.latency.p99, p50: r.latency.p50, rps: r.requests.average, n: r.requests.total, non2xx: r.non2xx, errors: r.errors, cpu, gen: (gen.user + gen.system) / 1000 / n };
}

/** Hosts a page would make the browser contact: every src, href of a stylesheet or script, and CSS url() outside ours. */
function thirdParty(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(script|img|link|iframe|source|video|audio)\b[^>]*\b(?:src|href)="([^"]+)"/gi))
    if (/^(https?:)?\/\//i.test(m[2]) && !(m[1].toLowerCase() === 'link' && /rel="(?:alternate|canonical)"/.test(m[0]))) out.push(m[2]);
  return out;
}

async function main(): Promise<void> {
  // BENCH_DB=FILE keeps the seeded database there and reuses it on the next run (seeding takes a while).
  const keep = process.env.BENCH_DB;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-web-'));
  const file = keep ?? path.join(dir, 'web.sqlite');
  // BENCH_PROF=DIR profiles the server child (node --cpu-prof) into DIR.
  const prof = process.env.BENCH_PROF;
  const child = fork(fileURLToPath(import.meta.url), ['serve', file], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [...(prof ? ['--cpu-prof', `--cpu-prof-dir=${prof}`] : []), ...(process.env.BENCH_NODE?.split(' ').filter(Boolean) ?? [])] });
  try {
    if (!keep || !fs.existsSync(file)) seed(file);
    else dropStatistics(file);
    const big = seedBigMatter(file);
    // A kept database gets migrations added since it was seeded; every page is behind the sign-in, so a reader account.
    const writable = openDb(file);
    if (!findUser(writable, BENCH_USER)) insertUser(writable, { email: BENCH_USER, role: 'reader', passwordHash: await hashPassword(BENCH_PASSWORD), now: new Date().toISOString() });
    writable.close();
    child.send('start');
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (m) => resolve((m as { port: number }).port));
      child.once('exit', (code) => reject(new Error(`the server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base);
    const db = openDb(file, { readOnly: true });
    const someItems = db.prepare("SELECT id FROM items WHERE kind = 'statement-request' AND matter_id IS NOT NULL ORDER BY id DESC LIMIT 20").pluck().all() as number[];
    db.close();
    // Each measurement takes its addresses in turn (autocannon's requests), so that what the server keeps between
    // requests (the organisations, the sources' states, compiled queries) is measured as people use it, not one
    // address answered again and again. The first address of each is the one whose size is shown.
    const filtered = GOALS.flatMap((g) => ORGS.slice(0, 2).map((o) => `/items?goal=${g}&kind=statement-request&org=${encodeURIComponent(o)}&deadline=kylla`));
    const pages: [string, string[]][] = [
      ['bare route (reference)', ['/bare']],
      ['overview /', ['/']],
      ['items /items', ['/items']],
      ['items, pages 2–20 in turn', []],
      // More pages than the store keeps answers for one data version, taken in turn: each is read and written afresh,
      // as the first request after a write is (store/item-filter.ts keptAnswer).
      ['items, 200 pages in turn (none kept)', []],
      ['filtered (goal, kind, org, deadline) ×6', filtered],
      ['search, 5 common words in turn', ['pelastuslaki', 'rahoitus', 'hyvinvointialueiden', 'kyberturvallisuus', 'varautuminen'].map((q) => `/items?q=${encodeURIComponent(q)}`)],
      ['rare search, 4 word pairs in turn', ['öljyntorjunta valmiuslain', 'hätäkeskus palotarkastus', 'ensihoidon rajavartiolaitoksen', 'kemikaaliturvallisuus pelastustoimen']
        .map((q) => `/items?q=${encodeURIComponent(q)}`)],
      // Every word alone and every pair of them (105 searches), more than the store remembers as asked: no search is
      // kept, so each is searched afresh, as a search nobody has made since the last write is. The p99 is of every
      // request measured (about 3,000 in 5 s on a quiet host, each search some 30 times; the count is printed), not of
      // 105 samples: its tail is the dearest of the searches (pairs of words that rarely meet, whose index lists are
      // read to the end) queued behind nine others, and collections and other processes taking a core.
      ['search, 105 words and pairs in turn (none kept)', WORDS.flatMap((w, i) => [w, ...WORDS.slice(i + 1).map((v) => `${w} ${v}`)])
        .map((q) => `/items?q=${encodeURIComponent(q)}`)],
      ['item page /items/:id, 20 in turn', someItems.map((id) => `/items/${id}`)],
      ['board /board', ['/board']],
      // A matter of 10,000 items (its page, its first page of items at least) and its Atom feed.
      [`matter of ${BIG_MATTER.toLocaleString('en')} items /matters/:id`, [`/matters/${big}`]],
      [`matter of ${BIG_MATTER.toLocaleString('en')} items, its Atom feed`, [`/feeds/matters/${big}.atom`]],
    ];
    // Pages 2 to 20 of the list: follow "Vanhemmat", so paging is measured where it is not the first page.
    let next = '/items';
    for (let n = 0; n < 200; n++) {
      next = /href="([^"]+)" rel="next"/.exec(await (await fetch(base + next, { headers: { cookie } })).text())![1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
      if (n < 19) pages[3][1].push(next);
      pages[4][1].push(next);
    }
    const sizes = new Map<string, number>();
    const foreign: string[] = [];
    for (const p of pages.flatMap(([, paths]) => paths)) {
      const res = await fetch(base + p, { headers: { cookie } });
      const html = await res.text();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      sizes.set(p, Buffer.byteLength(html));
      // Pages only: a feed's links are its entries' addresses, which no browser fetches.
      if (res.headers.get('content-type')?.startsWith('text/html')) foreign.push(...thirdParty(html).map((h) => `${p}: ${h}`));
    }
    console.log(`${'page'.padEnd(42)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'req/s'.padStart(8)} ${'kB'.padStart(7)} ${'CPU ms/req'.padStart(11)} ${'load gen.'.padStart(10)} ${'requests'.padStart(9)}`);
    const results = new Map<string, Awaited<ReturnType<typeof measure>>>();
    // BENCH_ONLY=TEXT: only the pages whose names contain TEXT (and the bare route, the reference), to profile or compare one.
    const only = process.env.BENCH_ONLY;
    for (const [name, paths] of pages) {
      if (only && name !== pages[0][0] && !name.includes(only)) continue;
      const r = await measure(base, paths, cookie, child, paths.length > 100);
      results.set(name, r);
      const flag = r.non2xx || r.errors ? `  (${r.non2xx} non-2xx, ${r.errors} errors)` : '';
      console.log(`${name.padEnd(42)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${r.rps.toFixed(0).padStart(8)} ${(sizes.get(paths[0])! / 1024).toFixed(1).padStart(7)} ${r.cpu.toFixed(2).padStart(11)} ${r.gen.toFixed(2).padStart(10)} ${String(r.n).padStart(9)}${flag}`);
    }
    const bare = results.get(pages[0][0])!;
    const list = results.get(pages[2][0]);
    const worst = Math.max(...[...results].filter(([name]) => name !== pages[0][0]).map(([, r]) => r.p99));
    if (list) {
      console.log(`items page throughput: ${((list.rps / bare.rps) * 100).toFixed(1)} % of the bare route (target ≥ 30 %)`);
      // Server and load generator share the cores: with both busy, the throughput ratio tends to the ratio of their
      // CPU per request, which moves much less with other work on the host than requests per second do.
      const [b, l] = [bare.cpu + bare.gen, list.cpu + list.gen];
      console.log(`CPU per request, server + load generator: items page ${l.toFixed(2)} ms, bare route ${b.toFixed(2)} ms (${((b / l) * 100).toFixed(1)} %)`);
    }
    console.log(`worst p99 of the pages: ${worst} ms (target < 50 ms); items page HTML ${(sizes.get('/items')! / 1024).toFixed(1)} kB (target < 100 kB)`);
    console.log(`third-party requests: ${foreign.length ? foreign.join(', ') : 'none'}`);
  } finally {
    child.kill('SIGTERM');
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') process.once('message', () => serveChild(process.argv[3]));
else await main();
