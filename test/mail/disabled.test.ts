// A disabled account gets no mail (digest, immediate or network; not even a message recorded before it was disabled),
// its subscriptions are kept and read as paused, and they are live again when the account is; through a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailConfig } from '../../src/mail/config.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, sendDue, type DigestEnv } from '../../src/mail/deliver.js';
import { smtpTransport } from '../../src/mail/transport.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { DISABLED_ACCOUNT, getSubscription, insertSubscription, listSubscriptions } from '../../src/store/subscriptions.js';
import { listDeliveries } from '../../src/store/deliveries.js';
import { disableUser, insertUser } from '../../src/store/users.js';
import { mailError } from '../../src/web/routes/digest-draft.js';
import type { Db } from '../../src/store/index.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { item, seedDigestDb, store } from '../digest/seed.js';

let db: Db;
let smtp: TestSmtp;
let env: DigestEnv;
const now = () => new Date().toISOString();
const run = async (frequencies: ('immediately' | 'daily' | 'weekly')[], approveBy?: string) => {
  prepareDeliveries(env, { frequencies, network: 'build', approveBy, now: new Date() });
  const transport = smtpTransport(smtp.url);
  try {
    return await sendDue(env, transport);
  } finally {
    transport.close();
  }
};
const to = (email: string) => smtp.received.filter((r) => r.to.includes(email.toLowerCase()));

beforeAll(async () => {
  db = seedDigestDb(':memory:');
  smtp = await startSmtp();
  env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: smtp.url, LAKIVAHTI_BASE_URL: 'http://127.0.0.1:1' }));
});
afterAll(async () => {
  await smtp.close();
  db.close();
});

describe('a disabled account', () => {
  it('receives no digest, immediate or network e-mail; its subscriptions are kept, paused, and live again when it is', async () => {
    const pid = insertUser(db, { email: 'Poistuva@example.fi', role: 'reader', passwordHash: 'x', now: now() });
    insertUser(db, { email: 'pysyva@example.fi', role: 'reader', passwordHash: 'x', now: now() });
    // One made on the web (with the account's number), one by the CLI (the address alone, in another letter case).
    const own = insertSubscription(db, { email: 'poistuva@example.fi', userId: pid, kind: 'personal', goals: ['welfare-reform'], every: 'immediately', createdBy: 'web', now: now() });
    const cli = insertSubscription(db, { email: 'POISTUVA@example.fi', kind: 'personal', goals: ['internal-security'], every: 'daily', createdBy: 'cli', now: now() });
    const net = insertSubscription(db, { email: 'poistuva@example.fi', kind: 'network', createdBy: 'cli', now: now() });
    insertSubscription(db, { email: 'pysyva@example.fi', kind: 'personal', goals: ['welfare-reform'], every: 'immediately', createdBy: 'web', now: now() });

    // A message recorded before the account is disabled is not sent after it.
    prepareDeliveries(env, { frequencies: ['immediately'], network: false, now: new Date() });
    expect(listDeliveries(db, { status: 'pending', limit: 10 }).map((d) => d.email).sort()).toEqual(['poistuva@example.fi', 'pysyva@example.fi']);
    expect(disableUser(db, 'poistuva@example.fi', now())).toBe(true);
    const first = await run(['immediately', 'daily', 'weekly'], 'sihteeristö');
    expect(first.map((r) => r.email).sort()).toEqual(['pysyva@example.fi']);
    expect(to('poistuva@example.fi')).toEqual([]);

    // More news: still nothing for the disabled person, in any frequency, nor the next network digest.
    store(db, 'sm', [
      item({ source: 'sm', key: 'sm9', title: 'Sisäisen turvallisuuden ohjelma', goals: ['internal-security'], match: 'sisäisen turvallisuuden' }, new Date()),
      item({ source: 'sm', key: 'sm10', title: 'Hyvinvointialueiden talous', goals: ['welfare-reform'], match: 'hyvinvointialueiden' }, new Date()),
    ]);
    const second = await run(['immediately', 'daily', 'weekly'], 'sihteeristö');
    expect(second.every((r) => r.email !== 'poistuva@example.fi')).toBe(true);
    expect(to('poistuva@example.fi')).toEqual([]);
    expect(listDeliveries(db, { status: 'pending', limit: 10 })).toEqual([]);

    // Kept, not ended, and read as paused because of the account, in words for people.
    for (const id of [own, cli, net]) {
      const s = getSubscription(db, id)!;
      expect(s.unsubscribedAt).toBeNull();
      expect(s.pausedAt).not.toBeNull();
      expect(s.pauseReason).toBe(DISABLED_ACCOUNT);
    }
    expect(mailError(DISABLED_ACCOUNT)).toMatch(/käyttäjätili on poistettu käytöstä/);
    expect(listSubscriptions(db, { active: true }).map((s) => s.email)).not.toContain('poistuva@example.fi');

    // Enabled again (the account row as an administrator restores it): the kept subscriptions send again.
    db.prepare('UPDATE users SET disabled_at = NULL WHERE id = ?').run(pid);
    expect(getSubscription(db, own)!.pausedAt).toBeNull();
    store(db, 'sm', [item({ source: 'sm', key: 'sm11', title: 'Hyvinvointialueiden rahoitusmalli', goals: ['welfare-reform'], match: 'hyvinvointialueiden' }, new Date())]);
    const third = await run(['immediately']);
    expect(third.map((r) => r.email)).toContain('poistuva@example.fi');
  });
});
