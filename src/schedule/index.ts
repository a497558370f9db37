// Every scheduled job in one list, run by node-cron in Helsinki time; missed runs are caught up once at start.
import type { ScheduledTask } from 'node-cron';
import type { RunResult, SourceDef } from '../model.js';
import { refreshSource, type PipelineDeps } from '../pipeline.js';
import { createLimiter } from '../fetch/limiter.js';
import { getSourceState, listPausedSources, mergeSearchIndex, moveIntoForce, whenWritable } from '../store/index.js';
import { crawlConcurrency } from '../config/crawl.js';
import { cronTimezone, nextCronRun, nodeCron } from '../config/schedule.js';
import type { DigestJobs } from '../mail/job.js';
import type { Frequency } from '../store/subscriptions.js';

/** Shortly after midnight in Helsinki: matters whose statute comes into force that day move on, run or no run. */
export const IN_FORCE_CRON = '5 0 * * *';
/** At night in Helsinki, away from the sources' and the digest's hours: the full-text index merged into one segment. */
export const SEARCH_MERGE_CRON = '30 3 * * *';
export { nextCronRun };
const DIGEST_NAMES = { weekly: 'Viikkokatsaus ja viikoittaiset tilaukset', daily: 'Päivittäiset tilaukset', immediately: 'Heti lähetettävät, hyväksytyt katsaukset ja uudelleenyritykset' };


/**
 * A tick whose timer fires late (a busy machine, a long synchronous stretch on this thread) still runs, once: node-cron
 * drops one met more than a second late as missed, and a source then waited a whole period, a daily digest a day.
 * node-cron never runs a slot once the next one has come, so no tick runs twice.
 */
const LATE_RUNS = { missedExecutionTolerance: Infinity };

/** A source is due when it has never run or its next check (schedule or backoff) has passed. */
export function isDue(nextRunAt: string | null | undefined, now: Date): boolean {
  return !nextRunAt || Date.parse(nextRunAt) <= now.getTime();
}

export interface Scheduler {
  /** The job list: one crawl job per source, the daily in-force check, the nightly search-index merge, and the digest's ticks. */
  jobs: { id: string; name: string; cron: string; running(): boolean }[];
  /** Resolves when the start-up catch-up crawl has finished. */
  caughtUp: Promise<RunResult[]>;
  /** Start a digest tick now (serve on SIGUSR2); false without the digest, once stopped, or while that tick runs. */
  tick(tick: Frequency): boolean;
  /** Start a run of the source now (an administrator's "crawl now"); false when it is unknown, paused or stopped. */
  runNow(id: string): boolean;
  /** Stop firing new runs; runs already in flight go on (see settled()). */
  stop(): Promise<void>;
  /** Resolves when no run is in flight. */
  settled(): Promise<void>;
}

/**
 * Schedule every source on its own cron expression, never two runs of one source at once; and, given `digest`, the
 * digest's weekly, daily and immediate ticks.
 */
export function startScheduler(defs: SourceDef[], deps: PipelineDeps, digest?: DigestJobs | null): Scheduler {
  const cron = nodeCron();
  const running = new Set<string>();
  const inFlight = new Set<Promise<unknown>>();
  let stopped = false;
  // Source runs in flight at once across the process: bounds memory when many schedules fire together.
  const slots = createLimiter(crawlConcurrency());
  const withSchedule: PipelineDeps = { ...deps, nextScheduled: (def) => nextCronRun(def.schedule), stopping: () => stopped };
  // A job's own write (serve gives the jobs a connection with a short busy_timeout): while another process holds the
  // write lock it is tried again off the event loop, so pages and /healthz answer meanwhile; the log names the wait.
  const written = <T>(job: string, write: () => T) =>
    whenWritable(write, { stopping: () => stopped, waiting: () => deps.log?.({ event: 'job_waiting_for_lock', job }) });

  /** `p`, counted in flight (settled() waits for it) until it ends. */
  const tracked = <T>(p: Promise<T>): Promise<T> => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };
  const runOnce = (def: SourceDef): Promise<RunResult | null> => tracked(runGuarded(def));
  const runGuarded = async (def: SourceDef): Promise<RunResult | null> => {
    if (stopped || running.has(def.id)) return null;
    running.add(def.id);
    const release = await slots.acquire('runs');
    try {
      if (stopped) return null;
      return await refreshSource(def, withSchedule);
    } finally {
      release();
      running.delete(def.id);
    }
  };

  const tasks: ScheduledTask[] = defs.map((def) =>
    cron.schedule(
      def.schedule,
      async () => {
        // Backoff after errors moves next_run_at past the cron tick; skip until it is due. A paused source waits.
        if (isDue(getSourceState(deps.db, def.id)?.nextRunAt, new Date()) && !listPausedSources(deps.db).has(def.id)) await runOnce(def);
      },
      { ...LATE_RUNS, name: `crawl:${def.id}`, timezone: cronTimezone(def.schedule), noOverlap: true },
    ),
  );

  const ticks = digest ? (['weekly', 'daily', 'immediately'] as const) : [];
  const ticking = new Set<string>();
  /** Start the digest's `tick`, counted in flight until it ends; null once stopped, without the digest, or while it runs. */
  const startTick = (tick: Frequency): Promise<unknown> | null => {
    if (stopped || !digest || ticking.has(tick)) return null;
    ticking.add(tick);
    return tracked(digest.run(tick, () => stopped)
      .catch((err: Error) => deps.log?.({ event: 'digest_failed', tick, error: err.message }))
      .finally(() => ticking.delete(tick)));
  };
  for (const tick of ticks)
    tasks.push(cron.schedule(digest!.cron[tick], async () => { await startTick(tick); }, { ...LATE_RUNS, name: `digest:${tick}`, timezone: cronTimezone(digest!.cron[tick]), noOverlap: true }));

  // Matters coming into force: daily, and once now (a day may have passed while the process was down).
  let movingIntoForce = false;
  const intoForce = () => tracked(movingIn());
  const movingIn = async () => {
    if (stopped) return;
    movingIntoForce = true;
    try {
      const moved = await written('matters:in-force', () => moveIntoForce(deps.db, new Date().toISOString()));
      if (moved.length) deps.log?.({ event: 'matters_in_force', matters: moved });
    } catch (err) {
      deps.log?.({ event: 'matters_in_force_failed', error: (err as Error).message });
    } finally {
      movingIntoForce = false;
    }
  };
  tasks.push(cron.schedule(IN_FORCE_CRON, intoForce, { ...LATE_RUNS, name: 'matters:in-force', timezone: cronTimezone(IN_FORCE_CRON), noOverlap: true }));
  void intoForce();

  // Not at start: a merge holds the write lock for a while, and a night's wait costs searches little.
  let merging = false;
  const mergeIndex = () => tracked(mergingIndex());
  const mergingIndex = async () => {
    if (stopped) return;
    merging = true;
    const started = performance.now();
    try {
      const segments = await written('search:merge', () => mergeSearchIndex(deps.db));
      if (segments > 1) deps.log?.({ event: 'search_index_merged', segments, ms: Math.round(performance.now() - started) });
    } catch (err) {
      deps.log?.({ event: 'search_index_merge_failed', error: (err as Error).message });
    } finally {
      merging = false;
    }
  };
  tasks.push(cron.schedule(SEARCH_MERGE_CRON, mergeIndex, { ...LATE_RUNS, name: 'search:merge', timezone: cronTimezone(SEARCH_MERGE_CRON), noOverlap: true }));

  // node-cron does not replay runs missed while the process was down: catch up once now.
  const now = new Date();
  const paused = listPausedSources(deps.db);
  const overdue = defs.filter((d) => isDue(getSourceState(deps.db, d.id)?.nextRunAt, now) && !paused.has(d.id));
  const caughtUp = Promise.all(overdue.map(runOnce)).then((runs) => runs.filter((r): r is RunResult => r !== null));

  return {
    jobs: [
      ...defs.map((def) => ({ id: `crawl:${def.id}`, name: `Hae ${def.name}`, cron: def.schedule, running: () => running.has(def.id) })),
      { id: 'matters:in-force', name: 'Voimaan tulevat säädökset', cron: IN_FORCE_CRON, running: () => movingIntoForce },
      { id: 'search:merge', name: 'Hakuhakemiston tiivistys', cron: SEARCH_MERGE_CRON, running: () => merging },
      ...ticks.map((tick) => ({ id: `digest:${tick}`, name: DIGEST_NAMES[tick], cron: digest!.cron[tick], running: () => ticking.has(tick) })),
    ],
    caughtUp,
    tick: (tick) => startTick(tick) !== null,
    runNow: (id) => {
      const def = defs.find((d) => d.id === id);
      if (!def || stopped || listPausedSources(deps.db).has(id)) return false;
      void runOnce(def);
      return true;
    },
    stop: async () => {
      stopped = true;
      await Promise.all(tasks.map((t) => t.destroy()));
    },
    settled: async () => {
      while (inFlight.size) await Promise.allSettled([...inFlight]);
    },
  };
}
