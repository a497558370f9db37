// Items into groups that share a join key, transitively (union-find); the same groups in any input order.

/** An item as linking sees it: its id and join keys. */
export interface Linkable {
  id: number;
  keys: string[];
}

/**
 * The connected groups of items that share join keys, each sorted by id, groups by their smallest id.
 * Items without keys belong to no group (they are left out).
 */
export function groupItems(items: Linkable[]): number[][] {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // Path compression keeps later finds short.
    for (let p = x; p !== root; ) {
      const next = parent.get(p)!;
      parent.set(p, root);
      p = next;
    }
    return root;
  };
  const holder = new Map<string, number>();
  for (const { id, keys } of items) {
    if (!keys.length) continue;
    if (!parent.has(id)) parent.set(id, id);
    for (const k of keys) {
      const other = holder.get(k);
      if (other === undefined) holder.set(k, id);
      else {
        const a = find(id);
        const b = find(other);
        if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].map((g) => g.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

/** Where each group goes: a matter it keeps (by id) or a new one (null). */
export interface Placement {
  matter: number | null;
  items: number[];
}

/**
 * Give each group a matter: the smallest of its items' current matters not already given to another group (so a
 * matter that splits keeps its id on one side, and relinking unchanged groups changes nothing); else a new one.
 */
export function placeGroups(groups: number[][], matterOf: (item: number) => number | null): Placement[] {
  const candidates = groups.map((items) => {
    const ms = [...new Set(items.map(matterOf).filter((m): m is number => m !== null))].sort((a, b) => a - b);
    return { items, ms };
  });
  // Groups holding an older matter choose first, so the choice does not depend on the order groups came in.
  const order = candidates.map((_, i) => i).sort((a, b) => (candidates[a].ms[0] ?? Infinity) - (candidates[b].ms[0] ?? Infinity) || candidates[a].items[0] - candidates[b].items[0]);
  const taken = new Set<number>();
  const placements: Placement[] = new Array(groups.length);
  for (const i of order) {
    const m = candidates[i].ms.find((x) => !taken.has(x)) ?? null;
    if (m !== null) taken.add(m);
    placements[i] = { matter: m, items: candidates[i].items };
  }
  return placements;
}
