import { describe, expect, it, vi } from 'vitest';
import { startServer, reply } from '../helpers/server.js';
import { DEFAULT_USER_AGENT, defaultPolicy } from '../../src/fetch/index.js';
import { cleanup, fetcher } from './support.js';

async function server(routes: Parameters<typeof startServer>[0]) {
  const s = await startServer(routes);
  cleanup(s.close);
  return s;
}

describe('fetch: plain and conditional GET', () => {
  it('returns the body, etag and last-modified of a 200', async () => {
    const s = await server({
      '/feed': reply('<rss/>', {
        'content-type': 'application/rss+xml; charset=utf-8',
        etag: '"abc"',
        'last-modified': 'Wed, 21 Oct 2026 07:28:00 GMT',
      }),
    });
    const res = await fetcher()(`${s.url}/feed`);
    expect(res).toMatchObject({
      url: `${s.url}/feed`,
      status: 200,
      notModified: false,
      body: '<rss/>',
      contentType: 'application/rss+xml; charset=utf-8',
      charset: 'utf-8 (header)',
      bytes: 6,
      etag: '"abc"',
      lastModified: 'Wed, 21 Oct 2026 07:28:00 GMT',
    });
  });

  it('sends an identifying User-Agent, Accept and Accept-Encoding; options.headers override', async () => {
    const s = await server({ '/': reply('ok') });
    const f = fetcher();
    await f(`${s.url}/`);
    await f(`${s.url}/`, { headers: { Accept: 'application/json', 'X-Extra': '1' } });
    const [first, second] = s.requests.map((r) => r.headers);
    expect(first['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(first['user-agent']).toMatch(/^Lakivahti\/\d/);
    expect(first.accept).toContain('application/rss+xml');
    expect(first['accept-encoding']).toBe('gzip, deflate, br');
    expect(first['if-none-match']).toBeUndefined();
    expect(second.accept).toBe('application/json');
    expect(second['x-extra']).toBe('1');
  });

  it('takes the User-Agent from the policy and LAKIVAHTI_USER_AGENT', async () => {
    const s = await server({ '/': reply('ok') });
    await fetcher({ userAgent: 'Custom/1.0' })(`${s.url}/`);
    expect(s.requests[0].headers['user-agent']).toBe('Custom/1.0');
    expect(defaultPolicy({ LAKIVAHTI_USER_AGENT: 'Env/2.0' }).userAgent).toBe('Env/2.0');
  });

  it('sends validators and returns a 304 as notModified with an empty body', async () => {
    const s = await server({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          res.writeHead(304, { etag: '"v1"' });
          return res.end();
        }
        res.writeHead(200, { etag: '"v1"' }).end('full');
      },
    });
    const res = await fetcher()(`${s.url}/feed`, {
      validators: { etag: '"v1"', lastModified: 'Tue, 20 Oct 2026 07:28:00 GMT' },
    });
    expect(s.requests[0].headers['if-none-match']).toBe('"v1"');
    expect(s.requests[0].headers['if-modified-since']).toBe('Tue, 20 Oct 2026 07:28:00 GMT');
    expect(res).toMatchObject({ status: 304, notModified: true, body: '', bytes: 0, etag: '"v1"' });
    expect(res.lastModified).toBe('Tue, 20 Oct 2026 07:28:00 GMT'); // kept from what we sent
  });

  it('sends a POST body and no validators on a POST', async () => {
    const s = await server({ '/search': (_req, res, body) => void res.end(`got ${body}`) });
    const res = await fetcher()(`${s.url}/search`, {
      method: 'POST',
      body: '{"q":1}',
      headers: { 'content-type': 'application/json' },
      validators: { etag: '"x"' },
    });
    expect(res.body).toBe('got {"q":1}');
    expect(s.requests[0]).toMatchObject({ method: 'POST', body: '{"q":1}' });
    expect(s.requests[0].headers['if-none-match']).toBeUndefined();
  });

  it('reads LAKIVAHTI_MAX_BYTES and LAKIVAHTI_ALLOW_PRIVATE_NETWORKS', () => {
    expect(defaultPolicy({}).maxBytes).toBe(10 * 1024 * 1024);
    expect(defaultPolicy({ LAKIVAHTI_MAX_BYTES: '2048' }).maxBytes).toBe(2048);
    expect(() => defaultPolicy({ LAKIVAHTI_MAX_BYTES: 'lots' })).toThrow(/LAKIVAHTI_MAX_BYTES/);
    expect(() => defaultPolicy({ LAKIVAHTI_MAX_BYTES: '1e6' })).toThrow(/LAKIVAHTI_MAX_BYTES must be a whole number/);
    expect(() => defaultPolicy({ LAKIVAHTI_MAX_BYTES: '0' })).toThrow(/LAKIVAHTI_MAX_BYTES/);
    expect(defaultPolicy({}).allowPrivateNetworks).toBe(false);
    expect(defaultPolicy({ LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1' }).allowPrivateNetworks).toBe(true);
    expect(defaultPolicy({})).toMatchObject({
      connectTimeoutMs: 15_000,
      headersTimeoutMs: 15_000,
      bodyIdleTimeoutMs: 15_000,
      deadlineMs: 60_000,
      maxRedirects: 5,
      perHost: 2,
    });
  });
});

describe('fetch: what a request costs', () => {
  it('adds no abort listener to an AbortSignal (a signal given to node:http took one per request)', async () => {
    const s = await server({ '/': reply('<rss/>', { 'content-type': 'application/rss+xml' }) });
    const f = fetcher();
    await f(`${s.url}/`); // the connection is pooled: the request below makes no new one
    const listen = vi.spyOn(EventTarget.prototype, 'addEventListener');
    try {
      expect((await f(`${s.url}/`)).body).toBe('<rss/>');
      expect(listen.mock.calls.filter(([type]) => type === 'abort')).toEqual([]);
    } finally {
      listen.mockRestore();
    }
  });

  it('a request still in flight when the fetcher is destroyed fails, naming the host', async () => {
    const s = await server({ '/slow': () => undefined }); // never answers
    const f = fetcher();
    const pending = f(`${s.url}/slow`).then(() => null, (err: Error) => err);
    // In flight: the server has it (not a fixed 50 ms, which a loaded machine may outlast before the request is sent).
    while (!s.requests.some((r) => r.path === '/slow')) await new Promise((resolve) => setTimeout(resolve, 5));
    await f.destroy();
    const err = await pending;
    expect(err?.message).toMatch(/^fetch: the request to 127\.0\.0\.1:\d+ failed \(ABORT_ERR: The operation was aborted\)$/);
  });
});
