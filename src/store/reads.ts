// Per-person read state of items, as feed readers keep it: set only by an explicit action, never by opening a page.
import { prepared, type Db } from './db.js';

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
  const rows = db.prepare(`SELECT item_id FROM item_reads WHERE user_id = ? AND item_id IN (${itemIds.map(() => '?').join(',')})`)
    .pluck().all(userId, ...itemIds) as number[];
  return new Set(rows);
}
