-- Core store: sources' state, runs, items with versions, change events and identifiers, full-text index.

CREATE TABLE sources (
  id              TEXT PRIMARY KEY,
  name            TEXT NOT NULL,
  url             TEXT NOT NULL,
  etag            TEXT,
  last_modified   TEXT,
  last_run_at     TEXT,
  last_status     TEXT,
  last_error      TEXT,
  last_success_at TEXT,
  error_count     INTEGER NOT NULL DEFAULT 0,
  next_run_at     TEXT,
  -- A lease: while set and in the future, a run of this source is in progress (in any process).
  running_until   TEXT,
  created_at      TEXT NOT NULL
);

CREATE TABLE runs (
  id          INTEGER PRIMARY KEY,
  source_id   TEXT NOT NULL REFERENCES sources(id),
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('ok', 'not-modified', 'error')),
  found       INTEGER NOT NULL DEFAULT 0,
  created     INTEGER NOT NULL DEFAULT 0,
  updated     INTEGER NOT NULL DEFAULT 0,
  error       TEXT,
  notes       TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX runs_by_source ON runs (source_id, started_at);

CREATE TABLE items (
  id            INTEGER PRIMARY KEY,
  source_id     TEXT NOT NULL REFERENCES sources(id),
  key           TEXT NOT NULL,
  guid          TEXT,
  url           TEXT,
  title         TEXT NOT NULL,
  summary       TEXT NOT NULL DEFAULT '',
  content_html  TEXT NOT NULL DEFAULT '',
  published     TEXT,
  updated       TEXT,
  deadline      TEXT,
  language      TEXT NOT NULL CHECK (language IN ('fi', 'sv')),
  organisation  TEXT,
  kind          TEXT NOT NULL,
  stage         TEXT,
  consultation  TEXT,
  hash          TEXT NOT NULL,
  version       INTEGER NOT NULL DEFAULT 1,
  first_seen_at TEXT NOT NULL,
  last_seen_at  TEXT NOT NULL,
  changed_at    TEXT NOT NULL,
  created_run   INTEGER REFERENCES runs(id),
  -- The tagger's verdict (NULL relevant: not tagged yet). Reviewers' decisions live in reviews and win.
  relevant         INTEGER,
  primary_goal     TEXT,
  scores           TEXT,
  evidence         TEXT,
  joint            INTEGER NOT NULL DEFAULT 0,
  joint_reason     TEXT,
  taxonomy_version TEXT,
  tagged_at        TEXT,
  -- Stems, base forms and compound parts of title and summary, from the tagger's analysis, for search.
  search_terms     TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX items_by_key ON items (source_id, key);
CREATE INDEX items_by_published ON items (published);
CREATE INDEX items_by_deadline ON items (deadline) WHERE deadline IS NOT NULL;
CREATE INDEX items_by_joint ON items (deadline) WHERE joint = 1;

-- Every goal the tagger gave an item, best first, for filtering and subscriptions.
CREATE TABLE item_goals (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  goal    TEXT NOT NULL,
  score   REAL NOT NULL,
  rank    INTEGER NOT NULL,
  PRIMARY KEY (item_id, goal)
) WITHOUT ROWID;
CREATE INDEX item_goals_by_goal ON item_goals (goal);

-- Reviewers' decisions on tags: who, when, what. Never overwritten by retagging; the latest one counts.
CREATE TABLE reviews (
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  reviewer     TEXT NOT NULL,
  at           TEXT NOT NULL,
  relevant     INTEGER NOT NULL,
  goals        TEXT NOT NULL DEFAULT '[]',
  rejected     TEXT NOT NULL DEFAULT '[]',
  primary_goal TEXT,
  note         TEXT
);
CREATE INDEX reviews_by_item ON reviews (item_id, at);

-- Earlier versions of an item, kept whenever it changes upstream.
CREATE TABLE item_versions (
  item_id      INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  version      INTEGER NOT NULL,
  title        TEXT NOT NULL,
  summary      TEXT NOT NULL,
  content_html TEXT NOT NULL,
  deadline     TEXT,
  stage        TEXT,
  url          TEXT,
  organisation TEXT,
  consultation TEXT,
  hash         TEXT NOT NULL,
  replaced_at  TEXT NOT NULL,
  PRIMARY KEY (item_id, version)
);

-- What changed in an item upstream, for the web view and the digest (its arrival is items.first_seen_at).
CREATE TABLE item_events (
  id        INTEGER PRIMARY KEY,
  item_id   INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  run_id    INTEGER REFERENCES runs(id),
  at        TEXT NOT NULL,
  type      TEXT NOT NULL CHECK (type IN ('title', 'text', 'deadline', 'stage', 'consultation')),
  old_value TEXT,
  new_value TEXT,
  message   TEXT NOT NULL
);
CREATE INDEX item_events_by_item ON item_events (item_id, at);
CREATE INDEX item_events_by_time ON item_events (at);

-- Structured identifiers (HE 12/2026 vp, VN/123/2026, SM061:00/2015 …) that join one matter across sources.
CREATE TABLE item_identifiers (
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  type    TEXT NOT NULL,
  value   TEXT NOT NULL,
  PRIMARY KEY (item_id, type, value)
) WITHOUT ROWID;
CREATE INDEX item_identifiers_by_value ON item_identifiers (type, value);

-- ä and a are different letters in Finnish, so diacritics are kept.
CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, summary, search_terms,
  content = 'items', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title, summary, search_terms) VALUES (new.id, new.title, new.summary, new.search_terms);
END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, search_terms)
    VALUES ('delete', old.id, old.title, old.summary, old.search_terms);
END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF title, summary, search_terms ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, search_terms)
    VALUES ('delete', old.id, old.title, old.summary, old.search_terms);
  INSERT INTO items_fts (rowid, title, summary, search_terms) VALUES (new.id, new.title, new.summary, new.search_terms);
END;
