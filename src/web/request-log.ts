// The operator's line for a request that failed: one JSON line on stderr, as the other web events are logged.
import type { Request } from 'express';

/**
 * Log `err` as the failure of `req` (`request_failed`, with its stack): `status` is the answer it got, left out when
 * the answer had already begun (a CSV export cut after its headers).
 */
export function logRequestFailure(req: Pick<Request, 'method' | 'path'>, err: unknown, status?: number): void {
  const error = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), event: 'request_failed', method: req.method, path: req.path, ...(status === undefined ? {} : { status }), error }) + '\n');
}
