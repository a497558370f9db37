// Why items are in one matter: each identifier two or more items hold, with who stated it and how, each item once.
import { describe, expect, it } from 'vitest';
import { describeJoin, explainJoins } from '../../src/link/explain.js';
import type { MatterMember } from '../../src/link/stage.js';
import type { Identifier } from '../../src/model.js';

const member = (id: number, source: string, identifiers: Identifier[]): MatterMember => ({
  id, source, kind: 'press-release', title: `#${id}`, at: '2026-01-01T00:00:00.000Z', deadline: null, stage: null, language: 'fi', identifiers,
});
const he = (role: Identifier['role']): Identifier => ({ type: 'he', value: 'HE 7/2026 vp', role });
const diary = (role: Identifier['role']): Identifier => ({ type: 'diary', value: 'VN/1/2026', role });

describe('explainJoins', () => {
  it('lists each identifier two or more items hold, its holders in item order, an item holding it twice once', () => {
    const joins = explainJoins([
      member(3, 'stm', [he('about'), diary('about')]),
      member(1, 'eduskunta', [he('self'), he('about')]),
      member(2, 'lausuntopalvelu', [diary('self'), he('mention')]),
      member(4, 'finlex', [{ type: 'statute', value: '1/2026', role: 'self' }]),
    ]);
    expect(joins).toEqual([
      { identifier: 'HE 7/2026 vp', by: [{ item: 1, source: 'eduskunta', role: 'self' }, { item: 3, source: 'stm', role: 'about' }] },
      { identifier: 'VN/1/2026', by: [{ item: 2, source: 'lausuntopalvelu', role: 'self' }, { item: 3, source: 'stm', role: 'about' }] },
    ]);
    expect(describeJoin(joins[0])).toBe('yhdistetty tunnuksella HE 7/2026 vp: eduskunta (oma tunnus), stm (ilmoitettu liittyvä asia)');
  });

  it('looks at each holder a bounded number of times: 10,000 items holding one identifier (it compared each with all before it)', () => {
    let reads = 0;
    const members = Array.from({ length: 10_000 }, (_, n) => {
      const m = member(n + 1, 'stm', [he(n ? 'about' : 'self')]);
      // Counted: the old check read the item's number once per holder already listed.
      return Object.defineProperty(m, 'id', { get: () => (reads++, n + 1) });
    });
    const [join] = explainJoins(members);
    expect(join.by).toHaveLength(10_000);
    expect(reads).toBeLessThan(4 * 10_000);
  });
});
