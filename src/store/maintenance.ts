// Looking after the database file: what created it, whether it answers, and consistent backups.
import fs from 'node:fs';
import path from 'node:path';
import { Database, type Db } from './db.js';
import { DiskFullError, fits } from './disk-space.js';
import { isProcessAlive } from '../process-identity.js';

/** A value from the meta table (what created the database, e.g. the demo), or null. */
export function readMeta(db: Db, key: string): string | null {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!table) return null;
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? null;
}

/** What the database file says created it (meta key created_by), or null when it says nothing or cannot be read. */
export function databaseCreator(file: string): string | null {
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return readMeta(db, 'created_by');
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

/** Set a value in the meta table. */
export function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The bytes a copy of the database takes: its pages, those still in its -wal file included. */
function dbBytes(db: Db): number {
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}

/** The database file's name and the names of the files SQLite keeps beside it: FILE, FILE-journal, FILE-wal, FILE-shm. */
export const DB_FILE_SUFFIXES = ['', '-journal', '-wal', '-shm'];

/** Remove a database file and the files SQLite keeps beside it (`sideFilesOnly`: those alone), those that are there. */
export function removeDbFiles(file: string, { sideFilesOnly = false } = {}): void {
  for (const suffix of DB_FILE_SUFFIXES.slice(sideFilesOnly ? 1 : 0)) fs.rmSync(file + suffix, { force: true });
}

/**
 * Remove what backups to `dest` left when killed: `dest.partial-PID` files (and their journals) of processes that are
 * gone. Those of a backup still running are its own.
 */
function removeLeftPartials(dest: string): void {
  const dir = path.dirname(path.resolve(dest));
  const prefix = `${path.basename(dest)}.partial-`;
  for (const name of fs.readdirSync(dir)) {
    const pid = name.startsWith(prefix) ? /^(\d+)(-journal|-wal|-shm)?$/.exec(name.slice(prefix.length))?.[1] : undefined;
    if (pid && !isProcessAlive(Number(pid))) fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * Whether another process has the SQLite database `file` open, told by SQLite's own locks: a connection to a database in
 * WAL mode (every Lakivahti process's) keeps a shared lock on the file for as long as it is open, and one in a
 * transaction does in any mode, so a connection that asks for the file exclusively (locking_mode EXCLUSIVE, no busy
 * wait) is refused while any such connection is open, in any process of any user. An idle connection to a database
 * in rollback-journal mode holds no lock and is not seen. When nobody has it open, the asking connection's close copies
 * a left -wal file into the database (the same content) and removes it. Files that are not SQLite's, or missing: false.
 */
export function openElsewhere(file: string): boolean {
  let db: Db | undefined;
  try {
    db = new Database(file, { fileMustExist: true, timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
    return false;
  } catch (err) {
    return /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown }).code ?? ''));
  } finally {
    db?.close();
  }
}

/** A backup's target that another process has open as its database (`database`: that file, `dest` or the one `dest` is a side file of). */
export class InUseError extends Error {
  constructor(readonly dest: string, readonly database: string) {
    super(`${dest} is a database another process has open (${database}: a serve or crawl on it, the sqlite3 shell); replacing it would lose what that process writes: stop it first, or choose another file`);
    this.name = 'InUseError';
  }
}

/** Refuse `dest` when it, or the database it is the -wal, -shm or -journal file of, is open in another process. */
function refuseInUse(dest: string): void {
  const suffix = DB_FILE_SUFFIXES.find((s) => s && dest.endsWith(s));
  for (const file of suffix ? [dest, dest.slice(0, -suffix.length)] : [dest]) if (openElsewhere(file)) throw new InUseError(dest, path.resolve(file));
}

/**
 * Copy the database with SQLite's online backup (consistent while other connections write), check the copy, and only
 * then give it the name `dest`: a copy cut short by a full disk, `stopped()` (asked between steps: Ctrl-C) or a crash is
 * never left under the name of a backup, only as `dest.partial-PID` (one per process: two backups to one file at once
 * each write their own). Without `replace`, a `dest` another process wrote meanwhile is kept and this copy removed
 * (an error with code EEXIST). The copy is one self-contained file (its journal mode set back to rollback). A disk too
 * small for it is refused before anything is written (DiskFullError): a copy that fills the disk would also stop
 * serve's writes there until it is removed. A `dest` that another process has open as its database (or whose database
 * it is a side file of) is refused before the copy and again before its name is taken (InUseError).
 */
export async function backupDb(db: Db, dest: string, { replace = false, stopped = (): Error | null => null } = {}): Promise<{ bytes: number; items: number }> {
  const temp = `${dest}.partial-${process.pid}`;
  // Before the copy, so that nobody waits for one that cannot be used; again before the name is taken, below.
  refuseInUse(dest);
  const needs = dbBytes(db);
  if (!fits(dest, needs)) throw new DiskFullError(dest, needs);
  const removeTemp = () => removeDbFiles(temp);
  removeLeftPartials(dest);
  removeTemp();
  try {
    // One read transaction for the whole copy, so that every step reads the same snapshot: otherwise SQLite begins one
    // a step and starts the copy again from its first page whenever another process committed between steps (every
    // crawl run does): 78 s instead of 1.9 s for 130 MB beside a commit every 200 ms, and never done beside a busier one.
    db.exec('BEGIN');
    try {
      db.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
      await db.backup(temp, {
        progress: () => {
          const err = stopped();
          if (err) throw err;
          return 100; // pages a step, better-sqlite3's own
        },
      });
    } finally {
      db.exec('COMMIT');
    }
    const copy = new Database(temp, { fileMustExist: true });
    let items: number;
    try {
      copy.pragma('journal_mode = DELETE');
      const check = copy.pragma('integrity_check', { simple: true });
      if (check !== 'ok') throw new Error(`the copy ${temp} failed SQLite's integrity check: ${String(check)}`);
      items = (copy.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
    } finally {
      copy.close();
    }
    const err = stopped();
    if (err) throw err;
    // A process that opened dest meanwhile (a crawl started on it) would lose its -wal file and go on writing to a
    // file that has no name.
    refuseInUse(dest);
    // A -wal or -shm file of an earlier file named dest would be read as this copy's.
    removeDbFiles(dest, { sideFilesOnly: true });
    // A new name is taken only if nobody took it meanwhile (a link fails where a rename would replace).
    if (replace) fs.renameSync(temp, dest);
    else {
      fs.linkSync(temp, dest);
      removeTemp();
    }
    return { bytes: fs.statSync(dest).size, items };
  } catch (err) {
    removeTemp();
    // SQLite says "database or disk is full", or at times an I/O error, when a write finds no room.
    const code = (err as { code?: string }).code ?? '';
    const full = /^(SQLITE_FULL|ENOSPC)/.test(code) || (code.startsWith('SQLITE_IOERR') && !fits(dest, needs));
    throw full ? new DiskFullError(dest, needs) : err;
  }
}

/** Whether the database answers a real query; the error message when it does not. */
export function checkDb(db: Db): string | null {
  try {
    db.prepare('SELECT COUNT(*) FROM sources').get();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The segments of the full-text index: FTS5 writes one a writer group (item-saver.ts) and merges them only four of a
 * size at a time, so a day's crawls leave dozens, and every search term is looked up in each. Read from the index's
 * structure record (a 4-byte cookie, then varints: the number of levels, then of segments).
 */
export function searchIndexSegments(db: Db): number {
  const block = db.prepare('SELECT block FROM items_fts_data WHERE id = 10').pluck().get() as Buffer | undefined;
  if (!block) return 0;
  let at = 4;
  const varint = () => {
    let v = 0;
    for (;;) {
      const byte = block[at++];
      v = v * 128 + (byte & 0x7f);
      if (byte < 0x80) return v;
    }
  };
  varint();
  return varint();
}

/**
 * Merge the full-text index into one segment (FTS5's 'optimize'; serve's nightly job): a search then looks each term
 * up once. About 0.2–0.4 s at 100,000 items, in one write transaction. Returns the segments there were.
 */
export function mergeSearchIndex(db: Db): number {
  const segments = searchIndexSegments(db);
  if (segments > 1) db.exec("INSERT INTO items_fts (items_fts) VALUES ('optimize')");
  return segments;
}
