// One classifier of a database that could not be written (store/write-failure.ts), from errors and from a run's text.
import { describe, expect, it } from 'vitest';
import { writeErrorText, writeFailure } from '../../src/store/write-failure.js';

const sqlite = (code: string, message: string) => Object.assign(new Error(message), { name: 'SqliteError', code });

describe('writeFailure', () => {
  it.each([
    [sqlite('SQLITE_FULL', 'database or disk is full'), 'disk-full'],
    [sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'), 'io-error'],
    [sqlite('SQLITE_IOERR_SHMSIZE', 'disk I/O error'), 'io-error'],
    [sqlite('SQLITE_READONLY', 'attempt to write a readonly database'), 'read-only'],
    [sqlite('SQLITE_READONLY_DIRECTORY', 'attempt to write a readonly database'), 'read-only'],
    // A permission failure from Node's own file calls (context.ts added these on top of the classifier).
    [Object.assign(new Error("EACCES: permission denied, open '/x/l.sqlite'"), { code: 'EACCES' }), 'read-only'],
    [Object.assign(new Error("EPERM: operation not permitted, open '/x/l.sqlite'"), { code: 'EPERM' }), 'read-only'],
    [sqlite('SQLITE_BUSY', 'database is locked'), null],
    [sqlite('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: items.key'), null],
    ['store: the disk holding /var/db/l.sqlite is full (0 bytes free on /var): nothing of it was written', 'disk-full'],
    ['store: disk I/O error', 'io-error'],
    ['fetch: HTTP 503 from https://example.fi/feed', null],
    [null, null],
  ])('%s → %s', (err, kind) => {
    expect(writeFailure(err)).toBe(kind);
  });

  it('a run\'s error names a full disk and a read-only database, and says any other as it is', () => {
    expect(writeErrorText(sqlite('SQLITE_READONLY', 'attempt to write a readonly database'), '/x/l.sqlite'))
      .toBe('the database /x/l.sqlite cannot be written by this user (a read-only file, folder or mount): nothing of it was written');
    expect(writeErrorText(sqlite('SQLITE_FULL', 'database or disk is full'), '/x/l.sqlite')).toMatch(/^the disk holding \/x\/l\.sqlite is full \(.*\): nothing of it was written$/);
    expect(writeErrorText(sqlite('SQLITE_IOERR_WRITE', 'disk I/O error'), '/x/l.sqlite')).toBe('disk I/O error');
    expect(writeErrorText(new Error('UNIQUE constraint failed'), '/x/l.sqlite')).toBe('UNIQUE constraint failed');
  });
});
