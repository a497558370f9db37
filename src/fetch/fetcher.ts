// The fetch stage: one polite, bounded, guarded HTTP request with redirects followed by hand.
import type { Fetch, FetchOptions, FetchResult } from '../model.js';
import { StageError } from '../errors.js';
import { discard, drop, readBody, tooLarge } from './body.js';
import { decodeBody } from './charset.js';
import { httpError, networkError } from './failure.js';
import { checkUrl } from './guard.js';
import { Cancel, createTransport } from './exchange.js';
import { createLimiter } from './limiter.js';
import { defaultPolicy, type FetchPolicy } from './policy.js';
import { requestHeaders, withoutCredentials } from './headers.js';

/** A Fetch that owns a connection pool; close() it when done (tests), destroy() it to abort requests in flight (shutdown). */
export type Fetcher = Fetch & { close(): Promise<void>; destroy(): Promise<void> };

type Method = 'GET' | 'POST';
type Hop = { result: FetchResult } | { location: URL; status: number };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Create the fetch stage with the default policy (from the environment) and any overrides. */
export function createFetcher(overrides: Partial<FetchPolicy> = {}): Fetcher {
  const policy: FetchPolicy = { ...defaultPolicy(), ...overrides };
  const transport = createTransport(policy);
  /** Calls in flight: close() waits for them, destroy() aborts them. */
  const inFlight = new Set<Cancel>();
  let idle: (() => void) | null = null;
  // One limit for every host, a mirror on this machine included: LAKIVAHTI_PER_HOST raises it where that is wanted.
  const limiter = createLimiter(policy.perHost);

  async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    const maxBytes = options.maxBytes ?? policy.maxBytes;
    const controller = new Cancel();
    let timer: NodeJS.Timeout | undefined;
    let deadlineHit = false;
    // The deadline starts once the first request gets a slot, so time queued behind other requests is not counted.
    const startDeadline = () => {
      timer ??= setTimeout(() => {
        deadlineHit = true;
        controller.abort(new Error('deadline'));
      }, policy.deadlineMs);
    };

    let method: Method = options.method ?? 'GET';
    let body = options.body;
    let headers = requestHeaders(policy, options);
    let target = checkUrl(url, policy);
    const trail = [target.href];
    inFlight.add(controller);
    try {
      for (;;) {
        const release = await limiter.acquire(target.hostname);
        let hop: Hop;
        try {
          startDeadline();
          hop = await send(target, method, headers, body);
        } finally {
          release();
        }
        if ('result' in hop) return hop.result;

        const next = checkUrl(hop.location.href, policy);
        if (hop.status === 303 || ((hop.status === 301 || hop.status === 302) && method === 'POST')) {
          method = 'GET'; // RFC 9110 §15.4: after 303 (and, by custom, 301/302 from a POST) fetch with GET
          body = undefined;
          delete headers['content-type'];
        }
        if (next.origin !== target.origin) headers = withoutCredentials(headers);
        const looped = trail.includes(next.href) && method === 'GET';
        trail.push(next.href);
        if (looped) throw new StageError('fetch', `too many redirects (a loop: ${trail.join(' → ')})`);
        if (trail.length - 1 > policy.maxRedirects)
          throw new StageError('fetch', `too many redirects (more than ${policy.maxRedirects}: ${trail.join(' → ')})`);
        target = next;
      }
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
      if (inFlight.size === 0) idle?.();
    }

    /** One request without following redirects. */
    async function send(target: URL, method: Method, headers: Record<string, string>, body?: string): Promise<Hop> {
      const host = target.host;
      const fail = (err: unknown) => networkError(err, host, policy, deadlineHit);
      // Redirects are followed by the loop above, so that every hop passes the guard, the limiter and the deadline.
      const res = await transport.send({ url: target, method, headers, body, signal: controller }).catch((err: unknown) => {
        throw fail(err);
      });
      const header = (name: string): string | null => {
        const v = res.headers[name];
        return Array.isArray(v) ? v.join(', ') : (v ?? null);
      };
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        await discard(res);
        const location = header('location');
        if (!location)
          throw new StageError('fetch', `the server answered HTTP ${status} without saying where to go`, null, status);
        try {
          return { location: new URL(location, target), status };
        } catch {
          throw new StageError('fetch', `the server redirected to an invalid URL "${location}"`, null, status);
        }
      }
      const common = { url: target.href, status, contentType: header('content-type') };
      if (status === 304) {
        await discard(res); // a 304 has no body; never read or decode one
        const sent = options.validators ?? {};
        const etag = header('etag') ?? sent.etag ?? null;
        const lastModified = header('last-modified') ?? sent.lastModified ?? null;
        return { result: { ...common, notModified: true, body: '', charset: 'utf-8 (default)', bytes: 0, etag, lastModified } };
      }
      if (status < 200 || status >= 300) {
        await discard(res);
        throw httpError(status, header('retry-after'));
      }
      const declared = Number(header('content-length') ?? NaN);
      if (declared > maxBytes) {
        drop(res); // reject before reading a byte
        throw tooLarge(maxBytes);
      }
      const expected = Number.isSafeInteger(declared) && declared >= 0 ? declared : undefined;
      const bytes = await readBody(res, header('content-encoding'), maxBytes, expected).catch((err: unknown) => {
        // Node reports a connection closed mid-body as a reset ("aborted"): say what it was.
        throw fail(!res.complete && (err as { code?: string }).code === 'ECONNRESET' ? Object.assign(new Error('premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }) : err);
      });
      const decoded = decodeBody(bytes, common.contentType);
      return {
        result: {
          ...common,
          notModified: false,
          body: decoded.text,
          charset: `${decoded.encoding} (${decoded.source}${decoded.replaced ? `, ${decoded.replaced} invalid byte sequence${decoded.replaced === 1 ? '' : 's'} replaced` : ''})`,
          replacedBytes: decoded.replaced ?? 0,
          bytes: bytes.length,
          etag: header('etag'),
          lastModified: header('last-modified'),
        },
      };
    }
  }

  /** Wait for the calls in flight, then end the idle keep-alive connections (nothing lingers to hold the process). */
  async function close(): Promise<void> {
    if (inFlight.size) await new Promise<void>((resolve) => (idle = resolve));
    idle = null;
    transport.destroy();
  }

  /** Abort the calls in flight and end every connection. */
  async function destroy(): Promise<void> {
    for (const c of inFlight) c.abort(new Error('the fetcher was shut down'));
    transport.destroy();
  }

  return Object.assign(fetchUrl, { close, destroy });
}
