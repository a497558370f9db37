// Rendered pages leave as UTF-8 bytes written in one pass (src/web/app.ts): the same bytes and headers as express's
// own send of the string.
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { sendPagesAsBytes, utf8 } from '../../src/web/app.js';

describe('utf8', () => {
  it.each([
    ['empty', ''],
    ['ASCII', 'abc '.repeat(5000)],
    ['Finnish letters and dashes', 'Pelastuslain muutos – lausuntoaika päättyy … ö å '.repeat(700)],
    ['three bytes a character (more than the room it starts with)', '€'.repeat(3000)],
    ['four bytes a character', '𝄞'.repeat(3000)],
    ['a lone surrogate', `alku ${'\uD800'} loppu`],
  ])('%s: the bytes Buffer.from makes', (_name, text) => {
    expect(Buffer.compare(utf8(text), Buffer.from(text, 'utf8'))).toBe(0);
  });
});

describe('sendPagesAsBytes', () => {
  it('sends a rendered page with the headers and bytes of express\'s own send, and leaves callbacks and set types alone', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-page-bytes-'));
    fs.writeFileSync(path.join(dir, 'page.txt'), 'Hätäkeskus – ');
    const app = (bytes: boolean) => {
      const a = express();
      a.set('etag', false);
      a.engine('txt', (file, options, done) => done(null, fs.readFileSync(file, 'utf8') + 'ä'.repeat((options as { n: number }).n)));
      a.set('view engine', 'txt');
      a.set('views', dir);
      if (bytes) sendPagesAsBytes(a);
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
});
