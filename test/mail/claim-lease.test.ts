// A message whose SMTP server is slow to answer the end of its data (RFC 5321 gives it ten minutes: a content filter, a
// queue on a full disk) is still being sent: another process (cron's `digest --send` beside serve's ten-minute tick)
// must not take it over and send it again. The claim lasted ten minutes, as long as nodemailer waits for that answer
// alone (after connecting and the envelope), so a send still waiting was taken over and the mailbox got it twice.
import path from 'node:path';
import { expect, it } from 'vitest';
import { mailConfig } from '../../src/mail/config.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, sendDue } from '../../src/mail/deliver.js';
import { smtpTransport } from '../../src/mail/transport.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import { listDeliveries } from '../../src/store/deliveries.js';
import { start } from '../helpers/process.js';
import { smtpForTests } from '../helpers/smtp.js';
import { seedDigestDb } from '../digest/seed.js';

const scratch = smtpForTests('lease');

it('a send waiting eleven minutes for the server\'s answer is not taken over by another process', async () => {
  const file = path.join(scratch.dir, 'l.sqlite');
  const db = seedDigestDb(file);
  try {
    insertSubscription(db, { email: 'sote@example.fi', kind: 'personal', goals: ['welfare-reform'], every: 'immediately', createdBy: 'test', now: new Date().toISOString() });
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: scratch.smtp.url, LAKIVAHTI_BASE_URL: 'https://lakivahti.example.fi' }));
    prepareDeliveries(env, { frequencies: ['immediately'], network: 'build', now: new Date() });
    scratch.smtp.holdAfter(0);
    // This process claimed the message eleven minutes ago and is still waiting for the server's answer to its data.
    const transport = smtpTransport(scratch.smtp.url);
    const first = sendDue(env, transport, () => new Date(Date.now() - 11 * 60_000));
    await scratch.smtp.waitFor(1);
    const other = start(['digest', '--send', '--db', file], { env: { SMTP_URL: scratch.smtp.url } });
    let otherDone = false;
    void other.done.then(() => (otherDone = true));
    for (const until = Date.now() + 15_000; !otherDone && scratch.smtp.held() < 2 && Date.now() < until;) await new Promise((r) => setTimeout(r, 100));
    scratch.smtp.release();
    const [mine, theirs] = await Promise.all([first, other.done]);
    transport.close();
    expect(mine.map((r) => [r.email, r.ok])).toEqual([['sote@example.fi', true]]);
    expect([theirs.code, theirs.out.split('\n').at(-2)]).toEqual([0, 'ei lähetettävää']);
    expect(scratch.smtp.received.map((r) => r.to.join())).toEqual(['sote@example.fi']);
    expect(listDeliveries(db).map((d) => [d.status, d.attempts])).toEqual([['sent', 1]]);
  } finally {
    db.close();
  }
}, 60_000);

it('a connection lost after the data, before the answer: sent again under the same Message-ID, the first try named', async () => {
  const file = path.join(scratch.dir, 'drop.sqlite');
  seedDigestDb(file).close();
  const env = { SMTP_URL: scratch.smtp.url, LAKIVAHTI_MAIL_RETRY_SECONDS: '0' };
  const before = scratch.smtp.received.length;
  expect((await start(['subscriptions', 'add', 'pela@example.fi', '--goal', 'services', '--every', 'immediately', '--db', file]).done).code).toBe(0);
  scratch.smtp.dropAfterData(1);
  const first = await start(['digest', '--send', '--db', file], { env }).done;
  expect(first.code).toBe(1);
  expect(first.out).toMatch(/^EPÄONNISTUI: pela@example\.fi: .*Connection closed unexpectedly.* \(uusi yritys .+ jälkeen; palvelin saattoi ottaa viestin vastaan, joten se voi tulla perille kahdesti, samalla Message-ID:llä\)$/m);
  const again = await start(['digest', '--send', '--db', file], { env }).done;
  expect([again.code, again.out]).toEqual([0, expect.stringMatching(/^lähetetty: pela@example\.fi: /m)]);
  const copies = scratch.smtp.received.slice(before);
  expect(copies.map((r) => r.to.join())).toEqual(['pela@example.fi', 'pela@example.fi']);
  expect(copies[1].mail.messageId).toBe(copies[0].mail.messageId);
}, 60_000);
