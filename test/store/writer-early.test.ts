// A writer thread started before the database is made (earlyWorkerWriter): it opens nothing until the crawl's writer
// takes it over, and stores what a thread started later stores (the same tags, title-only sources and a broken
// taxonomy included).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy-file.js';
import { openDb, syncSources } from '../../src/store/index.js';
import { deferredWorkerWriter, earlyWorkerWriter } from '../../src/store/writer.js';
import { contentHash } from '../../src/normalize/key.js';
import type { Item, RunResult, SourceDef } from '../../src/model.js';

const defs = ['a'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef);
const untagged = (key: string, title: string, summary: string): Item => {
  const i: Omit<Item, 'hash'> = {
    sourceId: 'a', key, guid: key, url: null, title, summary, contentHtml: '', published: null, updated: null,
    deadline: null, language: 'fi', organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null,
  };
  return { ...i, hash: contentHash(i) };
};
const run = (): RunResult => ({
  sourceId: 'a', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), status: 'ok', found: 0, created: 0,
  updated: 0, error: null, notes: [],
});
// The second's title says nothing; its summary does (a title-only source's item is its title alone).
const ITEMS = [untagged('1', 'Pelastuslain muutos', ''), untagged('2', 'Tiedote', 'Hallituksen esitys pelastuslain muuttamisesta')];

let dir: string;
let feeds: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-writer-early-'));
  feeds = path.join(dir, 'feeds');
  fs.mkdirSync(feeds);
  fs.copyFileSync(shippedTaxonomyPath(), path.join(feeds, 'taxonomy.yaml'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * One run of ITEMS, handed over untagged, into a new database `name`: through a thread started before the database is
 * made (`early`) or through one started for the run, as before. The stored verdicts and the configuration errors.
 */
async function store(name: string, early: boolean, titleOnly: string[] = []) {
  const file = path.join(dir, name);
  const thread = early ? earlyWorkerWriter(file, { feedsDir: feeds, cacheFile: null }) : null;
  // The thread builds its tag stage meanwhile; the database is not made before it is taken over.
  await new Promise((resolve) => setTimeout(resolve, 50));
  const createdBefore = fs.existsSync(file);
  const db = openDb(file);
  syncSources(db, defs);
  const errors: string[] = [];
  const writer = deferredWorkerWriter(db, file, { feedsDir: feeds, titleOnly, cacheFile: null, onConfigError: (m) => errors.push(m) }, thread ?? undefined);
  try {
    writer.expectItems?.(1, 2);
    expect(await writer.claim('a', new Date(Date.now() + 60_000))).toBe(true);
    const sink = writer.begin('a', new Date().toISOString(), true);
    sink.addUntagged!(ITEMS.map((i) => ({ ...i })));
    const rec = { run: run(), nextRunAt: null };
    expect((await sink.finish(rec)).created).toHaveLength(2);
    await writer.release('a');
    const rows = db.prepare(`SELECT key, relevant, search_terms, taxonomy_version IS NOT NULL AS tagged,
      (SELECT group_concat(goal || ':' || score, ',') FROM item_goals g WHERE g.item_id = i.id) AS goals FROM items i ORDER BY key`).all();
    return { createdBefore, rows, errors, notes: rec.run.notes };
  } finally {
    await writer.close();
    db.close();
  }
}

describe('a writer thread started before the database is made', () => {
  it('opens nothing before it is taken over, and stores the tags a thread started later stores', async () => {
    const early = await store('early.sqlite', true);
    const later = await store('later.sqlite', false);
    expect(early.createdBefore).toBe(false);
    expect(early.rows).toEqual(later.rows);
    expect(early.rows.map((r) => (r as { relevant: number }).relevant)).toEqual([1, 1]);
    expect(early.errors).toEqual([]);
  }, 60_000);

  it('tags a title-only source by its titles, as its stage built ahead knew no such source', async () => {
    const early = await store('early.sqlite', true, ['a']);
    const later = await store('later.sqlite', false, ['a']);
    expect(early.rows).toEqual(later.rows);
    // Its summaries are not read: not what a source whose items are whole is stored with.
    expect(early.rows).not.toEqual((await store('whole.sqlite', false)).rows);
  }, 60_000);

  it('says a broken taxonomy as a thread started later says it, and stores the items untagged', async () => {
    fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), 'goals: [\n');
    const early = await store('early.sqlite', true);
    const later = await store('later.sqlite', false);
    expect(early.errors).toHaveLength(1);
    expect(early.errors).toEqual(later.errors);
    expect(early.notes).toEqual(later.notes);
    expect(early.rows).toEqual(later.rows);
    expect(early.rows.map((r) => (r as { tagged: number }).tagged)).toEqual([0, 0]);
  }, 60_000);

  it('not taken over, ends without making the database', async () => {
    const file = path.join(dir, 'never.sqlite');
    const thread = earlyWorkerWriter(file, { feedsDir: feeds, cacheFile: null });
    await new Promise((resolve) => setTimeout(resolve, 50));
    thread.abandon();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('never'))).toEqual([]);
  });
});
