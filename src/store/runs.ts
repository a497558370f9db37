// The runs table: one row per source run; saving a run updates items and the source's state atomically.
import { prepared, type Db } from './db.js';
import type { RunResult, TaggedItem, Validators } from '../model.js';
import { createItemSaver, type ItemSaver, type SaveOutcome } from './item-saver.js';
import { toStore, type ItemToStore } from './tags.js';
import { finishRun, insertRun } from './run-row.js';

/** Everything one source run produced, saved in one transaction. */
export interface RunRecord {
  run: RunResult;
  items?: TaggedItem[];
  /** Validators of the main URL from a successful fetch (kept for the next conditional GET). */
  validators?: Validators | null;
  /** When the source should next be checked (schedule or backoff). */
  nextRunAt: string | null;
  /** False when an ok run read only part of what is new: its time does not become the source's last success. */
  complete?: boolean;
}

/** What saving a run did. */
export type SaveResult = { runId: number } & SaveOutcome;

/** A run being saved inside an open transaction: items arrive in batches, then finish() records the run. */
export interface RunSaver {
  add(items: ItemToStore[]): void;
  finish(rec: RunRecord): SaveResult;
}

/**
 * Start saving a run inside the caller's transaction: the run's row first, so items can refer to it. `textLater`: the
 * caller enters the new items into the full-text index and copies their search words (see createItemSaver).
 */
export function startRun(db: Db, sourceId: string, startedAt: string, textLater = false): RunSaver {
  const runId = insertRun(db, sourceId, startedAt);
  // Made for the first batch: it prepares the statements a run with items needs, which a run without items (a 304) never does.
  let items: ItemSaver | null = null;
  return {
    add: (batch) => (items ??= createItemSaver(db, sourceId, runId, textLater)).add(batch, new Date().toISOString()),
    finish: (rec) => {
      items?.flush(new Date().toISOString());
      const outcome = items?.outcome ?? { created: [], updated: [], duplicates: 0 };
      finishRun(db, runId, rec, outcome.created.length, outcome.updated.length);
      return { runId, ...outcome };
    },
  };
}

/** Record a run (and end its lease) in one transaction; on success store its items. */
export function saveRun(db: Db, rec: RunRecord): SaveResult {
  return db.transaction(() => {
    const saver = startRun(db, rec.run.sourceId, rec.run.startedAt);
    if (rec.items?.length) saver.add(rec.items.map(toStore));
    return saver.finish(rec);
  })();
}

/** A source's recent runs, newest first. */
export function listRuns(db: Db, sourceId: string, limit = 20): RunResult[] {
  const rows = prepared(db, `SELECT source_id AS sourceId, started_at AS startedAt, finished_at AS finishedAt, status, found, created,
        updated, error, notes FROM runs WHERE source_id = ? ORDER BY id DESC LIMIT ?`)
    .all(sourceId, limit) as (Omit<RunResult, 'notes'> & { notes: string })[];
  return rows.map((r) => ({ ...r, notes: JSON.parse(r.notes) as string[] }));
}
