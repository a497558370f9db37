// One-click unsubscribe (/unsubscribe/:token): the signed token is the authority, so no session or form token is
// needed. GET asks for confirmation (a link opened by a mail scanner must not unsubscribe); POST, which mail clients
// send by RFC 8058 (List-Unsubscribe-Post), unsubscribes, and doing it twice is the same as once. The page speaks the
// subscription's language.
import type express from 'express';
import type { WebDeps } from '../deps.js';
import { getSubscription, stillSending, unsubscribe } from '../../store/subscriptions.js';
import { existingUnsubscribeSecret, verifyUnsubscribe } from '../../mail/unsubscribe.js';
import { word } from '../../present/words-web.js';

export function mountUnsubscribe(app: express.Express, deps: WebDeps): void {
  const find = (token: unknown) => {
    const secret = existingUnsubscribeSecret(deps.db);
    const id = secret && typeof token === 'string' ? verifyUnsubscribe(secret, token) : null;
    return id === null ? undefined : getSubscription(deps.db, id);
  };
  // A link nobody recognises says so in both languages: whose it was, and so in which language they read, is unknown.
  const invalid = (res: express.Response) =>
    res.status(404).render('unsubscribe', {
      title: `${word('fi', 'unsub.invalid')} – ${word('sv', 'unsub.invalidTitle')}`, invalid: true,
      sv: { heading: word('sv', 'unsub.invalid'), lead: word('sv', 'unsub.invalidLead') },
    });

  app.get('/unsubscribe/:token', (req, res) => {
    const sub = find(req.params.token);
    if (!sub) return void invalid(res);
    res.render('unsubscribe', { title: word(sub.lang, 'unsub.askTitle'), uiLang: sub.lang, email: sub.email, network: sub.kind === 'network', done: !stillSending(deps.db, sub.id) });
  });

  app.post('/unsubscribe/:token', (req, res) => {
    const sub = find(req.params.token);
    if (!sub) return void invalid(res);
    if (deps.readOnly) return void res.status(503).render('unsubscribe', { title: word(sub.lang, 'unsub.unavailableTitle'), uiLang: sub.lang, unavailable: true });
    unsubscribe(deps.db, sub.id, new Date().toISOString());
    res.render('unsubscribe', { title: word(sub.lang, 'unsub.doneTitle'), uiLang: sub.lang, email: sub.email, network: sub.kind === 'network', done: true });
  });
}
