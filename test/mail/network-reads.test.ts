// The network digest's recipients are read once before the write lock (to render each language and to name the
// addresses the rule refuses) and once under it (as they are when recorded); the refused ones were read once more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailConfig } from '../../src/mail/config.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, type DigestEnv } from '../../src/mail/deliver.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import { defaultFeedsDir } from '../../src/paths.js';
import type { Db } from '../../src/store/index.js';
import { statementsRun } from '../helpers/statements.js';
import { seedDigestDb } from '../digest/seed.js';

let db: Db;
let env: DigestEnv;
const ran = statementsRun(() => db);

beforeAll(() => {
  db = seedDigestDb(':memory:');
  env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: 'smtp://127.0.0.1:9', LAKIVAHTI_BASE_URL: 'https://lakivahti.example.fi' }));
  const now = new Date().toISOString();
  insertSubscription(db, { email: 'verkosto@example.fi', kind: 'network', createdBy: 'test', now });
  insertSubscription(db, { email: 'natverk@example.fi', kind: 'network', lang: 'sv', createdBy: 'test', now });
  // Stored before the address rule: two addresses in one.
  insertSubscription(db, { email: 'a@example.fi, b@example.fi', kind: 'network', createdBy: 'test', now });
});
afterAll(() => db.close());

describe('the network digest\'s recipients', () => {
  it('are read once before the write lock and once under it, the refused address named once', () => {
    ran.length = 0;
    const report = prepareDeliveries(env, { frequencies: [], network: 'build', approveBy: 'juristi@example.fi', now: new Date() });
    expect(report.recorded.map((r) => r.email).sort()).toEqual(['natverk@example.fi', 'verkosto@example.fi']);
    expect(report.refused.map((r) => r.email)).toEqual(['a@example.fi, b@example.fi']);
    const reads = ran.filter((sql) => /\) WHERE unsubscribed_at IS NULL AND paused_at IS NULL AND 1 ORDER BY id$/.test(sql));
    // The personal subscriptions' read, then the network's before the lock and under it.
    expect(reads).toHaveLength(3);
  });
});
