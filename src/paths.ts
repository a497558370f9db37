// Where the package's own folders are, whether running from src/ (tests) or dist/src/ (built).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the lakivahti package root');
    dir = up;
  }
  return dir;
}

/** The package root (holds package.json, feeds/, views/, db/). */
export const rootDir = findRoot();
export const migrationsDir = path.join(rootDir, 'db', 'migrations');
export const defaultFeedsDir = path.join(rootDir, 'feeds');
export const defaultDbPath = path.join(rootDir, 'db', 'lakivahti.sqlite');
export const viewsDir = path.join(rootDir, 'views');
export const fixturesDir = path.join(rootDir, 'test', 'fixtures');

/**
 * `mkdir -p`: the folder and its missing parents, each made alone. Node 20's recursive mkdir never returns where a
 * parent exists but takes no new entries (/proc/x); made one by one, such a folder fails at once.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = path.resolve(dir); !fs.existsSync(d) && d !== path.dirname(d); d = path.dirname(d)) missing.push(d);
  for (const d of missing.reverse()) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  // What is there already must be a folder, as `mkdir -p` says of a file in its place.
  if (!fs.statSync(dir).isDirectory()) throw Object.assign(new Error(`${dir} exists and is not a folder`), { code: 'EEXIST' });
}

/** An option or environment variable that names no path: a mistake in how the command was called (exit status 2). */
export class PathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

/**
 * A path named by an option, else by the environment variable `env`; an empty one is refused (a script's unset
 * variable): SQLite takes an empty file name for a temporary database, and a crawl went into one that vanished.
 */
export function namedPath(option: string | undefined, name: string, env: string): string | undefined {
  const value = option ?? process.env[env];
  if (value !== undefined && value.trim() === '')
    throw new PathError(option !== undefined ? `--${name} is empty: name a path, or leave the option out for the default` : `${env} is set but empty: name a path, or unset it for the default`);
  return value === undefined ? value : utf8Path(value, option !== undefined ? `--${name}` : env);
}

/**
 * A path given on the command line, refused when it holds bytes that are not UTF-8 (a Latin-1 name): Node.js reads
 * them as U+FFFD, so the command would open, make or write another file (`--db $'\xe4iti.sqlite'` made
 * "\uFFFDiti.sqlite" and added a subscription there). A file really named with U+FFFD is taken as it is.
 */
export function utf8Path(value: string, what: string): string {
  if (!value.includes('\uFFFD') || fs.existsSync(value)) return value;
  throw new PathError(`${what} "${value}" is not a UTF-8 path (its other bytes are shown as \uFFFD), and no file by that name can be opened; rename the file or folder in UTF-8`);
}

/** The database file and feeds folder named by --db/--feeds or the environment. */
export function resolvePaths(values: { db?: string; feeds?: string }): { dbFile: string; feedsDir: string } {
  return {
    feedsDir: namedPath(values.feeds, 'feeds', 'LAKIVAHTI_FEEDS') ?? defaultFeedsDir,
    dbFile: namedPath(values.db, 'db', 'LAKIVAHTI_DB') ?? defaultDbPath,
  };
}
