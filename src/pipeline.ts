// refreshSource(): fetch → parse → normalize → (tag) → store for one source; crawl() runs many. The link stage
// (src/link/: items into matters through their self and about identifiers) runs inside the store's write transaction
// of the run, where the identifier index is (store/matters.ts), so a run's items and their matters commit together.
import type { Fetch, Item, RawItem, RunResult, SourceContext, SourceDef, TaggedItem, Validators } from './model.js';
import { StageError } from './errors.js';
import { sourceModule } from './sources/index.js';
import type { Db } from './store/db.js';
import { getSourceState, sourcesAnsweredWhole, validatorsOf } from './store/sources.js';
import { unchangedKeys } from './store/unchanged.js';
import { inThreadWriter, type RunSink, type StoreWriter } from './store/writer.js';
import { writeFailure } from './store/write-failure.js';
import { DEFAULT_CONCURRENCY } from './config/crawl.js';
import { tagAll } from './tag/tag-all.js';

export interface PipelineDeps {
  /** Read access to the store (validators, source state). */
  db: Db;
  /** Where runs are written; default: on this thread through `db`. */
  writer?: StoreWriter;
  fetch: Fetch;
  /** The tag stage; without it (and without loadTag) items are stored untagged. */
  tag?: (item: Item) => TaggedItem;
  /** Instead of tag: loads the tag stage when a run first has items (a crawl of 304s never loads it). */
  loadTag?: () => Promise<((item: Item) => TaggedItem) | undefined>;
  /** When the source is next due by its schedule (null: unscheduled). */
  nextScheduled?: (def: SourceDef, after: Date) => Date | null;
  /** Longest a single source run may take before it is abandoned. */
  runTimeoutMs?: number;
  log?: (line: Record<string, unknown>) => void;
  /** True once the process is shutting down: a run that fails then was cut off, not broken (recorded as interrupted). */
  stopping?: () => boolean;
  /** Called whenever a fetch returns a body (not a 304), before it is read: what follows allocates per item. */
  onBody?: () => void;
}

/**
 * Items normalized, tagged and handed to the writer at a time: storing one batch overlaps preparing the next. Small
 * batches die young: a batch's items live until it is handed on, and with 100 (500 before) they outlived the crawl's
 * 1 MB young generation (see heap.ts) and were copied into the old one, which then grew with garbage. 25: the
 * 10,000-item feed's peak memory 144 MB instead of 158 (interleaved, 4 runs each), the same CPU time.
 */
const BATCH = 25;

/** The normalize stage (and sanitize-html in it), loaded when a run first has items: a 304 never needs it. */
let normalizeStage: Promise<typeof import('./normalize/index.js')> | null = null;
const loadNormalize = () => (normalizeStage ??= import('./normalize/index.js'));

/**
 * `known` for a source's module: whether an item with this guid is stored. A feed (the rss module) never asks, so a
 * crawl of feeds does not load the key and item-lookup code (nor node:crypto behind the key).
 */
export async function knownOf(def: SourceDef, db: Db): Promise<SourceContext['known']> {
  if ((def.module ?? 'rss') === 'rss') return undefined;
  const [{ dedupKey }, { hasItemKey }] = await Promise.all([import('./normalize/key.js'), import('./store/items.js')]);
  return (guid) => hasItemKey(db, def.id, dedupKey({ guid, url: null, title: '', published: null }));
}
const BACKOFF_BASE_MS = 5 * 60_000;
const BACKOFF_MAX_MS = 6 * 3600_000;

/** Delay before retrying a source that has failed `failures` times in a row (5 min, 10, 20 … 6 h). */
export function backoffMs(failures: number, retryAfterMs: number | null = null): number {
  const exp = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1), BACKOFF_MAX_MS);
  return Math.max(exp, retryAfterMs ?? 0);
}

/** A plain-language message for any error, with its stage. */
export function describeError(err: unknown): string {
  if (err instanceof StageError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  return `internal error: ${msg}`;
}

/**
 * Run one source end to end and record the run; never two runs of one source at once, in any process. `handedOn` is
 * called once the run is in the writer's hands (only storing and committing it are left), or when it ends.
 */
export async function refreshSource(def: SourceDef, deps: PipelineDeps, handedOn?: () => void): Promise<RunResult> {
  const timeoutMs = deps.runTimeoutMs ?? 5 * 60_000;
  const writer = deps.writer ?? inThreadWriter(deps.db);
  const now = () => new Date().toISOString();
  // The lease outlives the run's own timeout, so a crashed process cannot block the source for long.
  let claimed: boolean;
  try {
    claimed = await writer.claim(def.id, new Date(Date.now() + timeoutMs + 60_000));
  } catch (err) {
    // A database that cannot be written (a full disk, a file-size limit) fails this source's run as a store error,
    // which the crawl reports as such: thrown, it ended the whole crawl as a usage error with no run reported.
    if (!writeFailure(err)) throw err;
    return { sourceId: def.id, startedAt: now(), finishedAt: now(), status: 'error', found: 0, created: 0, updated: 0, error: `store: ${(err as Error).message}`, notes: [] };
  }
  if (!claimed) {
    return { sourceId: def.id, startedAt: now(), finishedAt: now(), status: 'skipped', found: 0, created: 0, updated: 0, error: null, notes: ['another run of this source is in progress'] };
  }
  let recorded = false;
  try {
    return await runSource(def, deps, writer, timeoutMs, () => (recorded = true), handedOn);
  } finally {
    // Recording the run ends the lease in the same transaction: only a run that could not be recorded needs this.
    // When the database cannot be written the lease stays and runs out by itself (the run's timeout and a minute).
    if (!recorded) await writer.release(def.id).catch((err: unknown) => { if (!writeFailure(err)) throw err; });
  }
}

async function runSource(def: SourceDef, deps: PipelineDeps, writer: StoreWriter, timeoutMs: number, recorded: () => void, handedOn?: () => void): Promise<RunResult> {
  const startedAt = new Date();
  const notes: string[] = [];
  // The source's state, read once: while this run holds the lease, no other run changes it.
  const state = getSourceState(deps.db, def.id);
  const stored = validatorsOf(state);
  const lastSuccess = state?.lastSuccessAt;
  let fresh: Validators | null = null;
  let complete = true;
  const ctx: SourceContext = {
    now: startedAt,
    lastSuccessAt: lastSuccess ? new Date(lastSuccess) : null,
    note: (m) => void notes.push(m),
    known: await knownOf(def, deps.db),
    incomplete: (reason) => {
      complete = false;
      notes.push(reason);
    },
    fetch: async (url, options = {}) => {
      const main = url === def.url && (options.method ?? 'GET') === 'GET';
      const res = await deps.fetch(url, main ? { ...options, validators: stored } : options);
      if (!res.notModified) deps.onBody?.();
      if (main && !res.notModified) fresh = { etag: res.etag, lastModified: res.lastModified };
      if (res.replacedBytes) notes.push(`fetch: ${url}: ${res.replacedBytes} invalid byte sequence${res.replacedBytes === 1 ? '' : 's'} in ${res.charset.split(' ')[0]} replaced with U+FFFD`);
      return res;
    },
  };
  const finish = (status: RunResult['status'], found: number, error: string | null): RunResult => ({
    sourceId: def.id, startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(),
    status, found, created: 0, updated: 0, error, notes,
  });
  const scheduled = () => deps.nextScheduled?.(def, new Date())?.toISOString() ?? null;

  let run: RunResult;
  let sink: RunSink | null = null;
  let retryAfterMs: number | null = null;
  try {
    const found = await withTimeout((await sourceModule(def.module ?? 'rss')).collect(def, ctx), timeoutMs);
    if (found === 'not-modified') {
      run = finish('not-modified', 0, null);
    } else {
      let normalizeItem: Normalize | null = null;
      let tag: { stage: PipelineDeps['tag'] } | null = null;
      // Notes on single items, kept apart so that a source reading its items again ('again') drops them too.
      let itemNotes: string[] = [];
      let total = 0;
      let usable = 0;
      for await (const raw of Array.isArray(found) ? [found] : found) {
        if (raw === 'again') {
          await sink?.abort();
          sink = null;
          itemNotes = [];
          total = usable = 0;
          continue;
        }
        if (raw.length === 0) continue;
        sink ??= writer.begin(def.id, startedAt.toISOString(), true);
        normalizeItem ??= (await loadNormalize()).normalizeItem;
        // A writer that tags takes a small run (its first list of items one batch: all of a small feed) untagged; a big
        // feed is tagged here, batch by batch, while the writer stores the batches before (and the writer thread never
        // builds a tag stage of its own for it).
        const untagged = total === 0 && raw.length <= BATCH && sink.addUntagged !== undefined;
        while (raw.length) {
          // Taken out of the list, so each batch's raw items can be collected once it is handed on (a big feed's
          // raw, normalized and tagged forms are never all in memory at once).
          const part = raw.splice(0, BATCH);
          const items = normalizeAll(part, def, itemNotes, normalizeItem, total);
          if (untagged) sink.addUntagged!(items);
          else {
            // Items stored already unchanged are not tagged (the saver keeps their verdict): a big feed, or any feed of
            // `serve`'s crawls, sent again whole without a 304 was tagged in full here.
            const unchanged = unchangedKeys(deps.db, def.id, items);
            const stage = unchanged.size < items.length ? (tag ??= { stage: deps.tag ?? (await deps.loadTag?.()) }).stage : undefined;
            // A writer far behind has this wait (see RunSink.add): the batches handed on wait as bytes until stored.
            await sink.add(tagAll(items, stage, itemNotes, unchanged));
          }
          total += part.length;
          usable += items.length;
          // Let other work in (web requests, other sources' fetches) between batches.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (total === 0 && !def.mayBeEmpty) {
        if (def.kind === 'rss') notes.push('the feed has no items');
        else throw new StageError('parse', 'no items found: the page layout or the API may have changed');
      }
      notes.push(...itemNotes);
      if (total > 0 && usable === 0) throw new StageError('normalize', 'none of the items could be read');
      run = finish('ok', total, null);
    }
  } catch (err) {
    if (deps.stopping?.()) {
      run = finish('interrupted', 0, `interrupted: the process was stopping before the run finished (${describeError(err)})`);
    } else {
      if (err instanceof StageError) retryAfterMs = err.retryAfterMs;
      run = finish('error', 0, describeError(err));
    }
    await sink?.abort().catch(() => undefined);
    sink = null;
  }

  const failures = (state?.errorCount ?? 0) + 1;
  // An interrupted run is due again as soon as a process runs the source.
  const nextRunAt =
    run.status === 'error' ? new Date(Date.now() + backoffMs(failures, retryAfterMs)).toISOString()
    : run.status === 'interrupted' ? null : scheduled();
  try {
    const target = sink ?? writer.begin(def.id, run.startedAt);
    const saving = target.finish({ run, validators: run.status === 'ok' ? fresh : null, nextRunAt, complete });
    handedOn?.();
    const saved = await saving;
    recorded();
    run.created = saved.created.length;
    run.updated = saved.updated.length;
    if (saved.duplicates) notes.push(`${saved.duplicates} duplicate items in the feed were ignored`);
  } catch (err) {
    // The transaction rolled back: what was stored before is intact. Record the failure itself.
    run = { ...run, status: 'error', created: 0, updated: 0, error: `store: ${(err as Error).message}` };
    try {
      await writer.begin(def.id, run.startedAt).finish({ run, nextRunAt: new Date(Date.now() + backoffMs(failures)).toISOString() });
      recorded();
    } catch {
      /* the database itself is unavailable; the log line below still reports it */
    }
  }
  deps.log?.({ event: 'source_run', source_id: def.id, status: run.status, found: run.found, created: run.created, updated: run.updated, error: run.error });
  return run;
}

type Normalize = typeof import('./normalize/index.js').normalizeItem;

/** Normalize each raw item; one unreadable item is noted and skipped, never fatal. */
function normalizeAll(raw: RawItem[], def: SourceDef, notes: string[], normalizeItem: Normalize, offset = 0): Item[] {
  const items: Item[] = [];
  raw.forEach((r, i) => {
    try {
      items.push(normalizeItem(r, def, (m) => notes.push(`item ${offset + i + 1}: ${m}`)));
    } catch (err) {
      notes.push(`item ${offset + i + 1} skipped: ${describeError(err)}`);
    }
  });
  return items;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StageError('fetch', `the source run took longer than ${Math.round(ms / 1000)} s and was stopped`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Run the given sources, a few at a time (per-host politeness is the fetcher's job). A run counts against
 * `concurrency` until it is handed to the writer: the next source is fetched while the writer stores the run. A source
 * not started because the process was stopping (`deps.stopping`) has no result.
 */
export async function crawl(defs: SourceDef[], deps: PipelineDeps, concurrency = DEFAULT_CONCURRENCY): Promise<RunResult[]> {
  const results: (RunResult | undefined)[] = new Array(defs.length);
  const saving: Promise<void>[] = [];
  let failure: { err: unknown } | null = null;
  let next = 0;
  // A source without validators will be answered with its whole feed, whose items the writer stores: it may start
  // getting ready now, while this thread fetches and parses the first feeds. Only the items of a source never fetched
  // are all new (to be tagged); a feed sent again whole holds mostly items stored already, which nobody tags.
  if (deps.writer?.expectItems) {
    const whole = sourcesAnsweredWhole(deps.db);
    const sources = defs.filter((d) => whole.has(d.id));
    if (sources.length) deps.writer.expectItems(sources.length, sources.filter((d) => whole.get(d.id)).length);
  }
  const worker = async () => {
    // Once the process is stopping no further source is started; those left out have no result.
    while (next < defs.length && !failure && !deps.stopping?.()) {
      const i = next++;
      await new Promise<void>((handedOn) => {
        const run = refreshSource(defs[i], deps, handedOn).then((r) => void (results[i] = r), (err: unknown) => void (failure ??= { err }));
        saving.push(run.finally(handedOn));
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, defs.length) }, worker));
  // Every run is in the writer's hands: tell it this thread waits (now and after each run is stored).
  const idle = deps.writer?.idle;
  if (idle) {
    idle();
    for (const s of saving) void s.then(idle);
  }
  await Promise.all(saving);
  if (failure) throw (failure as { err: unknown }).err;
  return results.filter((r) => r !== undefined);
}
