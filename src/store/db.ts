// Open the SQLite database with safe settings and bring its schema up to date.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';
import { makeFolder, migrationsDir } from '../paths.js';
import { fileKind } from '../file-kind.js';
import { canonicalAddress } from '../parse/address.js';
import { diskFull, diskFullMessage, shmReady } from './disk-space.js';
import { writeFailure, writeFailureText } from './write-failure.js';

// better-sqlite3 reads this when its addon first loads (at the first connection): URI file names are needed to
// open a database on a read-only folder or mount with `immutable=1` (see openReadOnly).
process.env.SQLITE_USE_URI ??= '1';

/**
 * better-sqlite3's constructor, required rather than imported: importing a CommonJS package from ES modules makes node
 * load its CommonJS lexer and read the package's files for export names (some 8 ms of every command's start, a tenth
 * of a crawl of 304s beyond node's own start). Modules that open connections themselves take it from here.
 */
const require = createRequire(import.meta.url);
const BetterSqlite = require('better-sqlite3') as typeof BetterSqlite3;
/**
 * better-sqlite3's addon, named by its path: without it the `bindings` package looks for the file in its candidate
 * folders first (a failed stat and a thrown error each) at every process's first connection, the writer thread's too.
 */
const nativeBinding = ((): string | undefined => {
  try {
    return require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
  } catch {
    return undefined; // built elsewhere (a debug build): `bindings` finds it as before
  }
})();
export const Database = (nativeBinding === undefined ? BetterSqlite : class extends BetterSqlite {
  constructor(file?: string, options?: BetterSqlite3.Options) {
    super(file, { nativeBinding, ...options });
  }
}) as typeof BetterSqlite3;
export type Db = BetterSqlite3.Database;

const statements = new WeakMap<Db, Map<string, BetterSqlite3.Statement>>();

/** A prepared statement, made once per connection and SQL text (preparing is costly; most runs are small). */
export function prepared(db: Db, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

/** Rows one statement of insertRows writes at most (its statements are one per row count up to this). */
const ROWS_AT_ONCE = 64;

/**
 * Insert rows given as one flat list of values, `width` values a row, with multi-row INSERTs (`head`: the statement up
 * to VALUES), ROWS_AT_ONCE rows a statement and its values bound positionally, in the list's order. A batch's rows as a
 * JSON array that the statement read with json_each and ->> made SQLite convert each row's JSON from text to its
 * binary form and back for every value taken: half the time of the identifiers' insert (39 against 20 ms for a cold
 * crawl's 8,000 rows).
 */
export function insertRows(db: Db, head: string, width: number, values: unknown[]): void {
  const rows = values.length / width;
  const row = `(${Array(width).fill('?').join(', ')})`;
  for (let at = 0; at < rows; at += ROWS_AT_ONCE) {
    const n = Math.min(ROWS_AT_ONCE, rows - at);
    prepared(db, `${head} VALUES ${Array(n).fill(row).join(', ')}`).run(n === rows ? values : values.slice(at * width, (at + n) * width));
  }
}

/**
 * A LIMIT clause with its row count written into the SQL, never bound. SQLite (3.53 here) looks at a bound LIMIT's
 * value while planning, which marks the statement to be prepared again whenever that parameter is bound, and
 * better-sqlite3 binds at every run: each run of a `LIMIT ?` list query was parsed and planned anew (35–50 µs, most of
 * a 10-row read). A count in the text is planned with once; each count is its own statement in `prepared`'s cache,
 * and the lists use a few fixed ones.
 */
export function limitRows(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`limitRows: not a whole number of rows: ${n}`);
  return `LIMIT ${n}`;
}

/**
 * A listing's rows a page at a time, with no read left open between pages: a listing whose reader pauses (a slow pipe,
 * a pager) holds no read transaction, so the write-ahead log is still copied back and reset as crawls write meanwhile.
 * Which rows, in which order, is read once in one read (`ids`); then each `size` of them are read whole by `page`
 * (given the ids in order) in one read: one statement, or a transaction of its own. Run inside a transaction, the whole
 * listing reads in that one.
 */
export function* eachPage<T>(db: Db, ids: () => number[], size: number, page: (ids: number[]) => T[]): Generator<T[], void, undefined> {
  const all = db.transaction(ids)();
  for (let at = 0; at < all.length; at += size) yield page(all.slice(at, at + size));
}

/** Whether a statement failed because another connection held the lock it needed (it waited its busy_timeout, if any). */
export const isBusy = (err: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(String((err as { code?: unknown } | null)?.code ?? ''));

/**
 * Run `write` (a statement, or a transaction it rolls back whole) and, while another connection holds the lock it
 * needs, again every `pollMs`, awaiting in between: on a connection with a short busy_timeout the wait for a lock held
 * by another process happens here, with the event loop free, not in SQLite on the process's one thread. `waiting` hears
 * of the first refusal; `stopping` ends the wait with the refusal (the work is left as it was).
 */
export async function whenWritable<T>(write: () => T, { waiting, stopping, pollMs = 100 }: { waiting?: () => void; stopping?: () => boolean; pollMs?: number } = {}): Promise<T> {
  for (let first = true; ; first = false) {
    try {
      return write();
    } catch (err) {
      if (!isBusy(err) || stopping?.()) throw err;
      if (first) waiting?.();
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/**
 * Take the write lock and give it back at once, waiting for nobody (a busy_timeout of 0 for the moment): throws
 * SQLITE_BUSY while another connection holds it, so `whenWritable(() => tryWriteLock(db))` waits for the lock with the
 * event loop free, and a write run in the same turn right after meets no lock but one taken within that moment.
 */
export function tryWriteLock(db: Db): void {
  if (db.inTransaction) return;
  const busyMs = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
  } finally {
    db.pragma(`busy_timeout = ${busyMs}`);
  }
}

/**
 * The connection to `file`, or why SQLite could not open it: its "unable to open database file" named neither the
 * file nor the cause, a new database in a folder this user may not write (`crawl --db /srv/ro/db.sqlite`) among them.
 */
function opened(file: string): Db {
  try {
    return new Database(file);
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_CANTOPEN' || file === ':memory:') throw err;
    const dir = path.dirname(path.resolve(file));
    let writable = true;
    try {
      fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
    } catch {
      writable = false;
    }
    if (!fs.existsSync(file) && !writable) throw new DbOpenError(`cannot make the database ${file}: this user may not write in its folder ${dir}`, 'SQLITE_CANTOPEN');
    throw new DbOpenError(`cannot open the database ${file} (${(err as Error).message})`, 'SQLITE_CANTOPEN');
  }
}

/** An expected problem opening the database, with a message for people (no stack needed). */
export class DbOpenError extends Error {
  /** `code`: SQLite's name for the cause where there is one (SQLITE_FULL for a full disk). */
  constructor(message: string, readonly code?: string) {
    super(message);
    this.name = 'DbOpenError';
  }
}

/**
 * How a connection commits. FULL syncs the write-ahead log to disk at every commit: a commit survives even a power
 * loss. NORMAL (in WAL mode) writes the log at every commit but syncs it only at checkpoints: a commit survives the
 * process being killed (the written log is the kernel's) and the database is never corrupted, but a power loss or
 * kernel crash may roll back the last commits before a checkpoint. Crawls use NORMAL (what they store can be fetched
 * again, and a crawl of 200 sources would otherwise wait for 400 disk syncs); everything else, such as reviewers'
 * decisions, which nobody can fetch again, keeps FULL.
 */
export type Synchronous = 'FULL' | 'NORMAL';

/**
 * Copy what the write-ahead log holds into the database file, as far as no reader still needs it: a passive checkpoint,
 * which never waits for a reader or a writer (another connection's transaction goes on meanwhile). It syncs the log
 * before copying and the database file after, as the checkpoint at close does. A checkpoint that cannot run now
 * (another connection is checkpointing) is left to a later one, or to the close.
 */
export function checkpointLog(db: Db): void {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    /* SQLITE_BUSY or the like: the next checkpoint copies it */
  }
}

/**
 * Open (creating if needed) and migrate the database at `file`; ':memory:' works for tests. With `readOnly`,
 * the file must exist and nothing is written: no folder, no journal-mode change, no migration (a schema older
 * than the code is an error saying how to upgrade it). `mustExist`: write, but to a database that is there (a command
 * that changes what is stored: a mistyped path is named, not made a new empty database). `checkHeader: false` for a second connection of a process that
 * already has the file open: reading the header opens and closes the file outside SQLite, and on POSIX systems closing
 * any handle to a file drops every lock the process holds on it, so another program's connection closing meanwhile
 * (the sqlite3 shell, a backup tool) would delete the write-ahead log this process goes on writing to. `busyMs`: how
 * long a write waits for another connection's write lock once the database is open (short for a server's thread, where
 * waiting stalls every request: the write fails with SQLITE_BUSY instead).
 */
export function openDb(file: string, { readOnly = false, anySchema = false, synchronous = 'FULL' as Synchronous, cacheMiB = 0, checkHeader = true, busyMs = 5000, mustExist = false } = {}): Db {
  if ((readOnly || mustExist) && file !== ':memory:' && !fs.existsSync(file)) throw new DbOpenError(`the database file ${file} does not exist`);
  if (file !== ':memory:' && checkHeader) {
    // SQLite calls a folder "disk I/O error", and takes a file shorter than its header for an empty database, which
    // a write then replaces: say what either is and touch neither. A device (`--db /dev/null`) was read as an empty
    // database of an older schema, and a write beside it made /dev/null-journal; a named pipe's header was waited
    // for until someone wrote to it, for ever.
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && !stat.isFile()) throw new DbOpenError(`${file} is ${fileKind(stat)}, not a database file`);
    if (stat && stat.size > 0 && !readableHeader(file)) throw notDatabase(file, { code: 'SQLITE_NOTADB' });
  }
  if (readOnly) return withCache(openReadOnly(file, anySchema), cacheMiB);
  if (file !== ':memory:') {
    const dir = path.dirname(path.resolve(file));
    try {
      makeFolder(dir);
    } catch (err) {
      throw new DbOpenError(`cannot make the database's folder ${dir} (${(err as NodeJS.ErrnoException).code})`);
    }
    if (diskFull(file)) throw new DbOpenError(diskFullMessage(file), 'SQLITE_FULL');
  }
  const db = opened(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    // Temporary files in memory: a statement that writes several rows (or fires triggers) keeps a statement journal,
    // and as a temporary file that was some 24 writes per stored item (a third of a large run's storing time).
    db.pragma('temp_store = MEMORY');
    refuseNewer(db, file);
    migrate(db);
    if (busyMs !== 5000) db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyMs))}`);
  } catch (err) {
    db.close();
    const failed = writeFailure((err as { code?: string }).code ?? '');
    if (failed === 'read-only') throw new DbOpenError(`${writeFailureText(failed, file)}; commands that only read it still work`);
    throw failed === 'disk-full' || (failed === 'io-error' && diskFull(file)) ? new DbOpenError(diskFullMessage(file), 'SQLITE_FULL') : notDatabase(file, err);
  }
  return withCache(db, cacheMiB);
}

/**
 * A page cache of `mib` MiB for this connection (0: better-sqlite3's 16 MB). The server's connection reads items
 * by id in no order the disk keeps (a search's matches sorted into list order), which a larger cache keeps in memory.
 */
function withCache(db: Db, mib: number): Db {
  if (mib > 0) db.pragma(`cache_size = -${Math.trunc(mib * 1024)}`);
  return db;
}

/** sqliteHeader, with a file this user may not open named as such (it was a bare 'EACCES: permission denied', exit 2). */
function readableHeader(file: string): boolean {
  try {
    return sqliteHeader(file);
  } catch (err) {
    if (writeFailure(err) !== 'read-only') throw err;
    throw new DbOpenError(`the database ${file} cannot be read by this user (no permission to open it); nothing was changed`, 'EACCES');
  }
}

/** Whether the file begins as every SQLite database does. */
function sqliteHeader(file: string): boolean {
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.toString('latin1') === 'SQLite format 3\0';
  } finally {
    fs.closeSync(fd);
  }
}

/** A file that is not SQLite's, named in words (SQLite says only "file is not a database"); other errors as they are. */
function notDatabase(file: string, err: unknown): unknown {
  if ((err as { code?: string }).code !== 'SQLITE_NOTADB') return err;
  return new DbOpenError(`${file} is not a database (not an SQLite file); nothing was written to it`);
}

/** Read-only connections that read the main file alone while its -wal file holds commits they cannot see. */
const logUnseen = new WeakSet<Db>();

/** Whether a read-only connection misses the newest commits (in the -wal file) because it could only read the main file. */
export const missesNewestWrites = (db: Db): boolean => logUnseen.has(db);

function openReadOnly(file: string, anySchema: boolean): Db {
  // A reader of a WAL database makes and sizes its shared-memory file: on a full disk that fails, leaving the file
  // begun, so read the main file alone at once.
  let db: Db | null = file !== ':memory:' && diskFull(file) && !shmReady(file) ? null : new Database(file, { readonly: true, fileMustExist: true });
  try {
    db?.prepare('SELECT 1 FROM sqlite_master LIMIT 1').get();
  } catch (err) {
    // A WAL database in a folder this user cannot write (a read-only mount), or on a full disk: SQLite cannot make or
    // size the shared-memory file readers need. A sized one means a connection may be writing: never read past it.
    const code = (err as { code?: string }).code ?? '';
    db!.close();
    if (!/^SQLITE_(READONLY_DIRECTORY|READONLY_CANTINIT|CANTOPEN|IOERR_SHMSIZE|FULL)/.test(code) || shmReady(file)) throw notDatabase(file, err);
    db = null;
  }
  if (!db) {
    // The main file read as immutable: no connection has the database open (none sized the shared memory), so nobody
    // writes there now. Commits a -wal file still holds (a crash, a copy) are not seen, and kept untouched:
    // missesNewestWrites says so.
    db = new Database(`${pathToFileURL(path.resolve(file)).href}?immutable=1`, { readonly: true, fileMustExist: true });
    if ((fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0) > 0) logUnseen.add(db);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (!anySchema) refuseNewer(db, file);
    const missing = anySchema ? [] : pendingMigrations(db);
    if (missing.length)
      throw new DbOpenError(
        `the database ${file} has an older schema than this version of Lakivahti (missing ${missing.join(', ')}); ` +
          'run `lakivahti crawl` or `lakivahti serve` once with write access to upgrade it',
      );
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Migration files not yet applied to an open database (all of them when it has no schema yet). */
export function pendingMigrations(db: Db, dir = migrationsDir): string[] {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  const done = new Set(
    table ? (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version) : [],
  );
  return migrationFiles(dir).filter((name) => !done.has(Number(name.split('-')[0])));
}

/**
 * Refuse a database that a newer version of Lakivahti migrated further than this one knows: going on would read and
 * write a schema this code was not written for.
 */
function refuseNewer(db: Db, file: string, dir = migrationsDir): void {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()) return;
  const last = Math.max(0, ...migrationFiles(dir).map((name) => Number(name.split('-')[0])));
  const newer = (db.prepare('SELECT name FROM schema_migrations WHERE version > ? ORDER BY version').all(last) as { name: string }[]).map((r) => r.name);
  if (newer.length)
    throw new DbOpenError(
      `the database ${file} was made by a newer version of Lakivahti (migration ${newer.join(', ')}); this version ` +
        `knows migrations up to ${String(last).padStart(3, '0')} and leaves it untouched: run the newer version, or restore a backup`,
    );
}

const migrationFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /^\d+-.+\.sql$/.test(f)).sort();

/**
 * Apply the numbered migrations in db/migrations/ that have not run yet, all in one transaction: the database is
 * upgraded to the last one or left as it was (and a new file is made with one commit, not one per migration).
 * Foreign keys are off while they run, as SQLite's way of rebuilding a table asks (dropping a table that others refer
 * to would otherwise run their ON DELETE actions: migration 026's rebuild would empty every item's matter), and every
 * reference is checked before the commit: a migration that breaks one fails whole.
 */
export function migrate(db: Db, dir = migrationsDir): string[] {
  // The pragma is a no-op inside a transaction, where a rebuild would then run those actions.
  if (db.inTransaction) throw new Error('migrate: called inside a transaction (foreign keys cannot be turned off there)');
  // Most opens find nothing to do, and take no write lock for it.
  if (!pendingMigrations(db, dir).length) return [];
  const keys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  // Migration 027 writes each stored address in its one spelling, by the rule the application stores them by.
  db.function('canonical_address', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? canonicalAddress(text) ?? text : text));
  try {
    return db.transaction(() => {
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Set(
        (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
      );
      const applied: string[] = [];
      for (const name of migrationFiles(dir)) {
        const version = Number(name.split('-')[0]);
        if (done.has(version)) continue;
        db.exec(fs.readFileSync(path.join(dir, name), 'utf8'));
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, name, new Date().toISOString());
        applied.push(name);
      }
      const broken = applied.length ? (db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]) : [];
      if (broken.length)
        throw new Error(`migration ${applied.join(', ')} left ${broken.length} broken reference(s), e.g. ${broken[0].table} row ${broken[0].rowid} to ${broken[0].parent}`);
      return applied;
      // Immediate: the write lock first (waiting busy_timeout for it), so a second process upgrading at the same moment
      // waits and then finds the work done; a deferred transaction began reading and failed at once, 'database is locked'.
    }).immediate();
  } finally {
    db.pragma(`foreign_keys = ${keys ? 'ON' : 'OFF'}`);
  }
}
