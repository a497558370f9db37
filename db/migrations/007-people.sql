-- People and what they do in the web workbench: accounts, sessions, the joint-response board, the action log,
-- per-person read state and feed tokens.

-- Accounts. No default account exists: `lakivahti users add EMAIL --role admin` makes the first one.
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email <> ''),
  role          TEXT NOT NULL CHECK (role IN ('admin', 'reviewer', 'reader')),
  -- scrypt$N$r$p$salt$hash (base64); see src/web/auth/password.ts.
  password_hash TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  -- A disabled account cannot sign in; its sessions and feed tokens are removed when it is disabled.
  disabled_at   TEXT
);

-- Sessions. The cookie carries a random id; only its SHA-256 is stored, so a copy of the database opens no session.
-- No foreign key: a server over a read-only database keeps its sessions in a separate in-memory store.
CREATE TABLE sessions (
  id_hash      TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL,
  -- The synchroniser token every POST of this session carries.
  csrf_token   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- The joint-response board: a matter (or a lone item) people decided to answer together. An entry names an item,
-- not a matter: matter numbers change as matters are joined and split; the entry belongs to whatever matter holds
-- its item now.
CREATE TABLE board_entries (
  id                INTEGER PRIMARY KEY,
  item_id           INTEGER NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
  owner             TEXT,
  internal_deadline TEXT CHECK (internal_deadline IS NULL OR internal_deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status            TEXT NOT NULL DEFAULT 'new'
    CHECK (status IN ('new', 'review', 'drafting', 'submitted', 'closed', 'no-response')),
  response_url      TEXT CHECK (response_url IS NULL OR response_url LIKE 'http://%' OR response_url LIKE 'https://%'),
  created_by        TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  updated_by        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
);

-- Every state change made in the web workbench: who, when, what (reviews and corrections also keep their own rows).
CREATE TABLE action_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  user_id   INTEGER REFERENCES users(id) ON DELETE SET NULL,
  email     TEXT NOT NULL,
  action    TEXT NOT NULL,
  target    TEXT NOT NULL,
  detail    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX action_log_by_target ON action_log (target, id);

-- What each person has read (items) and when they last looked at a matter (what changed since).
CREATE TABLE item_reads (
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
  read_at TEXT NOT NULL,
  PRIMARY KEY (user_id, item_id)
) WITHOUT ROWID;
CREATE INDEX item_reads_by_item ON item_reads (item_id);

-- By matter number (no foreign key: a merged-away matter's visits simply stop mattering).
CREATE TABLE matter_visits (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  matter_id  INTEGER NOT NULL,
  visited_at TEXT NOT NULL,
  PRIMARY KEY (user_id, matter_id)
) WITHOUT ROWID;

-- Per-person secret tokens for feed and calendar URLs (readers cannot send cookies); only the SHA-256 is stored.
CREATE TABLE feed_tokens (
  id          INTEGER PRIMARY KEY,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash  TEXT NOT NULL UNIQUE,
  label       TEXT,
  created_at  TEXT NOT NULL,
  revoked_at  TEXT
);
CREATE INDEX feed_tokens_by_user ON feed_tokens (user_id);
