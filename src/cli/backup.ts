// `lakivahti backup FILE [--force]`: a consistent copy of the database, safe while `serve` runs.
import fs from 'node:fs';
import path from 'node:path';
import { resolvePaths } from '../app/context.js';
import { backupDb, openDb } from '../store/index.js';
import { parseCommand, UsageError } from './args.js';

export const usage = `usage: lakivahti backup FILE [--force] [--db PATH]

Copy the database to FILE with SQLite's online backup (consistent even while serve or crawl
writes; copying the .sqlite file alone would miss what is still in its -wal file), check the
copy's integrity and print its size and item count. An existing FILE is kept unless --force.
`;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;

export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { force: { type: 'boolean' } }, true);
  const [dest, ...extra] = positionals;
  if (!dest || extra.length) throw new UsageError('give one file to write the backup to, e.g. `lakivahti backup lakivahti-2026-12-01.sqlite`');
  const { dbFile } = resolvePaths(values);
  if (path.resolve(dest) === path.resolve(dbFile)) throw new UsageError(`${dest} is the database itself; choose another file`);
  if (fs.statSync(dest, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`backup: ${dest} is a folder; name the file to write in it, e.g. ${path.join(dest, 'lakivahti-2026-12-01.sqlite')}\n`);
    return 2;
  }
  if (fs.existsSync(dest)) {
    if (!values.force) {
      process.stderr.write(`backup: ${dest} already exists; choose another name, or add --force to overwrite it\n`);
      return 2;
    }
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dest + suffix, { force: true });
  }
  const dir = path.dirname(path.resolve(dest));
  if (!fs.existsSync(dir)) {
    process.stderr.write(`backup: the folder ${dir} does not exist\n`);
    return 2;
  }
  // Any schema: a backup before an upgrade is the one most worth having.
  const db = openDb(dbFile, { readOnly: true, anySchema: true });
  try {
    const { bytes, items } = await backupDb(db, dest);
    process.stdout.write(`backup: ${dest} written (${megabytes(bytes)}, ${items} items); integrity check ok\n`);
    return 0;
  } catch (err) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(dest + suffix, { force: true });
    throw err;
  } finally {
    db.close();
  }
}
