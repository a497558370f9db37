// The source tests' fetch (test/helpers/source.ts) against a server that closes a kept-alive connection as it is
// reused: what a local mirror does to a client slowed by load (its idle timer runs out just as the next request goes).
import { describe, expect, it } from 'vitest';
import { rawServer } from '../fetch/support.js';
import { plainFetch } from '../helpers/source.js';

describe("the source tests' plainFetch", () => {
  it('reads a second answer from a server that resets a connection when it is asked on it again', async () => {
    const srv = await rawServer((socket) => {
      let requests = 0;
      socket.on('data', () => {
        if (++requests > 1) return void socket.resetAndDestroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\nok');
      });
    });
    expect((await plainFetch(`${srv.url}/a`)).body).toBe('ok');
    // Time for a kept-alive connection to go back to its pool (the request below then reuses it, and is reset).
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await plainFetch(`${srv.url}/b`)).body).toBe('ok');
  });
});
