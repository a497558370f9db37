import { describe, expect, it } from 'vitest';
import { fetcher, rawServer, stageError } from './support.js';

/** Headers at once, then one body byte every `everyMs`, forever. */
const dripper = (everyMs: number) =>
  rawServer((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n');
      const timer = setInterval(() => socket.write('1\r\nx\r\n'), everyMs);
      socket.on('close', () => clearInterval(timer));
    });
  });

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
    expect(took).toBeLessThan(2500);
  });

  it('gives up on a server that never sends headers', async () => {
    const srv = await rawServer(() => undefined); // accepts, reads nothing, says nothing
    const started = Date.now();
    const err = await stageError(fetcher({ headersTimeoutMs: 500, deadlineMs: 5000 })(`${srv.url}/`));
    expect(err.message).toBe(`fetch: 127.0.0.1:${srv.port} did not answer within 500 ms`);
    expect(Date.now() - started).toBeLessThan(1500);
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
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
