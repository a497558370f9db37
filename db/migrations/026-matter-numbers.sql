-- Matter numbers are never given twice: the matters table's key becomes AUTOINCREMENT, so SQLite numbers a new
-- matter above every number it ever gave (kept in sqlite_sequence), also those of matters since merged away or
-- emptied. Until now meta's 'matter_high' kept that mark beside the table; it is carried over and removed.
-- SQLite cannot add AUTOINCREMENT to a table, so matters is rebuilt (SQLite's "making other kinds of table schema
-- changes"): the runner applies migrations with foreign keys off, so dropping the old table neither sets items'
-- matter_id to NULL nor deletes matter events, and checks every foreign key before it commits.
CREATE TABLE matters_026 (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  title      TEXT NOT NULL,
  stage      TEXT,
  stage_at   TEXT,
  deadline   TEXT,
  stages     TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  in_force   TEXT
);
INSERT INTO matters_026 (id, title, stage, stage_at, deadline, stages, created_at, updated_at, in_force)
  SELECT id, title, stage, stage_at, deadline, stages, created_at, updated_at, in_force FROM matters;
-- The high-water mark: the highest number present or ever given, whichever is higher (the insert above set it to the
-- highest present; a row is there, as sqlite_sequence holds one per AUTOINCREMENT table that has had an insert).
INSERT INTO sqlite_sequence (name, seq) SELECT 'matters_026', 0
  WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'matters_026');
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'matter_high'), 0))
  WHERE name = 'matters_026';
DELETE FROM meta WHERE key = 'matter_high';
DROP TABLE matters;
ALTER TABLE matters_026 RENAME TO matters;
CREATE INDEX matters_by_stage ON matters (stage);
CREATE INDEX matters_by_stage_at ON matters (stage_at);
CREATE INDEX matters_coming_into_force ON matters (in_force) WHERE in_force IS NOT NULL AND stage IS NOT 'in-force';
