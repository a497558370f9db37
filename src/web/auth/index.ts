// People and access: sessions, sign-in and sign-out, the CSRF check on every POST, the role check, the sign-in gate.
import type express from 'express';
import type { Lang } from '../../model.js';
import type { RequestHandler } from 'express';
import { findUser, hasUsers, logAction, type Db, type Role } from '../../store/index.js';
import { isLang, word } from '../../present/words-web.js';
import { canonicalAddress } from '../../parse/address.js';
import { decoyHash, verifyPassword } from './password.js';
import { FailureLimiter, waitMinutes } from './limiter.js';
import { createSessions, sameToken, type SessionUser } from './session.js';
import { feedTokenUser } from './feed-token.js';
import type { WriteWait } from '../write-wait.js';

export type { SessionUser } from './session.js';

/** An HTTP failure the error page shows with its own Finnish message. */
export class HttpError extends Error {
  constructor(public readonly status: number, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export interface AuthOptions {
  db: Db;
  sessionDb: Db;
  secureCookies: boolean;
  /** Whether the database can be written (sign-ins are then not logged to the action log). */
  readOnly: boolean;
  /** The `--db` the first-run page's commands carry, when the database served is not the default one. */
  setupDb?: string;
  /** The wait for another process's write lock, after the password's check and before the sign-in's writes. */
  writeWait: WriteWait;
}

/** A path on this site to return to after signing in or a POST (never another origin). */
export function localPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s\\]*$/.test(value) || value.length > 2000) return fallback;
  return value;
}

/**
 * Mount sessions, /login and /logout, the CSRF check and the sign-in gate. Everything mounted after this sees
 * res.locals.user (signed in) and res.locals.csrfToken.
 */
export function mountAuth(app: express.Express, opts: AuthOptions): void {
  const sessions = createSessions(opts);
  // Per address: many people may share one; per account: guessing one person's password.
  const byAddress = new FailureLimiter({ failures: 30, windowMs: 15 * 60_000 });
  const byAccount = new FailureLimiter({ failures: 5, windowMs: 15 * 60_000 });
  app.use(sessions.load);
  // Every answer from here on may carry a person's data or a form token: no copy in any cache (ASVS 14.3.2).
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // A refused form speaks the signed-in person's language, else the browser's preference (signing in, signed out).
  const formLanguage = (req: express.Request, res: express.Response): Lang =>
    isLang((res.locals.user as { lang?: unknown } | undefined)?.lang) ? (res.locals.user as { lang: Lang }).lang
      : req.acceptsLanguages('fi', 'sv') === 'sv' ? 'sv' : 'fi';
  // Every POST carries the token of its session (or, signing in, of the sign-in cookie), checked before anything.
  app.use((req, res, next) => {
    if (req.method !== 'POST') return next();
    if (!sameToken((req.body as Record<string, unknown> | undefined)?._csrf, res.locals.csrfToken as string))
      return next(res.locals.sessionEnded && req.path !== '/login'
        ? new HttpError(401, word(req.acceptsLanguages('fi', 'sv') === 'sv' ? 'sv' : 'fi', 'auth.sessionEnded'))
        : new HttpError(403, word(formLanguage(req, res), 'auth.formExpired')));
    next();
  });

  // The sign-in form in the language asked for (?lang=, the form's own field), else the browser's preference of
  // Finnish and Swedish; after signing in, the person's own choice (on /account) decides.
  const formLang = (req: express.Request): Lang => {
    const asked = req.method === 'POST' ? (req.body as Record<string, unknown> | undefined)?.lang : req.query.lang;
    return isLang(asked) ? asked : req.acceptsLanguages('fi', 'sv') === 'sv' ? 'sv' : 'fi';
  };
  const signInPage = (req: express.Request, res: express.Response, status: number, form: { email?: string; next?: string; error?: (lang: Lang) => string }) => {
    const lang = formLang(req);
    const other: Lang = lang === 'sv' ? 'fi' : 'sv';
    // No person is known yet: the page follows the same rule as the sign-in form it leads to.
    if (!hasUsers(opts.db)) return res.status(200).render('setup', { title: word(lang, 'setup.title'), uiLang: lang, otherLang: other, switchHref: `/login?lang=${other}`, setupDb: opts.setupDb });
    const next = form.next ?? '/';
    res.status(status).render('login', {
      title: word(lang, 'login.title'), uiLang: lang, otherLang: other, email: form.email, next, error: form.error?.(lang),
      switchHref: `/login?lang=${other}${next === '/' ? '' : `&next=${encodeURIComponent(next)}`}`,
    });
  };

  app.get('/login', (req, res) => {
    if (res.locals.user) return res.redirect(303, localPath(req.query.next));
    signInPage(req, res, 200, { next: localPath(req.query.next) });
  });

  app.post('/login', async (req, res, next) => {
    try {
      const body = req.body as Record<string, unknown>;
      const email = typeof body.email === 'string' ? body.email.trim() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const back = localPath(body.next);
      const address = `ip:${req.ip ?? req.socket.remoteAddress ?? '?'}`;
      // One count per mailbox, in whatever spelling it is typed (findUser finds the account in each).
      const account = `account:${(canonicalAddress(email) ?? email).toLowerCase()}`;
      const wait = Math.max(byAddress.wait(address), byAccount.wait(account));
      if (wait) {
        res.set('Retry-After', String(Math.ceil(wait / 1000)));
        return signInPage(req, res, 429, { email, next: back, error: (lang) => word(lang, 'login.limited', { minutes: waitMinutes(wait) }) });
      }
      // Counted before the slow check, not after it failed: 20 guesses sent at once all passed the check above and were
      // all tried against a limit of 5. A right password takes its count back.
      byAddress.fail(address);
      byAccount.fail(account);
      const user = email ? findUser(opts.db, email) : undefined;
      // The same work whether or not the address is known, so the answer's timing does not tell.
      const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !matches || user.disabledAt) {
        process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event: 'sign_in_failed', email: email.slice(0, 200), address }) + '\n');
        return signInPage(req, res, 401, { email, next: back, error: (lang) => word(lang, 'login.wrong') });
      }
      byAccount.reset(account);
      byAddress.forgive(address);
      // The lock is waited for here, after the slow check, right before the writes (write-wait.ts).
      if (!(await opts.writeWait(req))) return;
      const who: SessionUser = { id: user.id, email: user.email, role: user.role };
      sessions.signIn(res, who);
      if (!opts.readOnly) logAction(opts.db, { userId: user.id, email: user.email, action: 'sign-in', target: `user:${user.id}`, now: new Date().toISOString() });
      res.redirect(303, back);
    } catch (err) {
      next(err);
    }
  });

  app.post('/logout', (_req, res) => {
    // A person who reads Swedish gets the sign-in form in Swedish again.
    const swedish = (res.locals.user as SessionUser | undefined)?.lang === 'sv';
    sessions.signOut(res);
    // The browser drops what it kept of the session too: cached pages, cookies, storage (ASVS 14.3.1).
    res.set('Clear-Site-Data', '"cache", "cookies", "storage"');
    res.redirect(303, swedish ? '/login?lang=sv' : '/');
  });

  // The gate: a fresh database says how to make the first administrator; anyone else signs in first, except a feed
  // program reading an output (feeds, calendar, CSV) with a live personal token: it sends no cookies.
  app.use((req, res, next) => {
    if (res.locals.user) return next();
    if ((req.method === 'GET' || req.method === 'HEAD') && isOutputPath(req.path) && req.query.token !== undefined) {
      const owner = feedTokenUser(opts.db, req.query.token);
      // In the language the request asks for (?lang=sv or the program's Accept-Language), as the sign-in form.
      if (!owner) {
        const lang = formLang(req);
        return void res.status(401).type('text/plain; charset=utf-8').set('Cache-Control', 'no-store').set('Content-Language', lang)
          .send(`${word(lang, 'feedToken.refused')}\n`);
      }
      res.locals.feedUser = { id: owner.id, email: owner.email, role: owner.role } satisfies SessionUser;
      res.set('Cache-Control', 'private, no-store');
      return next();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return next(new HttpError(401, 'Kirjaudu ensin sisään.'));
    signInPage(req, res, 401, { next: localPath(req.originalUrl) });
  });
}

/** The outputs for other tools that a personal feed token opens: feeds, the deadline calendar and the CSV export. */
export const isOutputPath = (path: string): boolean => /^\/feeds\/(items\.(atom|json)|matters\/\d{1,15}\.(atom|json)|deadlines\.ics)$/.test(path) || path === '/items.csv';

/** Leave a one-shot message (Finnish) for the next page this session sees: what an action did (post/redirect/get). */
export function say(res: express.Response, text: string): void {
  (res.locals.say as ((text: string) => void) | undefined)?.(text);
}

/** Only these roles may go on (every state-changing route); a department reader gets 403. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = res.locals.user as SessionUser | undefined;
    if (!user || !roles.includes(user.role)) return next(new HttpError(403, word(user?.lang === 'sv' ? 'sv' : 'fi', 'action.forbidden')));
    next();
  };
}
