// The feed scanner keeps its optimised code. In a cold crawl of many feeds, the item list a feed's items are gathered in
// was an empty `[]`, and a push of an item into it, inlined into the scanner's and close's optimised code, threw that
// code away once a crawl ("not a Smi"), which TurboFan then compiled again (10 MB of its zone); in a 10,000-item feed,
// markup cut in two between the pieces the document is written in, and the many shapes of item trees whose CDATA mark
// close looked up, did the same. Run as processes with V8's tracing, on the build, over bench:peer's feeds.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peerFeed } from '../../bench/feeds.js';
import { rootDir } from '../../src/paths.js';
import { BIN } from '../helpers/process.js';
import { startServer, type TestServer } from '../helpers/server.js';

const FEEDS = 200;
let server: TestServer;
let dir: string;

beforeAll(async () => {
  const bodies = Array.from({ length: FEEDS }, (_, i) => peerFeed(20, `deopt-${i}`));
  server = await startServer(Object.fromEntries(bodies.map((body, i) => [
    `/f${i}`, (_req: unknown, res: import('node:http').ServerResponse) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body),
  ])));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-scan-deopt-'));
  const sources = path.join(dir, 'feeds', 'sources');
  fs.mkdirSync(sources, { recursive: true });
  for (let i = 0; i < FEEDS; i++) fs.writeFileSync(path.join(sources, `f${i}.yaml`), `id: f${i}\nname: Lähde ${i}\nurl: ${server.url}/f${i}\nkind: rss\nlanguage: fi\n`);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Deoptimisations in the parse code's files in V8's verbose trace. */
const inParse = (trace: string): string[] => trace.split('\n').filter((l) => /deoptimize at .*\/dist\/src\/parse\/(feed-stream|xml-tree)\.js/.test(l));

describe('the feed scanner', () => {
  it('is not deoptimised by the items it gathers', async () => {
    const child = spawn(process.execPath, ['--trace-deopt-verbose', BIN, 'crawl'], {
      env: { ...process.env, LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1', LAKIVAHTI_PER_HOST: '8', LAKIVAHTI_DB: path.join(dir, 'db.sqlite'), LAKIVAHTI_FEEDS: path.join(dir, 'feeds') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out.match(/: 20 new, 0 updated, 20 found/g)).toHaveLength(FEEDS);
    expect(inParse(out)).toEqual([]);
  }, 60_000);

  it('is not deoptimised while it reads a 10,000-item feed', () => {
    const dist = (file: string) => pathToFileURL(path.join(rootDir, 'dist', file)).href;
    const script = `
      const { peerFeed } = await import('${dist('bench/feeds.js')}');
      const { readAll, readFeed } = await import('${dist('src/parse/feed.js')}');
      console.log('items', (await readAll(readFeed(peerFeed(10000, 'big'), 'http://127.0.0.1/big.xml'))).length);`;
    const run = spawnSync(process.execPath, ['--trace-deopt-verbose', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: rootDir, maxBuffer: 64 << 20 });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('items 10000');
    // The root's close, met once as the document ends, is new to the optimised code there and nothing runs after it.
    const source = fs.readFileSync(path.join(rootDir, 'dist', 'src', 'parse', 'xml-tree.js'), 'utf8').split('\n');
    const atRootEnd = (l: string) => source[Number(/xml-tree\.js:(\d+):/.exec(l)?.[1]) - 1]?.includes('if (this.failure)') === true;
    expect(inParse(run.stdout).filter((l) => !atRootEnd(l))).toEqual([]);
  });
});
