// retag writes each item's search terms anew, followed by the parliament identifiers it states (withStatedIdentifiers):
// they come with the page's items (their signature, items.link_keys), so that the page's write transaction only
// writes. A crawl can state other identifiers for an unchanged version (the item saver's touch, roles derived anew)
// between the page's read and its save: that save must not write the identifiers read before it.
import { expect, it } from 'vitest';
import { listItemsForTagging, saveTagsMany } from '../../src/store/tags.js';
import { linkSignature } from '../../src/store/matters.js';
import type { Identifier } from '../../src/model.js';
import { arrive, store } from '../link/support.js';
import { PROJECT } from '../process/relink-items.js';

const searchTerms = (db: ReturnType<typeof store>) => db.prepare('SELECT search_terms FROM items').pluck().get() as string;

it('a page read brings each item\'s stated identifiers, and its save writes them after the search terms', () => {
  const db = store();
  arrive(db, [PROJECT]);
  const [row] = listItemsForTagging(db, { after: 0, limit: 10 });
  expect(row.linkKeys).toContain('about he HE 184/2026 vp');
  expect(saveTagsMany(db, [{ id: row.id, read: row, tags: null, searchTerms: 'pelastuslain' }], new Date().toISOString())).toEqual([]);
  expect(searchTerms(db)).toBe('pelastuslain HE 184/2026 vp');
});

it('an item whose stated identifiers a crawl changed after the page was read is left for the next read, which writes the new ones', () => {
  const db = store();
  arrive(db, [PROJECT]);
  const [row] = listItemsForTagging(db, { after: 0, limit: 10 });
  // As the item saver does for an unchanged item whose roles are derived anew: its rows and signature, version kept.
  const ids: Identifier[] = [{ type: 'he', value: 'HE 185/2026 vp', role: 'about' }];
  db.prepare('DELETE FROM item_identifiers WHERE item_id = ?').run(row.id);
  db.prepare("INSERT INTO item_identifiers (item_id, type, value, role) VALUES (?, 'he', 'HE 185/2026 vp', 'about')").run(row.id);
  db.prepare('UPDATE items SET link_keys = ? WHERE id = ?').run(linkSignature(ids), row.id);
  const now = new Date().toISOString();
  expect(saveTagsMany(db, [{ id: row.id, read: row, tags: null, searchTerms: 'pelastuslain' }], now)).toEqual([row.id]);
  const [again] = listItemsForTagging(db, { ids: [row.id] });
  expect(saveTagsMany(db, [{ id: row.id, read: again, tags: null, searchTerms: 'pelastuslain' }], now)).toEqual([]);
  expect(searchTerms(db)).toBe('pelastuslain HE 185/2026 vp');
});
