// `lakivahti serve [--port N] [--no-schedule]`: the scheduler and the web view in one process.
import type { Server } from 'node:http';
import { startScheduler, type Scheduler } from '../schedule/index.js';
import { createWebApp } from '../web/app.js';
import { openContext, parseCommand, pipelineDeps, reportConfigErrors, type AppContext, closeContext } from './context.js';

export interface Running {
  server: Server;
  scheduler: Scheduler | null;
  port: number;
  close(): Promise<void>;
}

const log = (line: Record<string, unknown>) => process.stdout.write(JSON.stringify({ time: new Date().toISOString(), ...line }) + '\n');

/** Start the web server (and the scheduler unless disabled) over an opened context. */
export async function serve(ctx: AppContext, opts: { port: number; schedule: boolean }): Promise<Running> {
  const app = createWebApp(ctx);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(opts.port, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as { port: number }).port;
  log({ event: 'listening', url: `http://localhost:${port}/`, sources: ctx.sources.length });
  const scheduler = opts.schedule ? startScheduler(ctx.sources, { ...pipelineDeps(ctx), log }) : null;
  return {
    server, scheduler, port,
    close: async () => {
      await scheduler?.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closeContext(ctx);
    },
  };
}

/** Parse --port / PORT; a clear error for anything that is not a port number. */
export function parsePort(value: string | undefined): number {
  const port = Number(value ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`"${value ?? process.env.PORT}" is not a port number`);
  return port;
}

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { port: { type: 'string' }, 'no-schedule': { type: 'boolean' } });
  const port = parsePort(values.port);
  const ctx = openContext(values, { tag: true });
  reportConfigErrors(ctx, process.stderr);
  const running = await serve(ctx, { port, schedule: !values['no-schedule'] });
  await untilSignal();
  await running.close();
  return 0;
}

/** Resolve on SIGINT or SIGTERM, so the database is closed cleanly. */
export function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
