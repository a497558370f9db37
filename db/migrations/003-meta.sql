-- Facts about the database itself, e.g. that `lakivahti demo` created it (and so may reset it).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
