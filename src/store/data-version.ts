// Whether the database has changed since a value was read from it: what the pages derive from data that moves only
// when something is stored (the organisations, the sources' states, weekly counts) is read again after each change
// and never served stale.
import { prepared, type Db } from './db.js';

/**
 * A value that is different after any change to the database: PRAGMA data_version moves when another connection (the
 * crawler's writer) commits, total_changes() when this connection writes.
 */
export function dataVersion(db: Db): string {
  return `${prepared(db, 'PRAGMA data_version').pluck().get() as number}.${prepared(db, 'SELECT total_changes()').pluck().get() as number}`;
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
