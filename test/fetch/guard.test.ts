import dns from 'node:dns';
import { describe, expect, it } from 'vitest';
import { startServer, reply } from '../helpers/server.js';
import { isPrivateAddress } from '../../src/fetch/index.js';
import { cleanup, fetcher, rawServer, stageError } from './support.js';

const refused = (what: string) =>
  `fetch: refused to connect to ${what}; set LAKIVAHTI_ALLOW_PRIVATE_NETWORKS=1 to allow`;

/** A server that answers 200 and counts connections, so a test can prove none was made. */
const counting = () =>
  rawServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')));

describe('fetch: SSRF guard', () => {
  it.each([
    ['http://127.0.0.1:PORT/', '127.0.0.1 (a private or loopback address)'],
    ['http://[::1]:PORT/', '::1 (a private or loopback address)'],
    ['http://[::ffff:127.0.0.1]:PORT/', '::ffff:7f00:1 (a private or loopback address)'], // WHATWG URL writes it in hex
    ['http://2130706433:PORT/', '127.0.0.1 (a private or loopback address)'], // decimal IPv4
    ['http://0x7f.1:PORT/', '127.0.0.1 (a private or loopback address)'],
    ['http://0.0.0.0:PORT/', '0.0.0.0 (a private or loopback address)'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 (a private or loopback address)'],
    ['http://10.0.0.1/', '10.0.0.1 (a private or loopback address)'],
    ['http://192.168.1.1/', '192.168.1.1 (a private or loopback address)'],
    ['http://100.64.0.1/', '100.64.0.1 (a private or loopback address)'],
    ['https://[fd00::1]/', 'fd00::1 (a private or loopback address)'],
  ])('refuses %s before connecting', async (template, what) => {
    const srv = await counting();
    const resolve = async () => {
      throw new Error('a literal address must not be looked up');
    };
    const started = Date.now();
    const err = await stageError(fetcher({ allowPrivateNetworks: false, resolve, connectTimeoutMs: 15_000, deadlineMs: 15_000 })(template.replace('PORT', String(srv.port))));
    expect(err.message).toBe(refused(what));
    expect(srv.connections()).toBe(0);
    // No connect attempt to time out (that takes 15 s here): a bound well under it that a loaded machine meets.
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each([
    // IPv4-translated (RFC 2765, ::ffff:0:0/96) in every spelling a URL may carry; WHATWG URL writes them all alike.
    'http://[::ffff:0:7f00:1]:PORT/',
    'http://[::ffff:0:127.0.0.1]:PORT/',
    'http://[0:0:0:0:ffff:0:7f00:1]:PORT/',
    'http://[0000:0000:0000:0000:FFFF:0000:7F00:0001]:PORT/',
    'http://[::FFFF:0:127.0.0.1]:PORT/',
  ])('refuses the IPv4-translated loopback %s before connecting', async (template) => {
    const srv = await counting();
    const err = await stageError(fetcher({ allowPrivateNetworks: false })(template.replace('PORT', String(srv.port))));
    expect(err.message).toBe(refused('::ffff:0:7f00:1 (a private or loopback address)'));
    expect(srv.connections()).toBe(0);
  });

  it('refuses a name whose AAAA record embeds a private IPv4 address', async () => {
    const srv = await counting();
    for (const address of ['::ffff:0:7f00:1', '64:ff9b::a9fe:a9fe', '2002:7f00:1::1', '2001:0:4136:e378:8000:63bf:80ff:fffe']) {
      const resolve = async () => [{ address, family: 6 }];
      const err = await stageError(fetcher({ allowPrivateNetworks: false, resolve })(`http://aaaa.test:${srv.port}/`));
      expect(err.message).toBe(refused(`aaaa.test (${address}, a private or loopback address)`));
    }
    expect(srv.connections()).toBe(0);
  });

  it('refuses a host name that resolves to loopback (localhost), checking the resolved address', async () => {
    const srv = await counting();
    const err = await stageError(fetcher({ allowPrivateNetworks: false })(`http://localhost:${srv.port}/`));
    expect(err.message).toMatch(/^fetch: refused to connect to localhost \((127\.0\.0\.1|::1), a private or loopback address\); set LAKIVAHTI_ALLOW_PRIVATE_NETWORKS=1 to allow$/);
    expect(srv.connections()).toBe(0);
  });

  it('refuses a name if any of its addresses is private', async () => {
    const srv = await counting();
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.9.8.7', family: 4 },
    ];
    const err = await stageError(fetcher({ allowPrivateNetworks: false, resolve })(`http://mixed.test:${srv.port}/`));
    expect(err.message).toBe(refused('mixed.test (10.9.8.7, a private or loopback address)'));
    expect(err.stage).toBe('fetch');
  });

  it('refuses a redirect from a public address to a private one, on every hop', async () => {
    // Pretend the loopback test server is public, so only the redirect target is private.
    const isAllowedAddress = (a: string) => a === '127.0.0.1' || !isPrivateAddress(a);
    const resolve = async (host: string) =>
      host === 'intranet.test' ? [{ address: '10.1.2.3', family: 4 }] : dns.promises.lookup(host, { all: true });
    const s = await startServer({
      '/metadata': reply('', { location: 'http://169.254.169.254/latest/meta-data/' }, 302),
      '/intranet': (_req, res) => void res.writeHead(301, { location: `http://intranet.test:${port}/admin` }).end(),
      '/fine': reply('public content'),
    });
    cleanup(s.close);
    const port = new URL(s.url).port;
    const f = fetcher({ allowPrivateNetworks: false, isAllowedAddress, resolve });

    expect((await f(`${s.url}/fine`)).body).toBe('public content'); // the first hop really is allowed
    expect((await stageError(f(`${s.url}/metadata`))).message).toBe(refused('169.254.169.254 (a private or loopback address)'));
    expect((await stageError(f(`${s.url}/intranet`))).message).toBe(refused('intranet.test (10.1.2.3, a private or loopback address)'));
    expect(s.requests.map((r) => r.path)).toEqual(['/fine', '/metadata', '/intranet']);
  });

  it.each(['ftp://example.org/feed.xml', 'file:///etc/passwd', 'gopher://example.org/', 'data:text/plain,hi'])(
    'refuses the scheme of %s',
    async (url) => {
      expect((await stageError(fetcher()(url))).message).toMatch(/^fetch: refused to fetch [a-z]+: URLs \(only http and https\)/);
    },
  );

  it('allows private addresses when allowPrivateNetworks is set', async () => {
    const srv = await counting();
    expect((await fetcher({ allowPrivateNetworks: true })(`http://127.0.0.1:${srv.port}/`)).body).toBe('ok');
    expect((await fetcher({ allowPrivateNetworks: true })(`http://localhost:${srv.port}/`)).body).toBe('ok');
  });
});

describe('isPrivateAddress: IPv6 forms that carry an IPv4 address', () => {
  // Each form with a private, a loopback and a public IPv4 address inside, in several spellings.
  it.each([
    // IPv4-mapped ::ffff:0:0/96
    ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['0:0:0:0:0:ffff:7f00:0001', true], ['::FFFF:A00:1', true],
    ['::ffff:192.168.1.1', true], ['::ffff:c0a8:101', true], ['::ffff:100.64.0.1', true], ['::ffff:8.8.8.8', false],
    ['::ffff:808:808', false],
    // IPv4-translated ::ffff:0:0:0/96 (RFC 2765)
    ['::ffff:0:7f00:1', true], ['::ffff:0:127.0.0.1', true], ['0:0:0:0:ffff:0:7f00:1', true], ['::FFFF:0:A00:1', true],
    ['::ffff:0:a9fe:a9fe', true], ['::ffff:0:169.254.169.254', true], ['::ffff:0:c0a8:1', true], ['::ffff:0:8.8.8.8', false],
    ['::ffff:0:808:808', false], ['[::ffff:0:7f00:1]', true], ['::ffff:0:7f00:1%lo', true],
    // IPv4-compatible ::/96 (deprecated): refused whatever it embeds
    ['::127.0.0.1', true], ['::7f00:1', true], ['::a00:1', true], ['::10.0.0.1', true], ['::8.8.8.8', true], ['::2', true],
    // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052)
    ['64:ff9b::127.0.0.1', true], ['64:ff9b::7f00:1', true], ['64:FF9B:0:0:0:0:a00:1', true], ['64:ff9b::169.254.169.254', true],
    ['64:ff9b::c0a8:101', true], ['64:ff9b::8.8.8.8', false], ['64:ff9b::808:808', false],
    // NAT64 local-use prefix 64:ff9b:1::/48 (RFC 8215): not globally reachable at all
    ['64:ff9b:1::a00:1', true], ['64:ff9b:1::808:808', true], ['64:ff9b:1:ffff::1', true],
    // 6to4 2002::/16 (the IPv4 address is groups 2 and 3)
    ['2002:7f00:1::', true], ['2002:7f00:0001:0:0:0:0:1', true], ['2002:a00:1::1', true], ['2002:c0a8:101::', true],
    ['2002:a9fe:a9fe::1', true], ['2002:6440:1::', true], ['2002:808:808::', false], ['2002:808:808:1::1', false],
    // Teredo 2001::/32: the server's address, and the client's inverted in the last 32 bits
    ['2001:0:7f00:1::', true], ['2001::a00:1:0:0:0:0', true], ['2001:0:4136:e378:8000:63bf:80ff:fffe', true],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', true], ['2001:0:4136:e378:8000:63bf:3fff:fdd2', true], // RFC 4380's example: client 192.0.2.45
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', false],
    // Neither: ordinary public addresses, and other special ranges
    ['2001:4860:4860::8888', false], ['2001:1::1', false], ['100::1', true], ['fe80::ffff:7f00:1', true],
    // The edges of the unique-local (fc00::/7), link-local (fe80::/10), old site-local (fec0::/10) and multicast ranges.
    ['fbff:ffff::1', false], ['fc00::', true], ['fdff:ffff::1', true], ['fe7f:ffff::1', false], ['fe80::', true],
    ['febf:ffff::1', true], ['fec0::1', true], ['fed0::1', true], ['feff:ffff::1', true], ['ff00::', true], ['ffff::1', true],
    ['2001:db7:ffff::1', false], ['2001:db8:ffff::1', true], ['2001:db9::1', false],
    ['100::ffff:ffff:ffff:ffff', true], ['100:0:0:1::1', false], ['101::1', false],
    ['64:ff9b:1:ffff::1', true], ['64:ff9b:2::1', false], ['64:ff9a::a00:1', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.255.255.254', true], ['10.0.0.1', true], ['172.16.0.1', true], ['172.31.255.255', true],
    ['192.168.0.1', true], ['169.254.169.254', true], ['100.64.0.1', true], ['100.127.255.255', true], ['0.0.0.0', true],
    ['0.1.2.3', true], ['224.0.0.1', true], ['239.255.255.250', true], ['255.255.255.255', true], ['198.18.0.1', true],
    ['192.0.2.1', true], ['::1', true], ['::', true], ['[::1]', true], ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true], ['::ffff:169.254.169.254', true], ['fe80::1', true], ['fe80::1%eth0', true], ['fc00::1', true],
    ['fd12:3456::1', true], ['ff02::1', true], ['2002:a00:1::', true], ['64:ff9b::a00:1', true], ['2001:db8::1', true],
    ['::127.0.0.1', true], ['not-an-ip', true],
    ['8.8.8.8', false], ['1.1.1.1', false], ['193.166.3.2', false], ['100.63.255.255', false], ['100.128.0.1', false],
    ['172.15.255.255', false], ['172.32.0.1', false], ['11.0.0.1', false], ['223.255.255.255', false],
    ['2001:4860:4860::8888', false], ['2a00:1450:4010:c0e::65', false], ['::ffff:8.8.8.8', false], ['64:ff9b::808:808', false],
    ['2002:808:808::', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});
