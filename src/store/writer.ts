// The store's writer: every write of a crawl (leases, runs, items) goes through one, either on this thread
// or on a worker thread that owns its own connection, so parsing and tagging overlap storing.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Item, TaggedItem } from '../model.js';
import { rootDir } from '../paths.js';
import { defaultHeapFlagsWhileThreadStarts, heapFlagsAgain, heapKeptSmall } from '../heap.js';
import { checkpointLog, type Db } from './db.js';
import type { RunRecord, SaveResult } from './runs.js';
import { saveEmptyRun } from './run-row.js';
import { toStore } from './tags.js';
import { claimSource, releaseSource } from './sources.js';
import { packBatch, type Batch, type PackedBatch } from './batch.js';

/** One run's items on their way to the store, saved in one transaction when finished. */
export interface RunSink {
  /**
   * Hand over a batch of items (saved as they arrive on a worker; kept until finish() in-thread). A promise: the writer
   * is far behind (see STREAM_AHEAD), and the caller waits for it before it hands on the next batch.
   */
  add(items: TaggedItem[]): void | Promise<void>;
  /** Only on a writer that tags (see WriterTagging): hand over a batch of items for it to tag, then store. */
  addUntagged?(items: Item[]): void;
  /** Record the run with everything added; the transaction commits here. */
  finish(rec: RunRecord): Promise<SaveResult>;
  /** Drop the run: nothing added is stored. */
  abort(): Promise<void>;
}

export interface StoreWriter {
  /** Take a source's run lease until `until`; false when another run (in any process) holds it. */
  claim(sourceId: string, until: Date): Promise<boolean>;
  release(sourceId: string): Promise<void>;
  /** Start saving a run; `withItems` says items will follow (a writer may get ready for them meanwhile). */
  begin(sourceId: string, startedAt: string, withItems?: boolean): RunSink;
  /**
   * The caller has handed every run on and only waits for them to be stored; it calls this again after each is
   * stored. A writer may use the wait (see deferredWorkerWriter), and stores the runs it holds back for a fuller group.
   */
  idle?(): void;
  /**
   * Runs with items are coming, from `sources` sources answered with their whole feed (see crawl in pipeline.ts), `unseen`
   * of them never fetched before (all their items new): a writer that gets ready for them only when the first arrives
   * (deferredWorkerWriter) gets ready now.
   */
  expectItems?(sources: number, unseen: number): void;
  close(): Promise<void>;
}

/** A writer on this thread, over an open connection (tests, ':memory:' databases, one-off commands). */
export function inThreadWriter(db: Db): StoreWriter {
  return {
    claim: async (id, until) => claimSource(db, id, until),
    release: async (id) => releaseSource(db, id),
    begin: () => {
      const items: TaggedItem[] = [];
      return {
        add: (batch) => void items.push(...batch),
        // The item saver (and the linker behind it) is loaded only for a run with items: a 304 never needs it.
        finish: async (rec) => (items.length ? (await import('./runs.js')).saveRun(db, { ...rec, items }) : saveEmptyRun(db, rec)),
        abort: async () => void (items.length = 0),
      };
    },
    close: async () => undefined,
  };
}

/**
 * For a one-off process (the CLI crawl): leases and runs without items are written on this thread, and the worker
 * thread starts only when a run has items to store, so a crawl that finds nothing new (all 304) never waits for a
 * thread to start before its first lease. Once the worker has started, every write goes through it: the two
 * connections never write at once, and an open run's transaction never blocks this thread. (A long-running process should
 * start with the worker: a write here waits on other processes' locks with the event loop blocked.) With `tagging`,
 * the worker tags the small runs handed over untagged (see WriterTagging).
 */
export function deferredWorkerWriter(db: Db, file: string, tagging?: WriterTagging, early?: EarlyWriter): StoreWriter {
  const here = inThreadWriter(db);
  let worker: StoreWriter | null = null;
  // Leases and runs without items stay on this thread's connection until the worker has started (its modules loaded,
  // its connection open): a new thread takes 0.15 s (0.5 s on a loaded machine) to start, and the crawl's slots,
  // waiting on their leases meanwhile, left this thread idle. The worker writes nothing before it is told to go on,
  // after the switch, so the two connections still never write at once.
  let started = false;
  const startWorker = (prepare?: WriterTagging['prepare']) =>
    workerWriter(file, ONE_SHOT_WAL_PAGES, tagging && { ...tagging, prepare }, () => (started = true));
  const current = () => (worker && started ? worker : here);
  // A thread started before the database was ready (see earlyWorkerWriter) is this writer's from now on.
  if (early && tagging) worker = early.adopt(() => (started = true), tagging);
  return {
    claim: (sourceId, until) => current().claim(sourceId, until),
    release: (sourceId) => current().release(sourceId),
    begin: (sourceId, startedAt, withItems = false) => {
      // The thread starts now, while the first items are still being prepared (the tag stage may be loading).
      if (withItems) worker ??= startWorker();
      // Where the run goes is decided by its first batch, or at finish() for a run without items.
      let sink: RunSink | null = null;
      const toWorker = () => (sink ??= (worker ??= startWorker()).begin(sourceId, startedAt));
      return {
        add: (items) => toWorker().add(items),
        addUntagged: tagging && ((items) => toWorker().addUntagged!(items)),
        finish: (rec) => (sink ??= current().begin(sourceId, startedAt)).finish(rec),
        abort: () => sink?.abort() ?? Promise.resolve(),
      };
    },
    // While the thread stores a crawl's last runs, this thread (otherwise waiting) copies what it has committed into
    // the database file. The checkpoint when the last connection closes copied a 200-feed crawl's whole log, some 7,700
    // pages (90–140 ms, after the last run was stored and before the process could end); now it copies what the last
    // group of runs wrote. Nothing is copied before the thread has started: until then runs are written on this
    // thread, one commit each, and a checkpoint after each would sync both files every time.
    idle: () => {
      if (!worker || !started) return;
      worker.idle?.();
      checkpointLog(db);
    },
    // A new thread takes 0.15 s (0.35 s at load 5) to load its modules and open its connection, and as long again to
    // load and build its tag stage: started by the first run with items, it began to store some 0.3 s into a cold
    // crawl of 200 new feeds, and stored until the end. With several new sources it builds the stage before it
    // reports that it has started; with one, which may be a big feed that this thread tags itself, it loads nothing
    // of the tag stage before it is needed (the 10,000-item feed: the code alone took some 1 % more CPU).
    // The stage is built ahead only for several sources never fetched: a crawl of known feeds sent again whole (a
    // server that sends no validators) tags only their new items, often none (bench:peer's 200 × 20 sent again: the
    // stage's build, Voikko's and the taxonomy's, was most of the thread's start), and builds it at the first one.
    expectItems: (_sources, unseen) => void (worker ??= startWorker(unseen > 1 ? 'stage' : undefined)),
    close: async () => {
      await worker?.close();
    },
  };
}

/**
 * The write-ahead log a one-off crawl's writer lets grow before it copies the log into the database (a checkpoint), in
 * 4 kB pages; SQLite's default is 1,000. Each of a crawl's many small commits dirties the same index and full-text pages
 * again (100–200 pages a commit), and each checkpoint copies them and syncs both files: 200 new feeds of 20 items made
 * some 45 checkpoints (92 fsyncs). With 10,000 (40 MB of log at most) they made 6 (17 fsyncs), counting the one at
 * close, which SQLite does anyway when the last connection closes. What a power loss may take is unchanged (the log
 * is synced only at checkpoints; see Synchronous in db.ts): this crawl's runs, which the next crawl fetches again. A
 * long-running process keeps the default, so its log file stays small.
 */
const ONE_SHOT_WAL_PAGES = 10_000;

/**
 * A writer thread that tags: the crawl's thread hands it a small run's items untagged (fetched, parsed and
 * normalized) through addUntagged(), and it runs the tag stage just before storing them. The tag stage took a fifth of
 * a cold crawl's main thread while the writer thread was idle a third of the time; data still flows one way. The stage
 * is built from the taxonomy in `feedsDir` (kept parsed in `cacheFile`) when a batch first needs it; a taxonomy that
 * cannot be read comes back through onConfigError, once, and the items are stored untagged.
 */
export interface WriterTagging {
  feedsDir: string;
  /** The sources whose items are their title alone (config's titleOnlySources). */
  titleOnly: string[];
  cacheFile: string | null;
  onConfigError(message: string): void;
  /**
   * What the thread loads before it reports that it has started: the tag stage's code, or the stage built too (when
   * the crawl expects runs for it: see expectItems). Nothing when not given (it is loaded for the first batch to tag).
   */
  prepare?: 'code' | 'stage';
}

/** The writer thread's answer to finish: the run as saved, the notes its tagging added to the run (already stored). */
export interface Finished {
  saved: SaveResult;
  tagNotes: string[];
  configError: string | null;
}


/**
 * The id of a worker's message that it has started (its modules loaded, its connection open), and of the answer that
 * lets it write (with `onStarted`, see workerWriter).
 */
export const STARTED = -1;

/** The id of a worker's message that its connection is closed (see close in workerWriter). */
export const CLOSED = -2;

/** Messages to the worker (see writer-worker.ts). */
export type WriterRequest =
  /** The starting thread has stopped writing; an early thread (see earlyWorkerWriter) gets the title-only sources with it. */
  | { op: 'go'; titleOnly?: string[] }
  | { op: 'claim'; sourceId: string; until: string }
  | { op: 'release'; sourceId: string }
  /** A streaming run (a big feed) begins; a small run comes whole instead. */
  | { op: 'begin'; run: number; sourceId: string; startedAt: string }
  | { op: 'add'; run: number; batch: PackedBatch }
  | { op: 'finish'; run: number; rec: RunRecord }
  | { op: 'whole'; run: number; sourceId: string; startedAt: string; batch: PackedBatch | null; rec: RunRecord }
  | { op: 'abort'; run: number }
  /** Every run is handed on (see StoreWriter.idle): store the waiting runs without waiting for more (see GROUP_RUNS). */
  | { op: 'flush' }
  | { op: 'close' };

export type WriterReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * The worker's entry: writer-worker.js bundled, from V8's code cache when it has one (see writer-boot.cts; tests run
 * from src/ and use the build that `npm test` makes first).
 */
const WORKER_SCRIPT = path.join(rootDir, 'dist', 'src', 'store', 'writer-boot.cjs');

/**
 * The writer thread's young generation, in MB. V8's default lets it grow to some 34 MB, which the thread fills with
 * each batch's items as they arrive and leaves as resident memory: capped, a 10,000-item crawl peaked some 30 MB
 * lower at the same CPU time (the thread holds little beyond the batch it is storing). Only the young generation is
 * capped: a cap on the old one would end the thread on a big enough run.
 */
const WORKER_YOUNG_MB = 3;

/**
 * How many batches of a streaming run (a big feed) the crawl's thread may hand on ahead of the one the writer thread
 * stores, in steps of STREAM_ACK_EVERY (the batches it answers). Handed on with no wait, they waited in the thread's
 * queue as bytes, as many as the crawl's thread ran ahead: on a loaded machine a 100,000-item feed's writer fell
 * 1,700 batches (~66 MB) behind by its end, and that was most of the crawl's peak (320–380 MB; 270 MB quiet). 64
 * batches of 25 items are some 2.5 MB; the 10,000-item feed's writer, which keeps up, was never 40 behind (load 21).
 */
const STREAM_AHEAD = 64;
const STREAM_ACK_EVERY = 8;

/**
 * A writer on a worker thread with its own connection to the database file; `walPages`: the log's size in pages at
 * which its commits checkpoint (SQLite's default, 1,000, when not given); `tagging`: the thread tags the batches
 * handed over with addUntagged().
 */
export function workerWriter(file: string, walPages?: number, tagging?: WriterTagging, onStarted?: () => void): StoreWriter {
  return workerThread(file, walPages, tagging, onStarted).writer;
}

/**
 * workerWriter, and its thread; `gate`: the thread was started before the database was ready, and is answered 'go'
 * (with the title-only sources) only once both it has started and the gate has opened (see earlyWorkerWriter).
 */
function workerThread(
  file: string, walPages?: number, tagging?: WriterTagging, onStarted?: () => void, gate?: Promise<string[]>,
): { writer: StoreWriter; worker: Worker } {
  const tag = tagging && { feedsDir: tagging.feedsDir, titleOnly: tagging.titleOnly, cacheFile: tagging.cacheFile, prepare: tagging.prepare };
  // So that the thread's start compiles Node's own modules from node's code cache (the flags are set again once it
  // has started, and by the thread itself if they were set before).
  const heapStarted = defaultHeapFlagsWhileThreadStarts();
  const worker = new Worker(WORKER_SCRIPT, {
    workerData: { file: path.resolve(file), smallHeap: heapKeptSmall(), walPages, tagging: tag, handshake: onStarted !== undefined, early: gate !== undefined },
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
  });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  let nextRun = 1;
  let failure: Error | null = null;
  let closed: (() => void) | null = null;
  // The worker holds the process open only while requests are pending: a crawl awaiting its writes must not
  // end (Node exits 13 on an unsettled top-level await), and an idle writer someone forgot to close must not hang it.
  worker.on('message', (m: WriterReply) => {
    if (m.id === CLOSED) return closed?.();
    if (m.id === STARTED) {
      heapStarted();
      if (!onStarted) return;
      // The caller stops writing on its own connection before the worker may begin (see deferredWorkerWriter).
      if (gate)
        return void gate.then((titleOnly) => {
          onStarted();
          worker.postMessage({ id: STARTED, op: 'go', titleOnly });
        });
      onStarted();
      return worker.postMessage({ id: STARTED, op: 'go' });
    }
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.ok) p?.resolve(m.value);
    else p?.reject(new Error(m.error));
  });
  const failAll = (err: Error) => {
    heapStarted();
    failure = err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
    worker.unref();
  };
  worker.on('error', (err) => failAll(new Error(`store: the database writer failed: ${err.message}`)));
  worker.on('exit', (code) => {
    // A thread that kept its compiled code at its close set V8's own flag values for it (see whenClosed in writer-worker.ts).
    heapFlagsAgain();
    failAll(new Error(`store: the database writer stopped (exit ${code})`));
  });
  worker.unref();

  const call = <T>(req: WriterRequest): Promise<T> => {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      post(id, req);
    });
  };
  const post = (id: number, req: WriterRequest) => {
    const batch = 'batch' in req ? req.batch : null;
    // The batch's bytes are moved to the thread, not copied (packBatch made them for this message alone).
    worker.postMessage({ id, ...req }, batch ? [batch.bytes.buffer as ArrayBuffer] : undefined);
  };
  /**
   * A streaming run's batch, which the thread does not answer but every STREAM_ACK_EVERY-th (a batch that fails fails the
   * run at finish()): answered, each of a 10,000-item feed's 400 batches was a message back, and a wake-up of this
   * thread to read it. Returns that answer (failures left to finish()), if it asked for one.
   */
  const addBatch = (run: number, batch: PackedBatch, answered: boolean): Promise<void> | undefined => {
    if (failure) return undefined;
    if (!answered) return void post(0, { op: 'add', run, batch });
    return call<void>({ op: 'add', run, batch }).then(() => undefined, () => undefined);
  };

  const writer: StoreWriter = {
    claim: (sourceId, until) => call<boolean>({ op: 'claim', sourceId, until: until.toISOString() }),
    release: (sourceId) => call<void>({ op: 'release', sourceId }),
    begin: (sourceId, startedAt) => {
      const run = nextRun++;
      // The run's transaction opens only when a second batch shows that streaming pays: a small run is sent
      // whole, in one message with finish(), so its transaction is short and leases of other sources do not wait on
      // it (and the thread answers it once, not once for its beginning, its batch and its end).
      let first: PackedBatch | null = null;
      let begun = false; // the worker has been told of the run
      const send = (req: WriterRequest) => void call(req).catch(() => undefined); // failures surface at finish()
      /** The batches handed on, and the thread's answers to every STREAM_ACK_EVERY-th, oldest first (see STREAM_AHEAD). */
      let sent = 0;
      const answers: Promise<void>[] = [];
      const stream = (batch: PackedBatch) => {
        const answer = addBatch(run, batch, ++sent % STREAM_ACK_EVERY === 0);
        if (answer) answers.push(answer.then(() => void answers.shift()));
      };
      const add = (unpacked: Batch): Promise<void> | undefined => {
        const batch = packBatch(unpacked);
        if (!begun && !first) first = batch;
        else {
          if (!begun) {
            begun = true;
            send({ op: 'begin', run, sourceId, startedAt });
            stream(first!);
          }
          stream(batch);
        }
        return answers.length * STREAM_ACK_EVERY > STREAM_AHEAD ? answers[0] : undefined;
      };
      return {
        add: (items) => add({ items: items.map(toStore) }),
        addUntagged: tagging && ((items) => void add({ items, tag: true })),
        finish: (rec) => {
          const req: WriterRequest = begun ? { op: 'finish', run, rec } : { op: 'whole', run, sourceId, startedAt, batch: first, rec };
          first = null;
          begun = true;
          return call<Finished>(req).then(({ saved, tagNotes, configError }) => {
            rec.run.notes.push(...tagNotes);
            if (configError) tagging?.onConfigError(configError);
            return saved;
          });
        },
        abort: () => (begun ? call<void>({ op: 'abort', run }) : Promise.resolve()),
      };
    },
    // Not answered: the thread stores the runs it holds back for a fuller group (see GROUP_RUNS in writer-worker.ts).
    idle: () => {
      if (!failure) worker.postMessage({ id: 0, op: 'flush' } satisfies WriterRequest & { id: number });
    },
    // The thread ends by itself once what it was sent is stored: its output (warnings, NODE_DEBUG) is not cut off. The
    // close is answered once its connection is closed, so that the caller's own connection (the last, which copies
    // the log into the database and deletes it) closes while the thread's isolate is torn down (5–20 ms of a crawl's
    // end); the thread stays referenced until it exits, so the process still waits for it.
    close: () =>
      failure
        ? worker.terminate().then(() => undefined)
        : new Promise<void>((resolve) => {
            closed = resolve;
            worker.once('exit', () => resolve());
            worker.ref();
            worker.postMessage({ id: 0, op: 'close' });
          }),
  };
  return { writer, worker };
}

/** A writer thread started before the database is ready (see earlyWorkerWriter). */
export interface EarlyWriter {
  /**
   * The database is ready (made, migrated, its sources in it): the crawl's writer takes the thread over, and it is
   * answered 'go' once it has started (`onStarted` then, as workerWriter's).
   */
  adopt(onStarted: () => void, tagging: Pick<WriterTagging, 'titleOnly' | 'onConfigError'>): StoreWriter;
  /** Not taken over (the crawl ended before it): the thread is stopped, having opened nothing. */
  abandon(): void;
}

/**
 * A one-off crawl into a database not made yet, of several sources, all of them never fetched: the writer thread
 * starts before the crawl's thread reads its sources and makes the database, so that its start (its modules, the tag
 * stage: ~0.4 s of a cold crawl of 200 new feeds, at its critical path) overlaps that thread's own. It opens its
 * connection only at 'go' (see deferredWorkerWriter), and builds the tag stage ahead from the taxonomy alone.
 */
export function earlyWorkerWriter(file: string, tagging: Pick<WriterTagging, 'feedsDir' | 'cacheFile'>): EarlyWriter {
  let open!: (titleOnly: string[]) => void;
  const gate = new Promise<string[]>((resolve) => (open = resolve));
  let adopted: { onStarted: () => void; tagging: Pick<WriterTagging, 'titleOnly' | 'onConfigError'> } | null = null;
  const { writer, worker } = workerThread(
    file, ONE_SHOT_WAL_PAGES,
    { ...tagging, titleOnly: [], prepare: 'stage', onConfigError: (message) => adopted?.tagging.onConfigError(message) },
    () => adopted?.onStarted(), gate,
  );
  return {
    adopt: (onStarted, given) => {
      adopted = { onStarted, tagging: given };
      open(given.titleOnly);
      return writer;
    },
    abandon: () => {
      if (!adopted) void worker.terminate();
    },
  };
}
