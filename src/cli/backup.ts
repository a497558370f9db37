// `lakivahti backup FILE [--force]`: a consistent copy of the database, safe while `serve` runs.
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../bytes.js';
import { resolvePaths } from '../paths.js';
import { utf8Path } from '../paths.js';
import { backupDb, DB_FILE_SUFFIXES, InUseError, openDb } from '../store/index.js';
import { fileKind, Interrupted, onStopSignal, parseCommand, Refused, signalStatus, UsageError } from './args.js';

export const usage = `usage: lakivahti backup FILE [--force] [--db PATH]

Copy the database to FILE with SQLite's online backup (consistent even while serve or crawl
writes; copying the .sqlite file alone would miss what is still in its -wal file), check the
copy's integrity and print its size and item count. FILE is a plain file or a new name (a
symbolic link, a device, a socket or a named pipe is refused: renaming onto it would replace it). An
existing FILE is kept unless --force,
and never replaced while a process has it open as its database (serve or crawl on it: exit 2);
a reader idle on an earlier backup (the sqlite3 shell) holds no lock and is not seen: close it first.
The copy is written as FILE.partial-PID and named FILE only once complete and checked: a disk
too small for it is refused before anything is written (exit 1, naming the disk), and a copy cut
short (the disk filling, Ctrl-C, SIGTERM or SIGHUP: exit 130 / 143 / 129) leaves nothing behind, and an existing
FILE as it was.
`;

/** A path with its folder's symlinks resolved (the file itself need not exist). */
function realPath(file: string): string {
  const abs = path.resolve(file);
  try {
    return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
  } catch {
    return abs;
  }
}

/**
 * Whether `dest` is the database or one of its -wal, -shm or -journal files under any spelling (a symlinked
 * folder, a symlink, a hard link): --force deletes `dest` and those files, which would lose the live database.
 */
function isDatabaseFile(dest: string, dbFile: string): boolean {
  const target = fs.statSync(dest, { throwIfNoEntry: false });
  const db = fs.existsSync(dbFile) ? fs.realpathSync(dbFile) : realPath(dbFile);
  return DB_FILE_SUFFIXES.some((suffix) => {
    // An existing file is the same file when it has the same inode (symlinks, symlinked folders, hard links);
    // a file yet to be written, when its path would be one of the database's.
    if (!target) return realPath(dest) === db + suffix;
    const s = fs.statSync(db + suffix, { throwIfNoEntry: false });
    return !!s && s.dev === target.dev && s.ino === target.ino;
  });
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { force: { type: 'boolean' } }, true);
  const [given, ...extra] = positionals;
  const dest = given === undefined ? given : utf8Path(given, 'the backup file');
  if (!dest || extra.length) throw new UsageError('give one file to write the backup to, e.g. `lakivahti backup lakivahti-2026-12-01.sqlite`');
  const { dbFile } = resolvePaths(values);
  // The folder first: a path under a file, or one ending in a slash (a folder's name), is no file to write.
  const dir = /[\\/]$/.test(dest) ? path.resolve(dest) : path.dirname(path.resolve(dest));
  const folder = fs.statSync(dir, { throwIfNoEntry: false });
  if (folder && !folder.isDirectory()) throw new Refused(`${dir} is not a folder`);
  if (isDatabaseFile(dest, dbFile)) throw new Refused(`${dest} is the database itself; choose another file`);
  const target = fs.lstatSync(dest, { throwIfNoEntry: false });
  if (target?.isDirectory() || (target?.isSymbolicLink() && fs.statSync(dest, { throwIfNoEntry: false })?.isDirectory()))
    throw new Refused(`${dest} is a folder; name the file to write in it, e.g. ${path.join(dest, 'lakivahti-2026-12-01.sqlite')}`);
  if (!folder) throw new Refused(`the folder ${dir} does not exist`);
  // The copy is renamed onto FILE: that would replace a link (the file it points to left old; a dangling one
  // was then said to be another backup's) or a device or pipe (as root, /dev/null) with a plain file.
  if (target?.isSymbolicLink())
    throw new Refused(`${dest} is a symbolic link (to ${path.resolve(path.dirname(path.resolve(dest)), fs.readlinkSync(dest))}); name the file itself, or remove the link first`);
  if (target && !target.isFile())
    throw new Refused(`${dest} is not a regular file (${fileKind(target)}); choose another name`);
  if (target && !values.force) throw new Refused(`${dest} already exists; choose another name, or add --force to overwrite it`);
  // Any schema: a backup before an upgrade is the one most worth having.
  const db = openDb(dbFile, { readOnly: true, anySchema: true });
  // Ctrl-C, SIGTERM or SIGHUP: the copy stops between steps and its partial file is removed.
  let stoppedBy: NodeJS.Signals | null = null;
  const stop = (signal: NodeJS.Signals) => (stoppedBy = signal);
  const unlisten = onStopSignal(stop);
  try {
    const stopped = () => (stoppedBy ? new Interrupted(`${stoppedBy}: stopped; no backup was written${values.force ? ` (${dest} is as it was)` : ''}`, signalStatus(stoppedBy)) : null);
    const { bytes, items } = await backupDb(db, dest, { replace: values.force, stopped });
    process.stdout.write(`backup: ${dest} written (${formatBytes(bytes)}, ${items} ${items === 1 ? 'item' : 'items'}); integrity check ok\n`);
    return 0;
  } catch (err) {
    if (err instanceof InUseError) throw new Refused(err.message);
    const { code = '' } = err as { code?: string };
    if (code === 'EEXIST') throw new Refused(`${dest} was written by another backup while this one copied; it is kept, and this copy removed`, 1);
    // The copy's file could not be made or written (a folder that takes no new file, a file-size limit): SQLite's
    // message names no file. A failure like a full disk's (DiskFullError), told by main with its SQLite code (exit 1).
    if ((err as Error).name === 'SqliteError' && /^SQLITE_(CANTOPEN|IOERR|READONLY|PERM)/.test(code))
      throw Object.assign(new Error(`${dest} could not be written: ${(err as Error).message}`), { code });
    throw err;
  } finally {
    unlisten();
    db.close();
  }
}
