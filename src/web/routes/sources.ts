// The sources (/sources): each one's health — last run, status, the error in plain words, items, next check — and
// for administrators pause, resume and crawl now (POST forms; the scheduler and `crawl` skip a paused source).
import type express from 'express';
import type { Request, RequestHandler, Response } from 'express';
import { countItemsBySource, listPausedSources, listSourceStates, logAction, setSourcePaused } from '../../store/index.js';
import { HttpError, requireRole, say, type SessionUser } from '../auth/index.js';
import type { WebDeps } from '../deps.js';
import type { PageContext } from './context.js';
import { safeHref } from './item.js';
import { healthLine, sourceHealth } from './source-health.js';
import { viewer } from './viewer.js';
import { sourceNameIn } from '../../model.js';
import { word } from '../../present/words-web.js';
import { pageLang, wordsFor, type Say } from './form-helpers.js';
import { wholeNumber } from '../../app/format.js';

/**
 * A source's address as the page links it: without the user name and password a feed behind Basic authorization is
 * defined with (the fetch sends them; every signed-in reader sees this page). Not mail/config.ts's: that one quotes an
 * SMTP_URL that may not parse, keeping its user name for the operator and marking the password with "…".
 */
function withoutPassword(url: string): string {
  try {
    const u = new URL(url);
    if (!u.username && !u.password) return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

export function sourcesPage(ctx: PageContext): RequestHandler {
  return (_req, res) => {
    const { db } = ctx.deps;
    const lang = pageLang(res.locals);
    const health = sourceHealth(ctx.deps.sources, listSourceStates(db), lang);
    const counts = countItemsBySource(db);
    const paused = listPausedSources(db);
    const who = viewer(res);
    res.render('pages/sources', {
      title: word(lang, 'sources.title'), ...who, isAdmin: who.user?.role === 'admin', canCrawl: ctx.deps.crawlNow !== undefined,
      line: healthLine(health, ctx.deps.configErrors.length, lang),
      configErrors: ctx.deps.configErrors,
      sources: health.map((s) => ({
        id: s.def.id, name: sourceNameIn(s.def, lang), href: safeHref(withoutPassword(s.def.url)), url: withoutPassword(s.def.url), verified: s.def.verified !== false,
        health: s.health, statusText: s.statusText, error: s.error, technical: s.health === 'failing' ? s.state?.lastError : null,
        lastRunAt: s.state?.lastRunAt ?? null, lastSuccessAt: s.state?.lastSuccessAt ?? null, nextRunAt: s.state?.nextRunAt ?? null,
        errorCount: s.state?.errorCount ?? 0, items: wholeNumber(counts.get(s.def.id) ?? 0),
        itemsHref: `/items?source=${encodeURIComponent(s.def.id)}`, paused: paused.get(s.def.id) ?? null,
      })),
    });
  };
}

/** Pause, resume and crawl now: administrators only, each recorded with who and when, then back to /sources saying what was done (the word's key). */
export function mountSourceActions(app: express.Express, deps: WebDeps): void {
  const defs = new Map(deps.sources.map((s) => [s.id, s]));
  /** `act` refuses in the person's language (`w`, the source named in it) and returns the key of the word that says what was done. */
  const action = (name: string, act: (id: string, user: SessionUser, now: string, w: Say, sourceName: string) => string) => [
    requireRole('admin'),
    (req: Request, res: Response) => {
      const id = String(req.params.id);
      const w = wordsFor(res.locals);
      if (!defs.has(id)) throw new HttpError(404, w('sources.unknown', { id }));
      const user = res.locals.user as SessionUser;
      const now = new Date().toISOString();
      const sourceName = sourceNameIn(defs.get(id)!, pageLang(res.locals));
      const done = act(id, user, now, w, sourceName);
      if (!deps.readOnly) logAction(deps.db, { userId: user.id, email: user.email, action: name, target: `source:${id}`, now });
      say(res, w(done, { name: sourceName }));
      res.redirect(303, '/sources');
    },
  ];
  const writable = (w: Say) => {
    if (deps.readOnly) throw new HttpError(503, w('action.readOnly'));
  };
  app.post('/sources/:id/pause', ...action('source-pause', (id, user, now, w) => {
    writable(w);
    setSourcePaused(deps.db, id, { by: user.email, at: now });
    return 'sources.pausedSaid';
  }));
  app.post('/sources/:id/resume', ...action('source-resume', (id, _user, _now, w) => {
    writable(w);
    setSourcePaused(deps.db, id, null);
    return 'sources.resumedSaid';
  }));
  app.post('/sources/:id/crawl', ...action('source-crawl', (id, _user, _now, w, name) => {
    if (listPausedSources(deps.db).has(id)) throw new HttpError(409, w('sources.pausedFirst', { name }));
    if (!deps.crawlNow) throw new HttpError(503, w('sources.noCrawls'));
    if (!deps.crawlNow(id)) throw new HttpError(503, w('sources.stopping'));
    return 'sources.crawlSaid';
  }));
}
