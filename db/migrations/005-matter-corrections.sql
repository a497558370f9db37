-- Corrections by people: a reviewer merges two matters or splits an item off one. Rows are only ever added (the
-- history is kept); linking (src/link/corrections.ts) reads them every time it groups items, so they hold through
-- later crawls and relink. They name items, not matters: matter numbers change as matters are joined and split.
CREATE TABLE matter_corrections (
  id         INTEGER PRIMARY KEY,
  -- merge: item and other are joined as if they shared an identifier.
  -- split: item joins nothing through its identifiers from now on (merges made later still join it).
  kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split')),
  item       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  other      INTEGER REFERENCES items(id) ON DELETE CASCADE,
  -- The matters as the reviewer saw them (history only; linking never reads these).
  matter     INTEGER,
  other_matter INTEGER,
  reviewer   TEXT NOT NULL CHECK (reviewer <> ''),
  note       TEXT,
  created_at TEXT NOT NULL,
  CHECK ((kind = 'merge') = (other IS NOT NULL))
);
CREATE INDEX matter_corrections_by_item ON matter_corrections (item);
-- Full indexes: the foreign keys' ON DELETE actions can use them (not partial ones).
CREATE INDEX matter_corrections_by_other ON matter_corrections (other);
