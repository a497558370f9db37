import { describe, expect, it } from 'vitest';
import { correctKeys } from '../../src/link/corrections.js';
import { groupItems } from '../../src/link/group.js';
import { shuffled } from './support.js';

const items = [
  { id: 1, keys: ['diary VN/1/2026', 'he HE 1/2026 vp'] },
  { id: 2, keys: ['diary VN/1/2026'] },
  { id: 3, keys: ['he HE 1/2026 vp'] },
  { id: 4, keys: ['he HE 2/2026 vp'] },
];

describe('correctKeys', () => {
  it('changes nothing without corrections', () => {
    expect(groupItems(correctKeys(items, []))).toEqual([[1, 2, 3], [4]]);
  });

  it('a split item joins nothing through its identifiers, whatever bridges it', () => {
    expect(groupItems(correctKeys(items, [{ id: 1, kind: 'split', item: 2, other: null }]))).toEqual([[1, 3], [2], [4]]);
    // Splitting the item that held the others together leaves them apart (the store keeps them with merges).
    expect(groupItems(correctKeys(items, [{ id: 1, kind: 'split', item: 1, other: null }]))).toEqual([[1], [2], [3], [4]]);
  });

  it('a merge joins two items as a shared identifier would, in any order', () => {
    const merged = correctKeys(items, [{ id: 1, kind: 'merge', item: 4, other: 3 }]);
    expect(groupItems(merged)).toEqual([[1, 2, 3, 4]]);
    for (let seed = 1; seed <= 10; seed++) expect(groupItems(shuffled(merged, seed))).toEqual([[1, 2, 3, 4]]);
  });

  it('the later correction wins: a split after a merge undoes the merge for that item, a merge after a split joins it', () => {
    const merge = { id: 1, kind: 'merge' as const, item: 4, other: 3 };
    const split = { id: 2, kind: 'split' as const, item: 4, other: null };
    expect(groupItems(correctKeys(items, [merge, split]))).toEqual([[1, 2, 3], [4]]);
    const again = { id: 3, kind: 'merge' as const, item: 4, other: 2 };
    expect(groupItems(correctKeys(items, [merge, split, again]))).toEqual([[1, 2, 3, 4]]);
  });

  it('ignores corrections naming items it was not given', () => {
    expect(groupItems(correctKeys(items, [{ id: 1, kind: 'merge', item: 4, other: 99 }]))).toEqual([[1, 2, 3], [4]]);
  });
});
