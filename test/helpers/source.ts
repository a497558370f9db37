// Helpers for source tests: a context whose fetch reads from a local mirror with global fetch.
import type { FetchOptions, FetchResult, RawBatches, RawItem, SourceContext } from '../../src/model.js';
import { readAll } from '../../src/parse/feed.js';

/** A minimal fetch (no politeness) for driving source modules against a local mirror. */
export async function plainFetch(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const res = await fetch(url, { method: options.method ?? 'GET', headers: options.headers, body: options.body });
  const body = await res.text();
  if (res.status >= 400) throw new Error(`fetch: HTTP ${res.status} for ${url}`);
  return {
    url: res.url || url,
    status: res.status,
    notModified: res.status === 304,
    body,
    contentType: res.headers.get('content-type'),
    charset: 'utf-8',
    bytes: Buffer.byteLength(body),
    etag: res.headers.get('etag'),
    lastModified: res.headers.get('last-modified'),
  };
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
