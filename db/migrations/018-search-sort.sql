-- A search's matches (at most a thousand ids from the FTS index) are sorted into list order by their sort keys. Read
-- from the items table, each key meant decoding the row up to first_seen_at (sort_key is a virtual column): half
-- the search's sort. This index gives an item's sort key by its id alone.
CREATE INDEX items_sort_by_id ON items (id, sort_key);
