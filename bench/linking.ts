// Linking at scale: `npm run bench:linking`. 100,000 items of 20,000 matters (a project, its statement request, the
// bill, a committee report and the statute each), stored run by run with linking, then every join rebuilt from
// scratch by relink. Prints seconds and items/s; nothing is asserted. Target: relink of 100,000 items under 10 s.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb, relinkAll, saveRun, syncSources, type Db } from '../src/store/index.js';
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
  const rate = (s: number) => `${Math.round(total / s).toLocaleString('en')} items/s`;
  console.log(`linking ${total.toLocaleString('en')} items of ${MATTERS.toLocaleString('en')} matters (5 sources, each item also mentioning another bill)`);
  console.log(`  store without stated identifiers (nothing to link): ${baseline.wall.toFixed(2)} s, ${rate(baseline.wall)}, cpu ${baseline.cpu.toFixed(2)} s`);
  console.log(`  store with linking, run by run:                     ${linked.wall.toFixed(2)} s, ${rate(linked.wall)}, cpu ${linked.cpu.toFixed(2)} s  ` +
    `(${matters.toLocaleString('en')} matters; ratio ${(baseline.wall / linked.wall).toFixed(2)}, cpu ${(baseline.cpu / linked.cpu).toFixed(2)})`);
  console.log(`  relink from scratch:                                ${relink.toFixed(2)} s, ${rate(relink)}, cpu ${relinkCpu.toFixed(2)} s  (target < 10 s; ${report.matters.toLocaleString('en')} matters)`);
  console.log(`  relink again (nothing to change):                   ${idle.toFixed(2)} s, cpu ${idleCpu.toFixed(2)} s  (${again.moved} moved)`);
  console.log(`  load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
