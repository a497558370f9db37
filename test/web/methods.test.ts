// A method a page does not take: 405 with an Allow header naming the ones it does (RFC 9110 §15.5.6), where it answered
// 404 as if the page did not exist. A path no route has stays 404.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { useSite, type Site } from './support.js';

let site: Site;
useSite('reviewer', (s) => ({ site } = s));

/** A request with the session's cookie (node's fetch refuses TRACE): status, Allow and body. */
function request(method: string, path: string): Promise<{ status: number; allow: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${site.base}${path}`, { method, headers: { cookie: site.browser.cookie } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a method a path does not take', () => {
  it.each([
    ['PUT', '/items', 'GET, HEAD'],
    ['DELETE', '/items/1', 'GET, HEAD'],
    ['PATCH', '/subscriptions', 'GET, HEAD, POST'],
    ['TRACE', '/sources', 'GET, HEAD'],
    ['PUT', '/items/1/review', 'POST'],
    ['DELETE', '/feeds/matters/3.atom', 'GET, HEAD'],
    ['PROPFIND', '/', 'GET, HEAD'],
  ])('%s %s is 405, Allow: %s', async (method, path, allow) => {
    const r = await request(method, path);
    expect(r.status).toBe(405);
    expect(r.allow).toBe(allow);
  });

  it('OPTIONS names the methods', async () => {
    const r = await request('OPTIONS', '/subscriptions');
    expect(r.status).toBeLessThan(300);
    expect(r.allow).toBe('GET, HEAD, POST');
  });

  it.each([['PUT', '/ei-ole'], ['DELETE', '/items/1/ei-ole'], ['GET', '/ei-ole']])('%s %s stays 404', async (method, path) => {
    expect((await request(method, path)).status).toBe(404);
  });
});
