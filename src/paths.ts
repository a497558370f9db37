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
