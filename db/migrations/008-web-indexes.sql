-- Indexes the web view's pages read through, so that no page passes over every item.

-- The items list filtered by organisation or by kind, newest first (source has items_by_source_sort).
CREATE INDEX items_by_organisation_sort ON items (organisation, sort_key DESC, id DESC);
CREATE INDEX items_by_kind_sort ON items (kind, sort_key DESC, id DESC);
-- Reviewed items newest first: a few in a hundred, so walking the whole list to find a page of them would be slow.
CREATE INDEX items_reviewed_sort ON items (sort_key DESC, id DESC) WHERE latest_review_id IS NOT NULL;
-- The overview's matters that moved a stage lately.
CREATE INDEX matters_by_stage_at ON matters (stage_at);

-- How many items each source holds, for the sources page: kept by triggers, so the page never counts every item.
CREATE TABLE source_item_counts (
  source_id TEXT PRIMARY KEY,
  items     INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO source_item_counts (source_id, items) SELECT source_id, count(*) FROM items GROUP BY source_id;
CREATE TRIGGER source_item_counts_insert AFTER INSERT ON items BEGIN
  INSERT INTO source_item_counts (source_id, items) VALUES (new.source_id, 1)
    ON CONFLICT (source_id) DO UPDATE SET items = items + 1;
END;
CREATE TRIGGER source_item_counts_delete AFTER DELETE ON items BEGIN
  UPDATE source_item_counts SET items = items - 1 WHERE source_id = old.source_id;
END;
