// Sessions in SQLite: a random id in an HttpOnly SameSite=Lax cookie (Secure when configured), only its SHA-256
// stored; a new id at every sign-in; the row removed at sign-out. Each session carries its CSRF token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Lang } from '../../model.js';
import type { Request, Response, RequestHandler } from 'express';
import { leaveForLater } from '../bookkeeping.js';
import { activeUser, deleteSession, deleteSessions, findSession, findSessionUser, insertSession, setSessionFlash, touchSession, type Db, type SessionRow, type Role } from '../../store/index.js';

export interface SessionUser {
  id: number;
  email: string;
  role: Role;
  /** The language of the pages this person chose (absent: Finnish). */
  lang?: Lang;
}

export interface SessionOptions {
  /** Where accounts are. */
  db: Db;
  /** Where sessions are: the same database, or an in-memory one when that cannot be written. */
  sessionDb: Db;
  secureCookies: boolean;
}

/** A session ends after this long without activity, and in any case this long after sign-in. */
export const IDLE_MS = 8 * 3600_000;
export const ABSOLUTE_MS = 24 * 3600_000;
/**
 * Activity is written at most this often (not at every request), so a session may end up to this much before
 * IDLE_MS of idleness. Each write is a change to the database, after which the pages read again what they keep per
 * version of it (store/data-version.ts): reading pages should not throw that away every minute.
 */
const TOUCH_MS = 5 * 60_000;
/** At most this many sessions are kept between writes (then they are all read again). */
const KEPT_SESSIONS = 1000;

const random = () => randomBytes(32).toString('base64url');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Constant-time string comparison for tokens. */
export function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string' || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function createSessions(opts: SessionOptions) {
  // __Host- makes the browser refuse the cookie from any other path, domain or insecure origin.
  const name = opts.secureCookies ? '__Host-lakivahti' : 'lakivahti';
  const preName = opts.secureCookies ? '__Host-lakivahti-pre' : 'lakivahti-pre';
  const cookie = { httpOnly: true, sameSite: 'lax' as const, secure: opts.secureCookies, path: '/' };

  const withOwner = (s: SessionRow | undefined) => s && { ...s, user: activeUser(opts.db, s.userId) };

  // Sessions (and their owners) as read at one write version of the database (store readVersions: it moves after any
  // change at all, by this process or another, a sign-out, a disabled account or a touch included), so a page's
  // session is read once until something is written; its expiry is still tested at every request, as the query does.
  // Only where sessions and accounts share the database, and only for a request that read the version first (a GET).
  type Found = ReturnType<typeof findSessionUser>;
  let keptAt: string | undefined;
  const kept = new Map<string, Found | null>();
  const findShared = (idHash: string, at: string, version: string | undefined): Found => {
    if (version === undefined) return findSessionUser(opts.db, idHash, at);
    if (keptAt !== version || kept.size >= KEPT_SESSIONS) {
      kept.clear();
      keptAt = version;
    }
    let s = kept.get(idHash);
    if (s === undefined) kept.set(idHash, (s = findSessionUser(opts.db, idHash, at) ?? null));
    return s && s.expiresAt > at ? s : undefined;
  };

  /** Sets res.locals.user and res.locals.csrfToken: the session's, or a sign-in token for an anonymous visitor. */
  const load: RequestHandler = (req, res, next) => {
    const id = readCookie(req, name);
    const now = Date.now();
    if (id) {
      const idHash = sha256(id);
      const at = new Date(now).toISOString();
      // One statement when sessions and accounts share the database (a server that can write it); two otherwise.
      const s = opts.sessionDb === opts.db ? findShared(idHash, at, res.locals.writeVersion as string | undefined) : withOwner(findSession(opts.sessionDb, idHash, at));
      const user = s?.user;
      if (s && user) {
        res.locals.user = { id: user.id, email: user.email, role: user.role, lang: user.language } satisfies SessionUser;
        res.locals.csrfToken = s.csrfToken;
        res.locals.sessionIdHash = idHash;
        // A message left by the action that redirected here: shown once (only a GET page shows it), then cleared.
        if (s.flash && req.method === 'GET') {
          res.locals.flash = s.flash;
          leaveForLater(() => setSessionFlash(opts.sessionDb, idHash, null));
        }
        res.locals.say = (text: string) => setSessionFlash(opts.sessionDb, idHash, text.slice(0, 500));
        if (now - Date.parse(s.lastSeenAt) > TOUCH_MS) {
          const end = Math.min(Date.parse(s.createdAt) + ABSOLUTE_MS, now + IDLE_MS);
          leaveForLater(() => touchSession(opts.sessionDb, idHash, new Date(now).toISOString(), new Date(end).toISOString()));
        }
        return next();
      }
      res.clearCookie(name, cookie);
      // A form sent after its session ended (8 hours idle, a sign-out elsewhere) is told so, not that its token is wrong.
      res.locals.sessionEnded = true;
    }
    // Signing in is a POST too: its form carries a token that must match this cookie (double submit), so another
    // site cannot sign a visitor in to an account of its choosing.
    let pre = readCookie(req, preName);
    if (!pre || !/^[\w-]{43}$/.test(pre)) {
      pre = random();
      res.cookie(preName, pre, cookie);
    }
    res.locals.csrfToken = pre;
    next();
  };

  /** Start a new session (a new id, whatever the visitor had before) for the user. */
  const signIn = (res: Response, user: SessionUser): void => {
    const old = res.locals.sessionIdHash as string | undefined;
    if (old) deleteSession(opts.sessionDb, old);
    const id = random();
    const now = Date.now();
    deleteSessions(opts.sessionDb, { expiredAt: new Date(now).toISOString() });
    insertSession(opts.sessionDb, {
      idHash: sha256(id), userId: user.id, csrfToken: random(), createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(), expiresAt: new Date(now + IDLE_MS).toISOString(),
    });
    res.cookie(name, id, cookie);
    res.clearCookie(preName, cookie);
  };

  const signOut = (res: Response): void => {
    const idHash = res.locals.sessionIdHash as string | undefined;
    if (idHash) deleteSession(opts.sessionDb, idHash);
    res.clearCookie(name, cookie);
  };

  return { load, signIn, signOut, cookieName: name };
}
