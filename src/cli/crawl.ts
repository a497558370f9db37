// `lakivahti crawl [--source ID]`: crawl now and print one line per source.
import type { RunResult, SourceDef } from '../model.js';
import { crawl } from '../pipeline.js';
import { nextCronRun } from '../config/schedule.js';
import { crawlConcurrency } from '../config/crawl.js';
// The store's modules one by one, not store/index.js: a crawl of 304s needs only a few of them.
import { listPausedSources } from '../store/sources.js';
import { mayMoveIntoForce } from '../store/in-force.js';
import { closeContext, NoSourcesError, openContext, pipelineDeps, reportConfigErrors, startWriterEarly } from '../app/context.js';
import { checkTaxonomy } from '../app/taxonomy-check.js';
import { onStopSignal, parseCommand, Refused, signalStatus } from './args.js';
import { note } from '../stderr-line.js';
import { keepHeapSmall } from '../heap.js';
import { writeFailure, writeFailureText } from '../store/write-failure.js';

export const usage = `usage: lakivahti crawl [--source ID] [--db PATH] [--feeds DIR]

Crawl every source now (or only --source ID) and print one line per source: new, updated,
not modified, or the error; then the matters whose statute came into force today, if any.
Exits 0 when it ran, even if sources failed; 1 when no source definition could be read, the taxonomy
cannot be read (new items are stored untagged; said by every crawl, also one that finds nothing new), or the
database could not be written (its disk full, a disk I/O error such as a file-size limit, or read-only; the runs
it could not store are due again). Ctrl-C, SIGTERM or SIGHUP stops it: requests in flight are
aborted, those runs recorded as interrupted, the finished ones printed (exit 130 or 143).
`;

/** One line per run: new and updated counts, not modified, or the error. */
export function formatRun(r: RunResult): string {
  if (r.status === 'error') return `${r.sourceId}: error: ${r.error}`;
  if (r.status === 'not-modified') return `${r.sourceId}: not modified`;
  if (r.status === 'skipped') return `${r.sourceId}: skipped (${r.notes.join('; ')})`;
  if (r.status === 'interrupted') return `${r.sourceId}: interrupted (due again at the next crawl)`;
  const notes = r.notes.length ? ` (${r.notes.join('; ')})` : '';
  return `${r.sourceId}: ${r.created} new, ${r.updated} updated, ${r.found} found${notes}`;
}

/**
 * When a source is next due by its schedule, worked out once per expression: most sources share one, and the next
 * time after a moment stays the next time until it has passed.
 */
function nextRunOf(): (def: SourceDef) => Date | null {
  const known = new Map<string, Date | null>();
  return (def) => {
    let next = known.get(def.schedule);
    if (next === undefined || (next !== null && next.getTime() <= Date.now())) known.set(def.schedule, (next = nextCronRun(def.schedule)));
    return next;
  };
}

export async function run(args: string[]): Promise<number> {
  const { values } = parseCommand(args, { source: { type: 'string' } });
  const concurrency = crawlConcurrency();
  // The tag stage is built when the first new item needs it (see pipelineDeps): a crawl that finds nothing new never
  // builds it.
  // Into a database not made yet, the writer thread starts first: its start overlaps this thread's (see earlyWorkerWriter).
  const early = startWriterEarly(values, values.source);
  let ctx: ReturnType<typeof openContext>;
  try {
    ctx = openContext(values, { tag: 'lazy', synchronous: 'NORMAL', needsSources: true });
  } catch (err) {
    early?.abandon();
    // No source could be read at all (the folder missing, every definition broken): a failure cron must see, not a
    // quiet success, and nothing to make or migrate a database for.
    if (!(err instanceof NoSourcesError)) throw err;
    reportConfigErrors({ configErrors: err.errors });
    throw new Refused(`no source to crawl: ${err.message}`, 1);
  }
  try {
    reportConfigErrors(ctx);
    const reported = ctx.configErrors.length;
    let defs = ctx.sources;
    if (values.source !== undefined) {
      defs = defs.filter((d) => d.id === values.source);
      if (!defs.length) throw new Refused(`no source "${values.source}" (known: ${ctx.sources.map((d) => d.id).join(', ')})`);
    }
    // A source an administrator paused is not fetched until it is resumed (on the web workbench's sources page).
    const paused = listPausedSources(ctx.db);
    if (paused.size) {
      // The Helsinki formatter only now: building it (Intl and the time zone's data) took 10–25 ms of every crawl's
      // start, before its first fetch.
      const { fiDateTime } = await import('../app/format.js');
      for (const d of defs) {
        const p = paused.get(d.id);
        // When, in Helsinki time as every time the CLI prints for people (not the stored UTC instant).
        if (p) process.stdout.write(`${d.id}: skipped (paused by ${p.by} at ${fiDateTime(p.at)}; resume it on the sources page)\n`);
      }
    }
    defs = defs.filter((d) => !paused.has(d.id));
    // Ctrl-C, SIGTERM or SIGHUP: no further source starts, requests in flight are aborted so that their runs are recorded as
    // interrupted (not left to a lease that expires), and what finished is printed. A second signal ends at once.
    let stoppedBy: NodeJS.Signals | null = null;
    const stop = (signal: NodeJS.Signals) => {
      stoppedBy = signal;
      note(`${signal}: stopping (runs in flight are recorded as interrupted; again to end at once)`, { lines: true });
      void ctx.fetch.destroy();
    };
    const unlisten = onStopSignal(stop);
    let runs: RunResult[];
    try {
      // A crawl holds each batch of items briefly and then ends: its heaps can stay small (see heap.ts), from the first
      // body on. Not before: V8 takes node's built-in code cache only while its flags are as they were at start, so a
      // crawl of 304s that set them at its start compiled the HTTP client's built-in modules from source (the
      // compiling ~9 → ~4.5 ms of its CPU; 12-05 23:56, load 7–9, six --cpu-prof runs each).
      const deps = { ...pipelineDeps(ctx, { oneShot: true, early }), nextScheduled: nextRunOf(), stopping: () => stoppedBy !== null, onBody: keepHeapSmall };
      runs = await crawl(defs, deps, concurrency);
    } finally {
      unlisten();
    }
    // A taxonomy that cannot be read, also when no run needed the tag stage (a crawl of 304s): cron must see it.
    if (!stoppedBy) await checkTaxonomy(ctx);
    reportConfigErrors(ctx, reported);
    for (const r of runs) process.stdout.write(formatRun(r) + '\n');
    if (stoppedBy) {
      const finished = new Set(runs.filter((r) => r.status !== 'interrupted').map((r) => r.sourceId));
      const unfinished = defs.map((d) => d.id).filter((id) => !finished.has(id));
      note(`interrupted (${stoppedBy})${unfinished.length ? `; not finished: ${unfinished.join(', ')}` : ''}`, { lines: true });
      return signalStatus(stoppedBy);
    }
    // A database that could not be written (a full disk, a disk I/O error, read-only) is no source's fault: cron must
    // see it, as every run would fail so until someone looks (the runs it failed were rolled back; nothing was lost).
    const failed = runs.map((r) => (r.error?.startsWith('store: ') ? writeFailure(r.error) : null)).find((f) => f !== null);
    if (failed) {
      note(`${writeFailureText(failed, ctx.dbFile)}; the runs not stored are tried again later${failed === 'disk-full' ? ' (free some space there)' : ''}`, { lines: true });
      return 1;
    }
    // A day may have passed with no run storing anything: matters whose statute is in force today move on now.
    // The linker is loaded only when some matter may move (most days none does).
    const now = new Date();
    const inForce = mayMoveIntoForce(ctx.db, now) ? (await import('../store/matters.js')).moveIntoForce(ctx.db, now.toISOString()) : [];
    if (inForce.length) process.stdout.write(`matters now in force: ${inForce.join(', ')}\n`);
    if (ctx.configErrors.some((e) => e.file === 'taxonomy')) {
      note('the taxonomy cannot be read: items are stored untagged until it is fixed', { lines: true });
      return 1;
    }
    // A folder that defines no source is not broken (one that could not be read was refused above).
    return 0;
  } finally {
    // Not taken over when the crawl ended before it (an unknown --source): stopped, having opened nothing.
    early?.abandon();
    await closeContext(ctx);
  }
}
