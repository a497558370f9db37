// The web list's rows (readListRows: plain arrays, goals and identifiers read once per page) hold exactly what
// listItems gives for the same items: the reviewer's goals over the tagger's, none when judged not relevant, and
// only the identifiers people use.
import { describe, expect, it } from 'vitest';
import { insertReview, itemListQuery, itemPageQuery, limitRows, listItemPage, listItems, listJointDeadlines, type Cursor, type ItemFilter } from '../../src/store/index.js';
import { populated } from '../helpers/plans.js';

describe('list rows', () => {
  const db = populated((k) => ({
    summary: k % 3 ? `Tiivistelmä ${k}` : '',
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
        // Each item states its government proposal (HE … about): its matter has reached that stage, undated.
        expect(matterStage).toBe('government-proposal');
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

  it('a page that shows no identifiers gets the same rows without them', () => {
    const full = listItemPage(db, {}, { limit: 50 }).items;
    const bare = listItemPage(db, {}, { limit: 50, identifiers: false }).items;
    expect(full.some((r) => r.identifiers.length > 0)).toBe(true);
    expect(bare).toEqual(full.map((r) => ({ ...r, identifiers: [] })));
    const joint = listJointDeadlines(db, '2000-01-01', '2999-12-31', 50);
    expect(listJointDeadlines(db, '2000-01-01', '2999-12-31', 50, undefined, { identifiers: false })).toEqual(joint.map((r) => ({ ...r, identifiers: [] })));
  });

  it('a page that shows no summaries gets the same rows with each summary empty', () => {
    const full = listItemPage(db, {}, { limit: 50 }).items;
    expect(full.some((r) => r.summary.length > 0)).toBe(true);
    expect(listItemPage(db, {}, { limit: 50, summaries: false }).items).toEqual(full.map((r) => ({ ...r, summary: '' })));
    const joint = listJointDeadlines(db, '2000-01-01', '2999-12-31', 50);
    expect(listJointDeadlines(db, '2000-01-01', '2999-12-31', 50, undefined, { summaries: false })).toEqual(joint.map((r) => ({ ...r, summary: '' })));
  });

  it('a bounded search alone lists every match, page by page from the index, as the unbounded one does', () => {
    // Every item's search terms hold "pelastus"; numbers beginning with 1 are in the titles of some.
    const few = pages(undefined, '"1"*');
    expect(few.ids.flat().length).toBeGreaterThan(40);
    expect(pages(5000, '"1"*')).toEqual(few);
    expect(pages(300, '"1"*')).toEqual(few);
    const all = pages(undefined, '"pelastus"');
    expect(all.ids.flat()).toHaveLength(2000);
    // Read by day from the index (migration 022), not capped: the same 50 pages, none marked capped.
    expect(pages(300, '"pelastus"')).toEqual(all);
    // Going back from a page gives the same pages in reverse, to the first.
    const first = listItemPage(db, { match: '"pelastus"' }, { limit: 40, searchCap: 300 });
    const second = listItemPage(db, { match: '"pelastus"' }, { limit: 40, before: first.older!, searchCap: 300 });
    const third = listItemPage(db, { match: '"pelastus"' }, { limit: 40, before: second.older!, searchCap: 300 });
    const back = listItemPage(db, { match: '"pelastus"' }, { limit: 40, after: third.newer!, searchCap: 300 });
    expect(back.items.map((r) => r.id)).toEqual(second.items.map((r) => r.id));
    const front = listItemPage(db, { match: '"pelastus"' }, { limit: 40, after: back.newer!, searchCap: 300 });
    expect(front.items.map((r) => r.id)).toEqual(first.items.map((r) => r.id));
    expect(front.newer).toBeNull();
  });

  it('a bounded search with other filters lists only its newest matches by day that pass them, and says so', () => {
    // s2's items 1701–2000 are the newest 300 days (s1's 200 items are on s2's first 200 days).
    const goal = (cap?: number) => pages(cap, '"pelastus"', { goal: 'internal-security', reviewed: false });
    expect(goal(300).capped).toBe(true);
    expect(goal(300).ids.flat().length).toBeGreaterThan(40);
    expect(goal(300).ids.flat()).toEqual(goal().ids.flat().filter((id) => id > 1700));
    expect(goal(5000)).toEqual({ ...goal(), capped: false });
  });

  const pages = (cap: number | undefined, match: string, f: ItemFilter = {}) => {
    const out: number[][] = [];
    let before: Cursor | undefined;
    let capped = false;
    do {
      const page = listItemPage(db, { ...f, match }, { limit: 40, before, searchCap: cap });
      out.push(page.items.map((r) => r.id));
      capped ||= page.capped;
      before = page.older ?? undefined;
    } while (before);
    return { ids: out, capped };
  };
});

describe('row counts written into the SQL', () => {
  // A bound LIMIT made SQLite prepare the statement again at every run (see limitRows): the count is in the text.
  it('the list queries carry their LIMIT as a number, not a parameter', () => {
    expect(itemPageQuery({}, { limit: 50 }).sql).toMatch(/LIMIT 51$/);
    // A page read back reads its cursor's row too (whether older items are).
    expect(itemPageQuery({ source: 's' }, { limit: 10, after: { key: '2026-01-01T00:00:00.000Z', id: 3 } }, '[1,2]').sql).toMatch(/LIMIT 12\)/);
    expect(itemListQuery({ limit: 7 }).sql).toMatch(/LIMIT 7$/);
    for (const sql of [itemPageQuery({ match: 'a' }, { limit: 50 }).sql, itemListQuery({ jointFrom: '2026-01-01' }).sql]) expect(sql).not.toMatch(/LIMIT \?/);
  });

  it('a row count that is not a whole number is refused, never written into SQL', () => {
    expect(limitRows(0)).toBe('LIMIT 0');
    for (const bad of [1.5, -1, Number.NaN, Infinity, 2 ** 60]) expect(() => limitRows(bad)).toThrow(/not a whole number of rows/);
  });
});
