// Request headers: identity, content negotiation, conditional GET, and no credentials across origins.
import type { FetchOptions } from '../model.js';
import type { FetchPolicy } from './policy.js';

/** Default headers, then the caller's (case-insensitively), then validators for a conditional GET. */
export function requestHeaders(policy: FetchPolicy, options: FetchOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': policy.userAgent,
    accept: policy.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  for (const [k, v] of Object.entries(options.headers ?? {})) headers[k.toLowerCase()] = v;
  const { etag, lastModified } = options.validators ?? {};
  if ((options.method ?? 'GET') === 'GET') {
    if (etag) headers['if-none-match'] = etag;
    if (lastModified) headers['if-modified-since'] = lastModified;
  }
  return headers;
}

/** Never carry credentials to another origin. */
export function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  const { authorization: _a, cookie: _c, 'proxy-authorization': _p, ...rest } = headers;
  return rest;
}
