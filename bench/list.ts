// The front page's queries at 60,000 stored items (6 sources, 3,000 reviewed): `npm run build && node dist/bench/list.js`.
// Prints milliseconds per listItems call (median of a few calls after one warm-up); nothing is asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { insertReview, listItems, openDb, saveRun, syncSources, type ItemQuery } from '../src/store/index.js';
import { contentHash } from '../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../src/model.js';

const SOURCES = 6;
const PER_SOURCE = 10_000;
const REVIEWED = 3_000;
const CALLS = 15;

const GOALS = ['services', 'welfare-reform', 'internal-security'];
const DAY = 86_400_000;
const START = Date.parse('2021-01-01T00:00:00Z');

function item(sourceId: string, n: number): TaggedItem {
  // Deterministic spread: most items have a published instant over five years, one in ten has none.
  const published = n % 10 === 0 ? null : new Date(START + ((n * 7919) % (5 * 365)) * DAY + (n % 86_400) * 1000).toISOString();
  const withDeadline = n % 5 === 0;
  const joint = n % 20 === 0;
  const goal = GOALS[n % 3];
  const relevant = n % 2 === 0;
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId, key: `guid:${sourceId}-${n}`, guid: `${sourceId}-${n}`, url: `https://example.fi/${sourceId}/${n}`,
    title: `Lausuntopyyntö ${n}: pelastuslain muutos ${sourceId}`, summary: `Sisäministeriö pyytää lausuntoa (VN/${n}/2022).`,
    contentHtml: '<p>x</p>', published, updated: null,
    deadline: withDeadline ? new Date(START + ((n * 31) % (6 * 365)) * DAY).toISOString().slice(0, 10) : null,
    language: n % 7 === 0 ? 'sv' : 'fi', organisation: 'Sisäministeriö', kind: 'statement-request', stage: null,
    identifiers: [{ type: 'diary', value: `VN/${n}/2022` }], consultation: null,
    tags: {
      relevant, goals: relevant ? [{ goal, score: 3 }] : [], primary: relevant ? goal : null, scores: { [goal]: 3 },
      evidence: [], joint: relevant && joint, jointReason: joint ? 'lausuntopyyntö' : '', taxonomyVersion: 'bench',
    },
    searchTerms: n % 100 === 0 ? 'harvinainen' : 'pelastus',
  };
  return { ...i, hash: contentHash(i) };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-list-'));
const db = openDb(path.join(dir, 'db.sqlite'));
try {
  const defs = Array.from({ length: SOURCES }, (_, s) => ({ id: `s${s}`, name: `s${s}`, url: `https://example.fi/s${s}` }) as SourceDef);
  syncSources(db, defs);
  let t = performance.now();
  for (const d of defs) {
    const items = Array.from({ length: PER_SOURCE }, (_, n) => item(d.id, n));
    const now = new Date().toISOString();
    saveRun(db, { run: { sourceId: d.id, startedAt: now, finishedAt: now, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
  }
  db.transaction(() => {
    for (let id = 1; id <= REVIEWED; id++) {
      insertReview(db, { itemId: id * 17, reviewer: 'bench', relevant: id % 3 !== 0, goals: id % 3 ? ['services'] : [], rejected: [], at: new Date(START + id * 1000).toISOString() });
    }
  })();
  console.log(`stored ${SOURCES * PER_SOURCE} items and ${REVIEWED} reviews in ${Math.round(performance.now() - t)} ms`);

  const variants: [string, ItemQuery][] = [
    ['listItems({limit:100}) (front page)', { limit: 100 }],
    ['joint list (jointFrom, limit 100)', { jointFrom: '2024-01-01', limit: 100 }],
    ['source', { source: 's3', limit: 100 }],
    ['since', { since: '2025-06-01', limit: 100 }],
    ['goal', { goal: 'internal-security', limit: 100 }],
    ['relevant', { relevant: true, limit: 100 }],
    ['search (common term)', { match: 'pelastus', limit: 100 }],
    ['search (rare term, 600 hits)', { match: 'harvinainen', limit: 100 }],
  ];
  for (const [name, q] of variants) {
    listItems(db, q);
    const times: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      t = performance.now();
      listItems(db, q);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(40)} ${times[Math.floor(times.length / 2)].toFixed(1)} ms (median of ${CALLS})`);
  }
} finally {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
