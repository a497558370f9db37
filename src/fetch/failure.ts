// Turning HTTP statuses and network failures into plain-language fetch errors.
import { STATUS_CODES } from 'node:http';
import { StageError } from '../errors.js';
import { formatMs, type FetchPolicy } from './policy.js';
import { BODY_TIMEOUT, CONNECT_TIMEOUT, HEADERS_TIMEOUT } from './exchange.js';
import { parseRetryAfter } from './retry-after.js';

/** The error for a 4xx/5xx answer; 429 and 503 carry Retry-After as retryAfterMs. */
export function httpError(status: number, retryAfter: string | null, now = Date.now()): StageError {
  const wait = parseRetryAfter(retryAfter, now);
  const after = wait === null ? '' : `; retry after ${Math.ceil(wait / 1000)} s`;
  if (status === 429 || (status === 503 && wait !== null))
    return new StageError('fetch', `the server is rate limiting us (HTTP ${status})${after}`, wait, status);
  const reason = STATUS_CODES[status];
  const text = `HTTP ${status}${reason ? ` ${reason}` : ''}`;
  if (status === 503) return new StageError('fetch', `the server is temporarily unavailable (${text})`, null, status);
  return new StageError('fetch', `the server answered ${text}`, null, status);
}

interface ErrorLike {
  code?: string;
  message?: string;
  cause?: unknown;
  errors?: unknown[];
}

/** The first error code found on an error, its cause or (happy-eyeballs) its sub-errors. */
function codeOf(err: unknown, depth = 0): string | undefined {
  if (!err || typeof err !== 'object' || depth > 4) return undefined;
  const e = err as ErrorLike;
  if (e.code && e.code !== 'ABORT_ERR') return e.code;
  return codeOf(e.cause, depth + 1) ?? codeOf(e.errors?.[0], depth + 1) ?? e.code;
}

/** A StageError found on an error or its cause chain (e.g. the guard's refusal raised inside connect). */
function stageErrorIn(err: unknown, depth = 0): StageError | undefined {
  if (err instanceof StageError) return err;
  if (!err || typeof err !== 'object' || depth > 4) return undefined;
  const e = err as ErrorLike;
  return stageErrorIn(e.cause, depth + 1) ?? stageErrorIn(e.errors?.[0], depth + 1);
}

/** Wrap anything thrown while talking to `host` in a StageError that names the host; never rethrow raw errors. */
export function networkError(err: unknown, host: string, policy: FetchPolicy, deadlineHit: boolean): StageError {
  const found = stageErrorIn(err);
  if (found) return found;
  if (deadlineHit) return new StageError('fetch', `the request to ${host} did not finish within ${formatMs(policy.deadlineMs)}`);
  const code = codeOf(err) ?? '';
  const plain = (detail: string) => new StageError('fetch', detail);
  switch (code) {
    case 'ECONNREFUSED':
      return plain(`could not connect to ${host} (connection refused)`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return plain(`could not find the host ${host} (DNS lookup failed)`);
    case 'ECONNRESET':
    case 'EPIPE':
      return plain(`the connection to ${host} was reset`);
    case 'ERR_STREAM_PREMATURE_CLOSE':
      return plain(`the connection to ${host} closed before the whole response arrived`);
    case CONNECT_TIMEOUT:
    case 'ETIMEDOUT':
      return plain(`could not connect to ${host} within ${formatMs(policy.connectTimeoutMs)}`);
    case HEADERS_TIMEOUT:
      return plain(`${host} did not answer within ${formatMs(policy.headersTimeoutMs)}`);
    case BODY_TIMEOUT:
      return plain(`${host} stopped sending the response for ${formatMs(policy.bodyIdleTimeoutMs)}`);
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return plain(`${host} is unreachable from here (${code})`);
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return plain(`the response from ${host} could not be decompressed (corrupt data)`);
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('CERT_') || code.includes('CERT') || code.startsWith('ERR_SSL'))
    return plain(`a secure connection to ${host} failed (${code})`);
  if (code.startsWith('ERR_BROTLI') || code.startsWith('ERR_ZLIB') || code.startsWith('Z_'))
    return plain(`the response from ${host} could not be decompressed (${code})`);
  if (code.startsWith('HPE_') || (err as Error | null)?.name === 'HTTPParserError')
    return plain(`${host} sent a malformed HTTP response${code ? ` (${code})` : ''}`);
  const message = (err as ErrorLike | null)?.message ?? String(err);
  return plain(`the request to ${host} failed (${code ? `${code}: ` : ''}${message})`);
}
