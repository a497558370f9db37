// Subscriptions to the digest (/subscriptions): anyone adds, edits and removes their own (what to follow, how often, in
// which language), administrators anyone's, with the rules of `lakivahti subscriptions add`; "Follow this matter" on a matter's
// page subscribes to it immediately. Every change is a POST, recorded with who and when.
import type express from 'express';
import type { Request, Response } from 'express';
import { findUser, matterTitle, listOrganisations, logAction } from '../../store/index.js';
import {
  DISABLED_ACCOUNT, getSubscription, insertSubscription, listSubscriptions, resumeSubscription, unsubscribe, updateSubscription, type Subscription,
} from '../../store/subscriptions.js';
import {
  checkSubscription, mergedMatters, storedRules, SubscriptionError, unknownOrganisations, type CheckedSubscription, type SubscriptionRequest,
  type SubscriptionRules,
} from '../../app/subscription-form.js';
import { HttpError, localPath, say, type SessionUser } from '../auth/index.js';
import type { WebDeps } from '../deps.js';
import { mailError } from './digest-draft.js';
import { pageLang, wordsFor } from './form-helpers.js';
import { word } from '../../present/words-web.js';
import { organisationChoices } from '../../app/organisations.js';
import { parseId } from '../../parse/id.js';
import { sourceNameIn, type Lang } from '../../model.js';

/** A word of the signed-in person's language (the page's). */
const w = (res: Response, key: string, values?: Record<string, unknown>) => wordsFor(res.locals)(key, values);

/** The form's fields as typed, to show again with an error (or an existing subscription's, to edit). */
interface FormValues {
  email: string;
  kind: 'personal' | 'network';
  goals: string[];
  sources: string[];
  /** Organisations ticked in the list. */
  organisations: string[];
  /** One more, typed (an organisation no stored item names yet). */
  organisation: string;
  matters: string;
  search: string;
  every: string;
  lang: string;
}

const list = (v: unknown): string[] => ([] as unknown[]).concat(v ?? []).filter((x): x is string => typeof x === 'string' && x !== '');
const field = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Whether a subscription is this person's own: made for their account, or to their address. */
const owns = (s: Subscription, user: SessionUser) => s.userId === user.id || s.email.toLowerCase() === user.email.toLowerCase();

/** A stored subscription as the form shows it for editing. */
const formOf = (s: Subscription): FormValues => ({
  email: s.email, kind: s.kind, goals: s.goals, sources: s.sources, organisations: s.organisations, organisation: '',
  matters: s.matters.join(', '), search: s.search ?? '', every: s.every, lang: s.lang,
});

/** The form as posted; `editing`: the subscription being changed (its kind stays, and its address unless an administrator changes it). */
function readForm(res: Response, body: Record<string, unknown>, user: SessionUser, editing?: Subscription): FormValues {
  const own = editing?.email ?? user.email;
  if (user.role !== 'admin' && body.email !== undefined && field(body.email).trim().toLowerCase() !== own.toLowerCase())
    throw new HttpError(403, w(res, 'subs.othersOnly'));
  return {
    email: user.role === 'admin' ? field(body.email).trim() || own : own,
    kind: editing?.kind ?? (body.kind === 'network' ? 'network' : 'personal'), goals: list(body.goals), sources: list(body.sources),
    organisations: list(body.organisations), organisation: field(body.organisation), matters: field(body.matters),
    search: field(body.search), every: field(body.every), lang: field(body.lang),
  };
}

/** What the form asks for, in the terms of `subscriptions add`. */
const requestOf = (f: FormValues): SubscriptionRequest => ({
  email: f.email, network: f.kind === 'network', goals: f.goals, sources: f.sources,
  organisations: [...f.organisations, f.organisation], matters: f.matters.split(/[\s,;]+/).filter(Boolean),
  search: f.search, every: f.kind === 'network' ? 'weekly' : f.every, lang: f.lang,
});

export function mountSubscriptions(app: express.Express, deps: WebDeps): void {
  const defs = new Map(deps.sources.map((s) => [s.id, s]));
  /** A source's name in the page's language: its Swedish name on a Swedish page where its definition gives one. */
  const sourceName = (id: string, lang: Lang): string => {
    const def = defs.get(id);
    return def ? sourceNameIn(def, lang) : id;
  };
  const rules = (): SubscriptionRules => storedRules(deps.db, deps.sources, Object.keys(deps.goalLabels));
  const writable = (res: Response) => {
    if (deps.readOnly) throw new HttpError(503, w(res, 'action.readOnly'));
  };
  const log = (user: SessionUser, action: string, target: string, detail: Record<string, unknown>) =>
    logAction(deps.db, { userId: user.id, email: user.email, action, target, detail, now: new Date().toISOString() });

  /** A subscription as the page in `lang` lists it. */
  const row = (lang: Lang) => (s: Subscription) => ({
    id: s.id, email: s.email, network: s.kind === 'network', every: word(lang, `every.${s.every}`), lang: word(lang, `lang.in.${s.lang}`),
    goals: s.goals.map((g) => (lang === 'sv' ? deps.goalLabelsSv?.[g] : undefined) ?? deps.goalLabels[g] ?? g), sources: s.sources.map((x) => sourceName(x, lang)),
    organisations: s.organisations, matters: s.matters, search: s.search,
    paused: s.pausedAt ? mailError(s.pauseReason, lang) : null,
    // Paused because the recipient's account is disabled: it resumes when the account does, not by this button.
    resumable: !!s.pausedAt && s.pauseReason !== DISABLED_ACCOUNT,
  });

  /** The page: the lists, and the form (a new subscription, or `editing` one). */
  const page = (res: Response, status: number, form: FormValues, errors: string[] = [], editing?: Subscription) => {
    const user = res.locals.user as SessionUser;
    const admin = user.role === 'admin';
    const lang = pageLang(res.locals);
    const active = listSubscriptions(deps.db).filter((s) => !s.unsubscribedAt);
    const mine = active.filter((s) => owns(s, user));
    const sources = rules().sources.map((id) => ({ id, name: sourceName(id, lang) }));
    // Those the items name, and any this subscription follows that no item names any more.
    const organisations = organisationChoices(listOrganisations(deps.db), form.organisations);
    res.status(status).render('pages/subscriptions', {
      title: editing ? word(lang, 'subs.editTitle', { id: editing.id }) : word(lang, 'subs.title'), admin, form, errors, sources, organisations,
      editing: editing && { id: editing.id, network: editing.kind === 'network' },
      mine: mine.map(row(lang)), others: admin ? active.filter((s) => !owns(s, user)).map(row(lang)) : [],
    });
  };
  const empty = (user: SessionUser): FormValues => ({
    email: user.email, kind: 'personal', goals: [], sources: [], organisations: [], organisation: '', matters: '', search: '', every: 'weekly', lang: 'fi',
  });
  /** The form checked by the rules of `subscriptions add`, or the page again with the error in the person's language. */
  const check = (res: Response, form: FormValues, editing?: Subscription) => {
    try {
      const checked = checkSubscription(requestOf(form), rules());
      const taken = checked.kind === 'network' && listSubscriptions(deps.db, { email: checked.email })
        .some((s) => s.kind === 'network' && !s.unsubscribedAt && s.id !== editing?.id);
      if (!taken) return checked;
      page(res, 400, form, [w(res, 'subs.hasNetwork', { email: checked.email })], editing);
    } catch (err) {
      if (!(err instanceof SubscriptionError)) throw err;
      page(res, 400, form, [w(res, err.word, err.values)], editing);
    }
    return undefined;
  };

  /**
   * The saved page says which followed organisations no stored item names, and which matter numbers typed were merged
   * into another (followed in their place), as `subscriptions add` does on stderr.
   */
  const unknownNote = (res: Response, checked: CheckedSubscription, form: FormValues): string => {
    const unknown = unknownOrganisations(deps.db, checked.organisations);
    return [
      ...mergedMatters(deps.db, requestOf(form).matters).map(({ asked, into }) => w(res, 'subs.mergedMatter', { asked, into })),
      unknown.length ? w(res, 'subs.unknownOrganisation', { names: unknown.map((o) => `"${o}"`).join(', ') }) : '',
    ].filter(Boolean).join(' ');
  };

  app.get('/subscriptions', (_req, res) => page(res, 200, empty(res.locals.user as SessionUser)));

  app.post('/subscriptions', (req: Request, res: Response) => {
    writable(res);
    const user = res.locals.user as SessionUser;
    const form = readForm(res, req.body as Record<string, unknown>, user);
    const checked = check(res, form);
    if (!checked) return;
    const userId = checked.email.toLowerCase() === user.email.toLowerCase() ? user.id : (findUser(deps.db, checked.email)?.id ?? null);
    const id = deps.db.transaction(() => {
      const made = insertSubscription(deps.db, { ...checked, userId, createdBy: user.email, now: new Date().toISOString() });
      log(user, 'subscribe', `subscription:${made}`, { ...checked });
      return made;
    })();
    const note = unknownNote(res, checked, form);
    if (note) say(res, note);
    res.redirect(303, `/subscriptions#subscription-${id}`);
  });

  /** The subscription a POST names, if this person may change it. */
  const target = (req: Request, res: Response, adminOnly: boolean): Subscription => {
    const user = res.locals.user as SessionUser;
    const id = parseId(req.params.id);
    const s = id === undefined ? undefined : getSubscription(deps.db, id);
    const allowed = s && (user.role === 'admin' || (!adminOnly && owns(s, user)));
    if (!s || (!allowed && !adminOnly)) throw new HttpError(404, w(res, 'subs.noSuch', { id: String(req.params.id) }));
    if (!allowed) throw new HttpError(403, w(res, 'subs.resumeAdmin'));
    return s;
  };

  // Editing keeps the subscription's number and watermark: what was sent is not sent again, nothing falls between.
  /** The subscription to edit: this person's (or anyone's, for an administrator), not ended. */
  const editable = (req: Request, res: Response) => {
    const s = target(req, res, false);
    if (s.unsubscribedAt) throw new HttpError(409, w(res, 'subs.ended', { id: s.id }));
    return s;
  };

  app.get('/subscriptions/:id/edit', (req, res) => {
    const s = editable(req, res);
    page(res, 200, formOf(s), [], s);
  });

  app.post('/subscriptions/:id', (req, res) => {
    writable(res);
    const s = editable(req, res);
    const user = res.locals.user as SessionUser;
    const form = readForm(res, req.body as Record<string, unknown>, user, s);
    const checked = check(res, form, s);
    if (!checked) return;
    const userId = checked.email.toLowerCase() === s.email.toLowerCase() ? s.userId
      : checked.email.toLowerCase() === user.email.toLowerCase() ? user.id : (findUser(deps.db, checked.email)?.id ?? null);
    deps.db.transaction(() => {
      updateSubscription(deps.db, s.id, { ...checked, userId });
      const { email, every, lang, goals, sources, organisations, matters, search } = s;
      log(user, 'edit-subscription', `subscription:${s.id}`, { before: { email, every, lang, goals, sources, organisations, matters, search }, after: checked });
    })();
    say(res, [w(res, 'subs.saved', { id: s.id }), unknownNote(res, checked, form)].filter(Boolean).join(' '));
    res.redirect(303, `/subscriptions#subscription-${s.id}`);
  });

  app.post('/subscriptions/:id/remove', (req, res) => {
    writable(res);
    const s = target(req, res, false);
    deps.db.transaction(() => {
      unsubscribe(deps.db, s.id, new Date().toISOString());
      log(res.locals.user as SessionUser, 'unsubscribe', `subscription:${s.id}`, { email: s.email });
    })();
    res.redirect(303, localPath((req.body as Record<string, unknown>).back, '/subscriptions'));
  });

  // An administrator fixed the address (or the mail server): the paused subscription is sent to again.
  app.post('/subscriptions/:id/resume', (req, res) => {
    writable(res);
    const s = target(req, res, true);
    deps.db.transaction(() => {
      resumeSubscription(deps.db, s.id);
      log(res.locals.user as SessionUser, 'resume-subscription', `subscription:${s.id}`, { email: s.email });
    })();
    res.redirect(303, localPath((req.body as Record<string, unknown>).back, '/subscriptions'));
  });

  /** The person's active subscription that follows this matter, if any. */
  const following = (user: SessionUser, matter: number) =>
    listSubscriptions(deps.db, { email: user.email }).find((s) => !s.unsubscribedAt && s.kind === 'personal' && s.matters.includes(matter));

  // The matter page shows whether the person follows it (its partial reads res.locals.follow).
  app.get('/matters/:id', (req, res, next) => {
    const id = parseId(req.params.id);
    if (id !== undefined) res.locals.follow = { matter: id, subscription: following(res.locals.user as SessionUser, id)?.id ?? null };
    next();
  });

  // Follow a matter: its new stages, deadline moves and documents by e-mail as soon as they are seen.
  app.post('/matters/:id/follow', (req, res) => {
    writable(res);
    const user = res.locals.user as SessionUser;
    const id = parseId(req.params.id);
    if (id === undefined || matterTitle(deps.db, id) === undefined) throw new HttpError(404, w(res, 'matter.noSuch', { id: String(req.params.id) }));
    if (!following(user, id)) {
      const checked = checkSubscription({ email: user.email, network: false, goals: [], sources: [], organisations: [], matters: [String(id)], every: 'immediately' }, rules());
      deps.db.transaction(() => {
        const made = insertSubscription(deps.db, { ...checked, userId: user.id, createdBy: user.email, now: new Date().toISOString() });
        log(user, 'follow-matter', `subscription:${made}`, { matter: id });
      })();
    }
    res.redirect(303, `/matters/${id}#follow`);
  });
}
