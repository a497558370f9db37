// Who is looking: the signed-in user the mount puts in res.locals (part A's sessions), and what they may do.
import type { Response } from 'express';
import { listFeedTokens, type Db } from '../../store/index.js';
import { word } from '../../present/words-web.js';
import { pageLang } from './form-helpers.js';

export interface Viewer {
  id: number;
  email: string;
  role: 'admin' | 'reviewer' | 'reader';
}

/** The template fields about the viewer: the user, the CSRF token and whether action forms are shown. */
export function viewer(res: Response): { user: Viewer | undefined; csrfToken: string | undefined; canAct: boolean } {
  const user = res.locals.user as Viewer | undefined;
  return { user, csrfToken: res.locals.csrfToken as string | undefined, canAct: user?.role === 'admin' || user?.role === 'reviewer' };
}

/** What the pages say about reading an output with a personal token: how many live tokens, and `output` with its place. */
export function feedNote(res: Response, db: Db, output: string): { live: number; example: string } | undefined {
  const user = res.locals.user as Viewer | undefined;
  if (!user) return undefined;
  const live = listFeedTokens(db, user.id).filter((t) => t.revokedAt === null).length;
  return { live, example: `${output}${output.includes('?') ? '&' : '?'}token=${word(pageLang(res.locals), 'feedNote.token')}` };
}
