// A listing writes each row as it reads it: `items --json --limit 100000` held every row (and every line) before its
// first line, 252 MB RSS at 100,000 items. Here 1,000 items of 64 KB each (some 130 MB as JavaScript strings) are
// listed by a process whose heap may not pass 48 MB: holding them all, it runs out of memory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentHash } from '../../src/normalize/key.js';
import { openDb, saveRun, syncSources } from '../../src/store/index.js';
import { run } from '../helpers/process.js';
import { seedItem, seedSource } from './seed.js';

const ITEMS = 1_000;
const SUMMARY = 'Pelastustoimen lausuntopyyntö. '.repeat(2_100); // 65,100 characters
let dir: string;
let file: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-listing-memory-'));
  file = path.join(dir, 'db.sqlite');
  const db = openDb(file);
  try {
    syncSources(db, [seedSource]);
    const items = Array.from({ length: ITEMS }, (_, n) => {
      const { hash: _hash, ...i } = seedItem(n + 1);
      const long = { ...i, summary: `${SUMMARY}${n + 1}` };
      return { ...long, hash: contentHash(long) };
    });
    const now = new Date().toISOString();
    saveRun(db, {
      run: { sourceId: 'sm', startedAt: now, finishedAt: now, status: 'ok', found: ITEMS, created: 0, updated: 0, error: null, notes: [] },
      nextRunAt: null, items,
    });
  } finally {
    db.close();
  }
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const smallHeap = { env: { NODE_OPTIONS: '--max-old-space-size=48' } };

describe('items lists more than fits in memory at once', () => {
  it('--json: every item, one object a line, with the same fields in the same order', async () => {
    const r = await run(['items', '--json', '--limit', String(ITEMS), '--db', file], smallHeap);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter(Boolean);
    expect(lines).toHaveLength(ITEMS);
    const first = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(first)).toEqual(['id', 'source', 'title', 'url', 'published', 'summary', 'language', 'identifiers', 'deadline',
      'organisation', 'kind', 'stage', 'relevant', 'goals', 'primary', 'joint', 'matter', 'inForce', 'jointDeadlineUnknown', 'sources', 'sameAs']);
    expect(first.id).toBe(ITEMS); // newest first
    expect(first.summary).toBe(`${SUMMARY}${ITEMS}`);
    expect(new Set(lines.map((l) => (JSON.parse(l) as { id: number }).id)).size).toBe(ITEMS);
  }, 60_000);

  it('as text', async () => {
    const r = await run(['items', '--limit', String(ITEMS), '--db', file], smallHeap);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(ITEMS);
  }, 60_000);

  it('--search: a listing of matches streams too', async () => {
    const r = await run(['items', '--json', '--search', 'lausuntopyyntö', '--limit', String(ITEMS), '--db', file], smallHeap);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter(Boolean)).toHaveLength(ITEMS);
  }, 60_000);
});
