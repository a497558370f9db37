// The digest's scheduled ticks in the app's job list: Helsinki time, Monday 08.00 by default; what each tick sends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestJobs } from '../../src/mail/job.js';
import { nextCronRun, startScheduler } from '../../src/schedule/index.js';
import { approveDigest, openDigest } from '../../src/store/digests.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import { defaultFeedsDir } from '../../src/paths.js';
import type { Db } from '../../src/store/index.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { seedDigestDb } from '../digest/seed.js';

let db: Db;
let smtp: TestSmtp;
const logs: Record<string, unknown>[] = [];
const log = (l: Record<string, unknown>) => void logs.push(l);
const ctx = () => ({ db, tagStage: null, feedsDir: defaultFeedsDir });

beforeAll(async () => {
  db = seedDigestDb(':memory:');
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  db.close();
});

describe('the digest jobs', () => {
  it('are in the scheduler\'s job list; weekly defaults to Monday 08.00 Helsinki time and can be configured', async () => {
    const jobs = digestJobs(ctx(), log, {})!;
    expect(jobs.cron).toEqual({ weekly: '0 8 * * 1', daily: '0 7 * * *', immediately: '*/10 * * * *' });
    const next = nextCronRun(jobs.cron.weekly)!;
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(next);
    expect(parts).toBe('Monday 08:00');
    const scheduler = startScheduler([], { db, fetch: (() => { throw new Error('no fetching'); }) as never, log }, digestJobs(ctx(), log, { LAKIVAHTI_DIGEST_WEEKLY: '30 9 * * 2' }));
    try {
      expect(scheduler.jobs.filter((j) => j.id.startsWith('digest:')).map((j) => [j.id, j.cron])).toEqual([['digest:weekly', '30 9 * * 2'], ['digest:daily', '0 7 * * *'], ['digest:immediately', '*/10 * * * *']]);
    } finally {
      await scheduler.stop();
    }
  });

  it('names a malformed setting and sends nothing without SMTP_URL', async () => {
    expect(digestJobs(ctx(), log, { LAKIVAHTI_DIGEST_MAX_DAYS: 'kaksi' })).toBeNull();
    expect(logs.at(-1)).toMatchObject({ event: 'digest_disabled', reason: expect.stringContaining('LAKIVAHTI_DIGEST_MAX_DAYS') });
    await digestJobs(ctx(), log, {})!.run('weekly');
    expect(logs.at(-1)).toMatchObject({ event: 'digest_skipped', reason: 'SMTP_URL is not set' });
  });

  it('builds the draft weekly and sends weekly subscriptions; an approved draft goes at the next immediate tick', async () => {
    const now = new Date().toISOString();
    insertSubscription(db, { email: 'verkosto@example.fi', kind: 'network', createdBy: 't', now });
    insertSubscription(db, { email: 'viikko@example.fi', kind: 'personal', goals: ['services'], createdBy: 't', now });
    insertSubscription(db, { email: 'paiva@example.fi', kind: 'personal', goals: ['services'], every: 'daily', createdBy: 't', now });
    const jobs = digestJobs(ctx(), log, { SMTP_URL: smtp.url })!;
    await jobs.run('weekly');
    expect(logs.some((l) => l.event === 'digest_waiting_approval')).toBe(true);
    expect(smtp.received.map((m) => m.to[0])).toEqual(['viikko@example.fi']);
    await jobs.run('immediately');
    expect(smtp.received).toHaveLength(1);
    approveDigest(db, openDigest(db)!.id, 'sihteeri@example.fi', new Date().toISOString());
    await jobs.run('immediately');
    await jobs.run('daily');
    expect(smtp.received.map((m) => m.to[0])).toEqual(['viikko@example.fi', 'verkosto@example.fi', 'paiva@example.fi']);
    expect(logs.at(-1)).toMatchObject({ event: 'digest_sent', tick: 'daily', sent: 1, failed: [] });
  });
});
