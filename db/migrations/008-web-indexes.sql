-- Indexes the web view's pages read through, so that no page passes over every item.

-- The items list filtered by organisation or by kind, newest first (source has items_by_source_sort).
CREATE INDEX items_by_organisation_sort ON items (organisation, sort_key DESC, id DESC);
CREATE INDEX items_by_kind_sort ON items (kind, sort_key DESC, id DESC);
-- Reviewed items newest first: a few in a hundred, so walking the whole list to find a page of them would be slow.
CREATE INDEX items_reviewed_sort ON items (sort_key DESC, id DESC) WHERE latest_review_id IS NOT NULL;
-- The overview's matters that moved a stage lately.
CREATE INDEX matters_by_stage_at ON matters (stage_at);
