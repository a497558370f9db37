// A message the SMTP server took whose sending could not then be recorded, because the database could not be written
// (a full disk, a file-size limit, read-only): the error says the message went out and will go again, naming why, as
// it says for a lock held too long. It said only SQLite's reason ("attempt to write a readonly database"), the
// second failed write's, so `digest --send` hid that a recipient had been sent the message.
import { describe, expect, it } from 'vitest';
import { mailConfig } from '../../src/mail/config.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, sendDue } from '../../src/mail/deliver.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import { seedDigestDb } from '../digest/seed.js';

describe('a sent message that cannot be recorded', () => {
  it('is named as sent and not recorded, with why the database could not be written', async () => {
    const db = seedDigestDb(':memory:');
    try {
      insertSubscription(db, { email: 'sote@example.fi', kind: 'personal', goals: ['welfare-reform'], every: 'immediately', createdBy: 'test', now: new Date().toISOString() });
      const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: 'smtp://127.0.0.1:9', LAKIVAHTI_BASE_URL: 'https://lakivahti.example.fi' }));
      prepareDeliveries(env, { frequencies: ['immediately'], network: 'build', now: new Date() });
      const sent: string[] = [];
      // The server takes the message; then the database can no longer be written (as when its disk fills up).
      const transport = { send: async (m: { to: string }) => void (sent.push(m.to), db.pragma('query_only = ON')), close: () => {} };
      await expect(sendDue(env, transport)).rejects.toThrow(
        /^sote@example\.fi was sent ".+", but it could not be recorded: the database :memory: cannot be written by this user \(a read-only file, folder or mount\); the next run sends it again$/,
      );
      expect(sent).toEqual(['sote@example.fi']);
    } finally {
      db.pragma('query_only = OFF');
      db.close();
    }
  });
});
