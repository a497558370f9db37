// Per-person secret tokens for feed and calendar URLs: only their SHA-256 is stored; each can be revoked.
import { prepared, type Db } from './db.js';
import type { User } from './users.js';

export interface FeedToken {
  id: number;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export function insertFeedToken(db: Db, t: { userId: number; tokenHash: string; label: string | null; now: string }): number {
  return Number(prepared(db, 'INSERT INTO feed_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)')
    .run(t.userId, t.tokenHash, t.label, t.now).lastInsertRowid);
}

/** A person's tokens, newest first. */
export function listFeedTokens(db: Db, userId: number): FeedToken[] {
  return prepared(db, `SELECT id, label, created_at AS createdAt, revoked_at AS revokedAt FROM feed_tokens
    WHERE user_id = ? ORDER BY id DESC`).all(userId) as FeedToken[];
}

/** Revoke one of the person's own tokens; false when they have no such token. */
export function revokeFeedToken(db: Db, userId: number, id: number, now: string): boolean {
  return prepared(db, 'UPDATE feed_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ? AND user_id = ?').run(now, id, userId).changes > 0;
}

/** The enabled account a live token belongs to, or undefined. */
export function userByFeedTokenHash(db: Db, tokenHash: string): User | undefined {
  return prepared(db, `SELECT u.id, u.email, u.role, u.created_at AS createdAt, u.disabled_at AS disabledAt
    FROM feed_tokens t JOIN users u ON u.id = t.user_id
    WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled_at IS NULL`).get(tokenHash) as User | undefined;
}
