// Why items are in one matter: each identifier two or more of them hold, and which source stated it how.
import type { IdentifierRole } from '../model.js';
import { joinKey } from './keys.js';
import type { MatterMember } from './stage.js';
import { byFinnish } from '../collate.js';

/** One join: an identifier held by several items of a matter, with who stated it and in what role. */
export interface Join {
  identifier: string;
  by: { item: number; source: string; role: IdentifierRole }[];
}

/** The joins that hold a matter together, by identifier; every item of a matter of two or more is in at least one. */
export function explainJoins(members: MatterMember[]): Join[] {
  const holders = new Map<string, Join>();
  for (const m of members)
    for (const i of m.identifiers) {
      if (i.role !== 'self' && i.role !== 'about') continue;
      const key = joinKey(i);
      let j = holders.get(key);
      if (!j) holders.set(key, (j = { identifier: i.value, by: [] }));
      // An item holding one key twice (its own and as related) is one holder: it was the last added, as each item's
      // identifiers are read together (a scan of every holder per item was quadratic: 173 ms for 10,000 items).
      if (j.by.at(-1)?.item !== m.id) j.by.push({ item: m.id, source: m.source, role: i.role });
    }
  return [...holders.values()]
    .filter((j) => j.by.length > 1)
    .map((j) => ({ ...j, by: j.by.sort((a, b) => a.item - b.item) }))
    .sort((a, b) => byFinnish(a.identifier, b.identifier));
}

const ROLE_WORDS: Record<IdentifierRole, string> = { self: 'oma tunnus', about: 'ilmoitettu liittyvä asia', mention: 'mainittu' };

/** A join in Finnish: "yhdistetty tunnuksella VN/31234/2026: hankeikkuna (ilmoitettu liittyvä asia), lausuntopalvelu (oma tunnus)". */
export function describeJoin(j: Join): string {
  const by = [...new Map(j.by.map((b) => [`${b.source} (${ROLE_WORDS[b.role]})`, true])).keys()];
  return `yhdistetty tunnuksella ${j.identifier}: ${by.join(', ')}`;
}
