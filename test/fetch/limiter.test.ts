import { describe, expect, it } from 'vitest';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { cleanup, fetcher } from './support.js';
import { defaultPolicy } from '../../src/fetch/index.js';

/** A server whose /slow answers after `ms`, recording the most requests it saw in flight, per Host header. */
async function slowServer(ms: number) {
  let active = 0;
  let max = 0;
  const perHost = new Map<string, { active: number; max: number }>();
  const s: TestServer = await startServer({
    '/slow': (req, res) => {
      const host = req.headers.host ?? '';
      const h = perHost.get(host) ?? { active: 0, max: 0 };
      perHost.set(host, h);
      active += 1;
      h.active += 1;
      max = Math.max(max, active);
      h.max = Math.max(h.max, h.active);
      setTimeout(() => {
        active -= 1;
        h.active -= 1;
        res.end('done');
      }, ms);
    },
    '/fail': reply('', {}, 500),
    '/hop': reply('', { location: '/slow' }, 302),
  });
  cleanup(s.close);
  return { s, max: () => max, perHost };
}

/** A public-looking name for the local test server (its requests are counted per host name). */
const asPublic = { resolve: async () => [{ address: '127.0.0.1', family: 4 }] };
const publicUrl = (s: TestServer, path: string) => `http://a.test:${new URL(s.url).port}${path}`;

describe('fetch: per-host politeness', () => {
  it('never has more than 2 requests in flight to one host, but does use both slots', async () => {
    const { s, max } = await slowServer(150);
    const f = fetcher(asPublic);
    const results = await Promise.all(Array.from({ length: 7 }, () => f(publicUrl(s, '/slow'))));
    expect(results.every((r) => r.body === 'done')).toBe(true);
    expect(s.requests).toHaveLength(7);
    expect(max()).toBe(2);
  });

  it('takes the limit from the policy, and from LAKIVAHTI_PER_HOST', async () => {
    const { s, max } = await slowServer(150);
    const f = fetcher({ ...asPublic, perHost: 3 });
    await Promise.all(Array.from({ length: 7 }, () => f(publicUrl(s, '/slow'))));
    expect(max()).toBe(3);
    expect(defaultPolicy({ LAKIVAHTI_PER_HOST: '5' }).perHost).toBe(5);
    expect(defaultPolicy({}).perHost).toBe(2);
    expect(() => defaultPolicy({ LAKIVAHTI_PER_HOST: '0' })).toThrow(/LAKIVAHTI_PER_HOST must be a whole number from 1 to 16, not "0"/);
    // Digits only, as every whole-number setting is read: Number() took hexadecimal and exponents.
    for (const odd of ['0x10', '1e1', '4.0', '+4'])
      expect(() => defaultPolicy({ LAKIVAHTI_PER_HOST: odd })).toThrow(`LAKIVAHTI_PER_HOST must be a whole number from 1 to 16, not "${odd}"`);
    expect(defaultPolicy({ LAKIVAHTI_PER_HOST: ' 3 ' }).perHost).toBe(3);
  });

  it('limits a loopback host (a mirror on this machine) like any other; LAKIVAHTI_PER_HOST widens it', async () => {
    const local = await slowServer(150);
    const f = fetcher();
    await Promise.all(Array.from({ length: 6 }, () => f(`${local.s.url}/slow`)));
    expect(local.max()).toBe(2);
    const wide = await slowServer(150);
    const g = fetcher({ perHost: defaultPolicy({ LAKIVAHTI_PER_HOST: '8' }).perHost });
    await Promise.all(Array.from({ length: 6 }, () => g(`${wide.s.url}/slow`)));
    expect(wide.max()).toBe(6);
  });

  it('limits each host separately', async () => {
    const { s, max, perHost } = await slowServer(150);
    const port = new URL(s.url).port;
    const f = fetcher({ resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    await Promise.all(
      ['a.test', 'b.test'].flatMap((host) => Array.from({ length: 4 }, () => f(`http://${host}:${port}/slow`))),
    );
    expect(perHost.get(`a.test:${port}`)?.max).toBe(2);
    expect(perHost.get(`b.test:${port}`)?.max).toBe(2);
    expect(max()).toBe(4);
  });

  it('gives the slot back after an error and between redirect hops', async () => {
    const { s } = await slowServer(10);
    const f = fetcher({ ...asPublic, perHost: 1 });
    const [failed, ok, redirected] = await Promise.allSettled([f(publicUrl(s, '/fail')), f(publicUrl(s, '/slow')), f(publicUrl(s, '/hop'))]);
    expect(failed.status).toBe('rejected');
    expect(ok.status).toBe('fulfilled');
    expect(redirected).toMatchObject({ status: 'fulfilled', value: { body: 'done' } });
  });
});
