// A form's wait for another process's write lock (a crawl storing, a backup), off the event loop and bounded.
import type { Request, RequestHandler } from 'express';
import { tryWriteLock, whenWritable, type Db } from '../store/index.js';

/** Wait, off the event loop, until the write lock is free or `boundMs` passed; true when the sender is still there. */
export type WriteWait = (req: Request) => Promise<boolean>;

/**
 * The forms that check a password first (scrypt: 0.3 s quietly, seconds at load): they wait for the lock after the
 * check, right before they write, not before it, where a lock taken during the check met only the connection's
 * quarter-second wait (a right password refused 503).
 */
export const CHECKS_PASSWORD_FIRST = new Set(['/login', '/account/password']);

/**
 * The wait: the lock is tried every 50 ms (never waiting inside SQLite) and the promise settles in the same turn it was
 * seen free, so the write that follows at once meets no lock but one taken within that moment. Beyond the bound it
 * settles anyway and the write is refused as busy (503), nothing written. A sender gone meanwhile (it left, or a second
 * signal at shutdown cut it before the database closed) ends the wait: false, and nothing is to be done.
 */
export function writeWait(db: Db, boundMs: number): WriteWait {
  return (req) => {
    const began = Date.now();
    const gone = () => req.socket.destroyed;
    const lock = () => {
      if (!gone()) tryWriteLock(db);
    };
    return whenWritable(lock, { stopping: () => gone() || Date.now() - began >= boundMs, pollMs: 50 })
      .then(() => !gone(), (err: unknown) => {
        if (gone()) return false;
        throw err;
      });
  };
}

/**
 * Every POST waits for the lock before its handler (a review sent while a separate crawl stored a big feed met the
 * connection's 250 ms busy_timeout and was refused 503: 8 of 28 in session 58's probe), except those that check a
 * password first, which wait after the check.
 */
export function waitForWriteLock(wait: WriteWait): RequestHandler {
  return (req, _res, next) => {
    if (req.method !== 'POST' || CHECKS_PASSWORD_FIRST.has(req.path)) return next();
    wait(req).then((here) => void (here && next()), (err: unknown) => next(err));
  };
}
