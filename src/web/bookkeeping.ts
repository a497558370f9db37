// What a page that only reads writes of its own (a session's activity, a message shown, a matter's visit).
import { isBusy } from '../store/index.js';
import { writeFailure } from '../store/write-failure.js';

/**
 * Run a page's own bookkeeping write, or leave it for a later page when another process holds the write lock (a crawl
 * storing a big feed) or the database cannot be written (its disk filled up, a file-size limit): reading never fails
 * for it. A matter page signed in was answered 503 "database is locked" while a crawl stored.
 */
export function leaveForLater(write: () => void): void {
  try {
    write();
  } catch (err) {
    if (!isBusy(err) && !writeFailure(err)) throw err;
  }
}
