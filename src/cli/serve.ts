// `lakivahti serve [--port N] [--host H] [--no-schedule]`: the scheduler and the web view in one process.
import { closeContext, openTaggingContext, reportConfigErrors } from '../app/context.js';
import { log, serve, SHUTDOWN_DRAIN_MS, type Running } from '../app/serve.js';
import { onStopSignal, parseCommand, UsageError } from './args.js';
import { webEnv, type WebEnv } from '../web/env.js';


export { usage } from './serve-usage.js';

/** Parse --port / PORT; a clear error for anything that is not a port number. */
export function parsePort(value: string | undefined): number {
  const raw = value ?? process.env.PORT ?? '3000';
  const port = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN; // not 0x50 or 8e1, which Number() reads as 80
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`"${raw}" is not a port number (--port N or PORT, 1–65535)`);
  return port;
}

/**
 * --host / HOST, 127.0.0.1 by default: only this machine is served unless asked (others reach it through a TLS proxy).
 * An empty one (a script's unset variable) is refused as an empty PORT is, not read as the default.
 */
export function parseHost(value: string | undefined): string {
  if (value?.trim() === '') throw new UsageError('--host is empty: name an address, or leave the option out for 127.0.0.1');
  const env = process.env.HOST;
  if (value === undefined && env?.trim() === '') throw new UsageError('HOST is set but empty: name an address, or unset it for 127.0.0.1');
  return value ?? env ?? '127.0.0.1';
}

/** LAKIVAHTI_SECURE_COOKIES, LAKIVAHTI_TRUST_PROXY, LAKIVAHTI_BASE_URL and LAKIVAHTI_WRITE_WAIT_SECONDS; a malformed one is a usage error, before a database is opened. */
export function parseWebEnv(): WebEnv {
  try {
    return webEnv();
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { port: { type: 'string' }, host: { type: 'string' }, 'no-schedule': { type: 'boolean' } });
  const port = parsePort(values.port);
  const host = parseHost(values.host);
  const web = parseWebEnv();
  const ctx = await openTaggingContext(values, { access: 'serve' });
  reportConfigErrors(ctx);
  // Listen for signals before the server says it listens: a SIGTERM in between would otherwise end it unhandled.
  const signalled = untilSignal();
  let running: Running | undefined;
  const tickNow = () => log({ event: 'digest_tick_requested', tick: 'immediately', started: running?.scheduler?.tick('immediately') ?? false });
  process.on('SIGUSR2', tickNow);
  try {
    running = await serve(ctx, { port, host, schedule: !values['no-schedule'], web });
  } catch (err) {
    process.off('SIGUSR2', tickNow);
    await closeContext(ctx);
    throw err;
  }
  await stopOn(await signalled, running);
  process.off('SIGUSR2', tickNow);
  return 0;
}

/**
 * The one way `serve` and `demo` stop on SIGINT, SIGTERM or SIGHUP: say so, close (no new connection; runs in flight get
 * a short grace, then are aborted and recorded as interrupted; answers in flight get up to SHUTDOWN_DRAIN_MS, a second
 * signal cuts them at once), and say so again; the process ends within 15 s whatever still holds it.
 */
export async function stopOn(signal: string, running: Pick<Running, 'close'> & Partial<Pick<Running, 'cut'>>): Promise<void> {
  // Listened for before saying so: with no listener, a signal ends the process unhandled.
  const off = onStopSignal(() => running.cut?.());
  log({ event: 'stopping', signal });
  // A backstop only: the database is closed first, and a fetch abandoned mid-run must not hold the process.
  setTimeout(() => (log({ event: 'stopped', forced: true }), process.exit(0)), SHUTDOWN_DRAIN_MS + 4500).unref();
  try {
    await running.close();
  } finally {
    off();
  }
  log({ event: 'stopped' });
}

/** Resolve on SIGINT, SIGTERM or SIGHUP (with its name), so the database is closed cleanly; a second signal is not caught. */
export function untilSignal(): Promise<string> {
  return new Promise((resolve) => onStopSignal(resolve));
}
