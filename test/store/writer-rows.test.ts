// The writer thread stores exactly what a writer on the crawl's own thread stores, and so does the writer thread that
// tags the items itself (`lakivahti crawl`'s): every source's recorded snapshots crawled into three databases, one
// through each, give the same rows byte for byte (times of the run aside).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { closeContext, openContext, openTaggingContext, pipelineDeps } from '../../src/app/context.js';
import { crawl } from '../../src/pipeline.js';
import { inThreadWriter } from '../../src/store/writer.js';
import { fixturesDir } from '../../src/paths.js';

let dir: string;
/** One mirror per source, shared by both crawls: the same addresses in both databases. */
const mirrors = new Map<string, Mirror>();
const privateNetworks = process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-writer-rows-'));
  process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = '1'; // the mirrors listen on 127.0.0.1
});
afterAll(async () => {
  await Promise.all([...mirrors.values()].map((m) => m.close()));
  if (privateNetworks === undefined) delete process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS;
  else process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = privateNetworks;
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * Crawl every shipped source against its recorded snapshots into a new database: tagged and stored on this thread
 * ('here'), tagged here and stored on the writer thread ('thread'), or tagged and stored there ('one-shot', as
 * `lakivahti crawl` does).
 */
async function crawlInto(file: string, writer: 'here' | 'thread' | 'one-shot'): Promise<number> {
  const ctx = writer === 'one-shot' ? openContext({ db: file }, { tag: 'lazy' }) : await openTaggingContext({ db: file });
  try {
    let withSnapshots = 0;
    for (const def of ctx.sources) {
      const fixtures = path.join(fixturesDir, 'sources', def.id);
      if (!fs.existsSync(path.join(fixtures, 'mirror.json'))) continue;
      if (!mirrors.has(def.id)) mirrors.set(def.id, await startMirror(fixtures));
      const mirror = mirrors.get(def.id)!;
      def.url = mirrorUrl(def.url, mirror.origin);
      withSnapshots++;
    }
    if (writer === 'here') ctx.writer = inThreadWriter(ctx.db);
    // One source at a time: the order the runs commit in (and so every id) is then the same for every writer.
    const runs = await crawl(ctx.sources, pipelineDeps(ctx, { oneShot: writer === 'one-shot' }), 1);
    expect(runs.filter((r) => r.status === 'ok').map((r) => r.sourceId), JSON.stringify(runs.map((r) => [r.sourceId, r.status, r.error]))).toHaveLength(withSnapshots);
    return withSnapshots;
  } finally {
    await closeContext(ctx);
  }
}

const ISO_INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Every row of every table, sorted; an instant within the crawls (when a row was written) reads "now". */
function dump(file: string, from: number, to: number): Record<string, unknown[][]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'items_fts_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    const out: Record<string, unknown[][]> = {};
    for (const t of tables) {
      const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[][];
      const masked = rows.map((r) => r.map((v) => (typeof v === 'string' && ISO_INSTANT.test(v) && Date.parse(v) >= from && Date.parse(v) <= to ? 'now' : v)));
      out[t] = masked.map((r) => [JSON.stringify(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, r]) => r);
    }
    return out;
  } finally {
    db.close();
  }
}

describe('the writer thread', { timeout: 120_000 }, () => {
  it('stores every recorded snapshot byte for byte as the crawl thread itself does', async () => {
    const from = Date.now() - 1000;
    const sources = await crawlInto(path.join(dir, 'here.sqlite'), 'here');
    await crawlInto(path.join(dir, 'thread.sqlite'), 'thread');
    await crawlInto(path.join(dir, 'one-shot.sqlite'), 'one-shot');
    const to = Date.now() + 1000;
    expect(sources).toBeGreaterThanOrEqual(8);
    const here = dump(path.join(dir, 'here.sqlite'), from, to);
    const thread = dump(path.join(dir, 'thread.sqlite'), from, to);
    const oneShot = dump(path.join(dir, 'one-shot.sqlite'), from, to);
    // Something worth comparing was stored: items with verdicts, identifiers, goals and matters.
    expect(here.items.length).toBeGreaterThan(50);
    for (const t of ['item_identifiers', 'item_goals', 'matters']) expect(here[t]?.length, t).toBeGreaterThan(0);
    expect(Object.keys(thread)).toEqual(Object.keys(here));
    expect(Object.keys(oneShot)).toEqual(Object.keys(here));
    for (const t of Object.keys(here)) {
      expect(thread[t], t).toEqual(here[t]);
      expect(oneShot[t], t).toEqual(here[t]);
    }
  });
});
