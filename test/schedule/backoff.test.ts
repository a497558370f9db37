// Backoff after failures and the scheduler's ticks: a source in backoff is skipped by its cron ticks until it is due.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { createFetcher } from '../../src/fetch/index.js';
import { backoffMs } from '../../src/pipeline.js';
import { isDue, startScheduler } from '../../src/schedule/index.js';
import { openDb, syncSources, getSourceState, setNextRun, listRuns } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

const MINUTE = 60_000;

describe('backoffMs', () => {
  // 5 minutes after the first failure, doubling with each further one, never more than 6 hours.
  it.each([
    [0, 5], [1, 5], [2, 10], [3, 20], [4, 40], [5, 80], [6, 160], [7, 320], [8, 360], [30, 360],
  ])('after %i failures waits %i minutes', (failures, minutes) => {
    expect(backoffMs(failures)).toBe(minutes * MINUTE);
  });

  it('waits as long as the server asked (Retry-After) when that is longer, never shorter', () => {
    expect(backoffMs(1, 60 * MINUTE)).toBe(60 * MINUTE);
    expect(backoffMs(8, 12 * 60 * MINUTE)).toBe(12 * 60 * MINUTE);
    expect(backoffMs(3, MINUTE)).toBe(20 * MINUTE);
    expect(backoffMs(3, null)).toBe(20 * MINUTE);
    expect(backoffMs(3, 0)).toBe(20 * MINUTE);
  });
});

describe('isDue', () => {
  const now = new Date('2026-03-01T10:00:00.000Z');
  it.each<[string | null | undefined, boolean]>([
    [null, true], [undefined, true], ['', true],
    ['2026-03-01T10:00:00.000Z', true], // exactly now
    ['2026-03-01T09:59:59.999Z', true],
    ['2026-03-01T10:00:00.001Z', false],
    ['2026-03-01T12:00:00+02:00', true], // the same instant written in Helsinki time
    ['2026-03-01T12:00:01+02:00', false],
  ])('next check %s → due %s', (next, due) => expect(isDue(next, now)).toBe(due));
});

describe('scheduler ticks', () => {
  let server: TestServer;
  beforeAll(async () => {
    const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Pelastustoimi</title></item></channel></rss>`;
    server = await startServer({ '/feed': reply(feed, { 'content-type': 'application/rss+xml' }) });
  });
  afterAll(() => server.close());

  // Every second (node-cron's six-field form), so a test sees several ticks.
  const def = (id: string): SourceDef => ({
    id, name: id, url: `${server.url}/feed?${id}`, kind: 'rss', module: 'rss', schedule: '* * * * * *', language: 'fi', tags: [],
    itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
  });

  it('a tick runs a source once its backoff has passed, and never one still backed off', async () => {
    const db = openDb(':memory:');
    syncSources(db, [def('soon'), def('backed-off')]);
    setNextRun(db, 'soon', new Date(Date.now() + 3_600_000).toISOString());
    setNextRun(db, 'backed-off', new Date(Date.now() + 3_600_000).toISOString());
    const s = startScheduler([def('soon'), def('backed-off')], { db, fetch: createFetcher() });
    let soonAt: Date;
    try {
      // Neither is due at start: nothing to catch up.
      expect(await s.caughtUp).toEqual([]);
      expect(listRuns(db, 'soon')).toEqual([]);
      // Its backoff ends 1.5 s from now, set once the start is over: set before it, a start slower than 1.5 s (load 29,
      // session 53) found it due and caught it up.
      soonAt = new Date(Date.now() + 1_500);
      setNextRun(db, 'soon', soonAt.toISOString());
      const deadline = Date.now() + 15_000;
      while (listRuns(db, 'soon').length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const runs = listRuns(db, 'soon');
      expect(runs.length).toBeGreaterThan(0);
      // The first run started on a tick at or after the end of its backoff, not before.
      expect(Date.parse(runs.at(-1)!.startedAt)).toBeGreaterThanOrEqual(soonAt.getTime() - 1);
      await new Promise((r) => setTimeout(r, 1_200)); // at least one more tick
    } finally {
      await s.stop();
      await s.settled();
    }
    expect(listRuns(db, 'backed-off')).toEqual([]);
    expect(getSourceState(db, 'soon')!.lastStatus).toBe('ok');
    db.close();
  });

  it('a failing source is backed off: its next check moves 5 minutes ahead, past the ticks', async () => {
    const db = openDb(':memory:');
    const broken = { ...def('broken'), url: `${server.url}/missing` };
    syncSources(db, [broken]);
    const s = startScheduler([broken], { db, fetch: createFetcher() });
    let failedAt: number;
    try {
      const runs = await s.caughtUp;
      failedAt = Date.now();
      expect(runs.map((r) => r.status)).toEqual(['error']);
      await new Promise((r) => setTimeout(r, 2_500)); // two ticks or more
    } finally {
      await s.stop();
      await s.settled();
    }
    expect(listRuns(db, 'broken')).toHaveLength(1);
    const state = getSourceState(db, 'broken')!;
    expect(state.errorCount).toBe(1);
    const next = Date.parse(state.nextRunAt!);
    expect(next).toBeGreaterThan(failedAt - 10_000 + 5 * MINUTE - 1);
    expect(next).toBeLessThanOrEqual(failedAt + 5 * MINUTE);
    db.close();
  });
});
