// The fetch stage's settings: limits, timeouts and identity, with defaults read from the environment.
import type { LookupAddress } from 'node:dns';
import { StageError } from '../errors.js';
import { asConfigError, envFlag, envWhole } from '../env-flag.js';

/** How the fetcher behaves; every field has a default from defaultPolicy(). */
export interface FetchPolicy {
  /** Sent on every request; sources such as Finlex require an identifying one. */
  userAgent: string;
  /** Default Accept header (options.headers may override it). */
  accept: string;
  /** Cap on the decompressed body, in bytes. */
  maxBytes: number;
  /** Time allowed to open the TCP/TLS connection. */
  connectTimeoutMs: number;
  /** Time allowed for the response headers once the request is sent. */
  headersTimeoutMs: number;
  /** Longest silence allowed between two body chunks. */
  bodyIdleTimeoutMs: number;
  /** Overall deadline for one call, redirects and body included. */
  deadlineMs: number;
  /** Redirect hops followed before giving up. */
  maxRedirects: number;
  /** Concurrent requests per host (any host, this machine's included), shared by every call through one fetcher. */
  perHost: number;
  /** Allow private, loopback and link-local targets (tests, an intranet mirror). */
  allowPrivateNetworks: boolean;
  /** Replace the address check (tests use it to treat the loopback test server as public). */
  isAllowedAddress?: (address: string) => boolean;
  /** Replace the DNS resolver (tests use it to simulate a name that resolves to a private address). */
  resolve?: (hostname: string) => Promise<LookupAddress[]>;
}

export const DEFAULT_USER_AGENT =
  'Lakivahti/0.1 (legislative monitoring for Finnish rescue departments)';

const DEFAULT_ACCEPT =
  'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, ' +
  'application/json;q=0.8, text/html;q=0.7, */*;q=0.5';

const MB = 1024 * 1024;

/** The default policy, with LAKIVAHTI_USER_AGENT, LAKIVAHTI_MAX_BYTES and LAKIVAHTI_ALLOW_PRIVATE_NETWORKS applied. */
export function defaultPolicy(env: NodeJS.ProcessEnv = process.env): FetchPolicy {
  return {
    userAgent: parseUserAgent(env.LAKIVAHTI_USER_AGENT),
    accept: DEFAULT_ACCEPT,
    maxBytes: asConfigError(() => envWhole(env, 'LAKIVAHTI_MAX_BYTES', 10 * MB, 1, Number.MAX_SAFE_INTEGER)),
    connectTimeoutMs: 15_000,
    headersTimeoutMs: 15_000,
    bodyIdleTimeoutMs: 15_000,
    deadlineMs: 60_000,
    maxRedirects: 5,
    // Requests in flight to one host: politeness to other people's servers.
    perHost: asConfigError(() => envWhole(env, 'LAKIVAHTI_PER_HOST', 2, 1, 16)),
    allowPrivateNetworks: asConfigError(() => envFlag(env, 'LAKIVAHTI_ALLOW_PRIVATE_NETWORKS')),
  };
}


/**
 * The User-Agent (LAKIVAHTI_USER_AGENT, default DEFAULT_USER_AGENT): one HTTP header's value, so no line break or
 * other control character and nothing past Latin-1, which every request would refuse (each source's run failing with
 * "Invalid character in header content" while the command started as if all were well).
 */
function parseUserAgent(value: string | undefined): string {
  const agent = value?.trim();
  if (!agent) return DEFAULT_USER_AGENT;
  if (/[^\t\x20-\x7e\x80-\xff]/.test(agent))
    throw new StageError('config', `LAKIVAHTI_USER_AGENT must be one line of printable Latin-1 characters (an HTTP header's value), not ${JSON.stringify(value)}`);
  return agent;
}

/** "15 s" or "500 ms". */
export function formatMs(ms: number): string {
  return ms >= 1000 ? `${+(ms / 1000).toFixed(1)} s` : `${ms} ms`;
}
