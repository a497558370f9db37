// What every output for other tools reads from its request: where its links lead, the requester's language, the
// items filter (a 400 naming each problem), and the request's address without the personal feed token.
import net from 'node:net';
import type { Lang } from '../../model.js';
import type { Request, Response } from 'express';
import { activeUser } from '../../store/index.js';
import type { PageContext } from './context.js';
import { parseItemQuery } from './item-query.js';
import type { SessionUser } from '../auth/index.js';

/**
 * Where the feeds' and the calendar's links lead: LAKIVAHTI_BASE_URL as serve read it at start (as the messages link),
 * else the address this connection reached serve at, by the scheme the trusted proxy says (req.protocol). Never the
 * request's Host or X-Forwarded-Host, which the client writes: whoever asked with `Host: evil.example` got a feed
 * linking there.
 */
export function origin(ctx: PageContext, req: Request): string {
  const configured = ctx.deps.baseUrl ?? ctx.deps.mail?.baseUrl;
  if (configured) return configured;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `${req.protocol}://${net.isIPv6(address) ? `[${address}]` : address}:${req.socket.localPort}`;
}

/** The requester's language: the signed-in person's, or the feed token owner's as they chose it on /account. */
export function requesterLang(ctx: PageContext, res: Response): Lang {
  const user = res.locals.user as SessionUser | undefined;
  if (user) return user.lang === 'sv' ? 'sv' : 'fi';
  const owner = res.locals.feedUser as SessionUser | undefined;
  return owner && activeUser(ctx.deps.db, owner.id)?.language === 'sv' ? 'sv' : 'fi';
}

/** The filter of an output request, or a 400 in plain text in `lang` naming each problem. */
export function filterOf(ctx: PageContext, req: Request, res: Response, lang: Lang) {
  const parsed = parseItemQuery(req.query as Record<string, unknown>, ctx.known, lang);
  if (parsed.errors.length) {
    res.status(400).type('text/plain; charset=utf-8').send(parsed.errors.join('\n') + '\n');
    return undefined;
  }
  // Unread by whom: the signed-in person, or the owner of the feed token.
  const who = (res.locals.user ?? res.locals.feedUser) as { id: number } | undefined;
  if (parsed.unread && who) parsed.filter.unreadBy = who.id;
  return parsed.filter;
}

/** `url` (a path with its query) without the personal feed token: what names the feed whoever's token reads it. */
export function withoutToken(url: string): string {
  const [path, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.delete('token');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}
