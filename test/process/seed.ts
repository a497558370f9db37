// Seed a database through the store API, as a crawl would have left it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll } from 'vitest';
import { contentHash } from '../../src/normalize/key.js';
import { openDb, saveRun, syncSources } from '../../src/store/index.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';

export const seedSource = { id: 'sm', name: 'Sisäministeriö', url: 'https://example.fi/sm' } as SourceDef;

/** One stored item; every tenth is relevant to `services`. */
export function seedItem(n: number): TaggedItem {
  const relevant = n % 10 === 0;
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: 'sm', key: `k${n}`, guid: `g${n}`, url: `https://example.fi/${n}`,
    title: relevant ? `Pelastuslain muutos ${n}` : `Tiedote numero ${n}`, summary: 'Lyhyt tiivistelmä.', contentHtml: '',
    published: new Date(Date.UTC(2026, 10, 1, 8) + n * 60_000).toISOString(), updated: null, deadline: null,
    language: 'fi', organisation: 'Sisäministeriö', kind: 'press-release', stage: null, identifiers: [], consultation: null,
    searchTerms: '',
    tags: relevant
      ? { relevant: true, goals: [{ goal: 'services', score: 9 }], primary: 'services', scores: { services: 9 }, evidence: [], joint: false, jointReason: '', taxonomyVersion: 'seed' }
      : { relevant: false, goals: [], primary: null, scores: {}, evidence: [], joint: false, jointReason: '', taxonomyVersion: 'seed' },
  };
  return { ...i, hash: contentHash(i) };
}

/** Create `file` holding `count` items of one source, in one run. */
export function seedDatabase(file: string, count: number): void {
  const db = openDb(file);
  try {
    syncSources(db, [seedSource]);
    const now = new Date().toISOString();
    saveRun(db, {
      run: { sourceId: 'sm', startedAt: now, finishedAt: now, status: 'ok', found: count, created: 0, updated: 0, error: null, notes: [] },
      nextRunAt: null, items: Array.from({ length: count }, (_, n) => seedItem(n + 1)),
    });
  } finally {
    db.close();
  }
}

/**
 * For the tests of one file: a scratch folder `lakivahti-NAME-…` and in it `file` holding `count` items, made before
 * them (the fields set then) and removed after them.
 */
export function seededForTests(name: string, count: number, file = 'lakivahti.sqlite'): { dir: string; db: string } {
  const seeded = { dir: '', db: '' };
  beforeAll(() => {
    seeded.dir = fs.mkdtempSync(path.join(os.tmpdir(), `lakivahti-${name}-`));
    seeded.db = path.join(seeded.dir, file);
    seedDatabase(seeded.db, count);
  });
  afterAll(() => {
    if (seeded.dir) fs.rmSync(seeded.dir, { recursive: true, force: true });
  });
  return seeded;
}

/** The first column of each row `sql` reads from the database `file`, opened read-only for it (what a command left). */
export function pluckAll(file: string, sql: string): unknown[] {
  const conn = new Database(file, { readonly: true });
  try {
    return conn.prepare(sql).pluck().all();
  } finally {
    conn.close();
  }
}
