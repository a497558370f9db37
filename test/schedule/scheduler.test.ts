import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { createFetcher } from '../../src/fetch/index.js';
import { IN_FORCE_CRON, isDue, nextCronRun, SEARCH_MERGE_CRON, startScheduler } from '../../src/schedule/index.js';
import { arrive, matterOf, store } from '../link/support.js';
import { openDb, syncSources, getSourceState, setNextRun, listRuns } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

let server: TestServer;
beforeAll(async () => {
  const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>Pelastustoimi</title></item></channel></rss>`;
  server = await startServer({ '/feed': reply(feed, { 'content-type': 'application/rss+xml' }) });
});
afterAll(() => server.close());

const def = (id: string, schedule = '*/30 * * * *'): SourceDef => ({
  id, name: id, url: `${server.url}/feed?${id}`, kind: 'rss', module: 'rss', schedule, language: 'fi', tags: [],
  itemKind: 'news', mayBeEmpty: false, options: {}, file: `${id}.yaml`,
});

/** An instant's hh:mm in Helsinki, as a job's next run reads there. */
const helsinkiClock = (at: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', minute: '2-digit' }).format(at);

describe('schedule', () => {
  it('computes the next run in Helsinki time', () => {
    // 06:00 Helsinki is 04:00 UTC in winter.
    const next = nextCronRun('0 6 * * *')!;
    expect(next.getTime()).toBeGreaterThan(Date.now());
    expect(next.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    expect(new Intl.DateTimeFormat('fi-FI', { timeZone: 'Europe/Helsinki', hour: 'numeric' }).format(next)).toBe('6');
  });

  it.each([
    [null, true],
    ['2000-01-01T00:00:00.000Z', true],
    ['2999-01-01T00:00:00.000Z', false],
  ])('isDue(%s) is %s', (next, due) => expect(isDue(next, new Date())).toBe(due));

  it('catches up missed and never-run sources once at start, and leaves the others to their schedule', async () => {
    const db = openDb(':memory:');
    const defs = [def('never'), def('missed'), def('waiting')];
    syncSources(db, defs);
    setNextRun(db, 'missed', '2020-01-01T00:00:00.000Z');
    setNextRun(db, 'waiting', '2999-01-01T00:00:00.000Z');
    const s = startScheduler(defs, { db, fetch: createFetcher() });
    expect(s.jobs.map((j) => j.id)).toEqual(['crawl:never', 'crawl:missed', 'crawl:waiting', 'matters:in-force', 'search:merge']);
    const runs = await s.caughtUp;
    await s.stop();
    expect(runs.map((r) => [r.sourceId, r.status])).toEqual([['never', 'ok'], ['missed', 'ok']]);
    expect(listRuns(db, 'waiting')).toEqual([]);
    // After a successful run the next check follows the source's own schedule.
    const next = Date.parse(getSourceState(db, 'missed')!.nextRunAt!);
    expect(next).toBeGreaterThan(Date.now());
    expect(next - Date.now()).toBeLessThanOrEqual(30 * 60_000);
    db.close();
  });

  it('moves matters whose statute came into force while nothing ran: at start, then daily shortly after midnight in Helsinki', async () => {
    const db = store();
    arrive(db, [{ source: 'finlex', raw: { guid: 'act', title: 'Laki pelastuslain muuttamisesta', published: '2019-12-01T00:00:00Z',
      identifiers: ['123/2019'], inForce: '2090-01-01' } }]);
    // Stored while the day was ahead; the day has since come with no run storing anything.
    db.exec(`UPDATE items SET in_force = '2020-01-01'; UPDATE matters SET in_force = '2020-01-01'`);
    expect(matterOf(db, 'act')!.stage).toBe('statute-published');
    const logs: Record<string, unknown>[] = [];
    const s = startScheduler([], { db, fetch: createFetcher(), log: (l) => logs.push(l) });
    await s.stop();
    const job = s.jobs.find((j) => j.id === 'matters:in-force')!;
    expect(job).toMatchObject({ cron: IN_FORCE_CRON, name: 'Voimaan tulevat säädökset' });
    const at = helsinkiClock(nextCronRun(job.cron)!);
    expect(at).toBe('00:05');
    expect(matterOf(db, 'act')).toMatchObject({ stage: 'in-force', stageAt: '2020-01-01' });
    expect(logs).toEqual([{ event: 'matters_in_force', matters: [matterOf(db, 'act')!.id] }]);
    db.close();
  });

  it('merges the full-text index nightly at 03:30 in Helsinki, not at start', async () => {
    const db = store();
    const logs: Record<string, unknown>[] = [];
    const s = startScheduler([], { db, fetch: createFetcher(), log: (l) => logs.push(l) });
    await s.stop();
    const job = s.jobs.find((j) => j.id === 'search:merge')!;
    expect(job).toMatchObject({ cron: SEARCH_MERGE_CRON, name: 'Hakuhakemiston tiivistys' });
    const at = helsinkiClock(nextCronRun(job.cron)!);
    expect(at).toBe('03:30');
    expect(job.running()).toBe(false);
    expect(logs.filter((l) => String(l.event).startsWith('search_index'))).toEqual([]);
    db.close();
  });

  it('starts a digest tick asked for once at a time, with the digest only, and none once stopped; settled() waits for it', async () => {
    const db = openDb(':memory:');
    let finish = () => {};
    const started: string[] = [];
    const digest = { cron: { weekly: '0 8 * * 1', daily: '0 7 * * *', immediately: '0 0 1 1 *' },
      run: (tick: string) => new Promise<void>((resolve) => { started.push(tick); finish = resolve; }) };
    expect(startScheduler([], { db, fetch: createFetcher() }).tick('immediately')).toBe(false);
    const s = startScheduler([], { db, fetch: createFetcher() }, digest);
    const job = s.jobs.find((j) => j.id === 'digest:immediately')!;
    expect([s.tick('immediately'), s.tick('immediately'), job.running()]).toEqual([true, false, true]);
    let settled = false;
    const waiting = s.settled().then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    finish();
    await waiting;
    expect([job.running(), s.tick('immediately')]).toEqual([false, true]);
    finish();
    await s.settled();
    await s.stop();
    expect([s.tick('immediately'), started]).toEqual([false, ['immediately', 'immediately']]);
    db.close();
  });
});
