// Shared helpers for the fetch tests: fetchers that are closed after each test, raw servers, timing.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach } from 'vitest';
import { createFetcher, type Fetcher, type FetchPolicy } from '../../src/fetch/index.js';
import { StageError } from '../../src/errors.js';

const open: Fetcher[] = [];
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close().catch(() => undefined)));
  await Promise.all(closers.splice(0).map((c) => c()));
});

/** A fetcher with test-sized timeouts, closed after the test. */
export function fetcher(policy: Partial<FetchPolicy> = {}): Fetcher {
  const f = createFetcher({
    connectTimeoutMs: 2000,
    headersTimeoutMs: 2000,
    bodyIdleTimeoutMs: 2000,
    deadlineMs: 2500,
    ...policy,
  });
  open.push(f);
  return f;
}

/** Close something after the test (servers). */
export const cleanup = (close: () => Promise<void>): void => void closers.push(close);

/** A raw TCP server on 127.0.0.1 for responses http.Server cannot produce; counts connections. */
export async function rawServer(onSocket: (socket: net.Socket) => void): Promise<{ url: string; port: number; connections: () => number }> {
  let count = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    count += 1;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  cleanup(
    () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${port}`, port, connections: () => count };
}

/** Await a rejection and return it as a StageError (fails the test if it is anything else). */
export async function stageError(promise: Promise<unknown>): Promise<StageError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof StageError) return err;
    throw new Error(`expected a StageError, got ${String(err)}`, { cause: err });
  }
  throw new Error('expected the fetch to fail, but it succeeded');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
