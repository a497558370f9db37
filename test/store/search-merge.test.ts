// The nightly merge of the full-text index (serve's 'search:merge' job): its segments become one, and every search
// finds what it found before.
import { describe, expect, it } from 'vitest';
import { populated } from '../helpers/plans.js';
import { mergeSearchIndex, searchIndexSegments } from '../../src/store/index.js';

describe('mergeSearchIndex', () => {
  it('merges the segments into one; every word still finds the same items', () => {
    const db = populated(() => ({}));
    const find = (word: string) => db.prepare('SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid').pluck().all(word);
    const words = ['pelastus', '7', '1799', '"pelastus 150"'];
    const before = words.map(find);
    const segments = searchIndexSegments(db);
    // Two runs saved (one per source): two segments at least.
    expect(segments).toBeGreaterThan(1);
    expect(mergeSearchIndex(db)).toBe(segments);
    expect(searchIndexSegments(db)).toBe(1);
    expect(words.map(find)).toEqual(before);
    expect(before[0]).toHaveLength(2000);
    db.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
    // Merged already: nothing to do.
    expect(mergeSearchIndex(db)).toBe(1);
    db.close();
  });
});
