// `lakivahti serve`'s scheduled jobs while another process holds the database's write lock: a digest tick that records
// a subscriber's message waited out SQLite's busy_timeout (5 s) on the server's one thread, so every page and /healthz
// stalled with it, and then failed, leaving the message to the next tick. The job now waits for the lock off the event
// loop, says so in the log, and does its work once the lock is free; pages and /healthz answer meanwhile.
import { afterAll, beforeAll, expect, it } from 'vitest';
import path from 'node:path';
import Database from 'better-sqlite3';
import { listeningAt, run, start, type Child } from '../helpers/process.js';
import { writeRssSource } from '../helpers/feeds.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedDatabase } from './seed.js';

const scratch = smtpForTests('serve-jobs-lock');
let db: string;
let feeds: string;
let child: Child;

beforeAll(async () => {
  db = path.join(scratch.dir, 'live.sqlite');
  feeds = path.join(scratch.dir, 'feeds');
  writeRssSource(feeds, 'sm', 'http://127.0.0.1:9/feed', 'Sisäministeriö');
  seedDatabase(db, 30);
  const added = await run(['subscriptions', 'add', 'tilaaja@example.fi', '--goal', 'services', '--every', 'immediately', '--db', db, '--feeds', feeds]);
  expect([added.code, added.err]).toEqual([0, '']);
  // The source is not due: no crawl at start, only the digest's tick writes.
  const conn = new Database(db);
  conn.prepare("UPDATE sources SET next_run_at = '2999-01-01T00:00:00.000Z'").run();
  conn.close();
}, 60_000);

afterAll(async () => {
  child?.proc.kill('SIGTERM');
  await child?.done;
});

/** Milliseconds a request takes, and its status. */
async function timed(url: string): Promise<{ ms: number; status: number }> {
  const began = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  return { ms: performance.now() - began, status: res.status };
}

it('a digest tick meeting another process\'s write lock waits off the event loop, logs it, and sends once the lock is free', async () => {
  // The tick is asked for (SIGUSR2) once the lock is held: no second of the clock to wait for, and serve's start may
  // take as long as a loaded machine makes it. Its own schedule (every 10 minutes by default) moved to once a year, so
  // it is not running already when asked.
  child = start(['serve', '--port', '0', '--db', db, '--feeds', feeds], { env: { SMTP_URL: scratch.smtp.url, LAKIVAHTI_DIGEST_IMMEDIATE: '0 0 1 1 *' } });
  const base = await listeningAt(child);
  // What a page and /healthz take on this machine now, without the lock: the bound below is over it.
  const before: { ms: number; status: number }[] = [];
  for (let i = 0; i < 4; i++) before.push(await timed(`${base}/healthz`), await timed(`${base}/items`));
  const holder = new Database(db);
  holder.exec('BEGIN IMMEDIATE');
  let released = false;
  try {
    child.proc.kill('SIGUSR2');
    await child.line(/"event":"digest_tick_requested","tick":"immediately","started":true/, 10_000);
    // Wait until the tick has met the lock (its log line, not a time: the first tick loads the mail code before it
    // writes), then keep asking for pages for a while.
    await child.line(/"event":"job_waiting_for_lock"/, 30_000);
    const answers: { ms: number; status: number }[] = [];
    for (const until = Date.now() + 3700; Date.now() < until;) answers.push(await timed(`${base}/healthz`), await timed(`${base}/items`));
    expect(answers.every((a) => a.status === 200), JSON.stringify(answers)).toBe(true);
    // A tick that waited in SQLite (busy_timeout 5 s) would hold each page up to 5 s past what it takes unlocked.
    expect(Math.max(...answers.map((a) => a.ms)), JSON.stringify({ before, answers })).toBeLessThan(Math.max(...before.map((a) => a.ms)) + 2500);
    expect(scratch.smtp.received).toHaveLength(0);
    holder.exec('ROLLBACK');
    released = true;
  } finally {
    if (!released) holder.exec('ROLLBACK');
    holder.close();
  }
  await scratch.smtp.waitFor(1, 30_000);
  await child.line(/"event":"digest_sent"/, 30_000);
  expect(scratch.smtp.received.map((m) => m.to[0])).toEqual(['tilaaja@example.fi']);
  const log = child.out().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(log.find((l) => l.event === 'job_waiting_for_lock')).toMatchObject({ job: 'digest:immediately' });
  expect(log.find((l) => l.event === 'digest_sent')).toMatchObject({ tick: 'immediately', recorded: 1, sent: 1 });
  expect(log.filter((l) => l.event === 'digest_failed')).toEqual([]);
  const reader = new Database(db, { readonly: true });
  try {
    expect(reader.prepare('SELECT status FROM deliveries').pluck().all()).toEqual(['sent']);
  } finally {
    reader.close();
  }
}, 60_000);
