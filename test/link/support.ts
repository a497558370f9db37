// Items as sources give them, saved run by run into an in-memory store, and the matters they make.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { normalizeItem } from '../../src/normalize/index.js';
import { getMatter, listMatters, openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import type { ItemKind, Lang, RawItem, SourceDef, TaggedItem } from '../../src/model.js';

/** A source definition for tests; `kind` is what its items are unless they say otherwise. */
export const source = (id: string, itemKind: ItemKind, language: Lang = 'fi'): SourceDef =>
  ({ id, name: id, url: `https://${id}.example.fi/`, kind: 'rss', schedule: '*/30 * * * *', language, tags: [], itemKind,
    mayBeEmpty: true, options: {}, file: `${id}.yaml` }) as SourceDef;

export const SOURCES = {
  hankeikkuna: source('hankeikkuna', 'project'),
  lausuntopalvelu: source('lausuntopalvelu', 'statement-request'),
  eduskunta: source('eduskunta', 'bill'),
  riksdagen: source('riksdagen', 'committee-report', 'sv'),
  finlex: source('finlex', 'statute'),
  stm: source('stm', 'press-release'),
};

let template: Buffer | undefined;

/**
 * A fresh store knowing every test source. The first is made by openDb (every migration, then the sources); the rest
 * are copies of its bytes with openDb's per-connection settings, since migrating anew took ~80 ms a store and the
 * property test over shuffles makes forty.
 */
export function store(): Db {
  if (!template) {
    const first = openDb(':memory:');
    syncSources(first, Object.values(SOURCES));
    template = first.serialize();
    return first;
  }
  const db = new Database(template);
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  return db;
}

/** One raw item of a source, as it would reach the store after normalize (untagged). */
export interface Arrival {
  source: keyof typeof SOURCES;
  raw: RawItem;
}

/** Save each arrival as the only item of its own run, in the order given. */
export function arrive(db: Db, arrivals: Arrival[]): void {
  for (const a of arrivals) {
    const def = SOURCES[a.source];
    const item: TaggedItem = { ...normalizeItem(a.raw, def), tags: null, searchTerms: '' };
    const now = new Date().toISOString();
    saveRun(db, {
      run: { sourceId: def.id, startedAt: now, finishedAt: now, status: 'ok', found: 1, created: 0, updated: 0, error: null, notes: [] },
      items: [item], nextRunAt: null,
    });
  }
}

/** A database file in a new temporary folder holding the arrivals (for tests that run the CLI as a process). */
export function seedFile(name: string, arrivals: Arrival[]): { dir: string; db: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lakivahti-${name}-`));
  const db = path.join(dir, `${name}.sqlite`);
  const conn = openDb(db);
  try {
    syncSources(conn, Object.values(SOURCES));
    arrive(conn, arrivals);
  } finally {
    conn.close();
  }
  return { dir, db };
}

/** The matters as sets of item guids, sorted: comparable whatever ids the store gave. */
export function partition(db: Db): string[][] {
  const guid = new Map((db.prepare('SELECT id, guid FROM items').all() as { id: number; guid: string }[]).map((r) => [r.id, r.guid]));
  return listMatters(db).map((m) => m.items.map((id) => guid.get(id)!).sort()).sort((a, b) => a[0].localeCompare(b[0]));
}

/** The matter an item (by guid) is in, in full. */
export function matterOf(db: Db, guid: string) {
  const id = db.prepare('SELECT matter_id FROM items WHERE guid = ?').pluck().get(guid) as number | null;
  return id === null ? undefined : getMatter(db, id);
}

/** A deterministic shuffle (mulberry32), so a failing order can be run again. */
export function shuffled<T>(list: T[], seed: number): T[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
