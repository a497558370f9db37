// Linking at scale: `npm run bench:linking`. 100,000 items of 20,000 matters (a project, its statement request, the
// bill, a committee report and the statute each), stored run by run with linking, then every join rebuilt from
// scratch by relink. Prints seconds and items/s; nothing is asserted. Target: relink of 100,000 items under 10 s.
// Then relink beside a crawl (each in a process of its own, for its peak memory): a crawl that commits once while
// relink reads, and one that commits every 200 ms throughout; a writer beside it says how long it waited for the lock.
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { applyRelink, openDb, planRelink, relinkAll, RELINK_RETRIES, saveRun, syncSources, type Db, type RelinkPlan } from '../src/store/index.js';
import { contentHash } from '../src/normalize/key.js';
import type { Identifier, IdentifierRole, ItemKind, SourceDef, TaggedItem } from '../src/model.js';

/** Matters to store (LAKIVAHTI_BENCH_MATTERS for a smaller run under a profiler); five items each. */
const MATTERS = Number(process.env.LAKIVAHTI_BENCH_MATTERS) || 20_000;
const KINDS: [string, ItemKind][] = [['hankeikkuna', 'project'], ['lausuntopalvelu', 'statement-request'], ['eduskunta', 'bill'],
  ['valiokunnat', 'committee-report'], ['finlex', 'statute']];

const id = (type: Identifier['type'], value: string, role: IdentifierRole): Identifier => ({ type, value, role });

/** The k-th item of matter n; `stated` false gives the same item with every identifier a mention (the baseline). */
function item(n: number, k: number, stated: boolean): TaggedItem {
  const [source, kind] = KINDS[k];
  const he = `HE ${n}/2026 vp`;
  const vn = `VN/${n}/2026`;
  const ids: Identifier[][] = [
    [id('project', `SM${String(n % 1000).padStart(3, '0')}:00/${2000 + Math.floor(n / 1000)}`, 'self'), id('diary', vn, 'about'), id('he', he, 'about')],
    [id('diary', vn, 'self')],
    [id('he', he, 'self')],
    [id('committee', `HaVM ${n}/2026 vp`, 'self'), id('he', he, 'about')],
    [id('statute', `${n}/2027`, 'self'), id('he', he, 'about')],
  ];
  // Every item also mentions the next matter's bill: mentions must cost little and join nothing.
  const identifiers = [...ids[k], id('he', `HE ${(n + 1) % MATTERS}/2026 vp`, 'mention')].map((i) => (stated ? i : { ...i, role: 'mention' as const }));
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: source, key: `guid:${n}`, guid: String(n), url: null, title: `${kind} ${n}: pelastuslain muutos`, summary: '', contentHtml: '',
    published: new Date(Date.UTC(2026, 0, 1) + n * 60_000 + k * 86_400_000).toISOString(), updated: null, deadline: null,
    language: 'fi', organisation: null, kind, stage: null, identifiers, consultation: null, tags: null, searchTerms: '',
  };
  return { ...i, hash: contentHash(i) };
}

// CPU seconds beside wall seconds: on a shared, loaded machine the wall clock mostly measures the others.
const cpuSince = (c: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1e6;
};

/** Store every item, one run per source in matter order per source; returns wall and CPU seconds. */
function store(db: Db, stated: boolean): { wall: number; cpu: number } {
  const t = performance.now();
  const c = process.cpuUsage();
  for (const [k, [source]] of KINDS.entries()) {
    const at = new Date().toISOString();
    saveRun(db, {
      run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: MATTERS, created: 0, updated: 0, error: null, notes: [] },
      items: Array.from({ length: MATTERS }, (_, n) => item(n, k, stated)), nextRunAt: null,
    });
  }
  return { wall: (performance.now() - t) / 1000, cpu: cpuSince(c) };
}

function fresh(dir: string, name: string): Db {
  const db = openDb(path.join(dir, name));
  syncSources(db, KINDS.map(([s]) => ({ id: s, name: s, url: `https://example.fi/${s}` }) as SourceDef));
  return db;
}

/** A new committee report of matter n (it joins that matter), the `seq`-th a crawl beside relink stores. */
function lateReport(n: number, seq: number): TaggedItem {
  const { hash: _, ...i } = item(n, 3, true);
  const extra = { ...i, key: `guid:race-${process.pid}-${seq}`, guid: `race-${process.pid}-${seq}` };
  return { ...extra, hash: contentHash(extra) };
}

/** Save one item as a crawl's run does. */
function crawlOne(db: Db, i: TaggedItem): void {
  const at = new Date().toISOString();
  saveRun(db, { run: { sourceId: i.sourceId, startedAt: at, finishedAt: at, status: 'ok', found: 1, created: 0, updated: 0, error: null, notes: [] },
    items: [i], nextRunAt: null });
}

/** What one race process is asked: the database, whether a crawl commits every 200 ms, and relink's retries. */
interface RaceTask { file: string; busy: boolean; retries: number; keepPlan: boolean }
interface RaceResult { applyMs: number; longestWaitMs: number; commits: number; reads: string; peakMB: number }

/**
 * A writer beside relink (a worker thread with its own connection): every 10 ms it takes the write lock and notes how
 * long it waited for it; `busy`, it stores a committee report every 200 ms inside that lock (a crawl's commit).
 */
function writer({ file, busy, stop, out }: { file: string; busy: boolean; stop: Int32Array; out: Float64Array }): void {
  const db = openDb(file, { busyMs: 600_000 });
  let last = 0;
  let seq = 0;
  while (Atomics.load(stop, 0) === 0) {
    const t = performance.now();
    db.exec('BEGIN IMMEDIATE');
    out[0] = Math.max(out[0], performance.now() - t);
    if (busy && performance.now() - last >= 200) crawlOne(db, lateReport(seq % MATTERS, seq++)), (last = performance.now()), (out[1] = seq);
    db.exec('COMMIT');
    Atomics.wait(stop, 0, 0, 10);
  }
  db.close();
}

/** One relink from scratch beside a crawl, in this process (see race()). */
async function raceProcess(task: RaceTask): Promise<RaceResult> {
  const db = openDb(task.file);
  const crawl = openDb(task.file);
  db.exec('UPDATE items SET matter_id = NULL; DELETE FROM matters;');
  const stop = new Int32Array(new SharedArrayBuffer(4));
  const out = new Float64Array(new SharedArrayBuffer(16));
  const worker = new Worker(new URL(import.meta.url), { workerData: { file: task.file, busy: task.busy, stop, out } });
  await new Promise((resolve) => worker.once('online', resolve));
  await new Promise((resolve) => setTimeout(resolve, 100));
  const now = new Date().toISOString();
  const reads: string[] = ['1'];
  const onRead = (r: { n: number; locked: boolean }) => reads.push(`${r.n}${r.locked ? ' locked' : ''}`);
  let kept: RelinkPlan | undefined;
  let t = 0;
  const plan = () => {
    const p = planRelink(db, now);
    // Once: a crawl's commit between relink's read and its write.
    if (!task.busy) crawlOne(crawl, lateReport(7, 0));
    if (task.keepPlan) kept = p;
    t = performance.now();
    return p;
  };
  applyRelink(db, plan(), now, { retries: task.retries, onRead });
  const applyMs = performance.now() - t;
  Atomics.store(stop, 0, 1);
  Atomics.notify(stop, 0);
  await new Promise((resolve) => worker.once('exit', resolve));
  crawl.close();
  db.close();
  void kept;
  return { applyMs, longestWaitMs: out[0], commits: out[1] + (task.busy ? 0 : 1), reads: reads.join(', '), peakMB: process.resourceUsage().maxRSS / 1024 };
}

/** Run one race in a fresh process (its peak memory is its own). */
function race(task: RaceTask): Promise<RaceResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), { env: { ...process.env, LAKIVAHTI_BENCH_RACE: JSON.stringify(task) }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    let text = '';
    child.stdout!.setEncoding('utf8').on('data', (c: string) => (text += c));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text) as RaceResult) : reject(new Error(`race process exited ${code}`))));
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!isMainThread) writer(workerData as Parameters<typeof writer>[0]);
else if (process.env.LAKIVAHTI_BENCH_RACE) process.stdout.write(JSON.stringify(await raceProcess(JSON.parse(process.env.LAKIVAHTI_BENCH_RACE) as RaceTask)));
else await main();

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-link-'));
  try {
    const total = MATTERS * KINDS.length;
    const base = fresh(dir, 'baseline.sqlite');
    const baseline = store(base, false);
    base.close();
    const db = fresh(dir, 'linked.sqlite');
    const linked = store(db, true);
    const matters = db.prepare('SELECT count(*) FROM matters').pluck().get() as number;
    db.exec('UPDATE items SET matter_id = NULL; DELETE FROM matters;');
    const t = performance.now();
    const c = process.cpuUsage();
    const report = relinkAll(db, new Date().toISOString());
    const relink = (performance.now() - t) / 1000;
    const relinkCpu = cpuSince(c);
    const t2 = performance.now();
    const c2 = process.cpuUsage();
    const again = relinkAll(db, new Date().toISOString());
    const idle = (performance.now() - t2) / 1000;
    const idleCpu = cpuSince(c2);
    db.close();
    // Relink beside a crawl, session 43's way (the plan read again inside the lock at once, the first plan still held)
    // and now's, alternately.
    const rounds = Number(process.env.LAKIVAHTI_BENCH_RACE_ROUNDS) || 3;
    const variants: [string, Omit<RaceTask, 'file' | 'busy'>][] = [['inside the lock at once', { retries: 0, keepPlan: true }],
      ['read again outside it', { retries: RELINK_RETRIES, keepPlan: false }]];
    const races: string[] = [];
    for (const busy of [false, true]) {
      const results = variants.map(() => [] as RaceResult[]);
      for (let r = 0; r < rounds; r++) for (const [k, [, v]] of variants.entries()) results[k].push(await race({ file: path.join(dir, 'linked.sqlite'), busy, ...v }));
      for (const [k, [name]] of variants.entries()) {
        const rs = results[k];
        races.push(`  ${busy ? 'a crawl committing every 200 ms' : 'a crawl committing once during the read'}, ${name}: write ${(median(rs.map((x) => x.applyMs)) / 1000).toFixed(2)} s, ` +
          `longest wait of a writer ${(median(rs.map((x) => x.longestWaitMs)) / 1000).toFixed(2)} s (worst ${(Math.max(...rs.map((x) => x.longestWaitMs)) / 1000).toFixed(2)}), ` +
          `peak ${median(rs.map((x) => x.peakMB)).toFixed(0)} MB; reads ${rs.map((x) => `[${x.reads}]`).join(' ')} (medians of ${rounds})`);
      }
    }
    const rate = (s: number) => `${Math.round(total / s).toLocaleString('en')} items/s`;
    console.log(`linking ${total.toLocaleString('en')} items of ${MATTERS.toLocaleString('en')} matters (5 sources, each item also mentioning another bill)`);
    console.log(`  store without stated identifiers (nothing to link): ${baseline.wall.toFixed(2)} s, ${rate(baseline.wall)}, cpu ${baseline.cpu.toFixed(2)} s`);
    console.log(`  store with linking, run by run:                     ${linked.wall.toFixed(2)} s, ${rate(linked.wall)}, cpu ${linked.cpu.toFixed(2)} s  ` +
      `(${matters.toLocaleString('en')} matters; ratio ${(baseline.wall / linked.wall).toFixed(2)}, cpu ${(baseline.cpu / linked.cpu).toFixed(2)})`);
    console.log(`  relink from scratch:                                ${relink.toFixed(2)} s, ${rate(relink)}, cpu ${relinkCpu.toFixed(2)} s  (target < 10 s; ${report.matters.toLocaleString('en')} matters)`);
    console.log(`  relink again (nothing to change):                   ${idle.toFixed(2)} s, cpu ${idleCpu.toFixed(2)} s  (${again.moved} moved)`);
    for (const line of races) console.log(line);
    console.log(`  load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
