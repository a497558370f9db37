// State changes as ordinary POST forms (no JavaScript needed): review an item, put a matter on the board, merge and
// split matters. Each checks the role (the CSRF token is checked for every POST before), is recorded with who and
// when, and answers with a redirect back (post/redirect/get).
import type express from 'express';
import type { Lang } from '../../model.js';
import type { Request, Response } from 'express';
import { boardAnchor, boardEntry, BOARD_STATUSES, CorrectionError, logAction, mergeMatters, saveBoardEntry, splitItem, type BoardStatus } from '../../store/index.js';
import { helsinkiDate, parseDate } from '../../parse/dates.js';
import { recordReview, ReviewError, type ReviewProblem } from '../../app/review.js';
import { HttpError, localPath, requireRole, say, type SessionUser } from '../auth/index.js';
import { httpUrl, pageLang } from './form-helpers.js';
import { word } from '../../present/words-web.js';
import { BOARD_STATUS_LABELS } from '../../present/board-status.js';
import { correctionRefusal } from '../../present/correction-error.js';
import type { WebDeps } from '../deps.js';
import { parseId } from '../../parse/id.js';
import { controlCharacter } from '../../app/control-chars.js';
import { dateTime } from '../helpers.js';

/** A word of the person's language for the messages below. */
type Say = (key: string, values?: Record<string, unknown>) => string;

/** A form's text field, trimmed (null: empty); `lines`: a text area, whose line breaks (CR LF as LF) and tabs are kept. */
const text = (body: Record<string, unknown>, name: string, max: number, label: string, w: Say, { lines = false } = {}): string | null => {
  const v = body[name];
  if (v === undefined || v === '') return null;
  if (typeof v !== 'string') throw new HttpError(400, w('action.badField', { label }));
  const t = lines ? v.trim().replace(/\r\n/g, '\n') : v.trim();
  if (t.length > max) throw new HttpError(400, w('action.tooLong', { label, max }));
  // A crafted form's escape or line break would be stored as typed and reach every page, terminal and log that shows it.
  const c = controlCharacter(t, { lines });
  if (c) throw new HttpError(400, w('action.control', { label, code: c.code, at: c.at }));
  return t || null;
};

const idParam = (req: Request, what: 'item' | 'matter', w: Say): number => {
  const id = parseId(req.params.id);
  if (id === undefined) throw new HttpError(404, w(what === 'item' ? 'action.noItem' : 'action.noMatter', { id: String(req.params.id) }));
  return id;
};

const numberField = (body: Record<string, unknown>, name: string, label: string, w: Say): number => {
  const raw = text(body, name, 20, label, w)?.replace(/^(#|asia\s*|ärende\s*)/i, '');
  const n = parseId(raw);
  if (n === undefined) throw new HttpError(400, w('action.number', { label, raw: raw ?? '' }));
  return n;
};

/** The board form's fields, checked; an error in the person's language names the field. */
function boardFields(body: Record<string, unknown>, w: Say) {
  const status = (body.status ?? 'new') as BoardStatus;
  if (!BOARD_STATUSES.includes(status)) throw new HttpError(400, w('action.unknownStatus', { status: String(body.status) }));
  const owner = text(body, 'owner', 200, w('board.owner'), w);
  const rawDate = text(body, 'internal_deadline', 20, w('board.internal'), w);
  const internalDeadline = rawDate === null ? null : parseDate(rawDate);
  if (internalDeadline === null && rawDate !== null) throw new HttpError(400, w('action.badDate', { raw: rawDate }));
  const rawUrl = text(body, 'response_url', 2000, w('board.responseLink'), w);
  const responseUrl = rawUrl === null ? null : httpUrl(rawUrl) || null;
  if (rawUrl !== null && !responseUrl) throw new HttpError(400, w('action.badUrl', { raw: rawUrl }));
  if (status === 'submitted' && !responseUrl) throw new HttpError(400, w('action.needUrl'));
  return { status, owner, internalDeadline: internalDeadline === null ? null : helsinkiDate(internalDeadline), responseUrl };
}

/** A decision that was not recorded: not found, a wrong value, or a conflict with a later review; each said as it is. */
const REVIEW_STATUS: Record<ReviewProblem, number> = { missing: 404, unknownGoal: 400, noGoal: 400, noReviewer: 400, control: 400, conflict: 409 };
const REVIEW_WORD: Record<ReviewProblem, string> = {
  missing: 'action.noItem', unknownGoal: 'action.unknownGoal', noGoal: 'action.chooseGoal', noReviewer: 'action.noReviewer', control: 'action.control',
  conflict: 'action.reviewConflict',
};

export function mountActions(app: express.Express, deps: WebDeps): void {
  const known = Object.keys(deps.goalLabels);
  /** A POST handler for reviewers and administrators: checked, run, logged, said in the person's language, and redirected back. */
  const action = (handle: (req: Request, user: SessionUser, now: string, w: Say, lang: Lang) => { back: string; done: string; log: { action: string; target: string; detail: Record<string, unknown> } }) =>
    [requireRole('admin', 'reviewer'), (req: Request, res: Response) => {
      const lang = pageLang(res.locals);
      const w: Say = (key, values) => word(lang, key, values);
      if (deps.readOnly) throw new HttpError(503, w('action.readOnly'));
      const user = res.locals.user as SessionUser;
      const now = new Date().toISOString();
      // IMMEDIATE: the write lock is taken first, waiting the connection's busy_timeout for a commit under way (a
      // transaction that read first and then meets the lock fails at once, without waiting).
      const { back, done } = deps.db.transaction(() => {
        const result = handle(req, user, now, w, lang);
        logAction(deps.db, { userId: user.id, email: user.email, now, ...result.log });
        return result;
      }).immediate();
      say(res, done);
      res.redirect(303, localPath((req.body as Record<string, unknown>).back, back));
    }];

  // Confirm or correct the goals, or mark not relevant, with an optional note: the CLI's `review`, the same path.
  app.post('/items/:id/review', ...action((req, user, _now, w, lang) => {
    const id = idParam(req, 'item', w);
    const body = req.body as Record<string, unknown>;
    const relevant = body.decision !== 'not-relevant';
    const goals = ([] as unknown[]).concat(body.goals ?? []).filter((g): g is string => typeof g === 'string');
    const note = text(body, 'note', 4000, w('review.noteField'), w, { lines: true });
    // The latest review the form showed ('none'): the item page's form says it; a form without it is not checked.
    const seenRaw = text(body, 'seen', 20, 'seen', w);
    const seen = seenRaw === null ? undefined : seenRaw === 'none' ? null : parseId(seenRaw) ?? NaN;
    if (Number.isNaN(seen)) throw new HttpError(400, w('action.badField', { label: 'seen' }));
    try {
      recordReview(deps.db, known, { itemId: id, reviewer: user.email, relevant, goals, note, seen });
    } catch (err) {
      if (err instanceof ReviewError) throw new HttpError(REVIEW_STATUS[err.problem], w(REVIEW_WORD[err.problem], { id, ...err.values,
        ...(err.problem === 'control' ? { label: w('review.noteField') } : { at: err.values.at && dateTime(err.values.at, lang) }) }));
      throw err;
    }
    const done = w(relevant ? 'action.reviewed' : 'action.reviewedNot', { id });
    return { back: `/items/${id}`, done, log: { action: 'review', target: `item:${id}`, detail: { relevant, goals, note } } };
  }));

  const board = (of: 'matter' | 'item') => action((req, user, now, w, lang) => {
    const id = idParam(req, of, w);
    const fields = boardFields(req.body as Record<string, unknown>, w);
    const anchor = boardAnchor(deps.db, of === 'matter' ? { matter: id } : { item: id });
    if (anchor === undefined) throw new HttpError(404, w(of === 'matter' ? 'action.noMatter' : 'action.noItem', { id }));
    // The entry as the form showed it ('none': not on the board yet): one changed since is not written over unseen, as
    // a review is not. A form without it (an older page) is not checked.
    const seen = text(req.body as Record<string, unknown>, 'seen', 40, 'seen', w);
    const stored = boardEntry(deps.db, anchor);
    if (seen !== null && seen !== (stored?.updatedAt ?? 'none'))
      throw new HttpError(409, w('action.boardConflict', { what: w(of === 'matter' ? 'board.matterNo' : 'board.itemNo', { n: id }),
        by: stored?.updatedBy ?? '?', at: stored ? dateTime(stored.updatedAt, lang) : '?' }));
    saveBoardEntry(deps.db, { itemId: anchor, ...fields, by: user.email, now });
    const done = w('action.boardSaved', { what: w(of === 'matter' ? 'board.matterNo' : 'board.itemNo', { n: id }), status: BOARD_STATUS_LABELS[lang][fields.status] });
    return { back: '/board', done, log: { action: 'board', target: `${of}:${id}`, detail: { ...fields, item: anchor } } };
  });
  app.post('/matters/:id/board', ...board('matter'));
  app.post('/items/:id/board', ...board('item'));

  // Merge and split: the store functions `lakivahti matter merge/split` use, recorded with who and when.
  const correct = (kind: 'merge' | 'split') => action((req, user, now, w, lang) => {
    const id = idParam(req, 'matter', w);
    const body = req.body as Record<string, unknown>;
    const other = numberField(body, kind === 'merge' ? 'other' : 'item', w(kind === 'merge' ? 'correct.mergeField' : 'correct.splitField'), w);
    const by = { reviewer: user.email, note: text(body, 'note', 4000, w('correct.reasonField'), w, { lines: true }), now };
    try {
      const r = kind === 'merge' ? mergeMatters(deps.db, id, other, by) : splitItem(deps.db, id, other, by);
      const done = kind === 'merge' ? w('action.merged', { a: id, b: other, c: r.matter }) : w('action.split', { item: other, id });
      return { back: `/matters/${kind === 'merge' ? r.matter : id}`, done, log: { action: kind, target: `matter:${id}`, detail: { other, correction: r.correction, matter: r.matter } } };
    } catch (err) {
      if (err instanceof CorrectionError) throw new HttpError(400, w(kind === 'merge' ? 'action.cannotMerge' : 'action.cannotSplit', { why: correctionRefusal(err.refusal, lang) }));
      throw err;
    }
  });
  app.post('/matters/:id/merge', ...correct('merge'));
  app.post('/matters/:id/split', ...correct('split'));
}
