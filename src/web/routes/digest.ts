// The network digest's draft for the secretariat (/digest): administrators edit it (remove, restore and reorder entries,
// an introduction), preview it as recipients see it, send a test to themselves, approve it and take the approval back
// until it is sent; legal reviewers see it
// read-only; administrators also see failed deliveries. Every change is a POST, recorded with who and when.
import crypto from 'node:crypto';
import type express from 'express';
import type { Request, Response } from 'express';
import {
  approveDigest, getDigest, lastSentDigest, listDraftEntries, openDigest, reorderEntries, setEntryRemoved, setIntro, unapproveDigest,
  type Section,
} from '../../store/digests.js';
import { listDeliveries } from '../../store/deliveries.js';
import { DISABLED_ACCOUNT, listSubscriptions } from '../../store/subscriptions.js';
import { listActions, logAction } from '../../store/index.js';
import { ensureDraft, networkDigest, type DigestEnv } from '../../mail/deliver.js';
import { digestEnv } from '../../mail/env.js';
import { mailConfig, type MailConfig } from '../../mail/config.js';
import { renderDigest, type RenderedMail } from '../../mail/render.js';
import { unsubscribeUrl } from '../../mail/unsubscribe.js';
import { WORDS } from '../../mail/words.js';
import { SendError, smtpTransport } from '../../mail/transport.js';
import type { Lang } from '../../model.js';
import { defaultFeedsDir } from '../../paths.js';
import { dateTime } from '../helpers.js';
import { word } from '../../present/words-web.js';
import { pageLang, wordsFor } from './form-helpers.js';
import { describeCron } from '../../present/cron-words.js';
import { HttpError, say, type SessionUser } from '../auth/index.js';
import type { WebDeps } from '../deps.js';
import { editorGroups, mailError, movedOrder, SECTIONS } from './digest-draft.js';
import { controlCharacter } from '../../app/control-chars.js';
import { parseId } from '../../parse/id.js';

/** The preview is a whole e-mail: its own policy allows its inline styles and nothing else (no script, no form). */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; sandbox allow-popups allow-popups-to-escape-sandbox";

/** The digest's settings and environment over the web's dependencies, or why they cannot be read. */
export function webDigest(deps: WebDeps): () => { config: MailConfig; env: DigestEnv } | { error: string } {
  let made: { config: MailConfig; env: DigestEnv } | undefined;
  return () => {
    if (made) return made;
    try {
      const config = deps.mail ?? mailConfig(process.env, deps.linkBase?.());
      made = { config, env: digestEnv({ db: deps.db, tagStage: null, feedsDir: deps.feedsDir ?? defaultFeedsDir }, config) };
      return made;
    } catch (err) {
      return { error: (err as Error).message };
    }
  };
}

const langOf = (v: unknown): Lang => (v === 'sv' ? 'sv' : 'fi');

/** A word of the signed-in person's language (the page's). */
const w = (res: Response, key: string, values?: Record<string, unknown>) => wordsFor(res.locals)(key, values);

export function mountDigest(app: express.Express, deps: WebDeps): void {
  const digest = webDigest(deps);
  const ready = (res: Response) => {
    const d = digest();
    if ('error' in d) throw new HttpError(500, w(res, 'digest.settingsError', { error: d.error }));
    return d;
  };
  const mayView: express.RequestHandler = (_req, res, next) => {
    const role = (res.locals.user as SessionUser).role;
    next(role === 'admin' || role === 'reviewer' ? undefined : new HttpError(403, w(res, 'digest.viewOnly')));
  };
  const mayEdit: express.RequestHandler = (_req, res, next) => {
    if ((res.locals.user as SessionUser).role !== 'admin') return next(new HttpError(403, w(res, 'digest.editOnly')));
    if (deps.readOnly) return next(new HttpError(503, w(res, 'action.readOnly')));
    next();
  };
  /** The network digest as it would go out now, rendered as recipients get it (the link to unsubscribe is a stand-in). */
  const rendered = (res: Response, lang: Lang): RenderedMail => {
    const { config, env } = ready(res);
    const { digest: d } = networkDigest(env, openDigest(deps.db), lang, new Date());
    return renderDigest(d, { baseUrl: config.baseUrl, unsubscribeUrl: unsubscribeUrl(config.baseUrl, 'esikatselu') });
  };
  const log = (res: Response, action: string, target: string, detail: Record<string, unknown> = {}) => {
    const user = res.locals.user as SessionUser;
    logAction(deps.db, { userId: user.id, email: user.email, action, target, detail, now: new Date().toISOString() });
  };
  /** The digest a POST names, in the state the action needs (a sent digest never changes). */
  const digestOf = (req: Request, res: Response, status: 'draft' | 'approved') => {
    const id = parseId(req.params.id);
    const d = id === undefined ? undefined : getDigest(deps.db, id);
    if (!d) throw new HttpError(404, w(res, 'digest.noSuch', { id: String(req.params.id) }));
    if (d.status === 'sent') throw new HttpError(409, w(res, 'digest.alreadySent', { id: d.id }));
    if (status === 'draft' && d.status !== 'draft') throw new HttpError(409, w(res, 'digest.alreadyApproved', { id: d.id }));
    if (status === 'approved' && d.status !== 'approved') throw new HttpError(409, w(res, 'digest.notApproved', { id: d.id }));
    return d;
  };
  const draftOf = (req: Request, res: Response) => digestOf(req, res, 'draft');

  app.get('/digest', mayView, (req, res) => {
    const d = digest();
    const ui = pageLang(res.locals);
    const title = word(ui, 'digest.title');
    if ('error' in d) return void res.status(500).render('pages/digest', { title, configError: d.error });
    const { config, env } = d;
    const now = new Date();
    const open = openDigest(deps.db);
    const built = open ? null : networkDigest(env, undefined, ui, now).digest;
    let groups = null;
    if (open) {
      const entries = listDraftEntries(deps.db, open.id);
      const shown = [networkDigest(env, open, ui, now).digest];
      // Removed entries are not in the edited digest: their titles come from one built now.
      if (entries.some((e) => e.removed)) shown.push(networkDigest(env, undefined, ui, now).digest);
      groups = editorGroups(entries, shown, ui === 'sv' ? { ...deps.goalLabels, ...deps.goalLabelsSv } : deps.goalLabels, ui);
    }
    const unapproved = open ? listActions(deps.db, `digest:${open.id}`).filter((a) => a.action === 'digest-unapprove').pop() : undefined;
    const network = listSubscriptions(deps.db, { active: true }).filter((s) => s.kind === 'network');
    const admin = (res.locals.user as SessionUser).role === 'admin';
    res.render('pages/digest', {
      title, open, groups, admin, editable: admin && open?.status === 'draft',
      unapproved: unapproved && { by: unapproved.email, at: unapproved.at }, unapprovable: admin && open?.status === 'approved',
      built: built && { empty: built.empty, respond: built.respond.length, moved: built.moved.length, items: built.groups.reduce((n, g) => n + g.items.length, 0) },
      last: lastSentDigest(deps.db) ?? null, smtp: !!config.smtpUrl, autoApprove: config.autoApprove, weekly: config.cron.weekly,
      weeklyWords: describeCron(config.cron.weekly, ui),
      recipients: { fi: network.filter((s) => s.lang === 'fi').length, sv: network.filter((s) => s.lang === 'sv').length },
      // The preview's language: asked for, else the person's own.
      lang: req.query.lang === undefined ? ui : langOf(req.query.lang),
      failures: admin ? failures(ui) : null,
    });
  });

  /** Deliveries given up or waiting for a retry, and subscriptions paused for failing, worded for people. */
  function failures(lang: Lang) {
    const failed = listDeliveries(deps.db, { status: 'failed', limit: 50 });
    const retrying = listDeliveries(deps.db, { status: 'pending', limit: 500 }).filter((x) => x.lastError);
    const rows = [...retrying, ...failed].map((x) => ({
      id: x.id, email: x.email, subject: x.subject, attempts: x.attempts, error: mailError(x.lastError, lang), technical: x.lastError,
      state: x.status === 'failed' ? word(lang, 'digest.givenUp') : word(lang, 'digest.retryAfter', { at: dateTime(x.nextAttemptAt, lang) }),
    }));
    // A disabled account's subscriptions are not failures (they read as paused until the account is enabled again).
    const paused = listSubscriptions(deps.db).filter((s) => s.pausedAt && !s.unsubscribedAt && s.pauseReason !== DISABLED_ACCOUNT)
      .map((s) => ({ id: s.id, email: s.email, at: s.pausedAt, reason: mailError(s.pauseReason, lang), technical: s.pauseReason }));
    return { rows, paused };
  }

  app.get('/digest/preview', mayView, (req, res) => {
    const mail = rendered(res, req.query.lang === undefined ? pageLang(res.locals) : langOf(req.query.lang));
    res.set({ 'Content-Security-Policy': PREVIEW_CSP, 'Cache-Control': 'no-store' }).type('html').send(mail.html);
  });

  app.post('/digest/draft', mayEdit, (_req, res) => {
    const made = ensureDraft(ready(res).env, new Date());
    if (!made) throw new HttpError(409, w(res, 'digest.nothingToDraft'));
    log(res, 'digest-draft', `digest:${made.id}`);
    res.redirect(303, '/digest');
  });

  app.post('/digest/:id/entries', mayEdit, (req, res) => {
    const d = draftOf(req, res);
    const body = req.body as Record<string, unknown>;
    const section = body.section as Section;
    const ref = body.ref;
    const what = body.do;
    if (!SECTIONS.includes(section) || typeof ref !== 'string') throw new HttpError(400, w(res, 'digest.missingEntry'));
    const entries = listDraftEntries(deps.db, d.id);
    if (!entries.some((e) => e.section === section && e.ref === ref)) throw new HttpError(404, w(res, 'digest.noEntry', { id: d.id, ref }));
    deps.db.transaction(() => {
      if (what === 'remove' || what === 'restore') setEntryRemoved(deps.db, d.id, section, ref, what === 'remove');
      else if (what === 'up' || what === 'down') {
        const order = movedOrder(entries, section, ref, what);
        if (order) reorderEntries(deps.db, d.id, section, order);
      } else throw new HttpError(400, w(res, 'digest.unknownDo', { what: String(what) }));
      log(res, `digest-${what}`, `digest:${d.id}`, { section, ref });
    })();
    res.redirect(303, `/digest#${section}-${ref}`);
  });

  app.post('/digest/:id/intro', mayEdit, (req, res) => {
    const d = draftOf(req, res);
    const body = req.body as Record<string, unknown>;
    // The Finnish introduction, and the Swedish one where the form has it (the field is left out: kept as it is).
    const text = (raw: unknown): string | null => {
      if (raw !== undefined && typeof raw !== 'string') throw new HttpError(400, w(res, 'digest.badIntro'));
      const intro = raw?.trim() ? raw.trim().replace(/\r\n/g, '\n') : null;
      if (intro && intro.length > 4000) throw new HttpError(400, w(res, 'digest.introTooLong', { n: intro.length }));
      // An escape stored in the introduction would go out in every recipient's message.
      const c = intro && controlCharacter(intro, { lines: true });
      if (c) throw new HttpError(400, w(res, 'action.control', { label: w(res, 'digest.intro'), code: c.code, at: c.at }));
      return intro;
    };
    const intro = text(body.intro);
    const introSv = body.intro_sv === undefined ? undefined : text(body.intro_sv);
    deps.db.transaction(() => {
      setIntro(deps.db, d.id, intro, introSv);
      log(res, 'digest-intro', `digest:${d.id}`, { length: intro?.length ?? 0, ...(introSv === undefined ? {} : { lengthSv: introSv?.length ?? 0 }) });
    })();
    res.redirect(303, '/digest#intro');
  });

  app.post('/digest/:id/approve', mayEdit, (req, res) => {
    const d = draftOf(req, res);
    const user = res.locals.user as SessionUser;
    deps.db.transaction(() => {
      approveDigest(deps.db, d.id, user.email, new Date().toISOString());
      log(res, 'digest-approve', `digest:${d.id}`);
    })();
    res.redirect(303, '/digest');
  });

  // Taken back before it went out (the send at the next ten-minute tick records it as sent in one transaction, after
  // which this is refused): a draft again, to edit and approve anew.
  app.post('/digest/:id/unapprove', mayEdit, (req, res) => {
    const d = digestOf(req, res, 'approved');
    const taken = deps.db.transaction(() => {
      if (!unapproveDigest(deps.db, d.id)) return false;
      log(res, 'digest-unapprove', `digest:${d.id}`, { approvedBy: d.approvedBy, approvedAt: d.approvedAt });
      return true;
    })();
    if (!taken) throw new HttpError(409, w(res, 'digest.sentMeanwhile', { id: d.id }));
    say(res, w(res, 'digest.unapproved', { id: d.id }));
    res.redirect(303, '/digest');
  });

  // A test to the signed-in person's own address, through the same renderer and sender; nothing is recorded as sent.
  app.post('/digest/test', mayEdit, async (req, res) => {
    const { config } = ready(res);
    if (!config.smtpUrl) throw new HttpError(409, w(res, 'digest.smtpMissing'));
    const lang = langOf((req.body as Record<string, unknown>).lang);
    const user = res.locals.user as SessionUser;
    const mail = rendered(res, lang);
    const transport = smtpTransport(config.smtpUrl);
    try {
      await transport.send({
        from: config.from, to: user.email, subject: `${WORDS[lang].test}: ${mail.subject}`, html: mail.html, text: mail.text,
        messageId: `<${crypto.randomUUID()}@lakivahti>`, unsubscribeUrl: unsubscribeUrl(config.baseUrl, 'esikatselu'), language: lang,
      });
    } catch (err) {
      const e = err as Error;
      const ui = pageLang(res.locals);
      throw new HttpError(502, word(ui, 'digest.testFailed', {
        email: user.email, why: mailError(e.message, ui), technical: err instanceof SendError ? e.message : word(ui, 'digest.unknownError'),
      }));
    } finally {
      transport.close();
    }
    log(res, 'digest-test', `user:${user.id}`, { lang, to: user.email });
    say(res, w(res, 'digest.testSent', { in: w(res, `lang.in.${lang}`), email: user.email }));
    res.redirect(303, '/digest');
  });
}
