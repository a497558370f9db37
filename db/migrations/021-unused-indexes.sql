-- Two indexes no query uses, each one more B-tree insert for every new item (a crawl's writer thread is its slowest
-- part). Every statement the store runs was checked with EXPLAIN QUERY PLAN with and without them (the tests'
-- statements, bench:web's pages, every combination of up to three list filters): only `count(*)` of item_goals
-- changed, to another covering index.
-- The digest's reach back (first_seen_at >= ?) is read by id range (its watermark bounds the ids), never by this one.
DROP INDEX items_by_first_seen;
-- Goals are filtered per item (item_id, goal: the primary key) and ordered by rank (item_goals_by_rank); nothing
-- looks items up by goal alone.
DROP INDEX item_goals_by_goal;
