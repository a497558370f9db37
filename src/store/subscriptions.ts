// Subscriptions to the digest: who receives what, how often, and what the last digest covered (the watermark).
import { prepared, type Db } from './db.js';
import type { Lang } from '../model.js';

export const FREQUENCIES = ['immediately', 'daily', 'weekly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export type SubscriptionKind = 'network' | 'personal';

/** What a personal subscription follows; an item matching any of them is in its digest. */
export interface Follows {
  goals: string[];
  sources: string[];
  organisations: string[];
  matters: number[];
  search: string | null;
}

/** What a digest covered: items and matter events numbered up to these, built at `at`. */
export interface Watermark {
  itemId: number;
  eventId: number;
  at: string;
}

export interface Subscription extends Follows {
  id: number;
  email: string;
  userId: number | null;
  kind: SubscriptionKind;
  every: Frequency;
  lang: Lang;
  createdAt: string;
  createdBy: string;
  unsubscribedAt: string | null;
  pausedAt: string | null;
  pauseReason: string | null;
  /** Null until the first digest is recorded. */
  covered: Watermark | null;
}

export interface SubscriptionInput extends Partial<Follows> {
  email: string;
  userId?: number | null;
  kind: SubscriptionKind;
  every?: Frequency;
  lang?: Lang;
  createdBy: string;
  now: string;
}

interface RawSubscription {
  id: number; email: string; user_id: number | null; kind: SubscriptionKind; every: Frequency; lang: Lang;
  goals: string; sources: string; organisations: string; matters: string; search: string | null;
  created_at: string; created_by: string; unsubscribed_at: string | null; paused_at: string | null; pause_reason: string | null;
  covered_item_id: number | null; covered_event_id: number | null; covered_at: string | null;
}

function toSubscription(r: RawSubscription): Subscription {
  return {
    id: r.id, email: r.email, userId: r.user_id, kind: r.kind, every: r.every, lang: r.lang,
    goals: JSON.parse(r.goals) as string[], sources: JSON.parse(r.sources) as string[],
    organisations: JSON.parse(r.organisations) as string[], matters: JSON.parse(r.matters) as number[], search: r.search,
    createdAt: r.created_at, createdBy: r.created_by, unsubscribedAt: r.unsubscribed_at, pausedAt: r.paused_at,
    pauseReason: r.pause_reason,
    covered: r.covered_at === null ? null : { itemId: r.covered_item_id ?? 0, eventId: r.covered_event_id ?? 0, at: r.covered_at },
  };
}

/** Add a subscription; returns its id. A second active network subscription for one address is refused by the schema. */
export function insertSubscription(db: Db, s: SubscriptionInput): number {
  return Number(prepared(db, `INSERT INTO subscriptions (email, user_id, kind, every, lang, goals, sources, organisations,
      matters, search, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    s.email, s.userId ?? null, s.kind, s.every ?? 'weekly', s.lang ?? 'fi', JSON.stringify(s.goals ?? []),
    JSON.stringify(s.sources ?? []), JSON.stringify(s.organisations ?? []), JSON.stringify(s.matters ?? []),
    s.search ?? null, s.now, s.createdBy,
  ).lastInsertRowid);
}

/** What editing a subscription may change: everything but its kind, its id, its history and its watermark. */
export interface SubscriptionChange extends Follows {
  email: string;
  userId: number | null;
  every: Frequency;
  lang: Lang;
}

/**
 * Change an active subscription in place: the same number and watermark, so what was sent is not sent again and
 * nothing falls between (what it now follows counts from the watermark on). Messages recorded but not yet sent go to
 * the new address. False when there is no such active subscription.
 */
export function updateSubscription(db: Db, id: number, c: SubscriptionChange): boolean {
  return db.transaction(() => {
    const changed = prepared(db, `UPDATE subscriptions SET email = ?, user_id = ?, every = ?, lang = ?, goals = ?, sources = ?,
        organisations = ?, matters = ?, search = ? WHERE id = ? AND unsubscribed_at IS NULL`).run(
      c.email, c.userId, c.every, c.lang, JSON.stringify(c.goals), JSON.stringify(c.sources), JSON.stringify(c.organisations),
      JSON.stringify(c.matters), c.search, id,
    ).changes > 0;
    if (changed) prepared(db, "UPDATE deliveries SET email = ? WHERE subscription_id = ? AND status = 'pending'").run(c.email, id);
    return changed;
  })();
}

/** Whether subscription `s` is account `u`'s: by its user or by its address (users.email is NOCASE, and on the left). */
const ofAccount = (u: string, s: string) => `(${u}.id = ${s}.user_id OR ${u}.email = ${s}.email)`;

/** The pause reason of a subscription whose recipient's account is disabled (administrators see it; mailError words it). */
export const DISABLED_ACCOUNT = 'käyttäjätili poistettu käytöstä';

/**
 * Subscriptions as they stand: one whose recipient's account (by its user or by its address) is disabled reads as
 * paused since the account was, so a disabled person gets no mail; the row itself is kept, and it is live again when
 * the account is.
 */
const SUBSCRIPTIONS = `(SELECT s.id, s.email, s.user_id, s.kind, s.every, s.lang, s.goals, s.sources, s.organisations, s.matters,
    s.search, s.created_at, s.created_by, s.unsubscribed_at,
    coalesce(s.paused_at, d.disabled_at) AS paused_at,
    CASE WHEN s.paused_at IS NULL AND d.disabled_at IS NOT NULL THEN '${DISABLED_ACCOUNT}' ELSE s.pause_reason END AS pause_reason,
    s.covered_item_id, s.covered_event_id, s.covered_at
  FROM subscriptions s LEFT JOIN (SELECT s2.id, min(u.disabled_at) AS disabled_at FROM subscriptions s2 JOIN users u
      ON u.disabled_at IS NOT NULL AND ${ofAccount('u', 's2')} GROUP BY s2.id) d ON d.id = s.id)`;

/**
 * How many subscriptions of account `userId` are not ended (`sending`: nor paused), matched to it as the pause above
 * matches them: by its user, or by its address in the letter case the schema ignores (NOCASE: ASCII letters only).
 */
export function countAccountSubscriptions(db: Db, userId: number, { sending = false }: { sending?: boolean } = {}): number {
  return prepared(db, `SELECT COUNT(*) FROM ${SUBSCRIPTIONS} s JOIN users u ON u.id = ? AND ${ofAccount('u', 's')}
    WHERE s.unsubscribed_at IS NULL${sending ? ' AND s.paused_at IS NULL' : ''}`).pluck().get(userId) as number;
}

/** Every subscription (unsubscribed ones too, unless `active`: neither ended nor paused), oldest first. */
export function listSubscriptions(db: Db, { active = false, email }: { active?: boolean; email?: string } = {}): Subscription[] {
  const where = [active ? 'unsubscribed_at IS NULL AND paused_at IS NULL' : '1', email === undefined ? '1' : 'email = ?'];
  const rows = prepared(db, `SELECT * FROM ${SUBSCRIPTIONS} WHERE ${where.join(' AND ')} ORDER BY id`)
    .all(...(email === undefined ? [] : [email])) as RawSubscription[];
  return rows.map(toSubscription);
}

/** One subscription, or undefined. */
export function getSubscription(db: Db, id: number): Subscription | undefined {
  const r = prepared(db, `SELECT * FROM ${SUBSCRIPTIONS} WHERE id = ?`).get(id) as RawSubscription | undefined;
  return r && toSubscription(r);
}

/**
 * The subscriptions that unsubscribing `id` ends: itself and, for the network digest, whichever subscription now sends
 * that digest to its mailbox (a link in an older message, of a subscription since ended or merged into another by
 * migration 027, means this mailbox, not that row alone).
 */
const ENDED_BY = `FROM subscriptions s JOIN subscriptions o ON o.id = s.id
  OR (s.kind = 'network' AND o.kind = 'network' AND o.email = s.email AND o.unsubscribed_at IS NULL) WHERE s.id = ?`;

/** Whether unsubscribing `id` would end anything: its mailbox still gets what the subscription sent it. */
export function stillSending(db: Db, id: number): boolean {
  return prepared(db, `SELECT 1 ${ENDED_BY} AND o.unsubscribed_at IS NULL`).get(id) !== undefined;
}

/**
 * Mark a subscription unsubscribed (idempotent: the first time is kept) and, for the network digest, whichever
 * subscription now sends that digest to its mailbox: a link in an older message, of a subscription since ended or merged
 * into another (migration 027), means the mailbox, not that row alone. Returns the subscriptions ended now, or false
 * when there is no such subscription.
 */
export function unsubscribe(db: Db, id: number, now: string): number[] | false {
  if (!getSubscription(db, id)) return false;
  return db.transaction(() => {
    const ended = (prepared(db, `SELECT o.id ${ENDED_BY} AND o.unsubscribed_at IS NULL`).pluck().all(id) as number[]);
    for (const one of ended) {
      prepared(db, 'UPDATE subscriptions SET unsubscribed_at = ? WHERE id = ?').run(now, one);
      // Messages built but not yet sent are not sent any more.
      prepared(db, "UPDATE deliveries SET status = 'paused', last_error = 'tilaus peruttu', html = NULL, text = NULL WHERE subscription_id = ? AND status = 'pending'").run(one);
    }
    return ended;
  })();
}

/** Pause a subscription with the reason administrators see (after permanent delivery failures). */
export function pauseSubscription(db: Db, id: number, reason: string, now: string): void {
  prepared(db, 'UPDATE subscriptions SET paused_at = ?, pause_reason = ? WHERE id = ? AND paused_at IS NULL').run(now, reason, id);
}

/** Resume a paused subscription (an administrator fixed the address). */
export function resumeSubscription(db: Db, id: number): boolean {
  return prepared(db, 'UPDATE subscriptions SET paused_at = NULL, pause_reason = NULL WHERE id = ?').run(id).changes > 0;
}

/** Move a subscription's watermark forward (never back). */
export function advanceWatermark(db: Db, id: number, to: Watermark): void {
  prepared(db, `UPDATE subscriptions SET covered_item_id = max(coalesce(covered_item_id, 0), ?),
      covered_event_id = max(coalesce(covered_event_id, 0), ?), covered_at = max(coalesce(covered_at, ''), ?) WHERE id = ?`)
    .run(to.itemId, to.eventId, to.at, id);
}

/**
 * A reviewer merged matter `from` into matter `to` (`from` is gone): the subscriptions that followed `from` follow `to`
 * instead, each number once, so their digests keep the matter's items and changes. Returns how many were changed.
 */
export function followMergedMatter(db: Db, from: number, to: number): number {
  const rows = prepared(db, 'SELECT id, matters FROM subscriptions s WHERE EXISTS (SELECT 1 FROM json_each(s.matters) WHERE value = ?)')
    .all(from) as { id: number; matters: string }[];
  for (const r of rows) {
    const matters = [...new Set((JSON.parse(r.matters) as number[]).map((m) => (m === from ? to : m)))];
    prepared(db, 'UPDATE subscriptions SET matters = ? WHERE id = ?').run(JSON.stringify(matters), r.id);
  }
  return rows.length;
}
