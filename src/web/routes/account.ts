// A person's own account: their language, their password (changed with the current one) and their feed tokens
// (made and revoked here), whatever their role.
import type express from 'express';
import type { Request, Response } from 'express';
import { findUser, insertFeedToken, listFeedTokens, logAction, revokeFeedToken, setUserLanguage, setUserPassword } from '../../store/index.js';
import { hashPassword, passwordProblem, verifyPassword } from '../auth/password.js';
import { newFeedToken } from '../auth/feed-token.js';
import { FailureLimiter, waitMinutes } from '../auth/limiter.js';
import { HttpError, say, type SessionUser } from '../auth/index.js';
import { isLang, LANGS, word } from '../../present/words-web.js';
import type { WebDeps } from '../deps.js';
import { pageLang } from './form-helpers.js';
import type { WriteWait } from '../write-wait.js';
import { parseId } from '../../parse/id.js';

/** /account and its forms; `writeWait` is the password change's wait for the write lock, after its two hashes. */
export function mountAccount(app: express.Express, deps: WebDeps, writeWait: WriteWait): void {
  const page = (res: Response, status: number, created?: string, passwordError?: string) => {
    const user = res.locals.user as SessionUser;
    const lang = pageLang(res.locals);
    res.status(status).render('account', {
      title: word(lang, 'account.title'), tokens: listFeedTokens(deps.db, user.id), created, passwordError,
      languages: LANGS.map((id) => ({ id, label: word(id, `lang.${id}`), chosen: id === lang })),
    });
  };
  const writable = (res: Response) => {
    if (deps.readOnly) throw new HttpError(503, word(pageLang(res.locals), 'action.readOnly'));
  };

  app.get('/account', (_req, res) => page(res, 200));

  // The language of the pages: the person's own setting, kept with the account (every session of theirs follows it).
  app.post('/account/language', (req: Request, res: Response) => {
    writable(res);
    const user = res.locals.user as SessionUser;
    const language = (req.body as Record<string, unknown>).language;
    if (!isLang(language)) throw new HttpError(400, word(pageLang(res.locals), 'account.noLanguage', { language: String(language).slice(0, 20) }));
    setUserLanguage(deps.db, user.id, language);
    logAction(deps.db, { userId: user.id, email: user.email, action: 'language', target: `user:${user.id}`, detail: { language }, now: new Date().toISOString() });
    say(res, word(language, 'account.languageSaved'));
    res.redirect(303, '/account');
  });

  // Someone at an unattended signed-in browser must not guess the current password without limit (as sign-in's
  // per-account limit): 5 wrong ones in 15 minutes, then refused, the right one too, until the window has passed.
  const wrongCurrent = new FailureLimiter({ failures: 5, windowMs: 15 * 60_000 });

  // A new password needs the current one; the person's other sessions end (this one goes on).
  app.post('/account/password', async (req: Request, res: Response, next) => {
    try {
      writable(res);
      const user = res.locals.user as SessionUser;
      const lang = pageLang(res.locals);
      const refuse = (status: number, why: string) => page(res, status, undefined, `${why} ${word(lang, 'account.notChanged')}`);
      const body = req.body as Record<string, unknown>;
      const field = (name: string) => (typeof body[name] === 'string' ? (body[name] as string) : '');
      const [current, fresh, again] = [field('current'), field('password'), field('again')];
      const key = `user:${user.id}`;
      const wait = wrongCurrent.wait(key);
      if (wait) {
        res.set('Retry-After', String(Math.ceil(wait / 1000)));
        return page(res, 429, undefined, word(lang, 'account.tooManyWrong', { minutes: waitMinutes(wait) }));
      }
      // Counted before the slow check, so that guesses sent at once see each other (as sign-in's).
      wrongCurrent.fail(key);
      const stored = findUser(deps.db, user.email);
      if (!stored || !(await verifyPassword(current, stored.passwordHash))) {
        process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event: 'password_change_refused', email: user.email }) + '\n');
        return refuse(400, word(lang, 'account.wrongCurrent'));
      }
      wrongCurrent.reset(key);
      const problem = passwordProblem(fresh, user.email);
      if (problem) return refuse(400, problem[lang]);
      if (fresh !== again) return refuse(400, word(lang, 'account.mismatch'));
      const hash = await hashPassword(fresh);
      // The lock is waited for here, after the two slow hashes, right before the write (write-wait.ts).
      if (!(await writeWait(req))) return;
      setUserPassword(deps.db, user.email, hash, res.locals.sessionIdHash as string);
      logAction(deps.db, { userId: user.id, email: user.email, action: 'password-change', target: `user:${user.id}`, now: new Date().toISOString() });
      say(res, word(lang, 'account.changed'));
      res.redirect(303, '/account');
    } catch (err) {
      next(err);
    }
  });

  // The new token is shown in this answer only (only its hash is kept), so this POST renders instead of redirecting.
  app.post('/account/feed-tokens', (req: Request, res: Response) => {
    writable(res);
    const user = res.locals.user as SessionUser;
    const raw = (req.body as Record<string, unknown>).label;
    const label = typeof raw === 'string' && raw.trim() ? raw.trim().slice(0, 100) : null;
    const { token, tokenHash } = newFeedToken();
    const now = new Date().toISOString();
    const id = insertFeedToken(deps.db, { userId: user.id, tokenHash, label, now });
    logAction(deps.db, { userId: user.id, email: user.email, action: 'feed-token', target: `user:${user.id}`, detail: { id, label }, now });
    page(res.set('Cache-Control', 'no-store'), 201, token);
  });

  app.post('/account/feed-tokens/:id/revoke', (req: Request, res: Response) => {
    writable(res);
    const user = res.locals.user as SessionUser;
    const id = parseId(req.params.id);
    const now = new Date().toISOString();
    if (id === undefined || !revokeFeedToken(deps.db, user.id, id, now)) throw new HttpError(404, word(pageLang(res.locals), 'account.noToken'));
    logAction(deps.db, { userId: user.id, email: user.email, action: 'feed-token-revoke', target: `user:${user.id}`, detail: { id }, now });
    say(res, word(pageLang(res.locals), 'account.tokenRevokedSaid'));
    res.redirect(303, '/account');
  });
}
