// The security headers are helmet's, worked out once: an answer carries exactly what helmet itself would set.
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet, { type HelmetOptions } from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/web/app.js';

/** The headers of a GET / on an app that answers after `middleware`, minus those every answer has. */
async function headersAfter(middleware: express.RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.use((_req, res, next) => void (res.setHeader('X-Powered-By', 'test'), next()));
  app.use(middleware);
  app.get('/', (_req, res) => void res.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    const out = Object.fromEntries(res.headers);
    for (const k of ['date', 'connection', 'keep-alive', 'content-length', 'etag', 'content-type']) delete out[k];
    return out;
  } finally {
    server.close();
  }
}

describe('securityHeaders', () => {
  const variants: [string, HelmetOptions][] = [
    ['defaults', {}],
    ['the app\'s policy behind HTTPS', {
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"], upgradeInsecureRequests: [] } },
      strictTransportSecurity: { maxAge: 31536000 }, referrerPolicy: { policy: 'same-origin' },
    }],
    ['no HSTS', { strictTransportSecurity: false, referrerPolicy: { policy: 'same-origin' } }],
  ];
  it.each(variants)('%s: the same headers as helmet, X-Powered-By removed', async (_name, options) => {
    const expected = await headersAfter(helmet(options));
    expect(Object.keys(expected).length).toBeGreaterThan(8);
    expect(expected['x-powered-by']).toBeUndefined();
    expect(await headersAfter(securityHeaders(options))).toEqual(expected);
  });
});
