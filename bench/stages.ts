// `npm run bench:stages`: the crawl thread's CPU in parse (readFeed) and normalize (normalizeItem), stage by stage,
// on bench:peer's feeds (200 feeds of 20 items, one of 10,000), in one process with no network and no database.
// Prints each stage's CPU time (process.cpuUsage, this thread only does work) as the median of many repetitions
// beside the load average. Options: --reps N (default 15), --only many|big. Profile a stage with node --cpu-prof.
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Item, RawItem, SourceDef } from '../src/model.js';
import { normalizeItem } from '../src/normalize/index.js';
import { readAll, readFeed } from '../src/parse/feed.js';
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
console.log(`load average at the end ${loadAverage()}`);
