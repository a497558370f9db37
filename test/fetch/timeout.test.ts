import net from 'node:net';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { cleanup, fetcher, rawServer, stageError } from './support.js';

/**
 * A port whose connects hang: a server with an accept queue of one, on a thread whose event loop is blocked, so
 * nothing is accepted; once a few connections fill the queue, the kernel drops every new connection's SYN.
 */
async function unansweredPort(): Promise<number> {
  const wake = new Int32Array(new SharedArrayBuffer(4));
  const thread = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const server = require('node:net').createServer();
     server.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => {
       parentPort.postMessage(server.address().port);
       Atomics.wait(workerData, 0, 0, 30000);
     });`,
    { eval: true, workerData: wake },
  );
  const port = await new Promise<number>((resolve) => thread.once('message', resolve));
  // The queue is full once two have connected (Linux completes backlog + 1 connections; the rest wait on dropped SYNs).
  // Waited for, not slept on: 200 ms of sleep on a busy machine could end before they had, and the request's own
  // connection then completed and waited for headers instead.
  let connected = 0;
  let full: () => void;
  const queued = new Promise<void>((resolve) => (full = resolve));
  const fillers = Array.from({ length: 4 }, () => net.connect(port, '127.0.0.1').on('error', () => undefined).on('connect', () => ++connected === 2 && full()));
  cleanup(async () => {
    for (const s of fillers) s.destroy();
    Atomics.notify(wake, 0);
    await thread.terminate();
  });
  await queued;
  return port;
}

/** Headers at once, then one body byte every `everyMs`, forever. */
const dripper = (everyMs: number) =>
  rawServer((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
      const timer = setInterval(() => socket.write('1\r\nx\r\n'), everyMs);
      socket.on('close', () => clearInterval(timer));
    });
  });

/**
 * The upper bound on how long a request stopped by a timeout of 0.4-1.5 s took: just under the next-longer timer in
 * each test (5 s; the dripping server is stopped by nothing else), so it still says that timer, not a later one, stopped
 * it, and a loaded machine meets it (1.5 s was a second of slack for a 0.5 s timer; the messages name which timer fired).
 */
const BEFORE_NEXT_TIMER = 4_500;

describe('fetch: timeouts', () => {
  it('stops a server that drips a byte at a time at the overall deadline, though the idle timeout is never hit', async () => {
    const srv = await dripper(300);
    const started = Date.now();
    const err = await stageError(
      fetcher({ bodyIdleTimeoutMs: 1000, deadlineMs: 1500 })(`${srv.url}/slow`),
    );
    const took = Date.now() - started;
    expect(err.message).toBe(`fetch: the request to 127.0.0.1:${srv.port} did not finish within 1.5 s`);
    expect(took).toBeGreaterThanOrEqual(1400);
    expect(took).toBeLessThan(BEFORE_NEXT_TIMER);
  });

  it('gives up on a connection that is never made, at the connect timeout', async () => {
    const port = await unansweredPort();
    const started = Date.now();
    const err = await stageError(fetcher({ connectTimeoutMs: 500, headersTimeoutMs: 5000, deadlineMs: 5000 })(`http://127.0.0.1:${port}/`));
    expect(err.message).toBe(`fetch: could not connect to 127.0.0.1:${port} within 500 ms`);
    expect(Date.now() - started).toBeLessThan(BEFORE_NEXT_TIMER);
  });

  it('times each phase with its own timeout when they differ', async () => {
    const port = await unansweredPort();
    const slowConnect = fetcher({ connectTimeoutMs: 400, headersTimeoutMs: 5000, bodyIdleTimeoutMs: 5000, deadlineMs: 5000 });
    expect((await stageError(slowConnect(`http://127.0.0.1:${port}/`))).message).toBe(`fetch: could not connect to 127.0.0.1:${port} within 400 ms`);
    const silent = await rawServer(() => undefined);
    const slowHeaders = fetcher({ connectTimeoutMs: 5000, headersTimeoutMs: 400, bodyIdleTimeoutMs: 5000, deadlineMs: 5000 });
    expect((await stageError(slowHeaders(`${silent.url}/`))).message).toBe(`fetch: 127.0.0.1:${silent.port} did not answer within 400 ms`);
    // A pooled connection is already made: the wait for headers is timed from the start.
    const once = await rawServer((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok'));
    });
    expect((await slowHeaders(`${once.url}/first`)).body).toBe('ok');
    const reused = Date.now();
    expect((await stageError(slowHeaders(`${once.url}/second`))).message).toBe(`fetch: 127.0.0.1:${once.port} did not answer within 400 ms`);
    expect(Date.now() - reused).toBeLessThan(BEFORE_NEXT_TIMER);
    expect(once.connections()).toBe(1);
    const partial = await rawServer((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial'));
    });
    const slowBody = fetcher({ connectTimeoutMs: 5000, headersTimeoutMs: 5000, bodyIdleTimeoutMs: 400, deadlineMs: 5000 });
    const started = Date.now();
    expect((await stageError(slowBody(`${partial.url}/`))).message).toBe(`fetch: 127.0.0.1:${partial.port} stopped sending the response for 400 ms`);
    expect(Date.now() - started).toBeLessThan(BEFORE_NEXT_TIMER);
  });

  it('gives up on a server that never sends headers', async () => {
    const srv = await rawServer(() => undefined); // accepts, reads nothing, says nothing
    const started = Date.now();
    const err = await stageError(fetcher({ headersTimeoutMs: 500, deadlineMs: 5000 })(`${srv.url}/`));
    expect(err.message).toBe(`fetch: 127.0.0.1:${srv.port} did not answer within 500 ms`);
    expect(Date.now() - started).toBeLessThan(BEFORE_NEXT_TIMER);
  });

  it('the overall deadline also bounds the wait for headers', async () => {
    const srv = await rawServer(() => undefined);
    const err = await stageError(fetcher({ headersTimeoutMs: 5000, deadlineMs: 600 })(`${srv.url}/`));
    expect(err.message).toBe(`fetch: the request to 127.0.0.1:${srv.port} did not finish within 600 ms`);
  });

  it('gives up on a body that goes silent for longer than the idle timeout', async () => {
    const srv = await rawServer((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial'));
    });
    const started = Date.now();
    const err = await stageError(fetcher({ bodyIdleTimeoutMs: 500, deadlineMs: 5000 })(`${srv.url}/`));
    expect(err.message).toBe(`fetch: 127.0.0.1:${srv.port} stopped sending the response for 500 ms`);
    expect(Date.now() - started).toBeLessThan(BEFORE_NEXT_TIMER);
  });
});
