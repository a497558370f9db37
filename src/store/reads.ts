// Per-person read state of items, as feed readers keep it: set only by an explicit action, never by opening a page.
import { prepared, type Db } from './db.js';
import { changedQuietly } from './data-version.js';

/** Mark items read for a person (already read ones keep their first time); returns how many were newly marked. */
export function markItemsRead(db: Db, userId: number, itemIds: number[], now: string): number {
  const insert = prepared(db, `INSERT INTO item_reads (user_id, item_id, read_at) SELECT ?, id, ? FROM items WHERE id = ?
    ON CONFLICT (user_id, item_id) DO NOTHING`);
  let n = 0;
  db.transaction(() => {
    for (const id of itemIds) n += insert.run(userId, now, id).changes;
  })();
  return n;
}

/** Which of these items a person has read. */
export function readItemIds(db: Db, userId: number, itemIds: number[]): Set<number> {
  if (!itemIds.length) return new Set();
  // One statement for any number of ids (prepared once), not one made for each page's count of placeholders.
  // Each id looked up as the list gives it: `item_id IN (the list)` first built a temporary index of the ids.
  const rows = prepared(db, 'SELECT r.item_id FROM json_each(?) j CROSS JOIN item_reads r ON r.user_id = ? AND r.item_id = j.value')
    .pluck().all(JSON.stringify(itemIds), userId) as number[];
  return new Set(rows);
}

/** When the person last opened the matter's page, or undefined when never. */
export function lastMatterVisit(db: Db, userId: number, matterId: number): string | undefined {
  return prepared(db, 'SELECT visited_at FROM matter_visits WHERE user_id = ? AND matter_id = ?').pluck().get(userId, matterId) as string | undefined;
}

/** Note that the person opened the matter's page now (what changed since is marked on the next visit). */
export function recordMatterVisit(db: Db, userId: number, matterId: number, now: string): void {
  const { changes } = prepared(db, `INSERT INTO matter_visits (user_id, matter_id, visited_at) VALUES (?, ?, ?)
    ON CONFLICT (user_id, matter_id) DO UPDATE SET visited_at = excluded.visited_at`).run(userId, matterId, now);
  // Quiet: nothing kept per data version reads visits (each matter page reads its person's own), and a visit that
  // moved the version dropped every kept list page and matter head, for everyone, at each matter page view.
  changedQuietly(db, changes);
}
