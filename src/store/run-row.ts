// The runs table's own rows and the source's state a run leaves, without its items: what a run that stored nothing
// (a 304, an error) writes. store/runs.ts adds the items; a writer saves an item-less run with this alone, so a crawl
// of 304s never loads the item saver and the linker behind it.
import { prepared, type Db } from './db.js';
import type { RunRecord, SaveResult } from './runs.js';

/** The run's row, before its items; its id. */
export function insertRun(db: Db, sourceId: string, startedAt: string): number {
  return Number(
    prepared(db, `INSERT INTO runs (source_id, started_at, finished_at, status) VALUES (?, ?, ?, 'ok')`)
      .run(sourceId, startedAt, startedAt).lastInsertRowid,
  );
}

/** Record how the run ended and what it leaves on its source (status, error streak, validators, next run), ending its lease. */
export function finishRun(db: Db, runId: number, rec: RunRecord, created: number, updated: number): void {
  const { run } = rec;
  prepared(db, `UPDATE runs SET finished_at = ?, status = ?, found = ?, created = ?, updated = ?, error = ?, notes = ?
    WHERE id = ?`).run(run.finishedAt, run.status, run.found, created, updated,
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
}

/** Record a run that stored no items (and end its lease) in one transaction. */
export function saveEmptyRun(db: Db, rec: RunRecord): SaveResult {
  return db.transaction(() => {
    const runId = insertRun(db, rec.run.sourceId, rec.run.startedAt);
    finishRun(db, runId, rec, 0, 0);
    return { runId, created: [], updated: [], duplicates: 0 };
  })();
}
