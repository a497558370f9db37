// `lakivahti digest --send --approve` as cron runs it, a child process, for 1,000 subscribers and a week of items,
// against a local SMTP server (`npm run bench:digest-send`). Prints the send's wall time and how long it kept others
// from writing: a second process takes the write lock (BEGIN IMMEDIATE, as `review` or a crawl's commit does) every
// 20 ms throughout, and reports the longest it waited. Nothing is asserted; BENCH_ROUNDS rounds (default 3), a fresh
// database each.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { rootDir } from '../src/paths.js';
import { seedSubscribers } from '../test/process/seed-subscribers.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1_000);
// How many of them take the network digest (recorded for all of them in one transaction).
const NETWORK = Number(process.env.BENCH_NETWORK ?? 40);
const BIN = path.join(rootDir, 'bin', 'lakivahti.js');

// The prober: its own process (a synchronous wait here would stall the SMTP server too). It prints one JSON line of
// waits (ms) when its standard input ends.
const PROBER = `
const Database = require(${JSON.stringify(path.join(rootDir, 'node_modules', 'better-sqlite3'))});
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 60000');
const waits = [];
let stop = false;
process.stdin.on('end', () => { stop = true; }).resume();
const tick = () => {
  if (stop) { db.close(); process.stdout.write(JSON.stringify(waits) + '\\n'); return; }
  const t = performance.now();
  db.exec('BEGIN IMMEDIATE'); db.exec('COMMIT');
  waits.push(performance.now() - t);
  setTimeout(tick, 20);
};
tick();
`;

let received = 0;
const smtp = new SMTPServer({
  authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
  onData(stream, _s, cb) {
    stream.on('data', () => undefined);
    stream.on('end', () => (received++, cb(null)));
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const url = `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}`;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-bench-send-'));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const rows: { wall: number; hold: number; p99: number; mails: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const file = path.join(dir, `r${r}.sqlite`);
    seedSubscribers(file, { subscribers: SUBSCRIBERS, network: NETWORK }).close();
    received = 0;
    const prober = spawn(process.execPath, ['-e', PROBER, file], { stdio: ['pipe', 'pipe', 'inherit'] });
    let probed = '';
    prober.stdout.setEncoding('utf8').on('data', (c: string) => (probed += c));
    const proberDone = new Promise((resolve) => prober.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const began = performance.now();
    const child = spawn(process.execPath, [BIN, 'digest', '--send', '--approve', '--db', file], {
      env: { ...process.env, SMTP_URL: url, LAKIVAHTI_BASE_URL: 'https://lakivahti.example.fi' }, stdio: ['ignore', 'ignore', 'inherit'],
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const wall = performance.now() - began;
    prober.stdin.end();
    await proberDone;
    const waits = JSON.parse(probed) as number[];
    const sorted = [...waits].sort((a, b) => a - b);
    rows.push({ wall, hold: sorted.at(-1)!, p99: sorted[Math.floor(sorted.length * 0.99)], mails: received });
    console.log(`round ${r + 1}: exit ${code}, ${received} messages in ${(wall / 1000).toFixed(1)} s (${Math.round(received / (wall / 1000))}/s); ` +
      `a writer beside it waited at most ${Math.round(sorted.at(-1)!)} ms (p99 ${Math.round(rows.at(-1)!.p99)} ms, ${waits.length} writes)`);
  }
  console.log(`median of ${ROUNDS}: wall ${(median(rows.map((x) => x.wall)) / 1000).toFixed(1)} s, longest wait for the write lock ${Math.round(median(rows.map((x) => x.hold)))} ms`);
  console.log(`${new Date().toISOString()} load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${os.cpus().length} cores`);
} finally {
  smtp.close(() => undefined);
  fs.rmSync(dir, { recursive: true, force: true });
}
