-- The full-text index in list order: each item's row is keyed by its list day and its id (day × 2³² + id, the day
-- being the sort key's date, days since 1970-01-01; an item's id is the key's low 32 bits: `rowid & 4294967295`).
-- FTS5 gives matches in key order, so a search reads its newest matches first and stops when a page is full, where
-- keyed by id alone it read the newest stored thousand (a pair of common words: both words' lists almost to the end)
-- and sorted them all into list order for every page (store/item-filter.ts). The index keeps no copy of the text
-- (content=''): it is read only for its keys, and every change is written with the text it replaces, as before.
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, summary, search_terms,
  content = '', tokenize = 'unicode61 remove_diacritics 0'
);
-- A sort key whose first ten characters are no date is keyed to day 0.
INSERT INTO items_fts (rowid, title, summary, search_terms)
  SELECT (COALESCE(CAST(julianday(substr(sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588) * 4294967296 + id, title, summary, search_terms
  FROM items;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, search_terms)
    VALUES ('delete', (COALESCE(CAST(julianday(substr(old.sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588) * 4294967296 + old.id,
      old.title, old.summary, old.search_terms);
END;
-- A changed publication date moves the row to its new day, as changed text replaces it.
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary, search_terms, published, first_seen_at ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, search_terms)
    VALUES ('delete', (COALESCE(CAST(julianday(substr(old.sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588) * 4294967296 + old.id,
      old.title, old.summary, old.search_terms);
  INSERT INTO items_fts (rowid, title, summary, search_terms)
    VALUES ((COALESCE(CAST(julianday(substr(new.sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588) * 4294967296 + new.id,
      new.title, new.summary, new.search_terms);
END;
