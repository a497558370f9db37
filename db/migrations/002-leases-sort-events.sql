-- Lease holders, interrupted runs, an indexed sort key and latest review for listing, change events without wording.

-- Who holds a source's run lease and since when, so a lease whose process is gone can be taken over at once.
ALTER TABLE sources ADD COLUMN lease_host TEXT;
ALTER TABLE sources ADD COLUMN lease_pid INTEGER;
ALTER TABLE sources ADD COLUMN lease_at TEXT;

-- runs: the CHECK gains 'interrupted' (a run whose process ended before it finished). SQLite cannot alter a
-- CHECK, so the table is rebuilt. Migrations run in a transaction with foreign_keys = ON, where the pragma
-- cannot change; items.created_run and item_events.run_id refer to runs, so dropping it counts their rows as
-- violations. With the check deferred to COMMIT, copying every row back into the new runs (same name, same
-- ids) resolves each of them again; a row lost on the way would fail the COMMIT and leave the database as it was.
-- ('skipped' runs are never stored: a run that finds its source leased is only reported.)
PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE runs_copy AS SELECT * FROM runs;
DROP TABLE runs;
CREATE TABLE runs (
  id          INTEGER PRIMARY KEY,
  source_id   TEXT NOT NULL REFERENCES sources(id),
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('ok', 'not-modified', 'error', 'interrupted')),
  found       INTEGER NOT NULL DEFAULT 0,
  created     INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  error       TEXT,
  notes       TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO runs (id, source_id, started_at, finished_at, status, found, created, updated, error, notes)
  SELECT id, source_id, started_at, finished_at, status, found, created, updated, error, notes FROM runs_copy;
DROP TABLE temp.runs_copy;
CREATE INDEX runs_by_source ON runs (source_id, started_at);

-- The list order (newest first): SQLite computes the key from published and first_seen_at on every insert and
-- update and keeps it in the indexes, so it can never disagree with them (existing rows are indexed here).
ALTER TABLE items ADD COLUMN sort_key TEXT GENERATED ALWAYS AS (COALESCE(published, first_seen_at)) VIRTUAL;
DROP INDEX items_by_published;
CREATE INDEX items_by_sort ON items (sort_key DESC, id DESC);
CREATE INDEX items_by_source_sort ON items (source_id, sort_key DESC, id DESC);
-- An item's goals best first, read from the index alone (the primary key is by goal).
CREATE INDEX item_goals_by_rank ON item_goals (item_id, rank, goal);

-- The latest review decision on each item (the one that counts), kept by triggers when reviews change.
ALTER TABLE items ADD COLUMN latest_review_id INTEGER;
UPDATE items SET latest_review_id = (SELECT id FROM reviews WHERE item_id = items.id ORDER BY at DESC, id DESC LIMIT 1)
  WHERE id IN (SELECT item_id FROM reviews);
CREATE TRIGGER reviews_latest_insert AFTER INSERT ON reviews BEGIN
  UPDATE items SET latest_review_id = (SELECT id FROM reviews WHERE item_id = new.item_id ORDER BY at DESC, id DESC LIMIT 1)
    WHERE id = new.item_id;
END;
CREATE TRIGGER reviews_latest_delete AFTER DELETE ON reviews BEGIN
  UPDATE items SET latest_review_id = (SELECT id FROM reviews WHERE item_id = old.item_id ORDER BY at DESC, id DESC LIMIT 1)
    WHERE id = old.item_id;
END;

-- Change events keep their type and values; the sentence is worded when shown (src/present/events.ts).
ALTER TABLE item_events DROP COLUMN message;
