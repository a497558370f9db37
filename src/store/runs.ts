// The runs table: one row per source run; saving a run updates items and the source's state atomically.
import { prepared, type Db } from './db.js';
import type { RunResult, TaggedItem, Validators } from '../model.js';
import { createItemSaver, type ItemSaver, type SaveOutcome } from './item-saver.js';

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
  add(items: TaggedItem[]): void;
  finish(rec: RunRecord): SaveResult;
}

/** Start saving a run inside the caller's transaction: the run's row first, so items can refer to it. */
export function startRun(db: Db, sourceId: string, startedAt: string): RunSaver {
  const runId = Number(
    prepared(db, `INSERT INTO runs (source_id, started_at, finished_at, status) VALUES (?, ?, ?, 'ok')`)
      .run(sourceId, startedAt, startedAt).lastInsertRowid,
  );
  // Made for the first batch: it reads the source's stored keys, which a run without items (a 304) never needs.
  let items: ItemSaver | null = null;
  return {
    add: (batch) => (items ??= createItemSaver(db, sourceId, runId)).add(batch, new Date().toISOString()),
    finish: (rec) => {
      const { run } = rec;
      items?.flush(new Date().toISOString());
      const outcome = items?.outcome ?? { created: [], updated: [], duplicates: 0 };
      prepared(db, `UPDATE runs SET finished_at = ?, status = ?, found = ?, created = ?, updated = ?, error = ?, notes = ?
        WHERE id = ?`).run(run.finishedAt, run.status, run.found, outcome.created.length, outcome.updated.length,
        run.error, JSON.stringify(run.notes), runId);
      const failed = run.status === 'error';
      // An interrupted run neither failed (no backoff) nor succeeded (a source's window starts from its last success).
      const succeeded = run.status === 'ok' || run.status === 'not-modified';
      prepared(db, `UPDATE sources SET last_run_at = @at, last_status = @status, last_error = @error,
          error_count = CASE WHEN @failed THEN error_count + 1 WHEN @succeeded THEN 0 ELSE error_count END,
          last_success_at = CASE WHEN @succeeded AND @complete THEN @at ELSE last_success_at END,
          etag = CASE WHEN @hasValidators THEN @etag ELSE etag END,
          last_modified = CASE WHEN @hasValidators THEN @lastModified ELSE last_modified END,
          next_run_at = @nextRunAt, running_until = NULL
        WHERE id = @id`).run({
        id: run.sourceId, at: run.finishedAt, status: run.status, error: run.error, failed: failed ? 1 : 0, succeeded: succeeded ? 1 : 0, complete: rec.complete === false ? 0 : 1,
        hasValidators: rec.validators ? 1 : 0, etag: rec.validators?.etag ?? null,
        lastModified: rec.validators?.lastModified ?? null, nextRunAt: rec.nextRunAt,
      });
      return { runId, ...outcome };
    },
  };
}

/** Record a run (and end its lease) in one transaction; on success store its items. */
export function saveRun(db: Db, rec: RunRecord): SaveResult {
  return db.transaction(() => {
    const saver = startRun(db, rec.run.sourceId, rec.run.startedAt);
    if (rec.items?.length) saver.add(rec.items);
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
