// The runs table: one row per source run; saving a run updates items and the source's state atomically.
import type { Db } from './db.js';
import type { RunResult, TaggedItem, Validators } from '../model.js';
import { upsertItems, type SaveOutcome } from './items.js';

/** Everything one source run produced, saved in one transaction. */
export interface RunRecord {
  run: RunResult;
  items?: TaggedItem[];
  /** Validators of the main URL from a successful fetch (kept for the next conditional GET). */
  validators?: Validators | null;
  /** When the source should next be checked (schedule or backoff). */
  nextRunAt: string | null;
}

/** Record a run (and end its lease); on success store its items; returns the run id and what changed. */
export function saveRun(db: Db, rec: RunRecord): { runId: number } & SaveOutcome {
  return db.transaction(() => {
    const { run } = rec;
    const runId = Number(
      db
        .prepare(`INSERT INTO runs (source_id, started_at, finished_at, status, found, error, notes)
          VALUES (?, ?, ?, ?, ?, ?, ?)`)
        .run(run.sourceId, run.startedAt, run.finishedAt, run.status, run.found, run.error, JSON.stringify(run.notes))
        .lastInsertRowid,
    );
    const outcome = rec.items?.length
      ? upsertItems(db, run.sourceId, rec.items, runId, run.finishedAt)
      : { created: [], updated: [], duplicates: 0 };
    db.prepare('UPDATE runs SET created = ?, updated = ? WHERE id = ?').run(outcome.created.length, outcome.updated.length, runId);
    const failed = run.status === 'error';
    db.prepare(`UPDATE sources SET last_run_at = @at, last_status = @status, last_error = @error,
        error_count = CASE WHEN @failed THEN error_count + 1 ELSE 0 END,
        last_success_at = CASE WHEN @failed THEN last_success_at ELSE @at END,
        etag = CASE WHEN @hasValidators THEN @etag ELSE etag END,
        last_modified = CASE WHEN @hasValidators THEN @lastModified ELSE last_modified END,
        next_run_at = @nextRunAt, running_until = NULL
      WHERE id = @id`).run({
      id: run.sourceId, at: run.finishedAt, status: run.status, error: run.error, failed: failed ? 1 : 0,
      hasValidators: rec.validators ? 1 : 0, etag: rec.validators?.etag ?? null,
      lastModified: rec.validators?.lastModified ?? null, nextRunAt: rec.nextRunAt,
    });
    return { runId, ...outcome };
  })();
}

/** A source's recent runs, newest first. */
export function listRuns(db: Db, sourceId: string, limit = 20): RunResult[] {
  const rows = db
    .prepare(`SELECT source_id AS sourceId, started_at AS startedAt, finished_at AS finishedAt, status, found, created,
        updated, error, notes FROM runs WHERE source_id = ? ORDER BY id DESC LIMIT ?`)
    .all(sourceId, limit) as (Omit<RunResult, 'notes'> & { notes: string })[];
  return rows.map((r) => ({ ...r, notes: JSON.parse(r.notes) as string[] }));
}
