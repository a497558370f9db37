// Join keys: the identifiers that put an item into a matter (its own and what it is stated to be about).
import type { Identifier } from '../model.js';

/** One join key, "type value" (types have no spaces), e.g. "he HE 184/2026 vp". */
export const joinKey = (i: Pick<Identifier, 'type' | 'value'>): string => `${i.type} ${i.value}`;

/** An item's join keys, sorted and distinct: self and about identifiers only, never mentions. */
export function joinKeys(ids: Identifier[]): string[] {
  const keys = new Set<string>();
  for (const i of ids) if (i.role === 'self' || i.role === 'about') keys.add(joinKey(i));
  return [...keys].sort();
}
