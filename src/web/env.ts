// The web view's settings from the environment, for serving behind an HTTPS proxy; a malformed one is refused naming it.
import net from 'node:net';
import { envFlag, envWhole } from '../env-flag.js';
import { configuredBaseUrl } from '../mail/config.js';

export interface WebEnv {
  /** LAKIVAHTI_SECURE_COOKIES: `Secure` `__Host-` session cookies and HSTS. */
  secureCookies: boolean;
  /**
   * LAKIVAHTI_TRUST_PROXY: the proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (express's `trust
   * proxy`): addresses, subnets and the names loopback, linklocal, uniquelocal. Unset: none, and behind a proxy every
   * sign-in came from the proxy's address, so 30 wrong passwords from anyone locked out everybody.
   */
  trustProxy?: string[];
  /**
   * LAKIVAHTI_BASE_URL: the public address the feeds', the calendar's and the messages' links lead to, read here once as
   * serve starts; unset, the feeds link to the address a request reached and messages to the port serve listens on.
   */
  baseUrl?: string;
  /**
   * LAKIVAHTI_WRITE_WAIT_SECONDS: how long a form waits for another process's write lock before it is refused 503
   * (send again); WRITE_WAIT_MS when unset.
   */
  writeWaitMs: number;
}

/**
 * How long a form waits for another process's write lock by default: about three times the longest a separate `crawl`
 * of a big feed held it (3.6 s, session 59); a backup or a retag may hold it for minutes.
 */
export const WRITE_WAIT_MS = 10_000;

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address or subnet ("10.0.0.0/8", "::1") as express's trust proxy takes it, or a name of a range. */
function isProxy(value: string): boolean {
  if (PROXY_NAMES.has(value)) return true;
  const [address, bits, extra] = value.split('/');
  const family = net.isIP(address);
  if (!family || extra !== undefined) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** Read the web settings; throws naming the variable when one is malformed. */
export function webEnv(env: NodeJS.ProcessEnv = process.env): WebEnv {
  // "true" was read as off: cookies without Secure behind HTTPS, and nothing said so.
  const secureCookies = envFlag(env, 'LAKIVAHTI_SECURE_COOKIES');
  const trust = env.LAKIVAHTI_TRUST_PROXY?.trim() ?? '';
  let trustProxy: WebEnv['trustProxy'];
  // Never "true" nor a count of hops (express's number): either believes the X-Forwarded-For of whoever connects, so a
  // client reaching serve past the proxy wrote its own address, a new one for each guess past the sign-in limit.
  if (/^\d+$/.test(trust))
    throw new Error(`LAKIVAHTI_TRUST_PROXY=${trust} would believe X-Forwarded-For from whoever connects, also a client reaching serve ` +
      'directly: name the proxy\'s address or subnet instead (127.0.0.1 or loopback for a proxy on this machine, 10.0.0.0/8; several with commas)');
  if (trust !== '') {
    trustProxy = trust.split(',').map((s) => s.trim());
    if (!trustProxy.every(isProxy))
      throw new Error('LAKIVAHTI_TRUST_PROXY must be the proxy\'s address or subnet (127.0.0.1, 10.0.0.0/8, loopback; several with commas), ' +
        `not ${JSON.stringify(env.LAKIVAHTI_TRUST_PROXY)}`);
  }
  const baseUrl = configuredBaseUrl(env);
  const writeWaitMs = envWhole(env, 'LAKIVAHTI_WRITE_WAIT_SECONDS', WRITE_WAIT_MS / 1000, 1, 600) * 1000;
  return { secureCookies, ...(trustProxy === undefined ? {} : { trustProxy }), ...(baseUrl === undefined ? {} : { baseUrl }), writeWaitMs };
}
