// A web app served on 127.0.0.1 with a log of what it did, in order: for tests that pin that one request is answered
// while another's long output is still being written (csv-stream, feed-stream).
import http from 'node:http';
import type { RequestListener } from 'node:http';

/**
 * Serve `app` on a free port of 127.0.0.1; `events` gets "PATH began" as each request arrives and "PATH ended" as its
 * answer ends (res.end called).
 */
export async function listenLogged(app: RequestListener, events: string[]): Promise<{ server: http.Server; base: string }> {
  const server = await new Promise<http.Server>((resolve) => {
    const s = http.createServer((req, res) => {
      const name = (req.url ?? '').split('?')[0];
      events.push(`${name} began`);
      const end = res.end.bind(res) as (...a: unknown[]) => http.ServerResponse;
      res.end = ((...a: unknown[]) => (events.push(`${name} ended`), end(...a))) as typeof res.end;
      app(req, res);
    }).listen(0, '127.0.0.1', () => resolve(s));
  });
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}
