// `npm run bench:fetch`: the fetch stage's CPU on bench:peer's 200 feeds of 20 items, served on 127.0.0.1, against
// bare `http.get` with a keep-alive agent (no timeouts, guard, limiter, charset or size cap) on the same feeds. Each
// measure is a fresh process (a crawl's fetches run cold) fetching every feed 8 at a time; the two modes alternate,
// `--rounds N` (default 10) of each. Prints each mode's median CPU of the fetches (process.cpuUsage, from the first
// request to the last body; loading the modules is not counted), min–max, the paired ratio and the load.
// Profile one mode with: node --cpu-prof dist/bench/fetch.js --child fetcher PORT.
import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { peerFeed } from './feeds.js';
import { loadAverage, median } from './stats.js';

const FEEDS = 200;
const IN_FLIGHT = 8;
const { values: opts, positionals } = parseArgs({
  options: { rounds: { type: 'string', default: '10' }, child: { type: 'string' } },
  allowPositionals: true,
});

/** In a child: fetch every feed once in `mode`, print the CPU milliseconds it took. */
async function child(mode: string, port: number): Promise<void> {
  const urls = Array.from({ length: FEEDS }, (_, i) => `http://127.0.0.1:${port}/f${i}`);
  let get: (url: string) => Promise<number>;
  let close: () => Promise<void>;
  if (mode === 'fetcher') {
    const { createFetcher } = await import('../src/fetch/fetcher.js');
    const fetcher = createFetcher({ perHost: IN_FLIGHT, allowPrivateNetworks: true });
    get = async (url) => (await fetcher(url)).body.length;
    close = () => fetcher.close();
  } else {
    const agent = new http.Agent({ keepAlive: true });
    const decoder = new TextDecoder('utf-8', { fatal: true });
    get = (url) =>
      new Promise((resolve, reject) => {
        http.get(url, { agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(decoder.decode(Buffer.concat(chunks)).length));
          res.on('error', reject);
        }).on('error', reject);
      });
    close = async () => agent.destroy();
  }
  const from = process.cpuUsage();
  let next = 0;
  let chars = 0;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < urls.length) {
      const n = await get(urls[next++]);
      chars += n;
    }
  }));
  const used = process.cpuUsage(from);
  await close();
  console.log(JSON.stringify({ cpuMs: (used.user + used.system) / 1000, chars }));
}

/** Serve the feeds, run the children alternately, print the figures. */
async function main(): Promise<void> {
  const bodies = Array.from({ length: FEEDS }, (_, i) => Buffer.from(peerFeed(20, `fetch-${i}`)));
  const server = http.createServer((req, res) => {
    req.resume();
    const body = bodies[Number((req.url ?? '').slice(2))];
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const self = fileURLToPath(import.meta.url);
  const cpu: Record<string, number[]> = { fetcher: [], bare: [] };
  const expected = bodies.reduce((n, b) => n + b.toString('utf8').length, 0);
  console.log(`bench:fetch ${new Date().toISOString()}  ${FEEDS} feeds, ${IN_FLIGHT} in flight, load average ${loadAverage()}`);
  for (let r = 0; r < Number(opts.rounds); r++) {
    for (const mode of r % 2 ? ['bare', 'fetcher'] : ['fetcher', 'bare']) {
      // Not spawnSync: this process's server answers while the child runs.
      const out = await new Promise<string>((resolve, reject) =>
        execFile(process.execPath, [self, '--child', mode, String(port)], (err, stdout) => (err ? reject(err) : resolve(stdout))));
      const { cpuMs, chars } = JSON.parse(out) as { cpuMs: number; chars: number };
      if (chars !== expected) throw new Error(`${mode}: read ${chars} characters, expected ${expected}`);
      cpu[mode].push(cpuMs);
    }
  }
  server.close();
  const line = (mode: string) => `${mode.padEnd(8)} ${median(cpu[mode]).toFixed(1)} ms CPU (${Math.min(...cpu[mode]).toFixed(0)}–${Math.max(...cpu[mode]).toFixed(0)})`;
  const paired = median(cpu.fetcher.map((c, i) => c / cpu.bare[i]));
  console.log(`${line('fetcher')}\n${line('bare')}\nfetcher ÷ bare, paired: ${paired.toFixed(2)}; load average at the end ${loadAverage()}`);
}

if (opts.child) await child(opts.child, Number(positionals[0]));
else await main();
