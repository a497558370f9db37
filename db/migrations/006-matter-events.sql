-- Change events of matters: an item joined, the stage, statement deadline or title moved. Recorded in the same
-- transaction as the run (or relink) whose items changed the matter; worded by src/present/matter-events.ts.
CREATE TABLE matter_events (
  id        INTEGER PRIMARY KEY,
  -- When matters are joined, the events of the matter that is gone move to the one that stays.
  matter_id INTEGER NOT NULL REFERENCES matters(id) ON DELETE CASCADE,
  type      TEXT NOT NULL CHECK (type IN ('item', 'stage', 'deadline', 'title')),
  -- Stage names, ISO dates or titles; for 'item' the joining item's title (old is NULL).
  old_value TEXT,
  new_value TEXT,
  -- When the change was recorded: the clock of the run or relink that saw it.
  at        TEXT NOT NULL,
  -- The item that showed the change.
  item_id   INTEGER REFERENCES items(id) ON DELETE SET NULL
);
-- A matter's events in order, and the latest of one type (to record nothing twice); full indexes, so the foreign
-- keys' ON DELETE actions can use them.
CREATE INDEX matter_events_by_matter ON matter_events (matter_id, type, id);
CREATE INDEX matter_events_by_item ON matter_events (item_id);
-- What changed since a time (the digest).
CREATE INDEX matter_events_by_at ON matter_events (at);
