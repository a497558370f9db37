// Marking items read, per person, as feed readers do: only by an explicit POST (any role: it is the person's own
// state), never by opening a page. Answers with a redirect back (post/redirect/get).
import type express from 'express';
import type { Request, Response } from 'express';
import { markItemsRead } from '../../store/index.js';
import { HttpError, localPath, say, type SessionUser } from '../auth/index.js';
import type { WebDeps } from '../deps.js';
import { wordsFor, type Say } from './form-helpers.js';
import { parseId } from '../../parse/id.js';

/** How many items one "mark all read" may carry (a page of the list is 50). */
const MAX_IDS = 200;

/** Item ids from a form: each field one id or several comma-separated (the list page sends its unread rows in one). */
function ids(raw: unknown, w: Say): number[] {
  const list = ([] as unknown[]).concat(raw ?? []).flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]));
  if (list.length > MAX_IDS) throw new HttpError(400, w('reads.tooMany', { max: MAX_IDS }));
  return list.map((v) => {
    const n = parseId(v);
    if (n === undefined) throw new HttpError(400, w('reads.badId', { raw: String(v) }));
    return n;
  });
}

export function mountReads(app: express.Express, deps: WebDeps): void {
  const mark = (pick: (req: Request, w: Say) => number[], fallback: (req: Request) => string) => (req: Request, res: Response) => {
    const w = wordsFor(res.locals);
    if (deps.readOnly) throw new HttpError(503, w('reads.readOnly'));
    const user = res.locals.user as SessionUser;
    const ids = pick(req, w);
    markItemsRead(deps.db, user.id, ids, new Date().toISOString());
    say(res, ids.length === 1 ? w('reads.one') : w('reads.many', { n: ids.length }));
    res.redirect(303, localPath((req.body as Record<string, unknown>).back, fallback(req)));
  };
  app.post('/items/:id/read', mark((req, w) => ids(req.params.id, w), (req) => `/items/${String(req.params.id)}`));
  app.post('/items/read', mark((req, w) => ids((req.body as Record<string, unknown>).ids, w), () => '/items'));
}
