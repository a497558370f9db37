// Whether the database has changed since a value was read from it: what the pages derive from data that moves only
// when something is stored (the organisations, the sources' states, weekly counts) is read again after each change
// and never served stale.
import { prepared, type Db } from './db.js';

/**
 * A value that is different after any change to the database: PRAGMA data_version moves when another connection (the
 * crawler's writer) commits, total_changes() when this connection writes.
 */
export function dataVersion(db: Db): string {
  return readVersions(db).data;
}

/**
 * The database's versions read at once: `data` as dataVersion, and `writes`, which moves after any change at all,
 * the quiet ones included (a session's activity, sign-out): what is kept from the sessions table is read again after it.
 */
export function readVersions(db: Db): { data: string; writes: string } {
  // Two prepared statements, not one over the pragma_data_version table: that table prepares its PRAGMA anew at every
  // read (a third of a kept list page's store time, asked two or three times a page).
  const version = prepared(db, 'PRAGMA data_version').pluck().get() as number;
  const total = prepared(db, 'SELECT total_changes()').pluck().get() as number;
  return { data: `${version}.${total - (quiet.get(db) ?? 0)}`, writes: `${version}.${total}` };
}

/** Rows this connection changed in tables no kept value is read from (sessions), per connection. */
const quiet = new WeakMap<Db, number>();

/**
 * Count rows changed in a table no kept value reads (a session's activity or one-shot message: store/sessions.ts),
 * so that writing them does not drop what the pages keep. `changes` is the statement's own count (no triggers).
 */
export function changedQuietly(db: Db, changes: number): void {
  quiet.set(db, (quiet.get(db) ?? 0) + changes);
}

/** `read` answered once per version of the database (see dataVersion): read again after any change. */
export function untilChanged<T>(db: Db, read: () => T): () => T {
  let version: string | undefined;
  let value: T;
  return () => {
    const now = dataVersion(db);
    if (now !== version) {
      value = read();
      version = now;
    }
    return value;
  };
}
