-- Two more orders for the items list's filters. Kind and organisation together (statement requests of one ministry,
-- the filter people combine most) walk one index in list order instead of every item of the organisation. Swedish
-- items are a few in a hundred: the list of them walks a small index of their own instead of the whole list.
CREATE INDEX items_by_kind_organisation_sort ON items (kind, organisation, sort_key DESC, id DESC);
CREATE INDEX items_swedish_sort ON items (sort_key DESC, id DESC) WHERE language = 'sv';
