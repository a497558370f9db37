// One-click unsubscribe links: an HMAC of the subscription's number under a secret kept in the database (meta).
import crypto from 'node:crypto';
import type { Db } from '../store/db.js';
import { readMeta, writeMeta } from '../store/maintenance.js';
import { ID_DIGITS } from '../parse/id.js';

const KEY = 'unsubscribe_secret';

/** The database's unsubscribe secret, made once (random, 32 bytes) the first time a message is recorded. */
export function unsubscribeSecret(db: Db): string {
  return db.transaction(() => {
    const existing = readMeta(db, KEY);
    if (existing) return existing;
    const secret = crypto.randomBytes(32).toString('base64url');
    writeMeta(db, KEY, secret);
    return secret;
  }).immediate();
}

/** The secret if one was made (a read-only preview cannot make one). */
export function existingUnsubscribeSecret(db: Db): string | null {
  return readMeta(db, KEY);
}

const mac = (secret: string, id: number) =>
  crypto.createHmac('sha256', secret).update(`unsubscribe:${id}`).digest('base64url');

/** The token of a subscription's link: its number and the HMAC, e.g. "12.AbC…". */
export function signUnsubscribe(secret: string, subscriptionId: number): string {
  return `${subscriptionId}.${mac(secret, subscriptionId)}`;
}

const TOKEN = new RegExp(`^(${ID_DIGITS})\\.([A-Za-z0-9_-]{43})$`);

/** The subscription a token names, or null when it is malformed or its signature does not match. */
export function verifyUnsubscribe(secret: string, token: string): number | null {
  const m = TOKEN.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  const want = Buffer.from(mac(secret, id));
  const got = Buffer.from(m[2]);
  return want.length === got.length && crypto.timingSafeEqual(want, got) ? id : null;
}

/** The link in a message, under the web view's address. */
export function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/unsubscribe/${token}`;
}
