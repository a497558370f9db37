-- The items list's rows in list order, every column a list page shows (store/items.ts listRowSelect, except the
-- summary, which only a search's rows show): a page of the list, with or without the filters that walk list order,
-- is read from this index alone, where each row was one more lookup of the item's row, and an item's columns after
-- its text (published, deadline, language, kind, tags, matter) lay on the text's overflow pages when the text was long
-- (51 rows at 100,000 items with 6 kB texts: 0.75–0.88 → 0.17–0.20 ms). The planner does not count a virtual
-- column's index as covering, so the list names it (INDEXED BY); the row it defers is never read.
CREATE INDEX items_list ON items (sort_key DESC, id DESC, source_id, title, url, published, language, deadline, organisation, kind,
  stage, joint, matter_id, in_force, relevant, primary_goal, latest_review_id);
