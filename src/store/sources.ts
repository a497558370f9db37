// The sources table: each source's fetch validators, last run, error streak and next check.
import { prepared, type Db } from './db.js';
import type { SourceDef, Validators } from '../model.js';

/** A source's stored state, as `lakivahti sources` and the web view show it. */
export interface SourceState {
  id: string;
  name: string;
  url: string;
  etag: string | null;
  lastModified: string | null;
  lastRunAt: string | null;
  lastStatus: string | null;
  lastError: string | null;
  lastSuccessAt: string | null;
  errorCount: number;
  nextRunAt: string | null;
}

const COLUMNS = `id, name, url, etag, last_modified AS lastModified, last_run_at AS lastRunAt,
  last_status AS lastStatus, last_error AS lastError, last_success_at AS lastSuccessAt,
  error_count AS errorCount, next_run_at AS nextRunAt`;

/** Insert or refresh the rows for the defined sources; a changed URL forgets its validators. */
export function syncSources(db: Db, defs: SourceDef[], now = new Date()): void {
  const upsert = prepared(db, `
    INSERT INTO sources (id, name, url, created_at) VALUES (@id, @name, @url, @now)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, url = excluded.url,
      etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
      last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END`);
  db.transaction(() => {
    for (const d of defs) upsert.run({ id: d.id, name: d.name, url: d.url, now: now.toISOString() });
  })();
}

/** All stored source states, by id. */
export function listSourceStates(db: Db): SourceState[] {
  return prepared(db, `SELECT ${COLUMNS} FROM sources ORDER BY id`).all() as SourceState[];
}

/** One source's state, or undefined. */
export function getSourceState(db: Db, id: string): SourceState | undefined {
  return prepared(db, `SELECT ${COLUMNS} FROM sources WHERE id = ?`).get(id) as SourceState | undefined;
}

/** The validators to send on the next conditional GET of a source's URL. */
export function getValidators(db: Db, id: string): Validators {
  const s = getSourceState(db, id);
  return { etag: s?.etag ?? null, lastModified: s?.lastModified ?? null };
}

/** Set when a source should next be checked (used for schedule bookkeeping). */
export function setNextRun(db: Db, id: string, nextRunAt: string | null): void {
  prepared(db, 'UPDATE sources SET next_run_at = ? WHERE id = ?').run(nextRunAt, id);
}

/** Take the source's run lease until `until`; false when another run (in any process) holds it. */
export function claimSource(db: Db, id: string, until: Date, now = new Date()): boolean {
  return (
    prepared(db, 'UPDATE sources SET running_until = ? WHERE id = ? AND (running_until IS NULL OR running_until < ?)')
      .run(until.toISOString(), id, now.toISOString()).changes === 1
  );
}

/** Give the run lease back (saveRun already does; this covers runs that could not be saved). */
export function releaseSource(db: Db, id: string): void {
  // Matching no row writes nothing, so the usual case costs no disk sync.
  prepared(db, 'UPDATE sources SET running_until = NULL WHERE id = ? AND running_until IS NOT NULL').run(id);
}
