-- An item dated more than a day after it was first seen (a feed's clock wrong, a year mistyped as 2062) is listed by
-- when it was first seen: its `published` is that moment, and the date as the source gave it is kept here (null when
-- the date was believable). Without this such an item stayed at the top of every newest-first list for ever.
ALTER TABLE items ADD COLUMN published_given TEXT;
-- Items stored before: the same rule against when each was first seen (the full-text index follows its trigger).
UPDATE items SET published_given = published, published = first_seen_at
  WHERE julianday(published) > julianday(first_seen_at) + 1;
