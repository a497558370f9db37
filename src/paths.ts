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
