// `digest --send` for 1,000 subscribers as cron runs it, through a real SMTP server: stopped by SIGTERM, then killed by
// SIGKILL mid-send, then run again. Every subscriber gets its message, each once; only the message the server had
// taken when the process was killed may come twice, under the same Message-ID. A review beside the send is not held up.
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDb } from '../../src/store/index.js';
import { run, start } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedSubscribers, subscriberAddress } from './seed-subscribers.js';

const scratch = smtpForTests('digest-many');
const SUBSCRIBERS = 1_000;

it('1,000 subscribers: SIGTERM, SIGKILL mid-send and a rerun send each subscriber its message once', async () => {
  const file = path.join(scratch.dir, 'many.sqlite');
  seedSubscribers(file, { subscribers: SUBSCRIBERS }).close();
  const env = { SMTP_URL: scratch.smtp.url };
  const { received } = scratch.smtp;

  const first = start(['digest', '--send', '--approve', '--db', file], { env });
  await scratch.smtp.waitFor(100, 120_000);
  // A reviewer's decision while the send runs: the sender's writes are short, so it is not refused as locked.
  const review = await run(['review', '1', '--reviewer', 'Maija Meikäläinen', '--goals', 'services', '--db', file]);
  expect([review.code, review.err]).toEqual([0, '']);
  first.proc.kill('SIGTERM');
  const stopped = await first.done;
  expect([stopped.signal, stopped.code]).toEqual([null, 143]);
  // Each message it said it sent is one the server has, and the server has no other.
  const said = stopped.out.split('\n').filter((l) => l.startsWith('lähetetty: ')).length;
  expect(received.length).toBe(said);

  const second = start(['digest', '--send', '--db', file], { env });
  await scratch.smtp.waitFor(said + 150, 120_000);
  second.proc.kill('SIGKILL');
  expect((await second.done).signal).toBe('SIGKILL');

  const last = await run(['digest', '--send', '--db', file], { env });
  expect(last.code).toBe(0);
  const again = await run(['digest', '--send', '--db', file], { env });
  expect([again.code, again.out]).toEqual([0, 'ei lähetettävää\n']);

  const byAddress = new Map<string, string[]>();
  for (const r of received) for (const to of r.to) byAddress.set(to, [...(byAddress.get(to) ?? []), r.mail.messageId ?? '']);
  const wanted = Array.from({ length: SUBSCRIBERS }, (_, n) => subscriberAddress(n)).sort();
  expect([...byAddress.keys()].sort()).toEqual(wanted);
  const twice = [...byAddress].filter(([, ids]) => ids.length > 1);
  // At most the one the server had taken when the process was killed, and under its one Message-ID.
  expect(twice.length).toBeLessThanOrEqual(1);
  for (const [, ids] of twice) expect(new Set(ids).size).toBe(1);
  const db = openDb(file, { readOnly: true });
  try {
    expect(db.prepare("SELECT status, count(*) AS n FROM deliveries GROUP BY status").all()).toEqual([{ status: 'sent', n: SUBSCRIBERS }]);
    expect(db.prepare('SELECT count(DISTINCT subscription_id) FROM deliveries').pluck().get()).toBe(SUBSCRIBERS);
  } finally {
    db.close();
  }
}, 300_000);
