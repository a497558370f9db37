// The SSRF guard: only http(s), and never a private, loopback or link-local address unless allowed.
import dns from 'node:dns';
import net from 'node:net';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { StageError } from '../errors.js';
import type { FetchPolicy } from './policy.js';

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

function v6Blocked(ip: string): boolean {
  const g = v6Groups(ip);
  const zeroPrefix = (k: number) => g.slice(0, k).every((x) => x === 0);
  if (zeroPrefix(8)) return true; // :: unspecified
  if (zeroPrefix(7) && g[7] === 1) return true; // ::1 loopback
  if (zeroPrefix(5) && g[5] === 0xffff) return v4Blocked(groupsToV4(g[6], g[7])); // ::ffff:a.b.c.d mapped
  if (zeroPrefix(6)) return true; // ::a.b.c.d, deprecated IPv4-compatible
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return v4Blocked(groupsToV4(g[6], g[7])); // NAT64
  if (g[0] === 0x2002) return v4Blocked(groupsToV4(g[1], g[2])); // 6to4 embeds an IPv4 address
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
    policy.resolve ?? ((hostname: string) => dns.promises.lookup(hostname, { all: true, verbatim: true }));
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
