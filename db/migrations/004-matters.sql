-- Identifier roles and matters: one piece of legislation followed across every source.

-- How an identifier belongs to its item: its own (self), a relation the source states (about), or a code written
-- in its text (mention). Rows stored before roles existed become mentions, which join nothing: the safe default.
-- Their items have no link_keys (NULL), so the next crawl of their source derives the roles and links them.
ALTER TABLE item_identifiers ADD COLUMN role TEXT NOT NULL DEFAULT 'mention' CHECK (role IN ('self', 'about', 'mention'));
-- Items holding one self or about identifier, found without reading mentions (linking a new item is lookups here).
CREATE INDEX item_identifiers_joining ON item_identifiers (type, value, item_id) WHERE role <> 'mention';

-- A matter: the items joined through their self and about identifiers. What is kept here is derived from them
-- (src/link/stage.ts) and rewritten whenever its items change.
CREATE TABLE matters (
  id         INTEGER PRIMARY KEY,
  title      TEXT NOT NULL,
  stage      TEXT,
  stage_at   TEXT,
  deadline   TEXT,
  stages     TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX matters_by_stage ON matters (stage);

ALTER TABLE items ADD COLUMN matter_id INTEGER REFERENCES matters(id) ON DELETE SET NULL;
-- The item's join keys when it was last linked, one a line; NULL: not linked since roles existed.
ALTER TABLE items ADD COLUMN link_keys TEXT;
-- A full index, not a partial one: removing a matter sets its items' matter_id to NULL through this index (SQLite's
-- foreign-key actions cannot use a partial index, and would scan every item).
CREATE INDEX items_by_matter ON items (matter_id);
