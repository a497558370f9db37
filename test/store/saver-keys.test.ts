// Saving a run reads the stored rows of its own items' keys only. It read every key its source held, inside the writer's
// transaction: on a source of 100,000 items a crawl of two new items held the write lock 3.5 s at load 20, and a
// `review` or `retag` beside it (test/process/retag-lock.test.ts) waited out its 5 s busy timeout and failed.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

const item = (sourceId: string, key: string): TaggedItem => {
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId, key, guid: key, url: null, title: `Tiedote ${key}`, summary: '', contentHtml: '', published: null, updated: null,
    deadline: null, language: 'fi', organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, tags: null,
    searchTerms: '',
  };
  return { ...i, hash: contentHash(i) };
};
const save = (db: Db, sourceId: string, items: TaggedItem[]) => {
  const at = new Date().toISOString();
  return saveRun(db, { run: { sourceId, startedAt: at, finishedAt: at, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] }, items, nextRunAt: null });
};

let db: Db;
beforeAll(() => {
  db = openDb(':memory:');
  syncSources(db, ['big', 'small'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
  save(db, 'big', Array.from({ length: 50_000 }, (_, n) => item('big', `k${n}`)));
  save(db, 'small', [item('small', 'k0')]);
}, 120_000);
afterAll(() => db.close());

it("costs a run of two items the same in a source of 50,000 items as in a source of one", () => {
  // Alternated, the median of each: the machine's load weighs on both alike.
  const took: Record<'big' | 'small', number[]> = { big: [], small: [] };
  for (let round = 0; round < 9; round++)
    for (const source of ['big', 'small'] as const) {
      const began = process.hrtime.bigint();
      // One item stored again unchanged, one new.
      const saved = save(db, source, [item(source, 'k0'), item(source, `new${round}`)]);
      took[source].push(Number(process.hrtime.bigint() - began) / 1e6);
      expect(saved.created).toHaveLength(1);
    }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
  // Reading the big source's 50,000 keys made it some 600 times the small one's (load 20); an index lookup a key, about the same.
  expect(median(took.big), JSON.stringify(took)).toBeLessThan(median(took.small) * 20);
});
