// Helpers for source tests: a context whose fetch reads from a local mirror over node:http.
import http from 'node:http';
import type { FetchOptions, FetchResult, RawBatches, RawItem, SourceContext } from '../../src/model.js';
import { readAll } from '../../src/parse/feed.js';

/**
 * A minimal fetch (no politeness, no redirects) for driving source modules against a local mirror. Each request on a
 * connection of its own: global fetch kept connections alive, and on a loaded machine the mirror closed one (its 5 s
 * idle timer) just as the next request went on it, which failed as `fetch failed` (ECONNRESET) with no retry. The
 * product's client sends such a GET again (src/fetch/exchange.ts); this helper has no pool to go stale.
 */
export function plainFetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  return new Promise((resolve, reject) => {
    const body = options.body;
    const headers = { ...options.headers, ...(body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }) };
    const req = http.request(url, { method: options.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status >= 400) return reject(new Error(`fetch: HTTP ${status} for ${url}`));
        const header = (name: string): string | null => {
          const v = res.headers[name];
          return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
        };
        resolve({
          url,
          status,
          notModified: status === 304,
          body: text,
          contentType: header('content-type'),
          charset: 'utf-8',
          bytes: Buffer.byteLength(text),
          etag: header('etag'),
          lastModified: header('last-modified'),
        });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A SourceContext over plainFetch that collects notes. */
export function testContext(now = new Date('2026-11-29T10:00:00Z')): SourceContext & { notes: string[] } {
  const notes: string[] = [];
  return { fetch: plainFetch, note: (m) => void notes.push(m), now, notes };
}

/** What a source module's collect() found, every batch read. */
export async function allItems(found: Promise<RawItem[] | RawBatches | 'not-modified'>): Promise<RawItem[] | 'not-modified'> {
  const result = await found;
  return result === 'not-modified' ? result : readAll(result);
}
