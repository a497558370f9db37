// Deliveries: one message to one recipient, recorded before it is sent, claimed while sending, retried with backoff.
import { prepared, type Db } from './db.js';
import type { CoveredSpan } from './digests.js';

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'paused';

export interface Delivery {
  id: number;
  subscriptionId: number;
  digestId: number | null;
  email: string;
  periodStart: string;
  periodEnd: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  messageId: string;
  subject: string;
  createdAt: string;
  sentAt: string | null;
}

/** A claimed delivery with the message to send. */
export interface ClaimedDelivery extends Delivery {
  html: string;
  text: string;
}

export interface DeliveryInput extends CoveredSpan {
  subscriptionId: number;
  digestId: number | null;
  email: string;
  messageId: string;
  subject: string;
  html: string;
  text: string;
  now: string;
}

const COLUMNS = `id, subscription_id AS subscriptionId, digest_id AS digestId, email, period_start AS periodStart,
  period_end AS periodEnd, status, attempts, next_attempt_at AS nextAttemptAt, last_error AS lastError,
  message_id AS messageId, subject, created_at AS createdAt, sent_at AS sentAt`;

/** Record a message to send; false when this digest or period is already recorded for the subscription. */
export function recordDelivery(db: Db, d: DeliveryInput): boolean {
  return prepared(db, `INSERT OR IGNORE INTO deliveries (subscription_id, digest_id, email, period_start, period_end,
      from_item_id, to_item_id, from_event_id, to_event_id, message_id, subject, html, text, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    d.subscriptionId, d.digestId, d.email, d.periodStart, d.periodEnd, d.fromItemId, d.toItemId, d.fromEventId,
    d.toEventId, d.messageId, d.subject, d.html, d.text, d.now,
  ).changes > 0;
}

/**
 * Claim the next delivery that is due: pending and its retry time reached, or left 'sending' by a process that is
 * gone (`alive(claimedBy)` false) or whose lease ran out; numbered above `afterId`
 * (a run tries each once, in order). Returns it with its message, or undefined when none is due.
 */
export function claimNextDelivery(db: Db, claimer: string, now: string, leaseUntil: string, alive: (claimedBy: string) => boolean,
  afterId = 0): ClaimedDelivery | undefined {
  // A page at a time: a run walks the waiting ones in order, each once, instead of rereading them all per message.
  for (let from = afterId; ;) {
    const page = prepared(db, `SELECT id, status, claimed_by AS claimedBy, next_attempt_at AS nextAttemptAt FROM deliveries
        WHERE status IN ('pending', 'sending') AND id > ? ORDER BY id LIMIT 50`).all(from) as { id: number; status: string; claimedBy: string | null; nextAttemptAt: string | null }[];
    if (!page.length) return undefined;
    from = page[page.length - 1].id;
    const claimed = claimFirstDue(db, page, claimer, now, leaseUntil, alive);
    if (claimed) return claimed;
  }
}

function claimFirstDue(db: Db, candidates: { id: number; status: string; claimedBy: string | null; nextAttemptAt: string | null }[],
  claimer: string, now: string, leaseUntil: string, alive: (claimedBy: string) => boolean): ClaimedDelivery | undefined {
  for (const c of candidates) {
    const due = c.status === 'pending'
      ? !c.nextAttemptAt || c.nextAttemptAt <= now
      : c.claimedBy !== claimer && (!c.nextAttemptAt || c.nextAttemptAt <= now || !alive(c.claimedBy ?? ''));
    if (!due) continue;
    // Compare and set: another process may have claimed it since the read.
    const taken = prepared(db, `UPDATE deliveries SET status = 'sending', claimed_by = ?, attempts = attempts + 1,
        next_attempt_at = ? WHERE id = ? AND status = ? AND coalesce(claimed_by, '') = ?`)
      .run(claimer, leaseUntil, c.id, c.status, c.claimedBy ?? '').changes > 0;
    if (taken) return prepared(db, `SELECT ${COLUMNS}, html, text FROM deliveries WHERE id = ?`).get(c.id) as ClaimedDelivery;
  }
  return undefined;
}

/** The message went out: keep the record, drop the stored body. */
export function markDeliverySent(db: Db, id: number, now: string): void {
  prepared(db, `UPDATE deliveries SET status = 'sent', sent_at = ?, claimed_by = NULL, next_attempt_at = NULL,
      html = NULL, text = NULL, last_error = NULL WHERE id = ?`).run(now, id);
}

/** Sending failed: try again at `retryAt`, or give up (null) and keep the reason. */
export function markDeliveryFailed(db: Db, id: number, error: string, retryAt: string | null): void {
  // Never over 'sent': another process that took the message over may have sent it meanwhile.
  if (retryAt) prepared(db, "UPDATE deliveries SET status = 'pending', claimed_by = NULL, next_attempt_at = ?, last_error = ? WHERE id = ? AND status <> 'sent'").run(retryAt, error, id);
  else prepared(db, `UPDATE deliveries SET status = 'failed', claimed_by = NULL, next_attempt_at = NULL, last_error = ?,
      html = NULL, text = NULL WHERE id = ? AND status <> 'sent'`).run(error, id);
}

/** Not sent because its subscription was unsubscribed or paused since it was recorded. */
export function markDeliveryPaused(db: Db, id: number, reason: string): void {
  prepared(db, `UPDATE deliveries SET status = 'paused', claimed_by = NULL, next_attempt_at = NULL, last_error = ?,
      html = NULL, text = NULL WHERE id = ? AND status <> 'sent'`).run(reason, id);
}

/** Deliveries newest first, optionally of one status or subscription (for administrators: failures and retries). */
export function listDeliveries(db: Db, { status, subscriptionId, limit = 100 }: { status?: DeliveryStatus; subscriptionId?: number; limit?: number } = {}): Delivery[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (status) where.push('status = ?'), args.push(status);
  if (subscriptionId !== undefined) where.push('subscription_id = ?'), args.push(subscriptionId);
  return prepared(db, `SELECT ${COLUMNS} FROM deliveries ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id DESC LIMIT ?`)
    .all(...args, limit) as Delivery[];
}
