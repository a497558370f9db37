// A cheap look at the matters table before `crawl` loads the linker (store/matters.ts and src/link/) to move matters
// into force: on most days no statute comes into force, and a crawl of 304s need not load either.
import { prepared, type Db } from './db.js';

/**
 * Whether any matter not yet "in force" has a statute day of entry into force on or before the day after `now`'s UTC
 * day: Helsinki's day is never later than that, so false means moveIntoForce(db, now) would move nothing.
 */
export function mayMoveIntoForce(db: Db, now: Date): boolean {
  const bound = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)).toISOString().slice(0, 10);
  return prepared(db, `SELECT 1 FROM matters WHERE in_force IS NOT NULL AND stage IS NOT 'in-force' AND in_force <= ? LIMIT 1`).get(bound) !== undefined;
}
