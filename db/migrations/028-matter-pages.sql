-- A matter's page reads its items a page at a time, oldest first, and its changes newest first, through indexes that
-- hold that order: a matter of 10,000 items was read whole and sorted for every page view and feed request.
-- items_by_matter_sort replaces items_by_matter: it serves every lookup by matter_id as that did (the foreign key's
-- ON DELETE SET NULL among them: still a full index, not a partial one), and its sort key (then id, the rowid) is the
-- list's order.
CREATE INDEX items_by_matter_sort ON items (matter_id, sort_key);
DROP INDEX items_by_matter;
-- The few statement requests of a matter, for who has answered: not every item's row.
CREATE INDEX items_consulted_by_matter ON items (matter_id) WHERE consultation IS NOT NULL;
-- A matter's changes newest first (the rowid after matter_id): matter_events_by_matter puts the type first.
CREATE INDEX matter_events_newest ON matter_events (matter_id);
