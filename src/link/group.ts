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
  // Union-find over positions in `items` (typed arrays, not maps: relink groups 100,000 items).
  const parent = new Int32Array(items.length).map((_, i) => i);
  const find = (x: number): number => {
    let root = x;
    while (parent[root] !== root) root = parent[root];
    // Path compression keeps later finds short.
    while (parent[x] !== root) {
      const next = parent[x];
      parent[x] = root;
      x = next;
    }
    return root;
  };
  const holder = new Map<string, number>();
  items.forEach(({ keys }, i) => {
    for (const k of keys) {
      const other = holder.get(k);
      if (other === undefined) holder.set(k, i);
      else {
        const a = find(i);
        const b = find(other);
        // The root is the item with the smaller id, so groups do not depend on the input order.
        if (a !== b) items[a].id < items[b].id ? (parent[b] = a) : (parent[a] = b);
      }
    }
  });
  const groups = new Map<number, number[]>();
  items.forEach(({ id, keys }, i) => {
    if (!keys.length) return;
    const root = find(i);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  });
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
