// `npm run bench:index-cost`: what each of the items table's indexes costs a crawl's writer. bench:peer's feeds (one of
// 10,000 items, 200 of 20) are parsed, normalized and tagged once; then each round saves them (saveRun, the writer's
// own code) into a fresh database file once with every index and once without each droppable one, in a rotating
// order. Prints the median CPU of each and its median ratio to the save with every index paired round by round (the
// second "all" is the A/A floor). Options: --rounds N (default 7), --only big|many.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { SourceDef, TaggedItem } from '../src/model.js';
import { normalizeItem } from '../src/normalize/index.js';
import { readAll, readFeed } from '../src/parse/feed.js';
import { openDb, saveRun, syncSources } from '../src/store/index.js';
import { createTagStage } from '../src/tag/stage.js';
import { titleOnlySources } from '../src/config/sources.js';
import { peerFeed } from './feeds.js';
import { loadAverage, median } from './stats.js';

const { values: opts } = parseArgs({ options: { rounds: { type: 'string', default: '7' }, only: { type: 'string' } } });
const ROUNDS = Number(opts.rounds);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) throw new Error(`--rounds must be a positive whole number, not "${opts.rounds}"`);

const def = (id: string): SourceDef => ({
  id, name: id, url: `http://127.0.0.1/${id}.xml`, kind: 'rss', module: 'rss', schedule: '*/30 * * * *', language: 'fi',
  tags: [], itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});

const stage = createTagStage({ titleOnly: titleOnlySources() });
async function tagged(count: number, perFeed: number, label: string): Promise<{ def: SourceDef; items: TaggedItem[] }[]> {
  const out: { def: SourceDef; items: TaggedItem[] }[] = [];
  for (let i = 0; i < count; i++) {
    const d = def(`${label}-${i}`);
    const raws = await readAll(readFeed(peerFeed(perFeed, d.id), d.url));
    out.push({ def: d, items: raws.map((r) => stage.tag(normalizeItem(r, d))) });
  }
  return out;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-index-cost-'));

/** CPU ms of saving every feed's items (one run each) into a new database without the indexes `drop`. */
function save(feeds: { def: SourceDef; items: TaggedItem[] }[], drop: string[]): number {
  const file = path.join(work, 'cost.sqlite');
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const db = openDb(file);
  for (const name of drop) db.exec(`DROP INDEX ${name}`);
  syncSources(db, feeds.map((f) => f.def));
  const at = new Date().toISOString();
  const t = process.cpuUsage();
  for (const f of feeds) {
    saveRun(db, { run: { sourceId: f.def.id, startedAt: at, finishedAt: at, status: 'ok', found: f.items.length, created: 0, updated: 0, error: null, notes: [] }, items: f.items, nextRunAt: null });
  }
  const used = process.cpuUsage(t);
  db.close();
  return (used.user + used.system) / 1000;
}

const probe = openDb(':memory:');
// items_by_key is the dedup key's UNIQUE index (every save reads and enforces it): never a candidate.
const droppable = (probe.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'items' AND name <> 'items_by_key' AND sql IS NOT NULL ORDER BY name")
  .pluck().all() as string[]);
probe.close();

console.log(`bench:index-cost ${new Date().toISOString()}  ${os.cpus().length} cores, load average ${loadAverage()}`);
const scenarios = [['big', 1, 10_000], ['many', 200, 20]] as const;
for (const [label, count, perFeed] of scenarios.filter(([l]) => !opts.only || l === opts.only)) {
  const feeds = await tagged(count, perFeed, label);
  const items = feeds.reduce((n, f) => n + f.items.length, 0);
  // Every index twice (the second: the A/A floor), without each droppable one, and without them all.
  const variants: string[][] = [[], [], ...droppable.map((name) => [name]), droppable];
  save(feeds, []); // warm-up
  const cpu: number[][] = variants.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (let k = 0; k < variants.length; k++) {
      const v = (k + r) % variants.length;
      cpu[v].push(save(feeds, variants[v]));
    }
  }
  console.log(`${label}: ${count} feed(s), ${items} items, ${ROUNDS} rounds, load average ${loadAverage()}`);
  for (let v = 0; v < variants.length; v++) {
    const ratio = median(cpu[v].map((x, r) => x / cpu[0][r]));
    const perItem = ((median(cpu[0]) - median(cpu[v])) * 1000) / items;
    const name = v < 2 ? `every index${v ? ' (A/A)' : ''}` : variants[v].length > 1 ? 'only items_by_key' : `without ${variants[v][0]}`;
    console.log(`  ${name.padEnd(44)} ` +
      `${median(cpu[v]).toFixed(0).padStart(5)} ms CPU  ratio ${ratio.toFixed(3)}${v ? `  ${perItem.toFixed(1)} µs an item` : ''}`);
  }
}
fs.rmSync(work, { recursive: true, force: true });
