// `digest --send` stopped by a signal (cron's timeout, a shutdown) while it records the messages due, before sending
// any: it died by the signal without a word (exit 143, nothing lost: each 100 subscribers' messages commit with their
// watermarks). It now finishes recording, says what it left, sends nothing, and exits 128 + the signal; the next run
// sends every message.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { defaultFeedsDir } from '../../src/paths.js';
import { run, start, untilWaitingIn } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedSubscribers, subscriberAddress } from './seed-subscribers.js';

const scratch = smtpForTests('digest-signal-preparing');
// Three chunks of 100 (the last short): more than one recorded after the signal. 500 made a window for the signal
// after the first chunk; with the lock held there is none, and the next run's sending took 74 s of the test's 121 at load 30.
const SUBSCRIBERS = 250;

it('SIGTERM while the messages are being recorded: none sent, the line says what was left, exit 143; the next run sends all', async () => {
  const file = path.join(scratch.dir, 'prep.sqlite');
  seedSubscribers(file, { subscribers: SUBSCRIBERS, network: 0 }).close();
  // The shipped feeds without their sources: the run then writes nothing before the preparation (the sources' sync
  // takes the write lock), so the first write it waits for is the preparation's own.
  const feeds = path.join(scratch.dir, 'feeds');
  fs.cpSync(defaultFeedsDir, feeds, { recursive: true, filter: (from) => path.relative(defaultFeedsDir, from).split(path.sep)[0] !== 'sources' });
  fs.mkdirSync(path.join(feeds, 'sources'));
  const env = { SMTP_URL: scratch.smtp.url };
  // The signal comes while the preparation waits for the write lock this test holds, so it is under way whatever the
  // load. (It came once the first of five chunks was seen committed: a test process starved for as long as the other
  // four took signalled after the recording, or while sending.)
  const holder = new Database(file);
  holder.prepare('BEGIN IMMEDIATE').run();
  const child = start(['digest', '--send', '--db', file, '--feeds', feeds], { env });
  try {
    await untilWaitingIn(child.proc.pid!, /nanosleep/, 'the run never waited for the lock', { times: 3 });
    expect(holder.prepare('SELECT count(*) FROM deliveries').pluck().get()).toBe(0);
    child.proc.kill('SIGTERM');
  } finally {
    holder.close(); // the lock let go: the run records every message due, then stops
  }
  const done = await child.done;
  expect([done.signal, done.code]).toEqual([null, 143]);
  // Only the network draft's notice (nobody receives it here), no message sent.
  expect(done.out).toBe('verkoston katsaus 1 odottaa hyväksyntää (hyväksy verkkonäkymässä tai: lakivahti digest --send --approve)\n');
  expect(done.err).toMatch(/^lakivahti digest: SIGTERM: stopped once the messages due were recorded \(\d+ recorded now\), before sending any; the next run sends them\n$/);
  expect(scratch.smtp.received).toHaveLength(0);
  const db = new Database(file, { readonly: true });
  try {
    const pending = db.prepare("SELECT count(*) FROM deliveries WHERE status = 'pending'").pluck().get() as number;
    expect(done.err).toContain(`(${pending} recorded now)`);
    expect(pending).toBeGreaterThan(100); // more than one chunk: every chunk was recorded after the signal came
  } finally {
    db.close();
  }
  const next = await run(['digest', '--send', '--db', file, '--feeds', feeds], { env });
  expect([next.code, next.err]).toEqual([0, '']);
  // Each recorded message sent once, to its own subscriber.
  const after = new Database(file, { readonly: true });
  try {
    const sent = (after.prepare("SELECT email FROM deliveries WHERE status = 'sent' ORDER BY email").pluck().all() as string[]);
    expect(after.prepare("SELECT count(*) FROM deliveries WHERE status <> 'sent'").pluck().get()).toBe(0);
    expect(scratch.smtp.received.flatMap((r) => r.to).sort()).toEqual(sent);
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.every((a) => Array.from({ length: SUBSCRIBERS }, (_, n) => subscriberAddress(n)).includes(a))).toBe(true);
  } finally {
    after.close();
  }
}, 180_000);
