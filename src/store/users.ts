// Accounts: e-mail, role and password hash; no default account exists.
import { prepared, type Db } from './db.js';
import type { Lang } from '../model.js';
import { canonicalAddress } from '../parse/address.js';

export const ROLES = ['admin', 'reviewer', 'reader'] as const;
export type Role = (typeof ROLES)[number];

/** An account as the web view and `users list` see it (never the hash). */
export interface User {
  id: number;
  email: string;
  role: Role;
  createdAt: string;
  disabledAt: string | null;
}

const COLUMNS = 'id, email, role, created_at AS createdAt, disabled_at AS disabledAt';

/**
 * Create an account, its address in the one spelling subscriptions store (an international domain in its own lower-case
 * letters), so that the account owns the subscriptions of its mailbox; throws when the mailbox has an account already.
 */
export function insertUser(db: Db, u: { email: string; role: Role; passwordHash: string; now: string }): number {
  if (findUser(db, u.email)) throw new Error(`an account for ${u.email} already exists`);
  return Number(prepared(db, 'INSERT INTO users (email, role, password_hash, created_at) VALUES (?, ?, ?, ?)')
    .run(canonicalAddress(u.email) ?? u.email, u.role, u.passwordHash, u.now).lastInsertRowid);
}

/**
 * The account of this e-mail address in any spelling of its mailbox (letter case, an international domain in its own
 * letters or as xn--), with its hash for signing in; an address stored as typed before the rule is found as stored.
 */
export function findUser(db: Db, email: string): (User & { passwordHash: string }) | undefined {
  const mailbox = canonicalAddress(email) ?? email;
  return prepared(db, `SELECT ${COLUMNS}, password_hash AS passwordHash FROM users WHERE email IN (?, ?)
    ORDER BY email = ? DESC LIMIT 1`).get(email, mailbox, email) as (User & { passwordHash: string }) | undefined;
}

/** An enabled account by id (a session's owner) with the language it chose, or undefined when it is gone or disabled. */
export function activeUser(db: Db, id: number): (User & { language: Lang }) | undefined {
  return prepared(db, `SELECT ${COLUMNS}, language FROM users WHERE id = ? AND disabled_at IS NULL`).get(id) as
    | (User & { language: Lang })
    | undefined;
}

/** Every account, by e-mail address. */
export function listUsers(db: Db): User[] {
  return prepared(db, `SELECT ${COLUMNS} FROM users ORDER BY email`).all() as User[];
}

/** Whether any account exists (a fresh database shows how to make the first administrator). */
export function hasUsers(db: Db): boolean {
  return prepared(db, 'SELECT 1 FROM users LIMIT 1').get() !== undefined;
}

/** Disable an account, end its sessions and revoke its feed tokens; returns false when there is no such account. */
export function disableUser(db: Db, email: string, now: string): boolean {
  return db.transaction(() => {
    const user = findUser(db, email);
    if (!user) return false;
    prepared(db, 'UPDATE users SET disabled_at = COALESCE(disabled_at, ?) WHERE id = ?').run(now, user.id);
    prepared(db, 'DELETE FROM sessions WHERE user_id = ?').run(user.id);
    prepared(db, 'UPDATE feed_tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE user_id = ?').run(now, user.id);
    return true;
  })();
}

/**
 * Enable a disabled account again: it can sign in, and its kept subscriptions send again. Its ended sessions and
 * revoked feed tokens stay ended (the person signs in and makes new feed addresses). Returns when it had been disabled
 * (null: it was not), or false when there is no such account.
 */
export function enableUser(db: Db, email: string): string | null | false {
  return db.transaction(() => {
    const user = findUser(db, email);
    if (!user) return false;
    if (user.disabledAt === null) return null;
    prepared(db, 'UPDATE users SET disabled_at = NULL WHERE id = ?').run(user.id);
    return user.disabledAt;
  })();
}

/** Replace an account's password hash and end its sessions (all, or all but `keepSession`'s); false when there is no such account. */
export function setUserPassword(db: Db, email: string, passwordHash: string, keepSession?: string): boolean {
  return db.transaction(() => {
    const user = findUser(db, email);
    if (!user) return false;
    prepared(db, 'UPDATE users SET password_hash = ? WHERE id = ?').run(passwordHash, user.id);
    prepared(db, 'DELETE FROM sessions WHERE user_id = ? AND id_hash IS NOT ?').run(user.id, keepSession ?? null);
    return true;
  })();
}

/** Set the language of the web workbench for an account ('fi' or 'sv'); false when there is no such account. */
export function setUserLanguage(db: Db, id: number, language: Lang): boolean {
  return prepared(db, 'UPDATE users SET language = ? WHERE id = ?').run(language, id).changes === 1;
}
