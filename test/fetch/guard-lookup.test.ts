// The guard's parts one at a time: the DNS lookup it gives net/tls.connect (with a resolver injected, no network),
// the URL check and the refusal message.
import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import { checkUrl, guardedLookup, isPrivateAddress, refusedError } from '../../src/fetch/guard.js';
import { defaultPolicy, type FetchPolicy } from '../../src/fetch/policy.js';

const publicOnly: FetchPolicy = { ...defaultPolicy({}), allowPrivateNetworks: false, isAllowedAddress: undefined };
const answers: Record<string, LookupAddress[]> = {
  'both.example': [{ address: '2001:4860:4860::8888', family: 6 }, { address: '8.8.8.8', family: 4 }],
  'mixed.example': [{ address: 'fd00::1', family: 6 }, { address: '8.8.4.4', family: 4 }],
  'inside.example': [{ address: '8.8.8.8', family: 4 }, { address: '10.1.2.3', family: 4 }],
  'v6only.example': [{ address: '2001:4860:4860::8844', family: 6 }],
};
const resolve = async (host: string): Promise<LookupAddress[]> => {
  const found = answers[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found;
};

type Result = { err: (NodeJS.ErrnoException & { message: string }) | null; address: unknown; family?: number };
const lookup = (host: string, options: object, policy: FetchPolicy = { ...publicOnly, resolve }) =>
  new Promise<Result>((done) => guardedLookup(policy)(host, options, (err, address, family) => done({ err, address, family })));

describe('guardedLookup', () => {
  it('answers with the first address of the family asked for, or of any family', async () => {
    expect(await lookup('both.example', {})).toEqual({ err: null, address: '2001:4860:4860::8888', family: 6 });
    expect(await lookup('both.example', { family: 4 })).toEqual({ err: null, address: '8.8.8.8', family: 4 });
    expect(await lookup('both.example', { family: 'IPv4' })).toEqual({ err: null, address: '8.8.8.8', family: 4 });
    expect(await lookup('both.example', { family: 'IPv6' })).toEqual({ err: null, address: '2001:4860:4860::8888', family: 6 });
    expect(await lookup('both.example', { family: 0 })).toEqual({ err: null, address: '2001:4860:4860::8888', family: 6 });
  });

  it('answers with every address when all are asked for', async () => {
    expect(await lookup('both.example', { all: true })).toEqual({ err: null, address: answers['both.example'], family: undefined });
    expect(await lookup('both.example', { all: true, family: 4 })).toEqual({ err: null, address: [answers['both.example'][1]], family: undefined });
  });

  it('refuses a name if any address of the family asked for is private, naming the address', async () => {
    const r = await lookup('inside.example', {});
    expect(r.err?.code).toBe('ELAKIVAHTI_REFUSED');
    expect(r.err?.message).toBe('fetch: refused to connect to inside.example (10.1.2.3, a private or loopback address); set LAKIVAHTI_ALLOW_PRIVATE_NETWORKS=1 to allow');
    expect(r.address).toBe('');
    // A private address of the other family is not used, so it does not matter.
    expect(await lookup('mixed.example', { family: 4 })).toEqual({ err: null, address: '8.8.4.4', family: 4 });
    expect((await lookup('mixed.example', {})).err?.code).toBe('ELAKIVAHTI_REFUSED');
  });

  it('says there is no address when none is of the family asked for', async () => {
    const r = await lookup('v6only.example', { family: 4 });
    expect(r.err?.code).toBe('ENOTFOUND');
    expect(r.err?.message).toBe('no address for v6only.example');
    expect(r.address).toBe('');
  });

  it('passes a resolver failure on unchanged', async () => {
    const r = await lookup('nowhere.example', {});
    expect(r.err?.code).toBe('ENOTFOUND');
    expect(r.err?.message).toBe('getaddrinfo ENOTFOUND nowhere.example');
    expect(r.address).toBe('');
  });

  it('follows the policy: private networks allowed, or an address check of its own', async () => {
    expect(await lookup('inside.example', {}, { ...publicOnly, resolve, allowPrivateNetworks: true })).toEqual({ err: null, address: '8.8.8.8', family: 4 });
    const onlyGoogleDns = { ...publicOnly, resolve, allowPrivateNetworks: true, isAllowedAddress: (a: string) => a.startsWith('8.8.') };
    expect((await lookup('inside.example', {}, onlyGoogleDns)).err?.code).toBe('ELAKIVAHTI_REFUSED');
    expect((await lookup('both.example', {}, onlyGoogleDns)).err?.message).toMatch(/\(2001:4860:4860::8888, a private or loopback address\)/);
  });
});

describe('checkUrl and refusedError', () => {
  it('names a URL that cannot be parsed', () => {
    expect(() => checkUrl('not a url', publicOnly)).toThrow('fetch: "not a url" is not a valid URL');
  });

  it('returns the parsed URL of an allowed one, and refuses a bracketed private literal', () => {
    expect(checkUrl('https://[2001:4860:4860::8888]:8443/x', publicOnly).port).toBe('8443');
    expect(() => checkUrl('http://[fe80::1]/', publicOnly)).toThrow('fetch: refused to connect to fe80::1 (a private or loopback address)');
  });

  it('mentions the resolved address only when it differs from the host', () => {
    expect(refusedError('10.0.0.1', '10.0.0.1').message).toBe('fetch: refused to connect to 10.0.0.1 (a private or loopback address); set LAKIVAHTI_ALLOW_PRIVATE_NETWORKS=1 to allow');
    expect(refusedError('intra.example', '10.0.0.1').message).toContain('intra.example (10.0.0.1, a private or loopback address)');
  });
});

describe('isPrivateAddress: more edges', () => {
  it.each([
    // Documentation and special-purpose IPv4 ranges (RFC 5737, RFC 6890).
    ['192.0.0.8', true], ['192.0.1.1', false], ['198.51.100.7', true], ['198.51.101.1', false], ['203.0.113.9', true], ['203.0.114.1', false],
    ['198.19.255.255', true], ['198.20.0.1', false],
    // An IPv4 address in IPv6 with many-digit parts.
    ['::ffff:93.184.216.34', false], ['64:ff9b::93.184.216.34', false], ['::ffff:192.168.100.200', true],
    // Global addresses whose later groups look like an embedding: only the prefixes above embed.
    ['2a00:1450::ffff:7f00:1', false], ['2a00:1450::ffff:0:7f00:1', false], ['2a00:ff9b::a00:1', false],
    ['2a00:1450:1::1', false], ['2a00:ff9b:1::1', false], ['2a00:db8::1', false],
    ['[2001:4860:4860::8888]', false], ['example.org', true],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
