// `npm run bench:stages`: the crawl thread's CPU in parse (readFeed) and normalize (normalizeItem), stage by stage,
// on bench:peer's feeds (200 feeds of 20 items, one of 10,000), in one process with no network and no database; and
// the writer thread's start as a cold crawl of new sources has it (`writer`: its tag stage built before it reports
// started), on a database in a temporary folder. Prints each stage's CPU time (process.cpuUsage, this thread only
// does work or waits) as the median of many repetitions beside the load average. Options: --reps N (default 15),
// --only many|big|writer. Profile a stage with node --cpu-prof.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Item, RawItem, SourceDef } from '../src/model.js';
import { normalizeItem } from '../src/normalize/index.js';
import { readAll, readFeed } from '../src/parse/feed.js';
import { defaultFeedsDir } from '../src/paths.js';
import { openDb } from '../src/store/db.js';
import { workerWriter } from '../src/store/writer.js';
import { titleOnlySources } from '../src/config/sources.js';
import { peerFeed } from './feeds.js';
import { loadAverage, median } from './stats.js';

const { values: opts } = parseArgs({ options: { reps: { type: 'string', default: '15' }, only: { type: 'string' } } });
const REPS = Number(opts.reps);

const def = (id: string, url: string): SourceDef => ({
  id, name: id, url, kind: 'rss', module: 'rss', schedule: '*/30 * * * *', language: 'fi', tags: [],
  itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});

const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const cpuMs = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};

interface Scenario { label: string; feeds: { body: string; def: SourceDef }[] }
const scenarios: Scenario[] = [
  { label: 'many', feeds: Array.from({ length: 200 }, (_, i) => ({ body: peerFeed(20, `cold-${i}`), def: def(`cold-${i}`, `http://127.0.0.1/cold-${i}.xml`) })) },
  { label: 'big', feeds: [{ body: peerFeed(10_000, 'big'), def: def('big', 'http://127.0.0.1/big.xml') }] },
].filter((s) => !opts.only || s.label === opts.only);

/**
 * One start of the writer thread on `file` (its tag stage built, its connection open) and its end: ms to its started
 * message, and the process's CPU to then and to the thread's end (this thread only waits).
 */
async function writerStart(file: string): Promise<{ ms: number; cpu: number; total: number }> {
  const t = performance.now();
  const c = process.cpuUsage();
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  const tagging = { feedsDir: defaultFeedsDir, titleOnly: titleOnlySources(defaultFeedsDir), cacheFile: `${file}.taxonomy-cache.json`, prepare: 'stage' as const, onConfigError: (m: string) => console.error(m) };
  const writer = workerWriter(file, undefined, tagging, () => started());
  const hold = setInterval(() => undefined, 1000); // the thread holds the process open only while a request waits
  await ready;
  const ms = performance.now() - t;
  const cpu = cpuMs(c);
  clearInterval(hold);
  await writer.close();
  return { ms, cpu, total: cpuMs(c) };
}

/** One repetition: every feed parsed, then every parsed item normalized; the CPU of each stage. */
async function once(s: Scenario): Promise<{ parse: number; normalize: number; items: number }> {
  collectGarbage();
  let t = process.cpuUsage();
  const raws: RawItem[][] = [];
  for (const f of s.feeds) raws.push(await readAll(readFeed(f.body, f.def.url)));
  const parse = cpuMs(t);
  collectGarbage();
  t = process.cpuUsage();
  let items = 0;
  for (let i = 0; i < raws.length; i++) {
    const out: Item[] = raws[i].map((r) => normalizeItem(r, s.feeds[i].def));
    items += out.length;
  }
  return { parse, normalize: cpuMs(t), items };
}

console.log(`bench:stages ${new Date().toISOString()}  ${os.cpus().length} cores, load average ${loadAverage()}`);
for (const s of scenarios) {
  // The first repetition is the cold one (loading and compiling, as a one-off crawl's); the counted ones run warm.
  const cold = await once(s);
  const parse: number[] = [];
  const normalize: number[] = [];
  let items = 0;
  for (let r = 0; r < REPS; r++) {
    const m = await once(s);
    parse.push(m.parse);
    normalize.push(m.normalize);
    items = m.items;
  }
  const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`;
  console.log(`${s.label.padEnd(5)} ${s.feeds.length} feed(s), ${items} items, ${REPS} reps: parse ${median(parse).toFixed(1)} ms CPU ` +
    `(${spread(parse)}), normalize ${median(normalize).toFixed(1)} ms CPU (${spread(normalize)}); cold ${cold.parse.toFixed(0)} / ${cold.normalize.toFixed(0)} ms`);
}
if (!opts.only || opts.only === 'writer') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-stages-'));
  const file = path.join(dir, 'bench.sqlite');
  const db = openDb(file); // made and migrated, held open as a crawl holds it
  // The first start is the cold one: it builds the taxonomy's caches and keeps the thread's compiled code.
  const cold = await writerStart(file);
  const runs: { ms: number; cpu: number; total: number }[] = [];
  for (let r = 0; r < REPS; r++) runs.push(await writerStart(file));
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const med = (k: 'ms' | 'cpu' | 'total') => `${median(runs.map((x) => x[k])).toFixed(1)} ms (${Math.min(...runs.map((x) => x[k])).toFixed(0)}-${Math.max(...runs.map((x) => x[k])).toFixed(0)})`;
  console.log(`writer thread's start, ${REPS} reps: to started ${med('ms')}, CPU to started ${med('cpu')}, to its end ${med('total')}; ` +
    `cold (caches built) ${cold.ms.toFixed(0)} ms, CPU ${cold.cpu.toFixed(0)} / ${cold.total.toFixed(0)} ms`);
}
console.log(`load average at the end ${loadAverage()}`);
