// The web list's rows (readListRows: plain arrays, goals and identifiers read once per page) hold exactly what
// listItems gives for the same items: the reviewer's goals over the tagger's, none when judged not relevant, and
// only the identifiers people use.
import { describe, expect, it } from 'vitest';
import { insertReview, listItemPage, listItems, listJointDeadlines } from '../../src/store/index.js';
import { populated } from '../helpers/plans.js';

describe('list rows', () => {
  const db = populated((k) => ({
    identifiers: [
      { type: 'diary', value: `VN/${k}/2024`, role: 'self' },
      { type: 'he', value: `HE ${k}/2024 vp`, role: 'about' },
      { type: 'lausuntopalvelu', value: `guid-${k}`, role: 'self' },
    ],
    tags: { relevant: k % 4 !== 1, goals: k % 4 === 1 ? [] : k % 2 ? [{ goal: 'internal-security', score: 3 }, { goal: 'services', score: 1 }] : [{ goal: 'services', score: 2 }],
      primary: k % 4 === 1 ? null : k % 2 ? 'internal-security' : 'services', scores: {}, evidence: [], joint: k % 5 === 0, jointReason: '', taxonomyVersion: 't' },
  }));
  // Reviews that take goals away and that add them, on items the tagger judged both ways.
  for (let id = 3; id <= 2000; id += 11) insertReview(db, { itemId: id, reviewer: 'v', relevant: id % 2 === 0, goals: id % 2 === 0 ? ['welfare-reform'] : [], rejected: [] });

  it('a page of the list equals listItems for its items, with each matter stage', () => {
    let before: { key: string; id: number } | undefined;
    let seen = 0;
    for (let n = 0; n < 5; n++) {
      const page = listItemPage(db, {}, { limit: 50, before });
      const ids = page.items.map((r) => r.id);
      const expected = new Map(listItems(db, { ids, limit: ids.length }).map((r) => [r.id, r]));
      for (const row of page.items) {
        const { matterStage, ...rest } = row;
        expect(rest).toEqual(expected.get(row.id));
        expect(matterStage).toBeNull();
      }
      expect(page.items.some((r) => r.identifiers.length === 2 && !r.identifiers.some((i) => i.startsWith('guid')))).toBe(true);
      seen += page.items.length;
      before = page.older ?? undefined;
    }
    expect(seen).toBe(250);
    const rows = listItemPage(db, {}, { limit: 2000 }).items;
    expect(rows.some((r) => r.reviewedBy && r.goals.join() === 'welfare-reform')).toBe(true);
    expect(rows.some((r) => r.reviewedBy && r.relevant === false && r.goals.length === 0)).toBe(true);
    expect(rows.some((r) => !r.reviewedBy && r.goals.join() === 'internal-security,services')).toBe(true);
  });

  it('the joint-response candidates carry the same rows', () => {
    const rows = listJointDeadlines(db, '2000-01-01', '2999-12-31', 1000);
    expect(rows.length).toBeGreaterThan(100);
    const expected = new Map(listItems(db, { ids: rows.map((r) => r.id), limit: rows.length }).map((r) => [r.id, r]));
    for (const { matterStage: _, ...rest } of rows) expect(rest).toEqual(expected.get(rest.id));
  });
});
