// Feed and calendar URLs carry a per-person secret (feed readers and Outlook send no cookies): 32 random bytes,
// shown once, stored as a SHA-256.
import { createHash, randomBytes } from 'node:crypto';
import { userByFeedTokenHash, type Db, type User } from '../../store/index.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

export function newFeedToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hash(token) };
}

/** The person a feed URL's `token` belongs to, when it is live and theirs is enabled; else undefined. */
export function feedTokenUser(db: Db, token: unknown): User | undefined {
  if (typeof token !== 'string' || !/^[\w-]{43}$/.test(token)) return undefined;
  return userByFeedTokenHash(db, hash(token));
}
