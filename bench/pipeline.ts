// `npm run bench`: pipeline throughput, a 200-source crawl against local servers, and peak memory.
// Prints figures and ratios; targets are printed beside them, never asserted in tests. The load average is printed at
// the start and the end: on a shared machine the figures move with it.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import Parser from 'rss-parser';
import { createFetcher } from '../src/fetch/index.js';
import { crawl, refreshSource } from '../src/pipeline.js';
import { openDb, syncSources } from '../src/store/index.js';
import { deferredWorkerWriter, workerWriter } from '../src/store/writer.js';
import type { Item, SourceDef, TaggedItem } from '../src/model.js';
import { createTagStage } from '../src/tag/stage.js';
import { titleOnlySources } from '../src/config/sources.js';
import { loadAverage, median } from './stats.js';

process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = '1';

let peakRss = 0;
/** Start each measured run from a clean heap (npm run bench passes --expose-gc), so garbage the harness
 * left from an earlier run does not count towards the next run's time or memory. */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000);

function feed(count: number, seed: string): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    items.push(`<item><guid>${seed}-${i}</guid><title>Lausuntopyyntö ${i}: pelastuslain ja hyvinvointialueiden rahoituksen muutos</title>
<link>/asia/${seed}/${i}</link><pubDate>Tue, 01 Nov 2022 10:${String(i % 60).padStart(2, '0')}:00 +0200</pubDate>
<description>&lt;p&gt;Sisäministeriö pyytää lausuntoa (VN/${1000 + i}/2022). Lausuntoaika päättyy 15.3.2023. HE ${i % 300}/2022 vp.&lt;/p&gt;</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench</title><link>https://example.fi/</link><description>b</description>${items.join('\n')}</channel></rss>`;
}

function listen(server: http.Server, host: string): Promise<string> {
  return new Promise((resolve) => server.listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)));
}

const def = (id: string, url: string): SourceDef => ({
  id, name: id, url, kind: 'rss', module: 'rss', schedule: '*/30 * * * *', language: 'fi', tags: [],
  itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});

/** Rounds of the ratio's two halves: each round parses the feed once and runs it end to end once, back to back. */
const ROUNDS = 5;

/** CPU time of the whole process (every thread) since `from`, in ms. */
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

async function throughput(): Promise<() => Promise<void>> {
  const body = feed(10_000, 'big');
  const parser = new Parser();
  const server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body));
  const origin = await listen(server, '127.0.0.1');
  // The two halves of the ratio alternate (parse, end to end, parse, …) and each round gives its own ratio, so load
  // from other processes falls on both halves alike; medians over the rounds. Beside them, a writer thread started
  // just before the run (the measure of earlier rounds, whose time includes the thread's start-up and the lease
  // round trip through it). Each round's wall and CPU times are printed: the end-to-end run keeps both cores busy
  // (the crawl's thread and the writer's) and parse-only one, so load from other processes lowers a round's wall-time
  // ratio far more than its CPU times, while a half that really slowed down shows in its CPU time too.
  const parseMs: number[] = [];
  const parseCpu: number[] = [];
  const plain: Measured[] = [];
  const started: Measured[] = [];
  let parsedCount = 0;
  const parseOnce = async (): Promise<{ ms: number; cpu: number }> => {
    collectGarbage();
    const cpu = process.cpuUsage();
    const t = performance.now();
    // Only the count is kept, so a parsed tree does not stay alive through the end-to-end run it is compared with.
    parsedCount = (await parser.parseString(body)).items.length;
    return { ms: performance.now() - t, cpu: cpuMs(cpu) };
  };
  // One round first, not counted, so that both halves' code is warm in every counted round: the first round was the
  // only one whose end-to-end half loaded and compiled normalize, the feed stream and the store's glue (a fifth more
  // of the crawl thread's CPU than later rounds: 1,015 against 840 ms, medians of 6 processes, 2026-12-04), while
  // rss-parser had been warmed on 100 items only (8 % more CPU in its first round). Every counted round now measures
  // the same thing: a feed ingested by a process that has run before, as `lakivahti serve`'s scheduled crawls are.
  // A one-off `lakivahti crawl` starts cold: bench:peer measures that against newsboat.
  await parseOnce();
  await endToEndAt(origin);
  await endToEndAt(origin, undefined, 'worker');
  for (let i = 0; i < ROUNDS; i++) {
    const parsed = await parseOnce();
    parseMs.push(parsed.ms);
    parseCpu.push(parsed.cpu);
    plain.push(await endToEndAt(origin));
    started.push(await endToEndAt(origin, undefined, 'worker'));
  }
  const ratios = plain.map((r, i) => r.rate / rate(parsedCount, parseMs[i]));
  const parseRate = rate(parsedCount, median(parseMs));
  const middle = (runs: Measured[]) => [...runs].sort((a, b) => a.ms - b.ms)[(runs.length - 1) >> 1];
  console.log(`feed of 10,000 items (${mb(Buffer.byteLength(body))}), ${ROUNDS} interleaved rounds, medians`);
  console.log(`  parse only (rss-parser)           ${parseRate.toLocaleString('en')} items/s  (${median(parseMs).toFixed(0)} ms)`);
  report('fetch+parse+normalize+store', middle(plain), parseRate);
  console.log(`  ratio end-to-end / parse-only     ${median(ratios).toFixed(2)}  (median of the rounds' ratios ${ratios.map((r) => r.toFixed(2)).join(' ')}; ` +
    'target ≥ 0.30; the writer as the CLI crawl starts it)');
  report('… writer thread started per run', middle(started), parseRate);
  // Per item, and parsedCount = created on an ok run: the CPU ratio is parse-only's CPU over the end-to-end run's.
  const cpuRatios = plain.map((r, i) => parseCpu[i] / r.cpu);
  console.log(`  rounds' parse / end to end, ms    ${plain.map((r, i) => `${parseMs[i].toFixed(0)} / ${r.ms.toFixed(0)}`).join(', ')}`);
  console.log(`  … CPU ms, all threads             ${plain.map((r, i) => `${parseCpu[i].toFixed(0)} / ${r.cpu.toFixed(0)}`).join(', ')}  ` +
    `(CPU ratio ${median(cpuRatios).toFixed(2)}: the end-to-end run's CPU is spread over two threads, so its wall-time ratio can be above this)`);
  return async () => {
    // The tag stage (its own issue) on the same feed, measured last so it does not colour the figures above.
    const stage = createTagStage({ titleOnly: titleOnlySources() });
    const tagged = await endToEndAt(origin, stage.tag);
    server.close();
    report(`… and tag (${stage.analyzer.name})`, tagged, parseRate);
  };
}

type Measured = { run: { created: number; status: string; error: string | null }; ms: number; rate: number; cpu: number };

function report(label: string, r: Measured, parseRate: number): void {
  const status = `status ${r.run.status}${r.run.error ? ': ' + r.run.error : ''}`;
  console.log(`  ${label.padEnd(33)} ${r.rate.toLocaleString('en')} items/s  (${r.ms.toFixed(0)} ms, ${r.run.created} stored, ${status})  ratio ${(r.rate / parseRate).toFixed(2)}`);
}

/**
 * One run of the 10,000-item source through the whole pipeline, into a fresh database. `writer`: 'crawl' as
 * `lakivahti crawl` makes it (the lease taken on this thread, the writer thread started when the run has items);
 * 'worker' a writer thread started just before the run.
 */
async function endToEndAt(origin: string, tag?: (item: Item) => TaggedItem, writerKind: 'crawl' | 'worker' = 'crawl'): Promise<Measured> {
  collectGarbage();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  // As the CLI crawl opens it (synchronous NORMAL: see db.ts).
  const db = openDb(file, writerKind === 'crawl' ? { synchronous: 'NORMAL' } : {});
  const writer = writerKind === 'crawl' ? deferredWorkerWriter(db, file) : workerWriter(file);
  const d = def('big', `${origin}/feed`);
  syncSources(db, [d]);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const run = await refreshSource(d, { db, writer, fetch: createFetcher(), tag });
  const ms = performance.now() - t0;
  const used = cpuMs(cpu);
  await writer.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { run, ms, rate: rate(run.created, ms), cpu: used };
}

async function manySources(): Promise<void> {
  const count = 200;
  const latencyMs = 100;
  let version = 0;
  const servers: http.Server[] = [];
  const defs: SourceDef[] = [];
  // Each source on its own loopback address (127.0.0.2 …), so per-host politeness does not serialise them.
  for (let i = 0; i < count; i++) {
    const server = http.createServer((req, res) => {
      setTimeout(() => {
        const etag = `"v${version}"`;
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(feed(20, `s${i}-v${version}`));
      }, latencyMs);
    });
    servers.push(server);
    defs.push(def(`s${i}`, `${await listen(server, `127.0.0.${i + 2}`)}/feed`));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-'));
  const db = openDb(path.join(dir, 'many.sqlite'));
  const writer = workerWriter(path.join(dir, 'many.sqlite'));
  syncSources(db, defs);
  const fetch = createFetcher();
  const concurrency = 8;
  const ideal = Math.ceil(count / concurrency) * latencyMs;

  const timed = async (label: string) => {
    const t = performance.now();
    const runs = await crawl(defs, { db, writer, fetch }, concurrency);
    const ms = performance.now() - t;
    const by = (s: string) => runs.filter((r) => r.status === s).length;
    console.log(`  ${label.padEnd(33)} ${ms.toFixed(0)} ms  ideal ${ideal} ms  ratio ${(ms / ideal).toFixed(2)}  (ok ${by('ok')}, not modified ${by('not-modified')}, errors ${by('error')})`);
  };
  console.log(`crawl of ${count} local sources, ${latencyMs} ms latency each, ${concurrency} at a time`);
  await timed('first crawl (all new)');
  await timed('unchanged (all 304)');
  version++;
  await timed('changed (all 200, new items)');
  for (const s of servers) s.close();
  await writer.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

const peak = () => Math.max(peakRss, process.resourceUsage().maxRSS * 1024);
console.log(`bench ${new Date().toISOString()}  ${os.cpus().length} cores, load average ${loadAverage()}`);
const tagging = await throughput();
await manySources();
console.log(`peak memory (max RSS)               ${mb(peak())}  (target < 250 MB; fetch to store, both parts above)`);
await tagging();
clearInterval(sampler);
console.log(`peak memory with the tag stage      ${mb(peak())}`);
console.log(`load average at the end ${loadAverage()}`);
process.exit(0);
