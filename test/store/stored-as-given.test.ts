// The store keeps what it is given: every shipped source's recorded snapshots crawled into a new database, and each
// item the crawl handed to the writer (tagged, as ItemToStore) read back from its rows — the items' stored columns, its
// identifiers and goals, its full-text row and search words, the sources' item counts. The guard of a speed change in
// the item saver (its INSERT, its batching of identifiers and goals, the full-text entry): writer-rows.test.ts shows the
// writer thread stores what this thread's writer stores, and this shows what that is, without a golden file that
// would change with every taxonomy round.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { closeContext, openTaggingContext, pipelineDeps } from '../../src/app/context.js';
import { crawl } from '../../src/pipeline.js';
import { inThreadWriter, type StoreWriter } from '../../src/store/writer.js';
import { toStore, type ItemToStore } from '../../src/store/tags.js';
import { ftsKey } from '../../src/store/search-words.js';
import { fixturesDir } from '../../src/paths.js';
import type { TaggedItem } from '../../src/model.js';

let dir: string;
const mirrors: Mirror[] = [];
const privateNetworks = process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-stored-as-given-'));
  process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = '1'; // the mirrors listen on 127.0.0.1
});
afterAll(async () => {
  await Promise.all(mirrors.map((m) => m.close()));
  if (privateNetworks === undefined) delete process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS;
  else process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = privateNetworks;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Crawl every shipped source with recorded snapshots into `file`; the items each source's run handed to the writer. */
async function crawlInto(file: string): Promise<Map<string, ItemToStore[]>> {
  const ctx = await openTaggingContext({ db: file });
  const given = new Map<string, ItemToStore[]>();
  try {
    for (const def of ctx.sources) {
      const fixtures = path.join(fixturesDir, 'sources', def.id);
      if (!fs.existsSync(path.join(fixtures, 'mirror.json'))) continue;
      const mirror = await startMirror(fixtures);
      mirrors.push(mirror);
      def.url = mirrorUrl(def.url, mirror.origin);
      given.set(def.id, []);
    }
    const writer = inThreadWriter(ctx.db);
    const recording: StoreWriter = {
      ...writer,
      begin: (sourceId, startedAt, withItems) => {
        const sink = writer.begin(sourceId, startedAt, withItems);
        return { ...sink, add: (batch: TaggedItem[]) => (given.get(sourceId)?.push(...batch.map(toStore)), sink.add(batch)) };
      },
    };
    ctx.writer = recording;
    // Only the sources with snapshots (a test never fetches from the internet).
    const runs = await crawl(ctx.sources.filter((d) => given.has(d.id)), pipelineDeps(ctx), 1);
    const failed = runs.filter((r) => r.status !== 'ok').map((r) => [r.sourceId, r.status, r.error]);
    expect(failed, JSON.stringify(failed)).toEqual([]);
    expect(runs).toHaveLength(given.size);
    return given;
  } finally {
    await closeContext(ctx);
  }
}

describe('a crawl stores', { timeout: 120_000 }, () => {
  it('each item as it was handed to the writer: its columns, identifiers, goals, full-text row and counts', async () => {
    const file = path.join(dir, 'crawl.sqlite');
    const given = await crawlInto(file);
    const db = new Database(file, { readonly: true });
    try {
      const itemRow = db.prepare(`SELECT id, guid, url, title, summary, content_html, published, published_given, updated,
          deadline, language, organisation, kind, stage, consultation, hash, in_force, stage_days, relevant, primary_goal,
          scores, evidence, joint, joint_reason, taxonomy_version, search_terms, link_keys, version, created_run,
          first_seen_at = last_seen_at AND last_seen_at = changed_at AS seenOnce, tagged_at = first_seen_at AS taggedThen
        FROM items WHERE source_id = ? AND key = ?`);
      const identifiers = db.prepare('SELECT type, value, role FROM item_identifiers WHERE item_id = ? ORDER BY type, value');
      const counts = db.prepare('SELECT items FROM source_item_counts WHERE source_id = ?');
      const goals = db.prepare('SELECT goal, score FROM item_goals WHERE item_id = ? ORDER BY rank');
      // Its row of the full-text index (contentless: its words are compared below), under its key (see ftsKey).
      const text = db.prepare(`SELECT count(*) AS n FROM items_fts
        WHERE rowid = (SELECT ${ftsKey('sort_key', 'id')} FROM items WHERE id = ?)`);
      let items = 0;
      let withGoals = 0;
      let withIds = 0;
      for (const [sourceId, list] of given) {
        const keys = new Set<string>();
        for (const i of list) {
          if (keys.has(i.key)) continue; // a duplicate within the run is dropped
          keys.add(i.key);
          items++;
          const at = `${sourceId} ${i.key}`;
          const row = itemRow.get(sourceId, i.key) as Record<string, unknown> | undefined;
          expect(row, at).toBeDefined();
          // A date too far ahead is kept as given in published_given, the item listed by when it was first seen.
          const { id, created_run: run, published, published_given: given, ...stored } = row!;
          expect(typeof id === 'number' && typeof run === 'number', at).toBe(true);
          expect(given ?? published, `${at}: published`).toBe(i.published);
          expect(stored, at).toEqual({
            guid: i.guid, url: i.url, title: i.title, summary: i.summary, content_html: i.contentHtml, updated: i.updated,
            deadline: i.deadline, language: i.language, organisation: i.organisation, kind: i.kind, stage: i.stage,
            consultation: i.consultation ? JSON.stringify(i.consultation) : null, hash: i.hash, in_force: i.inForce,
            stage_days: i.stageDays, relevant: i.tags ? Number(i.tags.relevant) : null, primary_goal: i.tags?.primary ?? null,
            scores: i.tags?.scores ?? null, evidence: i.tags?.evidence ?? null, joint: i.tags?.joint ? 1 : 0,
            joint_reason: i.tags?.jointReason ?? null, taxonomy_version: i.tags?.taxonomyVersion ?? null,
            search_terms: i.searchTerms, link_keys: i.signature, version: 1, seenOnce: 1, taggedThen: i.tags ? 1 : null,
          });
          const ids = (JSON.parse(i.identifierRows) as { type: string; value: string; role?: string | null }[])
            .map((x) => ({ type: x.type, value: x.value, role: x.role ?? 'mention' }));
          const distinct = [...new Map(ids.map((x) => [`${x.type}\n${x.value}`, x])).values()]
            .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
          expect(identifiers.all(id), `${at}: identifiers`).toEqual(distinct);
          if (distinct.length) withIds++;
          const expectedGoals = i.tags ? (JSON.parse(i.tags.goals) as { goal: string; score: number }[]) : [];
          expect(goals.all(id), `${at}: goals`).toEqual(expectedGoals.map((g) => ({ goal: g.goal, score: g.score })));
          if (expectedGoals.length) withGoals++;
          expect(text.get(id), `${at}: full text`).toEqual({ n: 1 });
        }
        const count = counts.get(sourceId) as { items: number } | undefined;
        expect(count?.items ?? 0, `${sourceId}: item count`).toBe(keys.size);
      }
      // Nothing stored beyond what was handed over, and enough of every kind to compare.
      expect((db.prepare('SELECT count(*) AS n FROM items').get() as { n: number }).n).toBe(items);
      expect((db.prepare('SELECT count(*) AS n FROM items_fts').get() as { n: number }).n).toBe(items);
      expect(items).toBeGreaterThan(50);
      expect(withGoals).toBeGreaterThan(5);
      expect(withIds).toBeGreaterThan(5);
      // The search words are the full-text index's own words, every one.
      db.exec('CREATE VIRTUAL TABLE temp.fts_words USING fts5vocab(main, items_fts, row)');
      const words = (sql: string) => (db.prepare(sql).pluck().all() as string[]);
      const indexed = words('SELECT term FROM temp.fts_words ORDER BY term');
      expect(indexed.length).toBeGreaterThan(50);
      expect(words('SELECT word FROM search_words ORDER BY word')).toEqual(indexed);
    } finally {
      db.close();
    }
  });
});
