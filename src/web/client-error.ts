// A request node's HTTP parser refused before express saw it: a request line or headers past node's limit (16 KiB by
// default) got node's bare 431 with no body and no line in the log. It gets the error page, with every page's security
// headers, and is logged as a page's failure is; other refusals keep node's own answers.
import http, { type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { formatBytes } from '../bytes.js';
import { word } from '../present/words-web.js';
import { logRequestFailure } from './request-log.js';

/** How much of the refused address the log keeps. */
const LOGGED_PATH = 200;
/** How long a refused client may go on sending (its request is read and thrown away) before its connection is cut. */
const LINGER_MS = 5_000;

/** node's own answers to the other refusals (its _http_server.js), as they were before this listener took them over. */
const nodeAnswer = (code: string | undefined): Buffer => {
  const status = code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? 413 : 400;
  return Buffer.from(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`, 'latin1');
};

/** The method and address a refused request began with (its first line, as far as the parser read it). */
function requestLine(raw: Buffer | undefined): { method: string; path: string } {
  const [method = '', target = ''] = (raw?.subarray(0, LOGGED_PATH * 4).toString('latin1').split('\r\n', 1)[0] ?? '').split(' ');
  return { method, path: target.length > LOGGED_PATH ? `${target.slice(0, LOGGED_PATH - 1)}…` : target };
}

/** Answer `server`'s refused requests: a 431 with `app`'s error page in Finnish (the person is not known) and `headers`. */
export function answerClientErrors(server: Server, app: express.Express, headers: readonly [string, string][]): void {
  // Connections answered here: the parser refuses each later part of the same request again, and those are ignored.
  const answered = new WeakSet<Duplex>();
  server.on('clientError', (err: NodeJS.ErrnoException & { rawPacket?: Buffer }, socket: Duplex & { bytesWritten?: number }) => {
    if (answered.has(socket)) return;
    // As node does: a connection reset, or one already answered or written to, is only closed.
    if (err.code === 'ECONNRESET' || !socket.writable || socket.bytesWritten) return void socket.destroy();
    if (err.code !== 'HPE_HEADER_OVERFLOW') return void (socket.write(nodeAnswer(err.code)), socket.destroy());
    answered.add(socket);
    logRequestFailure(requestLine(err.rawPacket), `${err.code}: ${err.message}`, 431);
    const message = word('fi', 'error.headersTooLarge', { size: formatBytes(http.maxHeaderSize) });
    app.render('error', { title: word('fi', 'error.title'), message }, (renderErr, html) => {
      const body = renderErr ? `${word('fi', 'error.title')}: ${message}` : html;
      const head = [`HTTP/1.1 431 ${http.STATUS_CODES[431]}`, `Content-Type: ${renderErr ? 'text/plain' : 'text/html'}; charset=utf-8`,
        `Content-Length: ${Buffer.byteLength(body)}`, 'Cache-Control: no-store', 'Connection: close', ...headers.map(([name, value]) => `${name}: ${value}`)];
      // Ended, not destroyed: the rest of the request still on its way would reset the connection and could take the
      // answer with it. What more arrives is thrown away; a client that never stops is cut.
      socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
      const cut = setTimeout(() => socket.destroy(), LINGER_MS).unref();
      socket.once('close', () => clearTimeout(cut));
    });
  });
}
