-- The digest by e-mail: subscriptions with their watermarks, the network's weekly digest as an editable draft, and
-- one delivery row per recipient and digest.

-- Who receives what. kind 'network': the network's weekly digest (the secretariat's edited draft); 'personal': what
-- is new in the goals, sources, organisations and matters followed, or found by a saved search (any of them).
CREATE TABLE subscriptions (
  id              INTEGER PRIMARY KEY,
  email           TEXT NOT NULL COLLATE NOCASE CHECK (email LIKE '_%@_%._%' AND length(email) <= 320),
  user_id         INTEGER REFERENCES users(id) ON DELETE SET NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('network', 'personal')),
  every           TEXT NOT NULL DEFAULT 'weekly' CHECK (every IN ('immediately', 'daily', 'weekly')),
  lang            TEXT NOT NULL DEFAULT 'fi' CHECK (lang IN ('fi', 'sv')),
  -- What a personal subscription follows: JSON arrays of goal ids, source ids, organisation names, matter numbers.
  goals           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(goals) AND json_type(goals) = 'array'),
  sources         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sources) AND json_type(sources) = 'array'),
  organisations   TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(organisations) AND json_type(organisations) = 'array'),
  matters         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(matters) AND json_type(matters) = 'array'),
  search          TEXT CHECK (search IS NULL OR length(search) BETWEEN 1 AND 200),
  created_at      TEXT NOT NULL,
  created_by      TEXT NOT NULL,
  -- Unsubscribed (by the signed link, or removed): nothing more is sent, the row and its deliveries stay as history.
  unsubscribed_at TEXT,
  -- Paused after permanent delivery failures, with the reason administrators see.
  paused_at       TEXT,
  pause_reason    TEXT,
  -- The watermark: what the last digest covered. Items and matter events are numbered in the order they are stored,
  -- and nothing deletes items, so "id above the watermark" is exact; covered_at is the build time, and an item or
  -- event recorded after it is new too (an event's number can be reused when a matter emptied by relink is removed
  -- with its events). NULL: nothing sent yet (the first digest reaches back LAKIVAHTI_DIGEST_MAX_DAYS).
  covered_item_id  INTEGER,
  covered_event_id INTEGER,
  covered_at       TEXT,
  CHECK ((paused_at IS NULL) = (pause_reason IS NULL)),
  CHECK (kind = 'personal' OR (goals = '[]' AND sources = '[]' AND organisations = '[]' AND matters = '[]' AND search IS NULL)),
  CHECK (kind = 'network' OR goals <> '[]' OR sources <> '[]' OR organisations <> '[]' OR matters <> '[]' OR search IS NOT NULL)
);
-- One active network subscription per address.
CREATE UNIQUE INDEX subscriptions_network_once ON subscriptions (email) WHERE kind = 'network' AND unsubscribed_at IS NULL;
CREATE INDEX subscriptions_by_user ON subscriptions (user_id);

-- The network's weekly digest: built as a draft, edited (entries removed or reordered, an introduction), approved,
-- then sent. It covers the items and matter events numbered above the previous digest's up to its own.
CREATE TABLE digests (
  id            INTEGER PRIMARY KEY,
  period_start  TEXT NOT NULL,
  period_end    TEXT NOT NULL CHECK (period_end >= period_start),
  from_item_id  INTEGER NOT NULL,
  to_item_id    INTEGER NOT NULL CHECK (to_item_id >= from_item_id),
  from_event_id INTEGER NOT NULL,
  to_event_id   INTEGER NOT NULL CHECK (to_event_id >= from_event_id),
  status        TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'sent')),
  intro         TEXT CHECK (intro IS NULL OR length(intro) <= 4000),
  built_at      TEXT NOT NULL,
  approved_by   TEXT,
  approved_at   TEXT,
  sent_at       TEXT,
  CHECK ((status = 'draft') = (approved_at IS NULL)),
  CHECK ((approved_by IS NULL) = (approved_at IS NULL)),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
-- At most one digest is open (draft or approved) at a time.
CREATE UNIQUE INDEX digests_one_open ON digests ((1)) WHERE status <> 'sent';

-- A draft's entries: respond (a matter, or a lone item, needing a joint response), moved (a matter event), new (an
-- item, under one goal). Position orders them within their section; removed ones stay, so removing can be undone.
CREATE TABLE digest_entries (
  digest_id INTEGER NOT NULL REFERENCES digests(id) ON DELETE CASCADE,
  section   TEXT NOT NULL CHECK (section IN ('respond', 'moved', 'new')),
  -- 'matter:12', 'item:345' or 'event:67': what the entry shows (numbers, not foreign keys: matters are merged).
  ref       TEXT NOT NULL CHECK (ref GLOB 'matter:[0-9]*' OR ref GLOB 'item:[0-9]*' OR ref GLOB 'event:[0-9]*'),
  goal      TEXT,
  position  INTEGER NOT NULL,
  removed   INTEGER NOT NULL DEFAULT 0 CHECK (removed IN (0, 1)),
  PRIMARY KEY (digest_id, section, ref),
  CHECK ((section = 'new') = (goal IS NOT NULL)),
  CHECK (section <> 'moved' OR ref GLOB 'event:*'),
  CHECK (section <> 'new' OR ref GLOB 'item:*')
) WITHOUT ROWID;

-- One message to one recipient: for the network digest (digest_id), or for a personal subscription's period
-- (from_item_id/from_event_id: its watermark before, to_*: after). The rendered message is kept until it is sent, so
-- a retry sends exactly what was built, under the same Message-ID.
CREATE TABLE deliveries (
  id              INTEGER PRIMARY KEY,
  subscription_id INTEGER NOT NULL REFERENCES subscriptions(id) ON DELETE CASCADE,
  digest_id       INTEGER REFERENCES digests(id) ON DELETE SET NULL,
  email           TEXT NOT NULL,
  period_start    TEXT NOT NULL,
  period_end      TEXT NOT NULL,
  from_item_id    INTEGER NOT NULL,
  to_item_id      INTEGER NOT NULL,
  from_event_id   INTEGER NOT NULL,
  to_event_id     INTEGER NOT NULL,
  status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'paused')),
  attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at TEXT,
  -- While sending: which process holds it (host:pid), so a process that died mid-send is noticed at once.
  claimed_by      TEXT,
  last_error      TEXT,
  message_id      TEXT NOT NULL UNIQUE,
  subject         TEXT NOT NULL,
  html            TEXT,
  text            TEXT,
  created_at      TEXT NOT NULL,
  sent_at         TEXT,
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CHECK (status <> 'sending' OR claimed_by IS NOT NULL)
);
-- The same digest cannot be recorded twice for a recipient.
CREATE UNIQUE INDEX deliveries_network_once ON deliveries (subscription_id, digest_id) WHERE digest_id IS NOT NULL;
CREATE UNIQUE INDEX deliveries_period_once ON deliveries (subscription_id, from_item_id, from_event_id) WHERE digest_id IS NULL;
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX deliveries_by_status ON deliveries (status, id);

-- New items by the time they were first seen (a digest's reach back, and items stored after a watermark's time).
CREATE INDEX items_by_first_seen ON items (first_seen_at);
