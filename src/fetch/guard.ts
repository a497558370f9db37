// The SSRF guard: only http(s), and never a private, loopback or link-local address unless allowed.
import { createRequire } from 'node:module';
import net from 'node:net';
import type Dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { StageError } from '../errors.js';
import type { FetchPolicy } from './policy.js';

/** node:dns, loaded for the first name to look up: a feed at an address literal never needs it. */
let dns: typeof Dns | null = null;
const dnsModule = (): typeof Dns => (dns ??= createRequire(import.meta.url)('node:dns') as typeof Dns);

/** IPv4 ranges that are not the public internet (RFC 6890 and friends). */
const V4_BLOCKED: [string, number][] = [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15],
  ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
];

const v4ToInt = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);

function v4Blocked(ip: string): boolean {
  const n = v4ToInt(ip);
  return V4_BLOCKED.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4ToInt(base) / 2 ** (32 - bits)));
}

/** Eight 16-bit groups of an IPv6 address (with a trailing dotted quad expanded). */
function v6Groups(ip: string): number[] {
  let text = ip.split('%')[0];
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const n = v4ToInt(quad[1]);
    text = text.slice(0, -quad[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const parse = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = parse(head);
  const t = parse(tail);
  return tail === undefined ? h : [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
}

const groupsToV4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 addresses an IPv6 address carries to an IPv4 host, or null when it carries none. Each of these
 * reaches the embedded address through the host's own stack or a translator/relay, so that address decides.
 */
function embeddedV4(g: number[]): string[] | null {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return [groupsToV4(g[6], g[7])]; // ::ffff:a.b.c.d, IPv4-mapped (RFC 4291)
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return [groupsToV4(g[6], g[7])]; // ::ffff:0:a.b.c.d, IPv4-translated (RFC 2765)
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return [groupsToV4(g[6], g[7])]; // 64:ff9b::/96 NAT64 (RFC 6052)
  if (g[0] === 0x2002) return [groupsToV4(g[1], g[2])]; // 2002::/16 6to4 (RFC 3056)
  // 2001::/32 Teredo (RFC 4380): the server's address, and the client's with every bit inverted.
  if (g[0] === 0x2001 && g[1] === 0) return [groupsToV4(g[2], g[3]), groupsToV4(g[6] ^ 0xffff, g[7] ^ 0xffff)];
  return null;
}

function v6Blocked(ip: string): boolean {
  const g = v6Groups(ip);
  // ::/96 holds :: (unspecified), ::1 (loopback) and the deprecated IPv4-compatible ::a.b.c.d (RFC 4291
  // §2.5.5.1), which no public host uses: refused whatever it embeds.
  if (g.slice(0, 6).every((x) => x === 0)) return true;
  const v4 = embeddedV4(g);
  if (v4) return v4.some(v4Blocked);
  // 64:ff9b:1::/48 is NAT64 for local use (RFC 8215): not globally reachable, whatever it embeds.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return true;
  if (g[0] === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return true; // 100::/64 discard-only (RFC 6666)
  if ((g[0] & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80 || (g[0] & 0xffc0) === 0xfec0) return true; // link-local, old site-local
  if ((g[0] & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  return false;
}

/** True for an address that is not on the public internet (private, loopback, link-local, CGNAT, multicast…). */
export function isPrivateAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = net.isIP(ip);
  if (family === 4) return v4Blocked(ip);
  if (family === 6) return v6Blocked(ip);
  return true; // not an IP at all: refuse rather than guess
}

/** The error for a refused target; `address` is what it resolved to when that differs from the host. */
export function refusedError(host: string, address?: string): StageError {
  const what = address && address !== host ? `${host} (${address}, a private or loopback address)` : `${host} (a private or loopback address)`;
  return new StageError('fetch', `refused to connect to ${what}; set LAKIVAHTI_ALLOW_PRIVATE_NETWORKS=1 to allow`);
}

/** The address check this policy uses: injectable, else public-only unless private networks are allowed. */
export function addressCheck(policy: FetchPolicy): (address: string) => boolean {
  if (policy.isAllowedAddress) return policy.isAllowedAddress;
  if (policy.allowPrivateNetworks) return () => true;
  return (address) => !isPrivateAddress(address);
}

/** Check a URL before any connection: scheme, and a literal IP host. Returns the parsed URL. */
export function checkUrl(raw: string, policy: FetchPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new StageError('fetch', `"${raw}" is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new StageError('fetch', `refused to fetch ${url.protocol} URLs (only http and https): ${raw}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !addressCheck(policy)(host)) throw refusedError(host);
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that refuses a name if any of its addresses is not allowed;
 * checking inside connect leaves no gap between the check and the connection (DNS rebinding).
 */
export function guardedLookup(policy: FetchPolicy) {
  const allowed = addressCheck(policy);
  const resolve =
    policy.resolve ?? ((hostname: string) => dnsModule().promises.lookup(hostname, { all: true, verbatim: true }));
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (all) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const addresses = all.filter((a) => !family || a.family === family);
        const bad = addresses.find((a) => !allowed(a.address));
        if (bad) return callback(Object.assign(refusedError(hostname, bad.address), { code: 'ELAKIVAHTI_REFUSED' }), '');
        if (addresses.length === 0) {
          const err: NodeJS.ErrnoException = new Error(`no address for ${hostname}`);
          err.code = 'ENOTFOUND';
          return callback(err, '');
        }
        if (options.all) return callback(null, addresses);
        callback(null, addresses[0].address, addresses[0].family);
      },
      (err: NodeJS.ErrnoException) => callback(err, ''),
    );
  };
}
