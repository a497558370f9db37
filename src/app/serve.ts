// The long-running application: the web view and the scheduler over one context, watched and shut down cleanly.
import type { Server } from 'node:http';
import path from 'node:path';
import { startScheduler, type Scheduler } from '../schedule/index.js';
import { createWebApp, helmetHeaders, pageSecurity } from '../web/app.js';
import { answerClientErrors } from '../web/client-error.js';
import { digestJobs } from '../mail/job.js';
import { closeContext, dbFileProblem, SERVE_CACHE_MIB, diskProblem, healthProblems, pageProblems, pipelineDeps, type AppContext } from './context.js';
import { taxonomyLabels } from './goal-labels.js';
import { defaultDbPath } from '../paths.js';
import { openDb, type Db } from '../store/db.js';
import { webEnv, type WebEnv } from '../web/env.js';

/** A failure to start that the user can fix (a busy port): printed as one line, no stack. */
export class StartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
  }
}

export interface Running {
  server: Server;
  scheduler: Scheduler | null;
  port: number;
  host: string;
  close(): Promise<void>;
  /** Cut the connections still answering at once (a second signal during `close`): their answers are not waited for. */
  cut(): void;
}

/** How long in-flight runs may take to finish at shutdown before they are abandoned (rolled back). */
const SHUTDOWN_GRACE_MS = 2500;
/** How long aborted runs may take to record their error. */
const SHUTDOWN_ABORT_MS = 1000;
/**
 * How long answers in flight at shutdown (a download to a slow reader, a form waiting for the write lock) may take to
 * finish before their connections are cut.
 */
export const SHUTDOWN_DRAIN_MS = 10_000;
/** How often a running server checks that its database file is still the one it opened. */
const FILE_CHECK_MS = 10_000;
/** A page looks at the file at most this often (a stat each request was measurable); /healthz looks every time. */
const FILE_CHECK_PAGE_MS = 1000;

export const log = (line: Record<string, unknown>) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...line }) + '\n');

/** Listen, turning a busy or forbidden port into a message that says what to do. */
async function listen(app: ReturnType<typeof createWebApp>, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = app.listen(port, host);
    s.once('listening', () => resolve(s));
    s.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        reject(new StartError(`port ${port} on ${host} is already in use; choose another with --port N or the PORT environment variable`));
      else if (err.code === 'EACCES')
        reject(new StartError(`port ${port} on ${host} needs privileges this user lacks; choose a port above 1023 with --port N or PORT`));
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
        reject(new StartError(`cannot listen on "${host}": no such address on this machine; set --host or HOST (default 127.0.0.1)`));
      else reject(err);
    });
  });
}

/** Configuration errors as the page shows them: files named from the feeds folder's parent (feeds/sources/x.yaml), not this machine's paths. */
function withoutAbsolutePaths(ctx: AppContext): AppContext['configErrors'] {
  const base = path.dirname(path.resolve(ctx.feedsDir)) + path.sep;
  const strip = (text: string) => text.split(base).join('');
  return ctx.configErrors.map((e) => ({ ...e, file: strip(e.file), message: strip(e.message) }));
}

/**
 * The `--db` the first-run page adds to its commands, so that they make the account in the database served: none for
 * the default file; the path from the folder serve runs in when the file is inside it; else only the file's name (the
 * page is open to anyone until the first account exists, so it shows no folder outside).
 */
export function setupDbArg(dbFile: string): string | undefined {
  const file = path.resolve(dbFile);
  if (file === path.resolve(defaultDbPath)) return undefined;
  const inside = path.relative(process.cwd(), file);
  return inside && !inside.startsWith('..') && !path.isAbsolute(inside) ? inside : `…/${path.basename(file)}`;
}

/**
 * A web write's wait for the write lock: the writer thread's commits of a scheduled crawl (a group of runs, tens of
 * milliseconds) are waited out, so a review saved meanwhile is not refused. A lock held longer (a big feed's run, a
 * backup, another process's crawl) is waited for before the form's handler, off the event loop (web/app.ts
 * waitForWriteLock), for up to 10 s, and only then refused with 503: never by stalling every other request here.
 */
const WEB_BUSY_MS = 250;
/**
 * The scheduled jobs' wait inside SQLite (the in-force move, the index merge, the digest's records): a moment, for a
 * lock in passing; a lock held longer is waited for off the event loop (whenWritable) and named in the log.
 */
const JOBS_BUSY_MS = 10;

/**
 * A connection of serve's own to a database it can write, waiting `busyMs` at most for another's write lock (the
 * context's waits 5 s): the server answers every request on one thread, so a write waiting out 5 s there (a crawl
 * storing, a backup, a retag in another process) stalled every page and /healthz with it.
 */
function ownConnection(ctx: AppContext, busyMs: number): Db {
  if (ctx.readOnly || ctx.dbFile === '' || ctx.dbFile === ':memory:') return ctx.db;
  return openDb(ctx.dbFile, { cacheMiB: SERVE_CACHE_MIB, checkHeader: false, busyMs });
}

/**
 * The web app as `serve` runs it over a context (the bench measures this very app): the banner's problems, the file
 * check (at most once a second for pages, every time for /healthz) and crawl-now through the scheduler, when there is one.
 * `close` closes the web's connection.
 */
export function serveApp(ctx: AppContext, opts: { schedule: boolean; scheduler?: () => Scheduler | null; web?: WebEnv; linkBase?: () => string }) {
  const db = ownConnection(ctx, WEB_BUSY_MS);
  /** Why the file open is no longer the database (replaced, deleted); false while it is. */
  let orphaned: string | false = false;
  let checkedAt = 0;
  // A deleted or replaced database file: say so, and stop writing into the orphan nobody else reads.
  const checkFile = (fresh = true) => {
    if (orphaned || (!fresh && Date.now() - checkedAt < FILE_CHECK_PAGE_MS)) return;
    checkedAt = Date.now();
    const problem = dbFileProblem(ctx);
    if (!problem) return;
    orphaned = problem;
    ctx.problems.push(problem);
    const scheduler = opts.scheduler?.() ?? null;
    log({ event: 'database_file_changed', file: ctx.dbFile, problem, scheduler: scheduler ? 'stopped' : 'not running' });
    void scheduler?.stop();
  };
  const banner = pageProblems({ db, problems: ctx.problems });
  // The disk filling up while serving, looked at as the file is (at most every FILE_CHECK_PAGE_MS).
  let disk: string | null = null;
  let diskCheckedAt = 0;
  const withDisk = (problems: string[]): string[] => {
    if (Date.now() - diskCheckedAt >= FILE_CHECK_PAGE_MS) [disk, diskCheckedAt] = [diskProblem(ctx), Date.now()];
    return disk ? [...problems, disk] : problems;
  };
  const labels = taxonomyLabels(ctx);
  const app = createWebApp({
    db, sources: ctx.sources, configErrors: withoutAbsolutePaths(ctx), goalLabels: labels.goals.fi, goalLabelsSv: labels.goals.sv, scopeLabels: labels.scopes,
    problems: (version) => (checkFile(false), withDisk(banner(version))),
    health: () => (checkFile(), healthProblems(ctx)),
    writesLost: () => (checkFile(), orphaned || null),
    setupDb: setupDbArg(ctx.dbFile), readOnly: ctx.readOnly, ...(opts.web ?? webEnv()), feedsDir: ctx.feedsDir,
    crawlNow: opts.schedule && !ctx.readOnly ? (id) => opts.scheduler?.()?.runNow(id) ?? false : undefined,
    linkBase: opts.linkBase,
  });
  return { app, checkFile, close: () => void (db !== ctx.db && db.open && db.close()) };
}

/** Start the web server (and the scheduler unless disabled or the database is read-only) over an opened context. */
export async function serve(ctx: AppContext, opts: { port: number; host?: string; schedule: boolean; web?: WebEnv }): Promise<Running> {
  const host = opts.host ?? '127.0.0.1';
  let scheduler: Scheduler | null = null;
  // The one place the public address is decided: LAKIVAHTI_BASE_URL, read once (webEnv), for the feeds, the calendar
  // and the messages; unset, the feeds link to the address a request reached and the messages to the port listened
  // on, `--port` included (they led to 3000 whatever the port).
  const web = opts.web ?? webEnv();
  let port = opts.port;
  const linkBase = () => web.baseUrl ?? `http://127.0.0.1:${port}`;
  const { app, checkFile, close: closeApp } = serveApp(ctx, { schedule: opts.schedule, scheduler: () => scheduler, web, linkBase });
  const server = await listen(app, opts.port, host);
  answerClientErrors(server, app, helmetHeaders(pageSecurity(web.secureCookies)).headers);
  port = (server.address() as { port: number }).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  log({ event: 'listening', url: `http://${shown}:${port}/`, sources: ctx.sources.length });
  for (const [i, p] of ctx.problems.entries()) log({ event: 'database_problem', problem: p, ...(i === 0 && ctx.problemDetail ? { detail: ctx.problemDetail } : {}) });
  let jobsDb: Db | null = null;
  if (opts.schedule && ctx.readOnly) log({ event: 'scheduler_skipped', reason: 'the database cannot be written' });
  else if (opts.schedule) {
    jobsDb = ownConnection(ctx, JOBS_BUSY_MS);
    scheduler = startScheduler(ctx.sources, { ...pipelineDeps(ctx), db: jobsDb, log }, digestJobs({ ...ctx, db: jobsDb }, log, process.env, linkBase()));
  }
  const watch = setInterval(checkFile, FILE_CHECK_MS);
  watch.unref();
  let cutAt: 'signal' | 'bound' | null = null;
  return {
    server, scheduler, port, host,
    cut: () => {
      if (cutAt) return;
      cutAt = 'signal';
      log({ event: 'connections_cut', reason: 'second signal' });
      server.closeAllConnections();
    },
    close: async () => {
      const drainUntil = Date.now() + SHUTDOWN_DRAIN_MS;
      clearInterval(watch);
      // No new connection is taken; the idle ones are closed now and each other as its answer ends (keep-alive).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      await scheduler?.stop();
      if (scheduler) {
        // Runs in flight get a short grace; then their requests are aborted, so each records its error and gives
        // its lease back instead of being cut off mid-way.
        const settled = scheduler.settled();
        if (!(await within(settled, SHUTDOWN_GRACE_MS))) {
          log({ event: 'aborting_runs', reason: 'shutdown' });
          await ctx.fetch.destroy();
          await within(settled, SHUTDOWN_ABORT_MS);
        }
      }
      // Answers in flight finish (up to SHUTDOWN_DRAIN_MS from the signal), then the connections still open are cut.
      if (!cutAt && !(await within(closed, drainUntil - Date.now()))) {
        cutAt = 'bound';
        log({ event: 'connections_cut', reason: `answers still in flight after ${SHUTDOWN_DRAIN_MS / 1000} s` });
      }
      clearInterval(idle);
      server.closeAllConnections();
      await closed;
      closeApp();
      if (jobsDb !== ctx.db && jobsDb?.open) jobsDb.close();
      await closeContext(ctx);
    },
  };
}

/** Whether `p` settles within `ms`; the timer holds the process open meanwhile and is cleared either way. */
function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([p.then(() => true, () => true), late]).finally(() => clearTimeout(timer));
}
