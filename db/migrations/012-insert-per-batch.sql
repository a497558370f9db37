-- New items enter the full-text index once per saved batch (store/item-saver.ts), not through a trigger per row.
-- FTS5 writes its pending terms out as a new segment at the start of every statement that touches it, so a trigger
-- on each INSERT made one tiny segment per item and merged them over and over: about half the cost of storing an
-- item. The update and delete triggers stay (an item's text changes rarely, and one at a time).
DROP TRIGGER items_fts_insert;

-- The same for the per-source item count (migration 008): the store adds a batch's new items in one statement.
-- Deleting an item still counts down through its trigger.
DROP TRIGGER source_item_counts_insert;
