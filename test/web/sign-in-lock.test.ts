// A sign-in (and a password change) checks a password with scrypt, 0.3 s quietly and seconds at load, and then writes
// (the session, the action log). It waited for another process's write lock before the check, so a lock taken during
// the check met only the connection's quarter-second wait after it: 503 for a sign-in whose password was right. The
// check's end is caught here (the hash module is wrapped), so the lock is taken during it, by order of events.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { goalLabels } from '../../src/app/goal-labels.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { openDb, type Db } from '../../src/store/index.js';
import { addUser, Browser, PASSWORD, serveWebApp } from '../helpers/web.js';
import { seedWorkbench, SOURCES } from '../browser/seed.js';

/** Called as a password check begins and as a new hash is made (the test takes and gives back the lock there). */
const hooks: { verifying?: () => void; hashed?: () => void } = {};

vi.mock('../../src/web/auth/password.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/web/auth/password.js')>();
  return {
    ...real,
    verifyPassword: (password: string, stored: string) => (hooks.verifying?.(), real.verifyPassword(password, stored)),
    hashPassword: async (password: string) => {
      const hash = await real.hashPassword(password);
      hooks.hashed?.();
      return hash;
    },
  };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-sign-in-lock-'));
const file = path.join(dir, 'live.sqlite');
let db: Db;
let close: () => Promise<void>;
let base: string;

beforeAll(async () => {
  const seeding = openDb(file);
  seedWorkbench(seeding);
  await addUser(seeding, 'juristi@example.fi', 'reviewer');
  seeding.close();
  // The web's connection as serve opens it: a quarter second's wait inside SQLite for another's lock.
  db = openDb(file, { busyMs: 250 });
  const served = await serveWebApp({ db, sources: SOURCES, configErrors: [], goalLabels: goalLabels({ tagStage: null, feedsDir: defaultFeedsDir }), writeWaitMs: 5000 });
  ({ base, close } = served);
}, 60_000);

afterAll(async () => {
  await close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Another connection (another process's, as far as SQLite knows) that takes the write lock and gives it back. */
function lockHolder(order: string[]) {
  const holder = openDb(file);
  return {
    take: () => (holder.exec('BEGIN IMMEDIATE'), order.push('locked')),
    release: () => (holder.exec('ROLLBACK'), holder.close(), order.push('released')),
  };
}

const count = (sql: string) => {
  const reader = openDb(file, { readOnly: true });
  try {
    return reader.prepare(sql).pluck().get() as number;
  } finally {
    reader.close();
  }
};

describe('a lock another process takes while a password is checked', () => {
  it('a sign-in waits for it after the check and lands once it is free', async () => {
    const order: string[] = [];
    const lock = lockHolder(order);
    const sessions = count('SELECT COUNT(*) FROM sessions');
    hooks.verifying = () => {
      hooks.verifying = undefined;
      lock.take();
      setTimeout(lock.release, 1000);
    };
    const b = new Browser(base);
    const res = await b.signIn('juristi@example.fi');
    order.push(`answered ${res.status}`);
    expect(order).toEqual(['locked', 'released', 'answered 303']);
    expect(count('SELECT COUNT(*) FROM sessions')).toBe(sessions + 1);
    expect((await b.get('/board')).res.status).toBe(200);
  }, 30_000);

  it('a password change waits for it after the new hash and is saved once it is free', async () => {
    const b = new Browser(base);
    expect((await b.signIn('juristi@example.fi')).status).toBe(303);
    const token = await b.token('/account');
    const order: string[] = [];
    const lock = lockHolder(order);
    hooks.verifying = () => {
      hooks.verifying = undefined;
      lock.take();
    };
    // Given back a second after the new password's hash is made: the write comes after it.
    hooks.hashed = () => {
      hooks.hashed = undefined;
      setTimeout(lock.release, 1000);
    };
    const fresh = 'uusi hyvä salasana lukon yli';
    const res = await b.post('/account/password', { _csrf: token, current: PASSWORD, password: fresh, again: fresh });
    order.push(`answered ${res.res.status}`);
    expect(order).toEqual(['locked', 'released', 'answered 303']);
    expect((await new Browser(base).signIn('juristi@example.fi', fresh)).status).toBe(303);
  }, 60_000);
});
