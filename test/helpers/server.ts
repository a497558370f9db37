// A local HTTP server on 127.0.0.1 for tests: serves recorded snapshots and hostile responses.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { writeRssSource } from './feeds.js';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void;

export interface TestServer {
  /** Base URL without trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Requests seen, in order: method, path and headers. */
  requests: { method: string; path: string; headers: http.IncomingHttpHeaders; body: string }[];
  /** Add or replace a route (exact path including query string, or path only). */
  route(path: string, handler: Handler): void;
  close(): Promise<void>;
}

/** Start a server on an ephemeral loopback port; unknown paths get 404. */
export async function startServer(routes: Record<string, Handler> = {}): Promise<TestServer> {
  const table = new Map(Object.entries(routes));
  const requests: TestServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const full = req.url ?? '/';
      requests.push({ method: req.method ?? 'GET', path: full, headers: req.headers, body });
      const handler = table.get(full) ?? table.get(full.split('?')[0]);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      handler(req, res, body);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    route: (path, handler) => void table.set(path, handler),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A handler that answers with a fixed body and headers. */
export const reply =
  (body: string | Buffer, headers: Record<string, string> = {}, status = 200): Handler =>
  (_req, res) => {
    res.writeHead(status, headers);
    res.end(body);
  };

/**
 * One RSS source (`id`, of `items` items) that answers 304 to its ETag, and a temporary folder holding
 * `feeds/sources/ID.yaml` for it: what a crawl process needs to be run cold, then with nothing new.
 */
export async function oneFeedSource(prefix: string, { id = 'a', items = 1 } = {}): Promise<{ feed: TestServer; dir: string }> {
  const entries = Array.from({ length: items }, (_, n) => `<item><guid>${id}-${n + 1}</guid><title>Pelastuslain muutos ${n + 1}</title></item>`);
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>${id}</title>${entries.join('')}</channel></rss>`;
  const feed = await startServer({
    [`/${id}`]: (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(rss);
    },
  });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  writeRssSource(path.join(dir, 'feeds'), id, `${feed.url}/${id}`);
  return { feed, dir };
}
