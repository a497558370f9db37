// Rendered pages leave as strings the socket encodes (src/web/app.ts): the same bytes and headers as express's own send
// of the string, without a buffer made on the JavaScript heap for each page.
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { sendRenderedPages } from '../../src/web/app.js';

describe('sendRenderedPages', () => {
  it('sends a rendered page with the headers and bytes of express\'s own send, and leaves callbacks and set types alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-page-bytes-'));
    fs.writeFileSync(path.join(dir, 'page.txt'), 'Hätäkeskus – ');
    const app = (bytes: boolean) => {
      const a = express();
      a.set('etag', false);
      a.engine('txt', (file, options, done) => done(null, fs.readFileSync(file, 'utf8') + 'ä'.repeat((options as { n: number }).n)));
      a.set('view engine', 'txt');
      a.set('views', dir);
      if (bytes) sendRenderedPages(a);
      a.get('/page', (_req, res) => res.status(201).render('page', { n: 3000 }));
      a.get('/typed', (_req, res) => res.type('text/plain').render('page', { n: 10 }));
      a.get('/callback', (_req, res) => res.render('page', { n: 1 }, (_err, html) => void res.send(`[${html}]`)));
      a.get('/missing', (_req, res) => res.render('no-such-view'));
      return a;
    };
    const answers = async (a: express.Express) => {
      const server = a.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      try {
        const out: unknown[] = [];
        for (const p of ['/page', '/typed', '/callback', '/missing']) {
          const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${p}`);
          const body = Buffer.from(await res.arrayBuffer()).toString('base64');
          // A view that fails goes to the error handler (express's own here, whose page shows the stack).
          out.push(p === '/missing' ? { status: res.status } : { status: res.status, type: res.headers.get('content-type'), length: res.headers.get('content-length'), body });
        }
        return out;
      } finally {
        server.close();
      }
    };
    const expected = await answers(app(false));
    expect(expected[0]).toMatchObject({ status: 201, type: 'text/html; charset=utf-8', length: String(Buffer.byteLength(`Hätäkeskus – ${'ä'.repeat(3000)}`)) });
    expect(expected[3]).toEqual({ status: 500 });
    expect(await answers(app(true))).toEqual(expected);
  });

  it('hands a page to the socket as the rendered string with its UTF-8 length, not as a buffer made for it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-page-bytes-'));
    const text = `Pelastuslain muutos – lausuntoaika päättyy … ${'ö'.repeat(3000)}`;
    fs.writeFileSync(path.join(dir, 'page.txt'), text);
    const a = express();
    a.set('etag', false);
    a.engine('txt', (file, _options, done) => done(null, fs.readFileSync(file, 'utf8')));
    a.set('view engine', 'txt');
    a.set('views', dir);
    sendRenderedPages(a);
    const ended: unknown[] = [];
    a.use((_req, res, next) => {
      const end = res.end.bind(res) as (...args: unknown[]) => typeof res;
      res.end = ((...args: unknown[]) => (ended.push(args[0]), end(...args))) as typeof res.end;
      next();
    });
    a.get('/page', (_req, res) => res.render('page'));
    a.head('/page', (_req, res) => res.render('page'));
    const server = a.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/page`;
      const res = await fetch(url);
      expect(await res.text()).toBe(text);
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      expect(typeof ended[0]).toBe('string');
      // HEAD is express's: the headers of the page and no body.
      const head = await fetch(url, { method: 'HEAD' });
      expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
      expect(ended[1]).toBeUndefined();
    } finally {
      server.close();
    }
  });
});
