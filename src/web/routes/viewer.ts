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

/** Each person's count of live feed tokens at one data version of the database (read again after any write). */
const liveTokens = new WeakMap<Db, { version: string; counts: Map<number, number> }>();

/**
 * What the pages say about reading an output with a personal token: how many live tokens, and `output` with its place.
 * `version`: the page's data version (store dataVersion): the count is then read once per person and version, not on
 * every page (tokens change only by writes, which move the version).
 */
export function feedNote(res: Response, db: Db, output: string, version?: string): { live: number; example: string } | undefined {
  const user = res.locals.user as Viewer | undefined;
  if (!user) return undefined;
  return { live: liveTokenCount(db, user.id, version), example: `${output}${output.includes('?') ? '&' : '?'}token=${word(pageLang(res.locals), 'feedNote.token')}` };
}

function liveTokenCount(db: Db, userId: number, version: string | undefined): number {
  const read = () => listFeedTokens(db, userId).filter((t) => t.revokedAt === null).length;
  if (version === undefined) return read();
  let kept = liveTokens.get(db);
  if (kept?.version !== version) liveTokens.set(db, (kept = { version, counts: new Map() }));
  let n = kept.counts.get(userId);
  if (n === undefined) kept.counts.set(userId, (n = read()));
  return n;
}
