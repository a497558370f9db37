// The scheduler's ticks across Helsinki's clock changes (the last Sundays of March and October), on a fake clock: a
// source every half hour is checked every half hour through both, and a daily job at a time the spring change skips
// or the autumn change repeats fires once that day or is left to the next (node-cron's own choice, kept).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler } from '../../src/schedule/index.js';
import { openDb, syncSources, setNextRun } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

afterEach(() => vi.useRealTimers());

const def = (schedule: string): SourceDef => ({
  id: 'stm', name: 'stm', url: 'http://127.0.0.1:9/feed', kind: 'rss', module: 'rss', schedule, language: 'fi', tags: [],
  itemKind: 'news', mayBeEmpty: false, options: {}, file: 'stm.yaml',
});

/** The instants (UTC, ISO) a source on `schedule` is fetched in the `hours` after `from`, on a fake clock. */
async function fetchedAt(schedule: string, from: string, hours: number): Promise<string[]> {
  vi.useFakeTimers({ now: Date.parse(from), toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  const db = openDb(':memory:');
  syncSources(db, [def(schedule)]);
  setNextRun(db, 'stm', new Date(Date.parse(from) + 1).toISOString()); // not due at start: only the ticks run it
  const at: string[] = [];
  // Nothing changed since the last check: a run that stores nothing and is not backed off.
  const fetch = async (url: string) => {
    at.push(new Date().toISOString());
    return { url, status: 304, notModified: true, body: '', contentType: null, charset: 'utf-8', bytes: 0, etag: null, lastModified: null };
  };
  const s = startScheduler([def(schedule)], { db, fetch });
  try {
    // A minute at a time, each tick's run let finish (its first loads modules: real I/O the fake clock does not wait for).
    for (let m = 0; m < hours * 60; m++) {
      await vi.advanceTimersByTimeAsync(60_000);
      await s.settled();
    }
  } finally {
    await s.stop();
    await s.settled();
    db.close();
  }
  return at;
}

const gaps = (at: string[]) => at.slice(1).map((t, n) => (Date.parse(t) - Date.parse(at[n])) / 60_000);

describe('the scheduler across the clock changes', () => {
  it.each([
    ['October: 04:00 summer time becomes 03:00', '2026-10-24T22:00:00.000Z'],
    ['March: 03:00 becomes 04:00 summer time', '2027-03-27T23:00:00.000Z'],
  ])('%s: a source every half hour is checked every half hour', async (_, from) => {
    const at = await fetchedAt('*/30 * * * *', from, 5);
    expect(at[0]).toBe(new Date(Date.parse(from) + 30 * 60_000).toISOString());
    expect(gaps(at)).toEqual(Array(gaps(at).length).fill(30));
    expect(at).toHaveLength(10);
  }, 60_000);

  it('a source at 03.30 each night: once on the night the autumn change repeats the hour, next day after the spring one skips it', async () => {
    expect(await fetchedAt('30 3 * * *', '2026-10-24T20:00:00.000Z', 30)).toEqual(['2026-10-25T01:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    expect(await fetchedAt('30 3 * * *', '2027-03-27T20:00:00.000Z', 30)).toEqual(['2027-03-29T00:30:00.000Z']);
  }, 60_000);
});
