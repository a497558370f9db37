// Why the database could not be written, told apart in one place for every command and page that reports a failed
// write: its disk is full, SQLite's "disk I/O error" (a failing disk, or a limit on file size such as ulimit -f, which
// cron or a service manager may set), or it is read-only (a read-only mount, or no permission to write it). Nothing else (a bug, a busy lock) is one of these.
import { fullDisk } from './disk-space.js';

export type WriteFailure = 'disk-full' | 'io-error' | 'read-only';

/**
 * Which way a write to the database failed, from the error or its text (a run's stored error), or null when the
 * database's file was not the cause.
 */
export function writeFailure(err: unknown): WriteFailure | null {
  if (err === null || err === undefined) return null;
  const e = err as { code?: unknown; message?: unknown };
  const text = typeof err === 'string' ? err : `${String(e.code ?? '')} ${String(e.message ?? '')}`;
  // Not SQLITE_IOERR_SHMSIZE (the shared-memory file could not be sized): a full disk or a file-size limit alike, told
  // apart by looking at the disk (openDb).
  if (/SQLITE_FULL|ENOSPC|database or disk is full|the disk holding .+ is full/.test(text)) return 'disk-full';
  // EACCES / EPERM: a file or folder this user may not write (SQLite says SQLITE_READONLY; Node's own calls say these).
  if (/SQLITE_READONLY|EROFS|EACCES|EPERM|readonly database|cannot be written by this user/.test(text)) return 'read-only';
  if (/SQLITE_IOERR|EFBIG|disk I\/O error/.test(text)) return 'io-error';
  return null;
}

/** The failure in one sentence naming the database's file or disk (English, for stderr and the log). */
export function writeFailureText(kind: WriteFailure, file: string): string {
  if (kind === 'disk-full') return fullDisk(file);
  if (kind === 'read-only') return `the database ${file} cannot be written by this user (a read-only file, folder or mount)`;
  return `the database ${file} could not be written (disk I/O error: a failing disk, or a limit on file size such as ulimit -f)`;
}

/**
 * A write's error as text (the writer thread's reply, a run's error): a full disk or a read-only database named as
 * writeFailureText names it (the transaction was rolled back); SQLite's "disk I/O error" and any other error as said.
 */
export function writeErrorText(err: unknown, file: string): string {
  const kind = writeFailure(err);
  if (kind === 'disk-full' || kind === 'read-only') return `${writeFailureText(kind, file)}: nothing of it was written`;
  return err instanceof Error ? err.message : String(err);
}
