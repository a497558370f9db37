-- The words of the full-text index, for searches. A prefix term ("pelastus"*) made FTS5 read and merge every covered
-- word's whole list of items, however few of them a page shows (7.3 ms at 100,000 items, where the OR of its words
-- took 0.3 ms); a search now looks its prefixes up here and asks for the OR of the words that begin with them
-- (store/search-words.ts).
-- Merging the index's segments did not help (the cost is the lists, not the segments), and FTS5's own vocabulary table
-- counts each word's items, i.e. reads the same lists. A word here that the index no longer holds matches nothing;
-- every word the index holds must be here.
CREATE TABLE search_words (word TEXT PRIMARY KEY) WITHOUT ROWID;

-- The words are FTS5's own: text goes through this empty, contentless index with the same tokenizer, its words are
-- copied from its vocabulary, and it is emptied again.
CREATE VIRTUAL TABLE search_words_scratch USING fts5 (
  title, summary, search_terms,
  content = '', detail = none, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE search_words_found USING fts5vocab (search_words_scratch, row);

-- New items' words are added per saved batch (store/item-saver.ts), as their index rows are; changed text here (a
-- retag sets every item's search_terms, mostly to what they were).
CREATE TRIGGER search_words_update AFTER UPDATE OF title, summary, search_terms ON items
WHEN new.title IS NOT old.title OR new.summary IS NOT old.summary OR new.search_terms IS NOT old.search_terms BEGIN
  INSERT INTO search_words_scratch (rowid, title, summary, search_terms) VALUES (new.id, new.title, new.summary, new.search_terms);
  INSERT OR IGNORE INTO search_words (word) SELECT term FROM search_words_found;
  INSERT INTO search_words_scratch (search_words_scratch) VALUES ('delete-all');
END;

-- The words the index holds today.
CREATE VIRTUAL TABLE temp.items_fts_words USING fts5vocab (main, items_fts, row);
INSERT INTO search_words (word) SELECT term FROM temp.items_fts_words;
DROP TABLE temp.items_fts_words;
