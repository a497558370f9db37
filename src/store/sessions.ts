// Sessions: the SHA-256 of the cookie's random id, its owner, its CSRF token and when it ends.
import { prepared, type Db } from './db.js';

export interface SessionRow {
  userId: number;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** A one-shot message for the next page (post/redirect/get), or null. */
  flash?: string | null;
}

export function insertSession(db: Db, s: SessionRow & { idHash: string }): void {
  prepared(db, 'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.idHash, s.userId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt);
}

/** The session with this id hash, if it has not expired at `now`. */
export function findSession(db: Db, idHash: string, now: string): SessionRow | undefined {
  return prepared(db, `SELECT user_id AS userId, csrf_token AS csrfToken, created_at AS createdAt, last_seen_at AS lastSeenAt,
      expires_at AS expiresAt, flash FROM sessions WHERE id_hash = ? AND expires_at > ?`).get(idHash, now) as SessionRow | undefined;
}

/** Note activity (which moves the idle end) at most as often as the caller asks. */
export function touchSession(db: Db, idHash: string, now: string, expiresAt: string): void {
  prepared(db, 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').run(now, expiresAt, idHash);
}

export function deleteSession(db: Db, idHash: string): void {
  prepared(db, 'DELETE FROM sessions WHERE id_hash = ?').run(idHash);
}

/** Remove every session of an account (disabled) and every expired session. */
export function deleteSessions(db: Db, q: { userId?: number; expiredAt?: string }): number {
  let n = 0;
  if (q.userId !== undefined) n += prepared(db, 'DELETE FROM sessions WHERE user_id = ?').run(q.userId).changes;
  if (q.expiredAt !== undefined) n += prepared(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(q.expiredAt).changes;
  return n;
}

/** Keep a one-shot message for the session's next page (null clears it once shown). */
export function setSessionFlash(db: Db, idHash: string, text: string | null): void {
  prepared(db, 'UPDATE sessions SET flash = ? WHERE id_hash = ?').run(text, idHash);
}
