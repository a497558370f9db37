// Query-plan tests: a store of 2,000 analyzed items over two unequal sources, and EXPLAIN QUERY PLAN's details.
import { insertReview, openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

type Fields = Omit<TaggedItem, 'hash'>;

/** 200 + 1,800 items (a fifth with deadlines, every seventh reviewed), each shaped further by `vary`; then ANALYZE. */
export function populated(vary: (k: number, base: Fields) => Partial<Fields>): Db {
  const db = openDb(':memory:');
  syncSources(db, ['s1', 's2'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
  for (const [source, n] of [['s1', 200], ['s2', 1800]] as const) {
    const items = Array.from({ length: n }, (_, k): TaggedItem => {
      const base: Fields = {
        sourceId: source, key: `${source}-${k}`, guid: null, url: null, title: `Pelastus ${k}`, summary: '', contentHtml: '',
        published: new Date(Date.UTC(2020, 0, 1) + k * 86_400_000).toISOString(), updated: null,
        deadline: k % 5 ? null : new Date(Date.UTC(2022, 0, 1) + k * 86_400_000).toISOString().slice(0, 10), language: 'fi',
        organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, searchTerms: 'pelastus',
        tags: { relevant: true, goals: [{ goal: 'services', score: 1 }], primary: 'services', scores: {}, evidence: [], joint: k % 5 === 0, jointReason: '', taxonomyVersion: 't' },
      };
      const i = { ...base, ...vary(k, base) };
      return { ...i, hash: contentHash(i) };
    });
    const at = new Date().toISOString();
    saveRun(db, { run: { sourceId: source, startedAt: at, finishedAt: at, status: 'ok', found: n, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
  }
  for (let id = 1; id <= 2000; id += 7) insertReview(db, { itemId: id, reviewer: 'r', relevant: true, goals: ['services'], rejected: [] });
  db.exec('ANALYZE');
  return db;
}

/** The plan's detail lines of a query. */
export const explain = (db: Db, sql: string, args: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
