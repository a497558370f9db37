// A tick whose timer fires late (a busy machine, a long synchronous stretch on serve's one thread) still runs, once.
// node-cron by default drops a tick it meets more than a second late as "missed": the source then waited a whole period,
// a daily digest a day, and test/process/serve-jobs-lock.test.ts saw no digest tick within 30 s on a loaded machine.
import { afterEach, expect, it, vi } from 'vitest';
import { startScheduler } from '../../src/schedule/index.js';
import { openDb, syncSources, setNextRun } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';
import type { DigestJobs } from '../../src/mail/job.js';

afterEach(() => vi.useRealTimers());

const FROM = Date.parse('2026-12-07T10:00:30.000Z');
const def: SourceDef = {
  id: 'stm', name: 'stm', url: 'http://127.0.0.1:9/feed', kind: 'rss', module: 'rss', schedule: '*/10 * * * *', language: 'fi', tags: [],
  itemKind: 'news', mayBeEmpty: false, options: {}, file: 'stm.yaml',
};

it('runs a source\'s tick and a digest tick whose timers fire seconds late, and each once', async () => {
  vi.useFakeTimers({ now: FROM, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const db = openDb(':memory:');
  syncSources(db, [def]);
  setNextRun(db, 'stm', new Date(FROM + 1).toISOString()); // not due at start: only the tick runs it
  const fetched: string[] = [];
  const fetch = async (url: string) => {
    fetched.push(new Date().toISOString());
    return { url, status: 304, notModified: true, body: '', contentType: null, charset: 'utf-8', bytes: 0, etag: null, lastModified: null };
  };
  const ticks: string[] = [];
  // The digest's ticks as serve makes them (a six-field expression: the immediate one at 12.10.00 in Helsinki, 10.10 UTC); what a
  // tick sends is test/process/serve-jobs-lock's matter, not this one's.
  const digest: DigestJobs = { cron: { weekly: '0 8 * * 1', daily: '0 7 * * *', immediately: '0 10 12 * * *' }, run: async (tick) => void ticks.push(`${tick} ${new Date().toISOString()}`) };
  const s = startScheduler([def], { db, fetch }, digest);
  try {
    // 10.09.59: both timers are due in a second. The thread is then busy for 4 s (the wall clock moves on, no timer
    // fires), and both fire at 10.10.04: each tick 4 s late.
    await vi.advanceTimersByTimeAsync(Date.parse('2026-12-07T10:09:59.000Z') - FROM);
    vi.setSystemTime(Date.parse('2026-12-07T10:10:03.000Z'));
    // To the moment both fire, and no further: the run loads its modules and stores its result for real (I/O the fake
    // clock does not wait for), so it is awaited with the clock held at 10.10.04 (advancing 2 s let a cold or busy
    // machine reach the fetch at 10.10.05, and CI failed on it).
    await vi.advanceTimersByTimeAsync(1000);
    await s.settled();
    expect(ticks).toEqual(['immediately 2026-12-07T10:10:04.000Z']);
    expect(fetched).toEqual(['2026-12-07T10:10:04.000Z']);
    // Once: the next ones at their own times (the clock held at 10.20.00 again while the run writes).
    await vi.advanceTimersByTimeAsync(Date.parse('2026-12-07T10:20:00.000Z') - Date.now());
    await s.settled();
    expect(fetched).toEqual(['2026-12-07T10:10:04.000Z', '2026-12-07T10:20:00.000Z']);
    expect(ticks).toEqual(['immediately 2026-12-07T10:10:04.000Z']);
  } finally {
    await s.stop();
    await s.settled();
    db.close();
  }
}, 60_000);
