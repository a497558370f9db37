// One press release reached through two feeds (the ministry's own and valtioneuvosto's, the same link and language) is
// two items, the later a copy of the first (items.same_as): the web list and `items` list it once, naming both
// sources, a source's own list shows its copy, a review of either is recorded on both and learning reads it once.
import { describe, expect, it } from 'vitest';
import { insertReview, listItemPage, listItems, listLatestReviews, openDb } from '../../src/store/index.js';

function store() {
  const db = openDb(':memory:');
  db.exec(`
    INSERT INTO sources (id, name, url, created_at) VALUES ('valtioneuvosto', 'V', 'https://example.fi', 'a'), ('stm', 'S', 'https://example.fi/s', 'a');
    INSERT INTO items (id, source_id, key, url, title, summary, language, kind, hash, first_seen_at, last_seen_at, changed_at, search_terms) VALUES
      (1, 'valtioneuvosto', 'k1', 'https://valtioneuvosto.fi/-/1/a', 'Pelastuslaki', '', 'fi', 'press-release', 'h', '2026-01-01', 'a', 'a', 'pelastus'),
      (2, 'valtioneuvosto', 'k2', 'https://valtioneuvosto.fi/-/1/b', 'Toinen', '', 'fi', 'press-release', 'h', '2026-01-02', 'a', 'a', 'pelastus'),
      (3, 'stm', 'k3', 'https://valtioneuvosto.fi/-/1/a', 'Pelastuslaki', '', 'fi', 'press-release', 'h', '2026-01-03', 'a', 'a', 'pelastus');
    UPDATE items SET same_as = 1 WHERE id = 3;
  `);
  return db;
}

describe('store: a press release reached through two feeds', () => {
  it('the web list lists it once, as its first stored item naming both sources', () => {
    const db = store();
    const rows = listItemPage(db, {}, { limit: 50 }).items;
    expect(rows.map((r) => [r.id, r.sources, r.sameAs])).toEqual([[2, ['valtioneuvosto'], null], [1, ['valtioneuvosto', 'stm'], null]]);
    expect(listItems(db).map((r) => r.id)).toEqual([2, 1]);
    // Its source's own list shows the copy.
    expect(listItemPage(db, { source: 'stm' }, { limit: 50 }).items.map((r) => [r.id, r.sources, r.sameAs])).toEqual([[3, ['valtioneuvosto', 'stm'], 1]]);
    expect(listItems(db, { source: 'stm' }).map((r) => r.id)).toEqual([3]);
  });

  it('a review of either copy is recorded on both, and learning reads the release once', () => {
    const db = store();
    insertReview(db, { itemId: 3, reviewer: 'v', relevant: true, goals: ['services'], rejected: [] });
    expect(db.prepare('SELECT item_id FROM reviews ORDER BY item_id').pluck().all()).toEqual([1, 3]);
    expect(listLatestReviews(db).map((r) => r.itemId)).toEqual([1]);
    insertReview(db, { itemId: 2, reviewer: 'v', relevant: false, goals: [], rejected: [] });
    expect(db.prepare('SELECT item_id FROM reviews ORDER BY item_id').pluck().all()).toEqual([1, 2, 3]);
  });
});
