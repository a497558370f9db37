// The server's connection keeps a larger page cache than other commands' (src/app/context.ts, store/db.ts openDb).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeContext, openContext } from '../../src/app/context.js';
import { defaultFeedsDir } from '../../src/paths.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function dbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-cache-'));
  dirs.push(dir);
  return path.join(dir, 'l.sqlite');
}

describe('page cache of a connection', () => {
  it('is 64 MiB for the server and left at the binding default for other commands', async () => {
    const file = dbFile();
    const serve = openContext({ db: file, feeds: defaultFeedsDir }, { access: 'serve' });
    const other = openContext({ db: file, feeds: defaultFeedsDir }, { access: 'write' });
    try {
      expect(serve.db.pragma('cache_size', { simple: true })).toBe(-65536);
      expect(other.db.pragma('cache_size', { simple: true })).not.toBe(-65536);
    } finally {
      await closeContext(serve);
      await closeContext(other);
    }
  });
});
