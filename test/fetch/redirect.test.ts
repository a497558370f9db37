import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { startServer, reply, type Handler } from '../helpers/server.js';
import { cleanup, fetcher, stageError } from './support.js';

const redirect =
  (location: string, status = 302): Handler =>
  (_req: http.IncomingMessage, res: http.ServerResponse) => {
    res.writeHead(status, { location });
    res.end();
  };

async function server(routes: Parameters<typeof startServer>[0]) {
  const s = await startServer(routes);
  cleanup(s.close);
  return s;
}

describe('fetch: redirects', () => {
  it.each([301, 302, 303, 307, 308])('follows a %i and reports the final URL', async (status) => {
    const s = await server({ '/final': reply('here', { etag: '"f"' }) });
    s.route('/start', redirect(`${s.url}/final`, status));
    const res = await fetcher()(`${s.url}/start`);
    expect(res).toMatchObject({ url: `${s.url}/final`, status: 200, body: 'here', etag: '"f"' });
    expect(s.requests.map((r) => r.path)).toEqual(['/start', '/final']);
  });

  it('resolves a relative Location against the current URL', async () => {
    const s = await server({ '/feeds/a/start': redirect('../b/feed.xml?x=1'), '/feeds/b/feed.xml': reply('rel') });
    const res = await fetcher()(`${s.url}/feeds/a/start`);
    expect(res.url).toBe(`${s.url}/feeds/b/feed.xml?x=1`);
    expect(res.body).toBe('rel');
  });

  it('does not send a fragment to the server', async () => {
    const s = await server({ '/start': redirect('/final#part'), '/final': reply('frag') });
    const res = await fetcher()(`${s.url}/start#top`);
    expect(res.body).toBe('frag');
    expect(s.requests.map((r) => r.path)).toEqual(['/start', '/final']);
  });

  it('turns a POST into a GET after 303, and keeps the POST after 307', async () => {
    const s = await server({
      '/see-other': redirect('/result', 303),
      '/temporary': redirect('/result', 307),
      '/result': (req, res, body) => void res.end(`${req.method} ${body}`),
    });
    const f = fetcher();
    const post = { method: 'POST' as const, body: 'q=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    expect((await f(`${s.url}/see-other`, post)).body).toBe('GET ');
    expect(s.requests[1].headers['content-type']).toBeUndefined();
    expect((await f(`${s.url}/temporary`, post)).body).toBe('POST q=1');
  });

  it('refuses a redirect loop', async () => {
    const s = await server({ '/a': redirect('/b'), '/b': redirect('/a') });
    const err = await stageError(fetcher()(`${s.url}/a`));
    expect(err.message).toBe(`fetch: too many redirects (a loop: ${s.url}/a → ${s.url}/b → ${s.url}/a)`);
    expect(s.requests).toHaveLength(2);
  });

  it('follows 5 hops but refuses a 6th', async () => {
    const s = await server({ '/hop5': reply('end'), '/hop6': reply('end') });
    for (let i = 0; i < 5; i++) s.route(`/hop${i}`, redirect(`/hop${i + 1}`));
    expect((await fetcher()(`${s.url}/hop0`)).body).toBe('end');

    s.route('/hop5', redirect('/hop6'));
    const before = s.requests.length;
    const err = await stageError(fetcher()(`${s.url}/hop0`));
    expect(err.message).toMatch(/^fetch: too many redirects \(more than 5: .*\/hop0 → .*\/hop6\)$/);
    expect(s.requests.length - before).toBe(6); // hop0..hop5 asked; hop6 never requested
  });

  it('refuses a redirect to a non-http scheme and a 3xx without Location', async () => {
    const s = await server({ '/file': redirect('file:///etc/passwd'), '/nowhere': reply('', {}, 302) });
    expect((await stageError(fetcher()(`${s.url}/file`))).message).toBe(
      'fetch: refused to fetch file: URLs (only http and https): file:///etc/passwd',
    );
    const err = await stageError(fetcher()(`${s.url}/nowhere`));
    expect(err.message).toBe('fetch: the server answered HTTP 302 without saying where to go');
    expect(err.status).toBe(302);
  });

  it('drops credentials when a redirect leaves the origin', async () => {
    const s = await server({ '/r': reply('ok') });
    s.route('/start', redirect(`http://other.test:${new URL(s.url).port}/r`));
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    await fetcher({ resolve })(`${s.url}/start`, { headers: { Authorization: 'Bearer secret', 'X-Keep': 'yes' } });
    expect(s.requests[0].headers.authorization).toBe('Bearer secret');
    expect(s.requests[1].headers.host).toBe(`other.test:${new URL(s.url).port}`);
    expect(s.requests[1].headers.authorization).toBeUndefined();
    expect(s.requests[1].headers['x-keep']).toBe('yes');
  });
});
