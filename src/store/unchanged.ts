// Which of a run's items the store holds already with the same content: the item saver only notes such an item seen
// and keeps its stored verdict, so whichever thread tags (the crawl's, or the writer's for a one-off crawl's small
// feed) tags none of them (see tagAll's `skip`).
import { prepared, type Db } from './db.js';

/**
 * The keys of `items` that `sourceId` holds with the same content hash: items the saver will only note as seen. Read by
 * the run that holds the source's lease, before its items are stored: no other run stores this source's items meanwhile,
 * and an item of this run whose key an earlier batch of it stored is a duplicate the saver drops, so the hash read is the
 * one the saver compares with.
 */
export function unchangedKeys(db: Db, sourceId: string, items: readonly { key: string; hash: string }[]): Set<string> {
  const out = new Set<string>();
  const stored = prepared(db, 'SELECT key, hash FROM items WHERE source_id = ? AND key IN (SELECT value FROM json_each(?))')
    .raw(true).all(sourceId, JSON.stringify(items.map((i) => i.key))) as [string, string][];
  if (!stored.length) return out;
  const hashes = new Map(stored);
  for (const i of items) if (hashes.get(i.key) === i.hash) out.add(i.key);
  return out;
}
