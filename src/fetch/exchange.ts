// One HTTP request and its response headers over node:http(s), with keep-alive pools and the policy's timeouts.
// Node's own client, not undici: it is part of the runtime, so a crawl does not load a second HTTP stack at start.
import http from 'node:http';
import type https from 'node:https';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { extraCa } from '../trust.js';
import type { FetchPolicy } from './policy.js';
import { guardedLookup } from './guard.js';

/** Error codes of the policy's timeouts (see failure.ts). */
export const CONNECT_TIMEOUT = 'ELAKIVAHTI_CONNECT_TIMEOUT';
export const HEADERS_TIMEOUT = 'ELAKIVAHTI_HEADERS_TIMEOUT';
export const BODY_TIMEOUT = 'ELAKIVAHTI_BODY_TIMEOUT';

export interface ExchangeRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal: Cancel;
}

/**
 * What an AbortController did for a fetch (its deadline, the fetcher's shutdown), without one: each fetch made a
 * controller and its signal, and node:http added a listener to the signal for each request and removed it again
 * (EventTarget work, some 0.2 ms of CPU a request). abort() ends the request in flight as a signal given to
 * node:http would: destroyed with an AbortError whose cause is the reason.
 */
export class Cancel {
  aborted = false;
  reason: unknown = undefined;
  private onAbort: ((reason: unknown) => void) | null = null;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.onAbort?.(reason);
  }

  /** The request in flight: ended by abort() (a new attempt takes the place of the one before). */
  bind(req: http.ClientRequest): void {
    if (this.aborted) return void req.destroy(abortError(this.reason));
    this.onAbort = (reason) => req.destroy(abortError(reason));
  }

  throwIfAborted(): void {
    if (this.aborted) throw this.reason;
  }
}

/** The error node:http ends a request with when its signal aborts. */
const abortError = (cause: unknown): Error =>
  Object.assign(new Error('The operation was aborted', { cause }), { name: 'AbortError', code: 'ABORT_ERR' });

/** Sends requests through per-scheme keep-alive pools; close() ends idle connections so nothing holds the process. */
export interface Transport {
  /** Resolves with the response once its headers arrive; the body is read (or dropped) by the caller. */
  send(req: ExchangeRequest): Promise<IncomingMessage>;
  /** Close every pooled connection now (requests in flight are the caller's to abort). */
  destroy(): void;
}

/** Whether a request's socket is still being connected (for TLS, until its handshake is done); no socket yet counts. */
const connecting = (socket: Socket | null): boolean =>
  !socket || socket.connecting || (socket as Socket & { secureConnecting?: boolean }).secureConnecting === true;

/** A transport with the policy's guarded DNS lookup and its connect, headers and body-idle timeouts. */
export function createTransport(policy: FetchPolicy): Transport {
  const lookup = guardedLookup(policy);
  const plain = new http.Agent({ keepAlive: true });
  // node:https loads TLS, and the extra certificate authorities are read (src/trust.ts): only when an https URL is first
  // asked for.
  let secure: Promise<{ module: typeof https; agent: https.Agent }> | null = null;
  const tls = () =>
    (secure ??= import('node:https').then((module) => ({ module: module.default, agent: new module.default.Agent({ keepAlive: true, ca: extraCa() }) })));

  async function send({ url, method, headers, body, signal }: ExchangeRequest): Promise<IncomingMessage> {
    const client = url.protocol === 'https:' ? await tls() : { module: http, agent: plain };
    signal.throwIfAborted();
    const sent = body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) };
    return attempt(true);

    function attempt(mayRetry: boolean): Promise<IncomingMessage> {
      return new Promise((resolve, reject) => {
        // The socket's own idle timer, set when the socket is made (`timeout`; a pooled one gets it when handed over),
        // so it runs from before the connection is made; what ran out is told by where the request stands when it
        // fires. With the policy's three timeouts equal (the default), no listener re-arms it between phases.
        const req = client.module.request(url, {
          method, headers: sent, agent: client.agent, lookup: lookup as never, timeout: policy.connectTimeoutMs,
        });
        signal.bind(req);
        let res: IncomingMessage | null = null;
        const fail = (code: string, message: string) => Object.assign(new Error(message), { code });
        req.on('timeout', () => {
          if (connecting(req.socket)) req.destroy(fail(CONNECT_TIMEOUT, 'connect timeout'));
          else if (!res) req.destroy(fail(HEADERS_TIMEOUT, 'headers timeout'));
          else res.destroy(fail(BODY_TIMEOUT, 'body timeout'));
        });
        if (policy.headersTimeoutMs !== policy.connectTimeoutMs) {
          req.on('socket', (socket: Socket) => {
            const connected = () => res || socket.setTimeout(policy.headersTimeoutMs);
            if (!connecting(socket)) connected();
            else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
          });
        }
        req.on('response', (response) => {
          res = response;
          if (policy.bodyIdleTimeoutMs !== policy.headersTimeoutMs) response.socket.setTimeout(policy.bodyIdleTimeoutMs);
          resolve(response);
        });
        req.on('error', (err: NodeJS.ErrnoException) => {
          // A pooled connection the server closed just as it was reused: a GET is sent again, once, on a new one.
          const stale = req.reusedSocket && !res && (err.code === 'ECONNRESET' || err.code === 'EPIPE');
          if (mayRetry && stale && method === 'GET' && !signal.aborted) resolve(attempt(false));
          else reject(err);
        });
        req.end(body);
      });
    }
  }

  return {
    send,
    destroy: () => {
      plain.destroy();
      void secure?.then((s) => s.agent.destroy());
    },
  };
}
