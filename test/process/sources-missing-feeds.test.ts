// `lakivahti sources` as a script runs it with a feeds folder that is missing or mistyped: nothing could be read, which
// is a failure (exit 1, named), not an empty listing with exit 0 that a script takes for "no sources configured"; a
// --feeds naming a file is told apart from a missing folder. An empty sources/ folder is a valid, empty listing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
let db: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-sources-feeds-'));
  db = path.join(dir, 'db.sqlite');
  seedDatabase(db, 1);
  fs.writeFileSync(path.join(dir, 'taxonomy.yaml'), 'version: x\n');
  fs.mkdirSync(path.join(dir, 'empty', 'sources'), { recursive: true });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sources with a feeds folder that cannot be read', { timeout: 60_000 }, () => {
  it('a missing folder: exit 1, the folder named', async () => {
    const r = await run(['sources', '--db', db, '--feeds', path.join(dir, 'nope')]);
    expect(r.out).toBe('');
    expect(r.err).toBe(`lakivahti sources: config: ${path.join(dir, 'nope', 'sources')}: the folder does not exist\nlakivahti sources: no source definition could be read (see above)\n`);
    expect(r.code).toBe(1);
  });

  it('a file given as the feeds folder: exit 1, said to be a file', async () => {
    const r = await run(['sources', '--json', '--db', db, '--feeds', path.join(dir, 'taxonomy.yaml')]);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${path.join(dir, 'taxonomy.yaml')}: is a file, not a folder laid out like feeds/`);
    expect(r.code).toBe(1);
  });

  it('an empty sources/ folder is an empty listing, exit 0', async () => {
    const r = await run(['sources', '--db', db, '--feeds', path.join(dir, 'empty')]);
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  });
});
