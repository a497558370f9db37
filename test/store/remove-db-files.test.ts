// removeDbFiles: the one way a database is removed with the files SQLite keeps beside it (the demo's reset, backup's
// partial copies and the side files of a file a backup replaces), -journal among them: the demo left it.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { removeDbFiles } from '../../src/store/index.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-rm-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const make = (names: string[]) => names.forEach((n) => fs.writeFileSync(path.join(dir, n), 'x'));

describe('removeDbFiles', () => {
  it('removes FILE, FILE-journal, FILE-wal and FILE-shm, and nothing else beside them', () => {
    make(['demo.sqlite', 'demo.sqlite-journal', 'demo.sqlite-wal', 'demo.sqlite-shm', 'demo.sqlite.bak', 'demo.sqlite-journal.txt', 'other.sqlite-wal']);
    removeDbFiles(path.join(dir, 'demo.sqlite'));
    expect(fs.readdirSync(dir).sort()).toEqual(['demo.sqlite-journal.txt', 'demo.sqlite.bak', 'other.sqlite-wal']);
  });

  it('sideFilesOnly keeps the database file; files that are not there are no error', () => {
    make(['keep.sqlite', 'keep.sqlite-journal']);
    removeDbFiles(path.join(dir, 'keep.sqlite'), { sideFilesOnly: true });
    removeDbFiles(path.join(dir, 'never.sqlite'));
    expect(fs.readdirSync(dir).filter((n) => n.startsWith('keep'))).toEqual(['keep.sqlite']);
  });
});
