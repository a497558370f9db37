// A local mirror of one source's recorded snapshots, for `npm run demo` and the tests.
// Each source's fixtures live in a folder with mirror.json: [{ path, file, type?, status? }].
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

/** One recorded response: the request path (with query, or without to match any query) and its file. */
export interface MirrorRoute {
  path: string;
  file: string;
  type?: string;
  status?: number;
}

export interface Mirror {
  /** Origin of the mirror, e.g. http://127.0.0.1:40123 */
  origin: string;
  close(): Promise<void>;
}

/** Read a fixture folder's mirror.json, with an error naming the file and entry. */
export function readMirrorRoutes(dir: string): MirrorRoute[] {
  const file = path.join(dir, 'mirror.json');
  const routes = JSON.parse(fs.readFileSync(file, 'utf8')) as MirrorRoute[];
  routes.forEach((r, i) => {
    if (typeof r.path !== 'string' || typeof r.file !== 'string')
      throw new Error(`${file}: entry ${i + 1} needs "path" and "file"`);
  });
  return routes;
}

/** Serve a fixture folder on 127.0.0.1 (an ephemeral port unless given). */
export async function startMirror(dir: string, port = 0): Promise<Mirror> {
  const routes = readMirrorRoutes(dir);
  const sockets = new Set<import('node:net').Socket>();
  const server = http.createServer((req, res) => {
    req.resume();
    const full = req.url ?? '/';
    const route =
      routes.find((r) => r.path === full) ??
      routes.find((r) => r.path === decodeURIComponent(full)) ??
      routes.find((r) => !r.path.includes('?') && r.path === full.split('?')[0]);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`no recorded snapshot for ${full}`);
      return;
    }
    res.writeHead(route.status ?? 200, { 'content-type': route.type ?? 'application/octet-stream' });
    res.end(fs.readFileSync(path.join(dir, route.file)));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Point a real source URL at the mirror: same path and query, the mirror's origin. */
export function mirrorUrl(realUrl: string, origin: string): string {
  const u = new URL(realUrl);
  return origin + u.pathname + u.search;
}
