// The express app: security headers, static files, sessions and the sign-in gate, then one handler per page.
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { formatBytes } from '../bytes.js';
import { viewsDir } from '../paths.js';
import { checkDb, isBusy, openDb, readVersions, type Db } from '../store/index.js';
import { diskFull } from '../store/disk-space.js';
import { writeFailure, type WriteFailure } from '../store/write-failure.js';
import type { WebDeps } from './deps.js';
import { WRITE_WAIT_MS } from './env.js';
import { waitForWriteLock, writeWait, type WriteWait } from './write-wait.js';
import { configureViews } from './views.js';
import { allowedMethods } from './methods.js';
import { mountPages } from './pages.js';
import { HttpError, localPath, mountAuth } from './auth/index.js';
import { boardPage } from './routes/board.js';
import { mountActions } from './routes/actions.js';
import { mountAccount } from './routes/account.js';
import { mountUnsubscribe } from './routes/unsubscribe.js';
import { mountDigestPages } from './routes/digest-pages.js';
import { word } from '../present/words-web.js';
import { pageLang } from './routes/form-helpers.js';
import { logRequestFailure } from './request-log.js';

export type { WebDeps } from './deps.js';

/** Build the web app over the store; handlers read through the store and never crawl. */
export function createWebApp(deps: WebDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Every page is sent with Cache-Control: no-store, so no browser ever asks again with If-None-Match: hashing each
  // page's body for an ETag was work nobody used (static files keep theirs).
  app.set('etag', false);
  // The client's address for the sign-in limits and the scheme for the feeds' links, as the proxy in front saw them.
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  configureViews(app, deps);
  sendRenderedPages(app);
  const secure = deps.secureCookies ?? false;
  app.use(securityHeaders(pageSecurity(secure)));
  const problems = (version?: string) => deps.problems?.(version) ?? [];
  // The review form's goals, labelled in the page's language.
  const goalOptions = {
    fi: Object.entries(deps.goalLabels).map(([id, label]) => ({ id, label })),
    sv: Object.entries(deps.goalLabels).map(([id, label]) => ({ id, label: deps.goalLabelsSv?.[id] ?? label })),
  };
  app.use((req, res, next) => {
    // A page reads the database's versions once, here, before anything of it: the banner, the session and what the
    // page keeps per version all use these (kept-bodies.ts requestVersion). Only a GET or HEAD: a POST writes, after
    // which what it reads must see its own write. A failing read is left to the banner, which names it.
    if (req.method === 'GET' || req.method === 'HEAD') {
      try {
        const v = readVersions(deps.db);
        res.locals.dataVersion = v.data;
        res.locals.writeVersion = v.writes;
      } catch {
        // The banner reads it again and shows why it failed.
      }
    }
    // Every page shows what is wrong with the database (read-only, replaced file) in a banner.
    res.locals.problems = problems(res.locals.dataVersion as string | undefined);
    next();
  });
  app.use('/static', express.static(path.join(viewsDir, 'static'), { index: false, redirect: false, maxAge: '1h' }));
  app.get('/healthz', (_req, res) => {
    const reasons = [...(deps.health?.() ?? problems())];
    const query = checkDb(deps.db);
    if (query && !reasons.some((r) => r.includes(query))) reasons.push(`Tietokanta ei vastaa: ${query}`);
    res.status(reasons.length ? 503 : 200).json(reasons.length ? { ok: false, reasons } : { ok: true });
  });
  app.use(express.urlencoded({ extended: false, limit: FORM_BYTES, parameterLimit: 200 }));
  app.use((req, _res, next) => {
    const lost = req.method === 'GET' || req.method === 'HEAD' ? null : deps.writesLost?.();
    // The reason is the banner's (Finnish, as the page's problems are); the page's language is not known yet here.
    next(lost ? new HttpError(503, `${lost} ${word('fi', 'error.notSaved')}`) : undefined);
  });
  // A server over a database it cannot write keeps sessions in memory: people can still sign in and read.
  const readOnly = deps.readOnly ?? false;
  // Read-only: nothing is waited for (every change is refused, and sessions are in memory).
  const wait: WriteWait = readOnly ? (req) => Promise.resolve(!req.socket.destroyed) : writeWait(deps.db, deps.writeWaitMs ?? WRITE_WAIT_MS);
  if (!readOnly) app.use(waitForWriteLock(wait));
  // Before the sign-in gate and its form tokens: the signed link is the authority (RFC 8058 one-click).
  mountUnsubscribe(app, deps);
  mountAuth(app, { db: deps.db, sessionDb: readOnly ? openDb(':memory:') : deps.db, secureCookies: secure, readOnly, setupDb: deps.setupDb, writeWait: wait });
  app.use((req, res, next) => {
    // Before any page reads its query: an escape that is not UTF-8 would reach it as U+FFFD and be searched for.
    const part = unreadablePart(req.originalUrl);
    if (part !== undefined) return next(new HttpError(400, word(pageLang(res.locals), 'error.unreadableAddress', { part })));
    res.locals.canEdit = res.locals.user && res.locals.user.role !== 'reader';
    res.locals.goalOptions = goalOptions[pageLang(res.locals)];
    // Forms post back here after their redirect (post/redirect/get); the nav marks the current page.
    res.locals.currentUrl = req.originalUrl;
    res.locals.currentPath = req.path;
    next();
  });
  app.get('/board', boardPage(deps));
  mountActions(app, deps);
  mountAccount(app, deps, wait);
  mountDigestPages(app, deps);
  // The read pages: overview, items, item, matter, sources, feeds, calendar and CSV.
  mountPages(app, deps);
  app.use((req, res, next) => {
    // A path that exists under other methods (PUT /items, DELETE /items/1): 405 naming them, OPTIONS the list alone.
    const allow = allowedMethods(app, req.path);
    if (!allow.length) return void res.status(404).render('not-found', { title: word(pageLang(res.locals), 'notFound.title') });
    res.set('Allow', allow.join(', '));
    if (req.method === 'OPTIONS') return void res.status(204).end();
    next(new HttpError(405, word(pageLang(res.locals), 'error.method', { method: req.method, allow: allow.join(', ') })));
  });
  app.use(errorPage(deps.db));
  return app;
}

/** The security headers of every page (helmet's, with the content security policy); HSTS and upgrades behind HTTPS only. */
export function pageSecurity(secure: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'], fontSrc: ["'self'"],
        objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"],
        // Only behind HTTPS: on plain http://127.0.0.1 it would send the forms to an address nobody answers.
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: secure ? { maxAge: 31536000 } : false,
    referrerPolicy: { policy: 'same-origin' },
  };
}

/** The headers helmet sets with these options, and those it removes: they depend on nothing in the request. */
export function helmetHeaders(options: HelmetOptions): { headers: [string, string][]; removed: string[] } {
  const headers: [string, string][] = [];
  const removed: string[] = [];
  const capture = { setHeader: (name: string, value: unknown) => void headers.push([name, String(value)]), removeHeader: (name: string) => void removed.push(name) };
  helmet(options)({} as Request, capture as unknown as Response, () => undefined);
  return { headers, removed };
}

/**
 * The headers helmet sets with these options, worked out once (helmetHeaders): each answer gets the same list set in
 * one step instead of through helmet's chain of a dozen middleware calls.
 */
export function securityHeaders(options: HelmetOptions): RequestHandler {
  const { headers, removed } = helmetHeaders(options);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    for (const name of removed) res.removeHeader(name);
    next();
  };
}

/**
 * Rendered pages leave as strings that the socket encodes: express's send turns a string of 1,000 characters or more
 * into bytes with Buffer.from, a buffer on the JavaScript heap for every page (measuring and writing it, then
 * collecting it: 130–190 µs for a 27 kB page at load 7, against 15 µs to measure its length). Node's own end() writes a
 * string straight into the socket's write request, added to the header in one write. The headers are those express
 * sets for a page; a page whose type was set, a HEAD request and a response that carries an ETag or Last-Modified
 * (express answers 304 when fresh), or a status without a body, are sent by express as before.
 */
export function sendRenderedPages(app: express.Express): void {
  type Render = (this: Response, view: string, options?: object, callback?: (err: Error | null, html: string) => void) => void;
  const render = app.response.render as Render;
  app.response.render = function (this: Response, view, options, callback) {
    if (callback || typeof options === 'function') return render.call(this, view, options, callback);
    render.call(this, view, options, (err, html) => {
      if (err) return void this.req.next!(err);
      if (!plainPage(this)) return void this.send(html);
      this.type('html');
      this.setHeader('Content-Length', Buffer.byteLength(html, 'utf8'));
      this.end(html, 'utf8');
    });
  } as Render as Response['render'];
}

/** Whether express's send would write this page as it is: no type set, no body-less status or method, nothing to be fresh against. */
const plainPage = (res: Response): boolean => res.get('Content-Type') === undefined && res.req.method !== 'HEAD' && ![204, 205, 304].includes(res.statusCode) &&
  res.get('ETag') === undefined && res.get('Last-Modified') === undefined && res.get('Transfer-Encoding') === undefined;

/**
 * A form the server refused (400, 401 after its session ended, 403 for an old form token or a role, 409, 422, 503):
 * the way back to the page it was on and what the person wrote in its note, so that nothing typed is lost (every page
 * is no-store, so the browser's Back shows the form empty).
 */
function refusedForm(req: Request, status: number): { back?: string; typed?: string } {
  if (req.method !== 'POST' || ![400, 401, 403, 409, 422, 503].includes(status)) return {};
  const body = (req.body ?? {}) as Record<string, unknown>;
  const back = localPath(body.back, '') || undefined;
  const typed = typeof body.note === 'string' && body.note.trim() ? body.note.slice(0, 4000) : undefined;
  return { back, typed };
}

/** The largest form body accepted (a review note is at most 4,000 characters), and its fields at most 200. */
const FORM_BYTES = 64 * 1024;

/**
 * The part of an address (its path, or one `name=value` of its query) that cannot be read: in the path an escape that
 * does not decode (the router's decodeURIComponent: `%ZZ`, bytes that are not UTF-8), in the query escapes whose bytes
 * are not UTF-8 (a link a Latin-1 system made: `q=pelastusl%E4ki`; node's query parser read them as U+FFFD, and a lone
 * `%` stays itself). Cut to 100 characters; undefined when every part reads.
 */
export function unreadablePart(url: string): string | undefined {
  // Only an escape can fail to decode; most addresses have none, and are asked about on every request.
  if (!url.includes('%')) return undefined;
  // The bytes a query part stands for: each %XX the byte, the rest as written.
  const bytes = (p: string) => Buffer.concat(p.split(/(%[\dA-Fa-f]{2})/).map((x, i) => (i % 2 ? Buffer.from([parseInt(x.slice(1), 16)]) : Buffer.from(x))));
  const q = url.indexOf('?');
  const pathPart = q < 0 ? url : url.slice(0, q);
  let part: string | undefined;
  try {
    decodeURIComponent(pathPart);
  } catch {
    part = pathPart;
  }
  if (part === undefined && q >= 0) part = url.slice(q + 1).split('&').find((p) => p.includes('%') && !isUtf8(bytes(p)));
  return part === undefined ? undefined : part.length > 100 ? `${part.slice(0, 99)}…` : part;
}

/**
 * Why a write failed because of the database's file (its disk full, a disk I/O error or a file-size limit, read-only),
 * or null: only SQLite's own errors, whose text names nothing else. A limit on file size makes SQLite's write fall
 * short, which it calls a full disk: a disk with room is told apart by looking at it, as opening the database does.
 */
function unwritable(err: unknown, db: Db): WriteFailure | null {
  if (!String((err as { code?: unknown } | null)?.code ?? '').startsWith('SQLITE_')) return null;
  const failed = writeFailure(err);
  return failed === 'disk-full' && !diskFull(db.name) ? 'io-error' : failed;
}

/** Any failure: a page in the person's language without stack or paths (whatever NODE_ENV), the detail on stderr for the operator. */
const errorPage = (db: Db): ErrorRequestHandler => (error, req, res, _next) => {
  // The router's own refusal of a path parameter it cannot decode (routes before the sign-in gate: the unsubscribe
  // link), said as the gate's check says it.
  const part = error instanceof URIError && (error as { status?: number }).status === 400 ? unreadablePart(req.originalUrl) : undefined;
  const err = part === undefined ? error : new HttpError(400, word(pageLang(res.locals), 'error.unreadableAddress', { part }));
  // A write that met another process's write lock (a crawl storing, a backup): nothing was saved, and the same form
  // sent a little later is.
  const busy = isBusy(err);
  // A write the database's file refused (its disk filled up, a file-size limit, made read-only while serving): nothing
  // was saved, said as that with the note typed kept, where it was "a server error" and the note was lost.
  const failed = busy ? null : unwritable(err, db);
  const status = busy || failed ? 503 : Number.isInteger(err?.status) && err.status >= 400 && err.status < 600 ? err.status : 500;
  if (!(err instanceof HttpError)) logRequestFailure(req, err, status);
  if (res.headersSent) return void res.end();
  const lang = pageLang(res.locals);
  // 413: a form over FORM_BYTES or with too many fields (body-parser's), said as such; it was "the request could not be handled".
  const message = err instanceof HttpError ? err.message
    : status === 413 ? word(lang, 'error.tooLarge', { size: formatBytes(FORM_BYTES) })
    : failed ? word(lang, `error.unwritable.${failed}`)
    : word(lang, busy ? 'error.busy' : status < 500 ? 'error.request' : 'error.server');
  if (busy) res.set('Retry-After', '10');
  res.status(status).render('error', { title: word(lang, 'error.title'), message, ...refusedForm(req, status) }, (renderErr, html) => {
    if (renderErr) res.type('text/plain; charset=utf-8').send(`${word(lang, 'error.title')}: ${message}`);
    else res.type('html').send(html);
  });
};
