-- The full-text index's key counts down: (65536 − list day) × 2³² + (2³² − 1 − id), the list day being the sort key's
-- date in days since 1970-01-01 (day 0 when its first ten characters are no date); an item's id is the key's low 32
-- bits counted back up (`~rowid & 4294967295`). FTS5 reads its lists forwards cheaply and backwards by first walking
-- to a list's end, so keyed by day and id counting up (migration 022) each search read its newest matches backwards;
-- now they come first, in the same order, in the index's own (store/item-filter.ts readSearchPage). A date after 2149
-- gets a negative key, still in order.
DROP TRIGGER items_fts_delete;
DROP TRIGGER items_fts_update;
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, summary, search_terms,
  content = '', tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO items_fts (rowid, title, summary, search_terms)
  SELECT (65536 - (COALESCE(CAST(julianday(substr(sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588)) * 4294967296 + 4294967295 - id,
    title, summary, search_terms
  FROM items;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, search_terms)
    VALUES ('delete', (65536 - (COALESCE(CAST(julianday(substr(old.sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588)) * 4294967296 + 4294967295 - old.id,
      old.title, old.summary, old.search_terms);
END;
-- A changed publication date moves the row to its new day, as changed text replaces it.
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary, search_terms, published, first_seen_at ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, search_terms)
    VALUES ('delete', (65536 - (COALESCE(CAST(julianday(substr(old.sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588)) * 4294967296 + 4294967295 - old.id,
      old.title, old.summary, old.search_terms);
  INSERT INTO items_fts (rowid, title, summary, search_terms)
    VALUES ((65536 - (COALESCE(CAST(julianday(substr(new.sort_key, 1, 10)) AS INTEGER), 2440588) - 2440588)) * 4294967296 + 4294967295 - new.id,
      new.title, new.summary, new.search_terms);
END;
