// Corrections by people applied to linking: a merge joins two items as if they shared an identifier, a split cuts an
// item off everything its identifiers would join it to. Pure: the store reads the corrections, this rewrites keys.
import type { Linkable } from './group.js';

/** A reviewer's correction as linking reads it (oldest first by id). */
export interface Correction {
  id: number;
  kind: 'merge' | 'split';
  item: number;
  /** The merge's other item; null for a split. */
  other: number | null;
}

/**
 * The items' join keys with the corrections applied, ready for groupItems:
 * - a split item keeps only a key of its own, so no identifier joins it to anything (even items that arrive later
 *   and share its identifiers join the others, not it);
 * - a merge gives both its items one shared key, unless either item was split off after the merge (the later
 *   correction wins; the split command keeps the rest of the matter together with merges of its own).
 * Corrections naming items not given are ignored.
 */
export function correctKeys(items: Linkable[], corrections: Correction[]): Linkable[] {
  if (!corrections.length) return items;
  const lastSplit = new Map<number, number>();
  for (const c of corrections) if (c.kind === 'split') lastSplit.set(c.item, Math.max(c.id, lastSplit.get(c.item) ?? 0));
  const extra = new Map<number, string[]>();
  const add = (item: number, key: string) => {
    const keys = extra.get(item);
    if (keys) keys.push(key);
    else extra.set(item, [key]);
  };
  for (const c of corrections) {
    if (c.kind !== 'merge' || c.other === null) continue;
    if ((lastSplit.get(c.item) ?? 0) > c.id || (lastSplit.get(c.other) ?? 0) > c.id) continue;
    add(c.item, `merge ${c.id}`);
    add(c.other, `merge ${c.id}`);
  }
  return items.map(({ id, keys }) => {
    const own = lastSplit.has(id) ? [`split ${id}`] : keys;
    const more = extra.get(id);
    return more ? { id, keys: [...own, ...more] } : own === keys ? { id, keys } : { id, keys: own };
  });
}
