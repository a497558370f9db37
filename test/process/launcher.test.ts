// `bin/lakivahti`, the command `npx lakivahti` runs, as a shell or cron runs it: it hands NODE_EXTRA_CA_CERTS over so
// node does not parse the certificates at every start, and an https source is still trusted through that file.
// test/fixtures/tls holds a self-signed certificate for 127.0.0.1 and its key, made for this test only (`openssl req
// -x509 -newkey rsa:2048 -nodes -days 36500 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1,DNS:localhost`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { BIN } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';

const LAUNCHER = path.join(rootDir, 'bin', 'lakivahti');
const TLS = path.join(rootDir, 'test', 'fixtures', 'tls');
const CERT = path.join(TLS, 'cert.pem');

interface Ran { code: number | null; signal: NodeJS.Signals | null; out: string; err: string }

/** Run `cmd args` with pipes; `env` replaces NODE_EXTRA_CA_CERTS / LAKIVAHTI_EXTRA_CA_CERTS as given (undefined: unset). */
function run(cmd: string, args: string[], env: Record<string, string | undefined>, cwd = rootDir): Promise<Ran> {
  const base: NodeJS.ProcessEnv = { ...process.env, LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1' };
  delete base.NODE_EXTRA_CA_CERTS;
  delete base.LAKIVAHTI_EXTRA_CA_CERTS;
  const full = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  const child = spawn(cmd, args, { cwd, env: full, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, out, err })));
}

let server: https.Server;
let dir: string;
let feeds: string;

beforeAll(async () => {
  const rss = '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>tls-1</guid><title>Pelastuslain muutos</title></item></channel></rss>';
  server = https.createServer({ key: fs.readFileSync(path.join(TLS, 'key.pem')), cert: fs.readFileSync(CERT) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(rss);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-launcher-'));
  feeds = path.join(dir, 'feeds');
  writeRssSource(feeds, 'tls', `https://127.0.0.1:${(server.address() as AddressInfo).port}/feed`, 'TLS-lähde');
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** What crawl prints for the source when the server's certificate is not trusted (self-signed). */
const UNTRUSTED = /^tls: error: fetch: a secure connection to 127\.0\.0\.1:\d+ failed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/m;
const crawl = (db: string) => ['crawl', '--db', path.join(dir, db), '--feeds', feeds];

describe('bin/lakivahti', () => {
  it('is executable and passes arguments and the exit code through (a refused option: exit 2)', async () => {
    expect(fs.statSync(LAUNCHER).mode & 0o111).not.toBe(0);
    const help = await run(LAUNCHER, ['--help'], {});
    expect([help.code, help.out]).toEqual([0, expect.stringMatching(/crawl/)]);
    const refused = await run(LAUNCHER, ['crawl', '--no-such-option'], {});
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/--no-such-option/);
  }, 60_000);

  it('trusts an https source through NODE_EXTRA_CA_CERTS, as node bin/lakivahti.js does, and not without it', async () => {
    const viaLauncher = await run(LAUNCHER, crawl('a.sqlite'), { NODE_EXTRA_CA_CERTS: CERT });
    expect(viaLauncher.err).toBe('');
    expect(viaLauncher.out).toMatch(/^tls: 1 new/m);
    expect(viaLauncher.code).toBe(0);
    const viaNode = await run(process.execPath, [BIN, ...crawl('b.sqlite')], { NODE_EXTRA_CA_CERTS: CERT });
    expect(viaNode.out).toMatch(/^tls: 1 new/m);
    const untrusted = await run(LAUNCHER, crawl('c.sqlite'), {});
    expect(untrusted.out).toMatch(UNTRUSTED);
  }, 60_000);

  it('hands the file over: read only when a TLS connection is made, a bad one named then (node would say it at every start)', async () => {
    const missing = path.join(dir, 'no-such.pem');
    const crawled = await run(LAUNCHER, crawl('d.sqlite'), { NODE_EXTRA_CA_CERTS: missing });
    // In the one shape of a stderr line, naming the command (it said `Warning: …` as node does, whoever's it was).
    expect(crawled.err.split('\n').find((line) => line.includes('ignoring extra certificates'))).toBe(
      `lakivahti crawl: ignoring extra certificates from ${missing} (LAKIVAHTI_EXTRA_CA_CERTS, handed over from NODE_EXTRA_CA_CERTS): ENOENT: no such file or directory, open '${missing}'`);
    expect(crawled.out).toMatch(UNTRUSTED);
    // A command that opens no TLS connection does not read it (node bin/lakivahti.js would warn at its start).
    const listed = await run(LAUNCHER, ['sources', '--db', path.join(dir, 'd.sqlite'), '--feeds', feeds], { NODE_EXTRA_CA_CERTS: missing });
    expect([listed.code, listed.err]).toEqual([0, '']);
    const direct = await run(process.execPath, [BIN, 'sources', '--db', path.join(dir, 'd.sqlite'), '--feeds', feeds], { NODE_EXTRA_CA_CERTS: missing });
    expect(direct.err).toMatch(/Ignoring extra certs/);
    // A file with no certificate in it is named too.
    const empty = path.join(dir, 'empty.pem');
    fs.writeFileSync(empty, 'not a certificate\n');
    const notPem = await run(LAUNCHER, crawl('e.sqlite'), { NODE_EXTRA_CA_CERTS: empty });
    expect(notPem.err).toContain(`lakivahti crawl: ignoring extra certificates from ${empty} (LAKIVAHTI_EXTRA_CA_CERTS, handed over from NODE_EXTRA_CA_CERTS): no PEM certificate in it`);
  }, 60_000);

  it('finds bin/lakivahti.js through a relative path, a symlink (as node_modules/.bin has) and a path with a space; forks nothing unless called through a symlink', async () => {
    const bin = path.join(dir, 'a dir', 'node_modules', '.bin');
    fs.mkdirSync(bin, { recursive: true });
    fs.symlinkSync(path.relative(bin, LAUNCHER), path.join(bin, 'lakivahti'));
    fs.symlinkSync('lakivahti', path.join(bin, 'again')); // a symlink to the symlink
    fs.symlinkSync(path.dirname(LAUNCHER), path.join(dir, 'a dir', 'linked bin')); // a symlinked folder
    // A PATH with node alone on it: the launcher called by its own path must not need readlink or dirname.
    const nodeOnly = path.join(dir, 'node only');
    fs.mkdirSync(nodeOnly);
    fs.symlinkSync(process.execPath, path.join(nodeOnly, 'node'));
    const helps = [
      await run('./lakivahti', ['--help'], {}, path.dirname(LAUNCHER)),
      await run('/bin/sh', ['lakivahti', '--help'], {}, path.dirname(LAUNCHER)),
      await run('.bin/lakivahti', ['--help'], {}, path.dirname(bin)),
      await run(path.join(bin, 'again'), ['--help'], {}),
      await run('lakivahti', ['--help'], { PATH: `${bin}:${process.env.PATH}` }),
      await run(path.join(dir, 'a dir', 'linked bin', 'lakivahti'), ['--help'], { PATH: nodeOnly }),
      await run(LAUNCHER, ['--help'], { PATH: nodeOnly }),
    ];
    for (const h of helps) expect([h.code, h.err, h.out]).toEqual([0, '', expect.stringMatching(/crawl/)]);
    // Through a symlink readlink resolves it: without readlink on the PATH the shell says so.
    const noReadlink = await run(path.join(bin, 'lakivahti'), ['--help'], { PATH: nodeOnly });
    expect(noReadlink.code).not.toBe(0);
    expect(noReadlink.err).toMatch(/readlink/);
  }, 60_000);
});
