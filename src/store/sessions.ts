// Sessions: the SHA-256 of the cookie's random id, its owner, its CSRF token and when it ends. No value the pages
// keep per version of the database is read from this table, so its writes are counted as quiet (store/data-version.ts):
// a session's activity or one-shot message does not make every page read its organisations and counts again.
import { prepared, type Db } from './db.js';
import type { Lang } from '../model.js';
import { changedQuietly } from './data-version.js';
import type { Role } from './users.js';

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
  changedQuietly(db, prepared(db, 'INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(s.idHash, s.userId, s.csrfToken, s.createdAt, s.lastSeenAt, s.expiresAt).changes);
}

/** The session with this id hash, if it has not expired at `now`. */
export function findSession(db: Db, idHash: string, now: string): SessionRow | undefined {
  return prepared(db, `SELECT user_id AS userId, csrf_token AS csrfToken, created_at AS createdAt, last_seen_at AS lastSeenAt,
      expires_at AS expiresAt, flash FROM sessions WHERE id_hash = ? AND expires_at > ?`).get(idHash, now) as SessionRow | undefined;
}

/** A live session (as findSession) with its owner's account when that is enabled, in one statement (both in one database). */
export function findSessionUser(db: Db, idHash: string, now: string):
  | (SessionRow & { user: { id: number; email: string; role: Role; language: Lang } | undefined })
  | undefined {
  const row = prepared(db, `SELECT s.user_id AS userId, s.csrf_token AS csrfToken, s.created_at AS createdAt, s.last_seen_at AS lastSeenAt,
      s.expires_at AS expiresAt, s.flash, u.email, u.role, u.language FROM sessions s
      LEFT JOIN users u ON u.id = s.user_id AND u.disabled_at IS NULL WHERE s.id_hash = ? AND s.expires_at > ?`).get(idHash, now) as
    | (SessionRow & { email: string | null; role: Role; language: Lang })
    | undefined;
  if (!row) return undefined;
  const { email, role, language, ...session } = row;
  return { ...session, user: email === null ? undefined : { id: row.userId, email, role, language } };
}

/** Note activity (which moves the idle end) at most as often as the caller asks. */
export function touchSession(db: Db, idHash: string, now: string, expiresAt: string): void {
  changedQuietly(db, prepared(db, 'UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE id_hash = ?').run(now, expiresAt, idHash).changes);
}

export function deleteSession(db: Db, idHash: string): void {
  changedQuietly(db, prepared(db, 'DELETE FROM sessions WHERE id_hash = ?').run(idHash).changes);
}

/** Remove every session of an account (disabled) and every expired session. */
export function deleteSessions(db: Db, q: { userId?: number; expiredAt?: string }): number {
  let n = 0;
  if (q.userId !== undefined) n += prepared(db, 'DELETE FROM sessions WHERE user_id = ?').run(q.userId).changes;
  if (q.expiredAt !== undefined) n += prepared(db, 'DELETE FROM sessions WHERE expires_at <= ?').run(q.expiredAt).changes;
  changedQuietly(db, n);
  return n;
}

/** Keep a one-shot message for the session's next page (null clears it once shown). */
export function setSessionFlash(db: Db, idHash: string, text: string | null): void {
  changedQuietly(db, prepared(db, 'UPDATE sessions SET flash = ? WHERE id_hash = ?').run(text, idHash).changes);
}
