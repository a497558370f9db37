import { describe, expect, it } from 'vitest';
import { startServer, reply } from '../helpers/server.js';
import { parseRetryAfter } from '../../src/fetch/index.js';
import { cleanup, fetcher, rawServer, stageError } from './support.js';

async function server(routes: Parameters<typeof startServer>[0]) {
  const s = await startServer(routes);
  cleanup(s.close);
  return s;
}

describe('fetch: HTTP errors', () => {
  it('turns 429 with Retry-After seconds into a rate-limit error carrying retryAfterMs', async () => {
    const s = await server({ '/': reply('slow down', { 'retry-after': '120' }, 429) });
    const err = await stageError(fetcher()(`${s.url}/`));
    expect(err.message).toBe('fetch: the server is rate limiting us (HTTP 429); retry after 120 s');
    expect(err).toMatchObject({ stage: 'fetch', retryAfterMs: 120_000, status: 429 });
  });

  it('reads Retry-After as an HTTP date', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 90_000).toUTCString();
    const s = await server({ '/': reply('', { 'retry-after': at }, 429) });
    const err = await stageError(fetcher()(`${s.url}/`));
    expect(err.retryAfterMs).toBeGreaterThan(85_000);
    expect(err.retryAfterMs).toBeLessThanOrEqual(91_000);
    expect(err.message).toMatch(/^fetch: the server is rate limiting us \(HTTP 429\); retry after (89|90|91) s$/);
  });

  it('a 429 without Retry-After still says rate limiting, with no delay', async () => {
    const s = await server({ '/': reply('', {}, 429) });
    const err = await stageError(fetcher()(`${s.url}/`));
    expect(err.message).toBe('fetch: the server is rate limiting us (HTTP 429)');
    expect(err).toMatchObject({ retryAfterMs: null, status: 429 });
  });

  it('treats 503 with Retry-After as rate limiting, and a bare 503 as unavailable', async () => {
    const s = await server({ '/busy': reply('', { 'retry-after': '30' }, 503), '/down': reply('', {}, 503) });
    const busy = await stageError(fetcher()(`${s.url}/busy`));
    expect(busy.message).toBe('fetch: the server is rate limiting us (HTTP 503); retry after 30 s');
    expect(busy).toMatchObject({ retryAfterMs: 30_000, status: 503 });
    const down = await stageError(fetcher()(`${s.url}/down`));
    expect(down.message).toBe('fetch: the server is temporarily unavailable (HTTP 503 Service Unavailable)');
    expect(down.status).toBe(503);
  });

  it.each([
    [500, 'fetch: the server answered HTTP 500 Internal Server Error'],
    [404, 'fetch: the server answered HTTP 404 Not Found'],
    [403, 'fetch: the server answered HTTP 403 Forbidden'],
    [599, 'fetch: the server answered HTTP 599'],
  ])('turns HTTP %i into a plain message with the status', async (status, message) => {
    const s = await server({ '/': reply('<html>error page</html>', { 'content-type': 'text/html' }, status) });
    const err = await stageError(fetcher()(`${s.url}/`));
    expect(err.message).toBe(message);
    expect(err).toMatchObject({ stage: 'fetch', status, retryAfterMs: null });
  });
});

describe('fetch: network errors', () => {
  it('names the host when the connection is refused', async () => {
    const s = await startServer(); // a port that was just in use and is now closed
    await s.close();
    const err = await stageError(fetcher()(`${s.url}/feed`));
    expect(err.message).toBe(`fetch: could not connect to ${new URL(s.url).host} (connection refused)`);
    expect(err.status).toBeNull();
  });

  it('names the host when DNS finds nothing', async () => {
    const resolve = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
    };
    const err = await stageError(fetcher({ resolve })('http://no-such-host.test/feed'));
    expect(err.message).toBe('fetch: could not find the host no-such-host.test (DNS lookup failed)');
  });

  it('names the host when the connection is reset mid-request', async () => {
    const srv = await rawServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const err = await stageError(fetcher()(`${srv.url}/`));
    expect(err.message).toMatch(new RegExp(`^fetch: the connection to 127\\.0\\.0\\.1:${srv.port} (was reset|closed before the whole response arrived)$`));
  });

  it('sends a GET again on a new connection when the pooled one was closed by the server as it was reused', async () => {
    let connection = 0;
    const srv = await rawServer((socket) => {
      const n = ++connection;
      let requests = 0;
      socket.on('data', () => {
        // The first connection answers once and keeps itself open, then drops the next request unanswered.
        if (n === 1 && ++requests > 1) return void socket.destroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      });
    });
    const f = fetcher();
    expect((await f(`${srv.url}/a`)).body).toBe('ok');
    expect((await f(`${srv.url}/b`)).body).toBe('ok');
    expect(srv.connections()).toBe(2);
    // A POST is not sent twice: on a server whose every connection drops its second request, the failure is reported.
    const dropping = await rawServer((socket) => {
      let requests = 0;
      socket.on('data', () => {
        if (++requests > 1) return void socket.destroy();
        socket.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: keep-alive\r\n\r\nok');
      });
    });
    const post = () => f(`${dropping.url}/`, { method: 'POST', body: 'q' });
    const err = await stageError(post().then(post));
    expect(dropping.connections()).toBe(1);
    expect(err.message).toMatch(/^fetch: the connection to 127\.0\.0\.1:\d+ (was reset|closed before the whole response arrived)$/);
  });

  it('reports a malformed response in plain words', async () => {
    const srv = await rawServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n')));
    const err = await stageError(fetcher()(`${srv.url}/`));
    expect(err.message).toMatch(new RegExp(`^fetch: 127\\.0\\.0\\.1:${srv.port} sent a malformed HTTP response`));
  });

  it('refuses a URL that does not parse', async () => {
    expect((await stageError(fetcher()('not a url'))).message).toBe('fetch: "not a url" is not a valid URL');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-29T10:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sun, 29 Nov 2026 10:02:00 GMT', 120_000],
    ['Sunday, 29-Nov-26 10:00:30 GMT', 30_000], // RFC 850 form
    ['Sun Nov 29 10:00:05 2026', 5_000], // asctime form (read as local time; TZ=UTC in tests)
    ['Sun, 29 Nov 2026 09:00:00 GMT', 0], // in the past
    ['', null],
    [null, null],
    [undefined, null],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
    expect(parseRetryAfter(value, new Date(now))).toBe(expected);
  });
});
