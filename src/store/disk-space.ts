// Whether the disk holding the database has room to open it: SQLite names a full disk "disk I/O error"
// (SQLITE_IOERR_SHMSIZE) when it cannot size the shared-memory file, and leaves the file it began behind.
import fs from 'node:fs';
import path from 'node:path';
import { formatBytes } from '../bytes.js';

/**
 * Bytes a connection needs free beside the database before it opens it: the shared-memory index of a WAL database
 * (32 KiB, written out page by page) and a page or two of log.
 */
export const OPEN_BYTES = 64 * 1024;
/** The size of a WAL database's shared-memory file once a connection has sized it. */
const SHM_BYTES = 32 * 1024;

/** Bytes free for this process on the disk holding `file`, or null when the file system does not say. */
export function freeBytes(file: string): number | null {
  try {
    const s = fs.statfsSync(path.dirname(path.resolve(file)));
    if (!s.blocks) return null; // some virtual and network file systems report nothing
    // Root may also use the blocks the file system keeps back for it.
    return (process.getuid?.() === 0 ? s.bfree : s.bavail) * s.bsize;
  } catch {
    return null;
  }
}

/** Whether the disk holding `file` is too full for a connection to open it (see OPEN_BYTES). */
export function diskFull(file: string): boolean {
  const free = freeBytes(file);
  return free !== null && free < OPEN_BYTES;
}

/** Whether the database's shared-memory file is already sized, so opening it needs no new disk space. */
export function shmReady(file: string): boolean {
  return (fs.statSync(`${file}-shm`, { throwIfNoEntry: false })?.size ?? 0) >= SHM_BYTES;
}

/** The mount point of the file system holding `file`: the disk a person can free space on. */
export function mountPoint(file: string): string {
  let dir = path.dirname(path.resolve(file));
  try {
    const dev = fs.statSync(dir).dev;
    for (let up = path.dirname(dir); up !== dir && fs.statSync(up).dev === dev; up = path.dirname(up)) dir = up;
  } catch {
    /* a folder we may not look into: name the database's own */
  }
  return dir;
}

/**
 * The disk holding `file`, how full it is and where to free space: `the disk holding … is full (1.2 GiB free on /var)`,
 * with what a copy of `needs` bytes would take.
 */
export function fullDisk(file: string, needs?: number): string {
  return `the disk holding ${file} is full (${formatBytes(freeBytes(file) ?? 0)} free on ${mountPoint(file)}${needs === undefined ? '' : `, the copy needs ${formatBytes(needs, true)}`})`;
}

/** The error of a command that would write to a database on a full disk. */
export function diskFullMessage(file: string): string {
  return `${fullDisk(file)}; nothing was written. Free some space there and run it again; commands that only read still work`;
}

/** A copy of `needs` bytes (a backup) that does not fit on the disk holding `dest`: nothing of it is left there. */
export class DiskFullError extends Error {
  readonly code = 'SQLITE_FULL';
  constructor(dest: string, needs: number) {
    super(`${fullDisk(dest, needs)}; nothing was written. Free some space there, or write the copy to another disk`);
    this.name = 'DiskFullError';
  }
}

/** Whether a copy of `bytes` bytes fits on the disk holding `dest`, leaving what a connection needs to open a file. */
export function fits(dest: string, bytes: number): boolean {
  const free = freeBytes(dest);
  return free === null || free >= bytes + OPEN_BYTES;
}
