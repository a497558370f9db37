// `digest --send` stopped by a signal (cron's timeout, a shutdown, a closed terminal) while the server has not yet
// answered a message: it waits for that answer and records it, then stops, exit 128 + the signal. It was killed at
// once: the message the server had taken stayed claimed by a dead process, and the next run sent it again.
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDb } from '../../src/store/index.js';
import { listDeliveries } from '../../src/store/deliveries.js';
import { run, start, untilWaitingIn } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedDigestDb } from '../digest/seed.js';

const scratch = smtpForTests('digest-signal');
it.each([['SIGTERM', 143], ['SIGHUP', 129]] as const)('%s while the server holds a message: answered, recorded, the rest left, exit %i', async (signal, status) => {
  const file = path.join(scratch.dir, `${signal}.sqlite`);
  seedDigestDb(file).close();
  for (const who of ['eka', 'toka'])
    expect((await run(['subscriptions', 'add', `${who}-${signal}@example.fi`, '--goal', 'services', '--every', 'immediately', '--db', file])).code).toBe(0);
  const env = { SMTP_URL: scratch.smtp.url };
  const before = scratch.smtp.received.length;
  scratch.smtp.holdAfter(before);
  const child = start(['digest', '--send', '--db', file], { env });
  await scratch.smtp.waitFor(before + 1);
  child.proc.kill(signal);
  // The signal handled before the answer comes: the child woken by it (no longer in its wait) has run its handler
  // and waits in its event loop again. A fixed 500 ms stood in for that; a child not run within it on a loaded machine
  // could read the answer, with the signal, in one turn of its loop and claim the next message before the handler ran.
  await untilWaitingIn(child.proc.pid!, /^do_epoll_wait$/, 'the child never went back to waiting after the signal');
  scratch.smtp.release();
  const done = await child.done;
  expect([done.signal, done.code]).toEqual([null, status]);
  expect(done.out).toMatch(new RegExp(`^lähetetty: eka-${signal}@example\\.fi: `, 'm'));
  expect(done.err).toBe(`lakivahti digest: ${signal}: stopped after the message in flight was answered and recorded; the rest are left for the next run\n`);
  const db = openDb(file, { readOnly: true });
  try {
    expect(listDeliveries(db).map((d) => [d.email, d.status]).sort()).toEqual([[`eka-${signal}@example.fi`, 'sent'], [`toka-${signal}@example.fi`, 'pending']]);
  } finally {
    db.close();
  }
  const next = await run(['digest', '--send', '--db', file], { env });
  expect(next.code).toBe(0);
  expect(scratch.smtp.received.slice(before).map((r) => r.to.join()).sort()).toEqual([`eka-${signal}@example.fi`, `toka-${signal}@example.fi`]);
}, 60_000);
