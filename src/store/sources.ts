// The sources table: each source's fetch validators, last run, error streak and next check.
import { prepared, type Db } from './db.js';
import { sourceNameIn, type Lang, type SourceDef, type Validators } from '../model.js';
import { hasEnded, thisProcess, type ProcessIdentity } from '../process-identity.js';

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
  /** The run in progress (its lease), or null; `ended`: its process on this host is gone, so it will never finish. */
  running: { since: string | null; until: string; host: string | null; pid: number | null; ended: boolean } | null;
}

const COLUMNS = `id, name, url, etag, last_modified AS lastModified, last_run_at AS lastRunAt,
  last_status AS lastStatus, last_error AS lastError, last_success_at AS lastSuccessAt,
  error_count AS errorCount, next_run_at AS nextRunAt, running_until AS runningUntil, lease_host AS leaseHost,
  lease_pid AS leasePid, lease_start AS leaseStart, lease_at AS leaseAt`;

type StateRow = Omit<SourceState, 'running'> &
  { runningUntil: string | null; leaseHost: string | null; leasePid: number | null; leaseStart: string | null; leaseAt: string | null };

function toState({ runningUntil, leaseHost, leasePid, leaseStart, leaseAt, ...rest }: StateRow): SourceState {
  const running = runningUntil === null ? null : {
    since: leaseAt, until: runningUntil, host: leaseHost, pid: leasePid,
    ended: hasEnded({ host: leaseHost, pid: leasePid, start: leaseStart }),
  };
  return { ...rest, running };
}

/**
 * Insert or refresh the rows for the defined sources; a changed URL forgets its validators. A row whose name and URL
 * are unchanged is not written: every process start syncs, and a crawl then commits nothing it did not change.
 */
export function syncSources(db: Db, defs: SourceDef[], now = new Date()): void {
  const upsert = prepared(db, `
    INSERT INTO sources (id, name, name_sv, url, created_at) VALUES (@id, @name, @nameSv, @url, @now)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_sv = excluded.name_sv, url = excluded.url,
      etag = CASE WHEN sources.url = excluded.url THEN sources.etag END,
      last_modified = CASE WHEN sources.url = excluded.url THEN sources.last_modified END
    WHERE sources.name IS NOT excluded.name OR sources.name_sv IS NOT excluded.name_sv OR sources.url IS NOT excluded.url`);
  db.transaction(() => {
    for (const d of defs) upsert.run({ id: d.id, name: d.name, nameSv: d.nameSv ?? null, url: d.url, now: now.toISOString() });
  })();
}

/** Each stored source's name in a language (id → name): a Swedish one where its definition gives it, else its name. */
export function sourceNames(db: Db, lang: Lang): Record<string, string> {
  const rows = prepared(db, 'SELECT id, name, name_sv AS nameSv FROM sources').all() as { id: string; name: string; nameSv: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.id, sourceNameIn(r, lang)]));
}

/** All stored source states, by id. */
export function listSourceStates(db: Db): SourceState[] {
  return (prepared(db, `SELECT ${COLUMNS} FROM sources ORDER BY id`).all() as StateRow[]).map(toState);
}

/** One source's state, or undefined. */
export function getSourceState(db: Db, id: string): SourceState | undefined {
  const row = prepared(db, `SELECT ${COLUMNS} FROM sources WHERE id = ?`).get(id) as StateRow | undefined;
  return row && toState(row);
}

/**
 * The sources with no validators that have not failed since (never fetched, their URL changed, or a server that sends
 * none): their next fetch will be answered with the whole feed. Each is true if it has never been fetched with success
 * (every item of its feed is new), false if it has (its feed sent again may hold nothing new).
 */
export function sourcesAnsweredWhole(db: Db): Map<string, boolean> {
  const rows = prepared(db, 'SELECT id, last_success_at IS NULL FROM sources WHERE etag IS NULL AND last_modified IS NULL AND error_count = 0')
    .raw(true).all() as [string, number][];
  return new Map(rows.map(([id, unseen]) => [id, unseen === 1]));
}

/** The validators to send on the next conditional GET of a source's URL. */
export function getValidators(db: Db, id: string): Validators {
  return validatorsOf(getSourceState(db, id));
}

/** The validators of a source's state read already. */
export function validatorsOf(s: SourceState | undefined): Validators {
  return { etag: s?.etag ?? null, lastModified: s?.lastModified ?? null };
}

/** Set when a source should next be checked (used for schedule bookkeeping). */
export function setNextRun(db: Db, id: string, nextRunAt: string | null): void {
  prepared(db, 'UPDATE sources SET next_run_at = ? WHERE id = ?').run(nextRunAt, id);
}

interface Lease {
  runningUntil: string;
  host: string | null;
  pid: number | null;
  start: string | null;
  at: string | null;
}

const LEASE = 'running_until AS runningUntil, lease_host AS host, lease_pid AS pid, lease_start AS start, lease_at AS at';

/** End a lease whose run will never finish, recording the run as interrupted and the source's status as such. */
function recordInterrupted(db: Db, sourceId: string, lease: Lease, error: string, now: string): void {
  prepared(db, `INSERT INTO runs (source_id, started_at, finished_at, status, error) VALUES (?, ?, ?, 'interrupted', ?)`)
    .run(sourceId, lease.at ?? now, now, error);
  // Not the source's fault: no error streak and no backoff; the schedule stays as it was.
  prepared(db, `UPDATE sources SET last_run_at = ?, last_status = 'interrupted', last_error = ?,
      running_until = NULL, lease_host = NULL, lease_pid = NULL, lease_start = NULL, lease_at = NULL WHERE id = ?`).run(now, error, sourceId);
}

const diedText = (lease: Lease) => `interrupted: the process (pid ${lease.pid}) ended before the run finished`;

/**
 * Take the source's run lease until `until`; false when another run (in any process) holds it. A lease whose
 * process has ended (same host, its pid gone or since taken by another process) is taken over at once; one held by a
 * live process or by another host only once it has expired. A run that can no longer finish is recorded as interrupted.
 */
export function claimSource(db: Db, id: string, until: Date, now = new Date(), holder: ProcessIdentity = thisProcess()): boolean {
  return db.transaction(() => {
    const at = now.toISOString();
    const lease = prepared(db, `SELECT ${LEASE} FROM sources WHERE id = ? AND running_until IS NOT NULL`).get(id) as Lease | undefined;
    if (lease) {
      const ended = hasEnded(lease, holder.host);
      if (!ended && lease.runningUntil >= at) return false;
      if (ended) recordInterrupted(db, id, lease, diedText(lease), at);
      else if (lease.host !== holder.host) {
        // Expired and nobody here can tell whether its process lives: its run did not finish in time.
        const who = lease.pid === null ? '' : ` (pid ${lease.pid} on ${lease.host})`;
        recordInterrupted(db, id, lease, `interrupted: the run${who} did not finish before its lease expired`, at);
      }
      // Expired but its process on this host lives: the run may still record itself, so nothing is recorded here.
    }
    return prepared(db, 'UPDATE sources SET running_until = ?, lease_host = ?, lease_pid = ?, lease_start = ?, lease_at = ? WHERE id = ?')
      .run(until.toISOString(), holder.host, holder.pid, holder.start, at, id).changes === 1;
  }).immediate();
}

/** End every lease of this host whose process has ended (a writer does this when it starts); returns the sources. */
export function recoverDeadLeases(db: Db, host = thisProcess().host, now = new Date()): string[] {
  return db.transaction(() => {
    const leases = prepared(db, `SELECT id, ${LEASE} FROM sources WHERE running_until IS NOT NULL AND lease_host = ?`)
      .all(host) as (Lease & { id: string })[];
    const dead = leases.filter((l) => hasEnded(l, host));
    for (const l of dead) recordInterrupted(db, l.id, l, diedText(l), now.toISOString());
    return dead.map((l) => l.id);
  }).immediate();
}

/** Give the run lease back (saveRun already does; this covers runs that could not be saved). */
export function releaseSource(db: Db, id: string): void {
  // Matching no row writes nothing, so the usual case costs no disk sync.
  prepared(db, 'UPDATE sources SET running_until = NULL WHERE id = ? AND running_until IS NOT NULL').run(id);
}

/** Who paused a source and when. */
export interface Pause {
  by: string;
  at: string;
}

/** The paused sources (the scheduler and `crawl` skip them), by id. */
export function listPausedSources(db: Db): Map<string, Pause> {
  return new Map((prepared(db, 'SELECT id, paused_by AS by, paused_at AS at FROM sources WHERE paused_at IS NOT NULL').all() as
    (Pause & { id: string })[]).map(({ id, ...p }) => [id, p]));
}

/** Pause a source (`pause` given) or resume it (null); false when there is no such source. */
export function setSourcePaused(db: Db, id: string, pause: Pause | null): boolean {
  return prepared(db, 'UPDATE sources SET paused_at = ?, paused_by = ? WHERE id = ?').run(pause?.at ?? null, pause?.by ?? null, id).changes === 1;
}
