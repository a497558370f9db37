// State changes as ordinary POST forms (no JavaScript needed): review an item, put a matter on the board, merge and
// split matters. Each checks the role (the CSRF token is checked for every POST before), is recorded with who and
// when, and answers with a redirect back (post/redirect/get).
import type express from 'express';
import type { Request, Response } from 'express';
import { boardAnchor, BOARD_STATUSES, CorrectionError, logAction, mergeMatters, saveBoardEntry, splitItem, type BoardStatus } from '../../store/index.js';
import { helsinkiDate, parseDate } from '../../parse/dates.js';
import { recordReview, ReviewError } from '../../app/review.js';
import { HttpError, localPath, requireRole, say, type SessionUser } from '../auth/index.js';
import { httpUrl, STATUS_LABELS } from './form-helpers.js';
import type { WebDeps } from '../deps.js';

const text = (body: Record<string, unknown>, name: string, max: number, label: string): string | null => {
  const v = body[name];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string') throw new HttpError(400, `Kenttä "${label}" on annettu väärin.`);
  const t = v.trim();
  if (t.length > max) throw new HttpError(400, `Kentässä "${label}" voi olla enintään ${max} merkkiä.`);
  return t || null;
};

const idParam = (req: Request, what: string): number => {
  const id = Number(req.params.id);
  if (!Number.isSafeInteger(id) || id < 1) throw new HttpError(404, `Ei ${what} numerolla ${String(req.params.id)}.`);
  return id;
};

const numberField = (body: Record<string, unknown>, name: string, label: string): number => {
  const raw = text(body, name, 20, label)?.replace(/^(#|asia\s*)/i, '');
  const n = Number(raw);
  if (!raw || !Number.isSafeInteger(n) || n < 1) throw new HttpError(400, `Anna kenttään "${label}" numero (nyt "${raw ?? ''}").`);
  return n;
};

/** The board form's fields, checked; a Finnish error names the field. */
function boardFields(body: Record<string, unknown>) {
  const status = (body.status ?? 'new') as BoardStatus;
  if (!BOARD_STATUSES.includes(status)) throw new HttpError(400, `Tuntematon tila "${String(body.status)}".`);
  const owner = text(body, 'owner', 200, 'Vastuuhenkilö');
  const rawDate = text(body, 'internal_deadline', 20, 'Sisäinen määräaika');
  const internalDeadline = rawDate === null ? null : parseDate(rawDate);
  if (internalDeadline === null && rawDate !== null) throw new HttpError(400, `Sisäinen määräaika "${rawDate}" ei ole päivämäärä (esim. 15.1.2027).`);
  const rawUrl = text(body, 'response_url', 2000, 'Vastauksen linkki');
  const responseUrl = rawUrl === null ? null : httpUrl(rawUrl) || null;
  if (rawUrl !== null && !responseUrl) throw new HttpError(400, `Vastauksen linkin on alettava http:// tai https:// (nyt "${rawUrl}").`);
  if (status === 'submitted' && !responseUrl) throw new HttpError(400, 'Lähetetylle vastaukselle tarvitaan linkki vastaukseen.');
  return { status, owner, internalDeadline: internalDeadline === null ? null : helsinkiDate(internalDeadline), responseUrl };
}

export function mountActions(app: express.Express, deps: WebDeps): void {
  const known = Object.keys(deps.goalLabels);
  /** A POST handler for reviewers and administrators: checked, run, logged, said in Finnish, and redirected back. */
  const action = (handle: (req: Request, user: SessionUser, now: string) => { back: string; done: string; log: { action: string; target: string; detail: Record<string, unknown> } }) =>
    [requireRole('admin', 'reviewer'), (req: Request, res: Response) => {
      if (deps.readOnly) throw new HttpError(503, 'Tietokantaan ei voi nyt kirjoittaa, joten muutoksia ei voi tallentaa.');
      const user = res.locals.user as SessionUser;
      const now = new Date().toISOString();
      const { back, done } = deps.db.transaction(() => {
        const result = handle(req, user, now);
        logAction(deps.db, { userId: user.id, email: user.email, now, ...result.log });
        return result;
      })();
      say(res, done);
      res.redirect(303, localPath((req.body as Record<string, unknown>).back, back));
    }];

  // Confirm or correct the goals, or mark not relevant, with an optional note: the CLI's `review`, the same path.
  app.post('/items/:id/review', ...action((req, user) => {
    const id = idParam(req, 'kohdetta');
    const body = req.body as Record<string, unknown>;
    const relevant = body.decision !== 'not-relevant';
    const goals = ([] as unknown[]).concat(body.goals ?? []).filter((g): g is string => typeof g === 'string');
    const unknown = goals.find((g) => !known.includes(g));
    if (unknown) throw new HttpError(400, `Tuntematon tavoite "${unknown}".`);
    if (relevant && !goals.length) throw new HttpError(400, 'Valitse vähintään yksi tavoite, tai merkitse kohde verkostolle kuulumattomaksi.');
    const note = text(body, 'note', 4000, 'Huomautus');
    try {
      recordReview(deps.db, known, { itemId: id, reviewer: user.email, relevant, goals, note });
    } catch (err) {
      if (err instanceof ReviewError) throw new HttpError(404, `Kohdetta #${id} ei ole.`);
      throw err;
    }
    const done = relevant ? `Tarkistus tallennettu: kohteen #${id} tavoitteet on vahvistettu.` : `Tarkistus tallennettu: kohde #${id} ei koske verkostoa.`;
    return { back: `/items/${id}`, done, log: { action: 'review', target: `item:${id}`, detail: { relevant, goals, note } } };
  }));

  const board = (of: 'matter' | 'item') => action((req, user, now) => {
    const id = idParam(req, of === 'matter' ? 'asiaa' : 'kohdetta');
    const fields = boardFields(req.body as Record<string, unknown>);
    const anchor = boardAnchor(deps.db, of === 'matter' ? { matter: id } : { item: id });
    if (anchor === undefined) throw new HttpError(404, of === 'matter' ? `Asiaa ${id} ei ole.` : `Kohdetta #${id} ei ole.`);
    saveBoardEntry(deps.db, { itemId: anchor, ...fields, by: user.email, now });
    const done = `Yhteisvastauksen tiedot tallennettu (${of === 'matter' ? `asia ${id}` : `kohde #${id}`}: ${STATUS_LABELS[fields.status]}).`;
    return { back: '/board', done, log: { action: 'board', target: `${of}:${id}`, detail: { ...fields, item: anchor } } };
  });
  app.post('/matters/:id/board', ...board('matter'));
  app.post('/items/:id/board', ...board('item'));

  // Merge and split: the store functions `lakivahti matter merge/split` use, recorded with who and when.
  const correct = (kind: 'merge' | 'split') => action((req, user, now) => {
    const id = idParam(req, 'asiaa');
    const body = req.body as Record<string, unknown>;
    const other = numberField(body, kind === 'merge' ? 'other' : 'item', kind === 'merge' ? 'Yhdistettävä asia' : 'Erotettava kohde');
    const by = { reviewer: user.email, note: text(body, 'note', 4000, 'Perustelu'), now };
    try {
      const r = kind === 'merge' ? mergeMatters(deps.db, id, other, by) : splitItem(deps.db, id, other, by);
      const done = kind === 'merge' ? `Asiat ${id} ja ${other} yhdistettiin asiaksi ${r.matter}.` : `Kohde #${other} erotettiin asiasta ${id}.`;
      return { back: `/matters/${kind === 'merge' ? r.matter : id}`, done, log: { action: kind, target: `matter:${id}`, detail: { other, correction: r.correction, matter: r.matter } } };
    } catch (err) {
      if (err instanceof CorrectionError) throw new HttpError(400, `${kind === 'merge' ? 'Asioita ei voitu yhdistää' : 'Kohdetta ei voitu erottaa'}: ${err.message}.`);
      throw err;
    }
  });
  app.post('/matters/:id/merge', ...correct('merge'));
  app.post('/matters/:id/split', ...correct('split'));
}
