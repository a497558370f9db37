-- Every stored address in its one spelling (src/parse/address.ts, canonicalAddress: an international domain in its own
-- letters, lower case). Before session 43 an address was stored as typed, and the stored addresses' NOCASE folds ASCII
-- letters only: `pelastus@ÄÄNEKOSKI.FI`, `pelastus@äänekoski.fi` and `pelastus@xn--nekoski-4waa.fi` were three
-- addresses for one mailbox, so it could hold the network digest two or three times (and get each digest as often),
-- and an account stored in one spelling did not own, nor pause when disabled, a subscription stored in another.
-- canonical_address() is that rule, registered by the migration runner (src/store/db.ts); an address the rule does
-- not take is returned as stored.

-- Accounts: each takes its one spelling, unless another account holds it or has the lower number (two accounts made
-- for one mailbox: the older takes it, the other keeps its stored spelling, by which it is still found).
UPDATE users SET email = canonical_address(email)
  WHERE email <> canonical_address(email) COLLATE BINARY
    AND NOT EXISTS (SELECT 1 FROM users o WHERE o.id <> users.id
      AND canonical_address(o.email) = canonical_address(users.email) COLLATE NOCASE
      AND (o.email = canonical_address(o.email) OR o.id < users.id));

-- The network digest, at most once per mailbox: of one mailbox's active network subscriptions the oldest is kept (it
-- was there whenever a later one was, so it holds a copy of every digest recorded for them) and the later ones are
-- ended as merged into it. Their history stays on their own rows; an unsubscribe link of theirs ends the kept one
-- (store/subscriptions.ts, unsubscribe). The kept one sends if any of them did.
CREATE TEMP TABLE network_027 AS
  SELECT id, canonical_address(email) AS mailbox, paused_at, covered_item_id, covered_event_id, covered_at FROM subscriptions
  WHERE kind = 'network' AND unsubscribed_at IS NULL;
CREATE TEMP TABLE merged_027 AS
  SELECT n.id AS id, (SELECT min(k.id) FROM network_027 k WHERE k.mailbox = n.mailbox COLLATE NOCASE) AS kept, n.mailbox AS mailbox
  FROM network_027 n;
DELETE FROM merged_027 WHERE id = kept;
UPDATE subscriptions SET paused_at = NULL, pause_reason = NULL
  WHERE id IN (SELECT kept FROM merged_027) AND EXISTS (SELECT 1 FROM merged_027 m JOIN network_027 n ON n.id = m.id
    WHERE m.kept = subscriptions.id AND n.paused_at IS NULL);
UPDATE subscriptions SET
    covered_item_id = (SELECT max(n.covered_item_id) FROM network_027 n WHERE n.id IN (SELECT m.id FROM merged_027 m WHERE m.kept = subscriptions.id) OR n.id = subscriptions.id),
    covered_event_id = (SELECT max(n.covered_event_id) FROM network_027 n WHERE n.id IN (SELECT m.id FROM merged_027 m WHERE m.kept = subscriptions.id) OR n.id = subscriptions.id),
    covered_at = (SELECT max(n.covered_at) FROM network_027 n WHERE n.id IN (SELECT m.id FROM merged_027 m WHERE m.kept = subscriptions.id) OR n.id = subscriptions.id)
  WHERE id IN (SELECT kept FROM merged_027);
UPDATE subscriptions SET unsubscribed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id IN (SELECT id FROM merged_027);
-- Messages recorded for them but not sent: the kept one has its own copy of each.
UPDATE deliveries SET status = 'paused', claimed_by = NULL, next_attempt_at = NULL, html = NULL, text = NULL,
    last_error = 'yhdistetty tilaukseen ' || (SELECT kept FROM merged_027 m WHERE m.id = deliveries.subscription_id)
  WHERE status IN ('pending', 'sending') AND subscription_id IN (SELECT id FROM merged_027);
INSERT INTO action_log (at, user_id, email, action, target, detail)
  SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), NULL, 'lakivahti', 'subscription-merge', 'subscription:' || id,
    json_object('into', kept, 'email', mailbox) FROM merged_027 ORDER BY id;

-- Then every subscription, and every message still to send, in its one spelling.
UPDATE subscriptions SET email = canonical_address(email) WHERE email <> canonical_address(email) COLLATE BINARY;
UPDATE deliveries SET email = canonical_address(email)
  WHERE status IN ('pending', 'sending') AND email <> canonical_address(email) COLLATE BINARY;
DROP TABLE merged_027;
DROP TABLE network_027;
