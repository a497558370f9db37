-- One press release reached through two feeds: a ministry's release is in its own feed and in valtioneuvosto's, in the
-- same language with the same link, and each source stores it as an item of its own (items_by_key is per source and
-- key). same_as names the first stored copy (an item of another source, the lowest id) on every later one, so that the
-- lists and the digest show the release once, a review counts for every copy and learning counts it once. Set for new
-- items by the item saver (src/store/item-saver.ts), here for those stored before. NULL: the item is no copy.
ALTER TABLE items ADD COLUMN same_as INTEGER REFERENCES items(id) ON DELETE SET NULL;
CREATE INDEX items_by_release ON items (url, language) WHERE kind = 'press-release';
CREATE INDEX items_by_same_as ON items (same_as) WHERE same_as IS NOT NULL;
UPDATE items SET same_as = (SELECT min(o.id) FROM items o
    WHERE o.url = items.url AND o.language = items.language AND o.kind = 'press-release'
      AND o.source_id <> items.source_id AND o.id < items.id)
  WHERE kind = 'press-release' AND url IS NOT NULL;
-- A search's matches are sorted by their sort keys alone, read from this index (see itemPageQuery): it now carries
-- same_as too, so that the copies are left out without reading each match's row.
DROP INDEX items_sort_by_id;
CREATE INDEX items_sort_by_id ON items (id, sort_key, same_as);
