// The database writer thread: one connection; leases and small runs committed in groups, a streaming run in its own
// transaction (see commitGroup).
import { parentPort, workerData } from 'node:worker_threads';
import { checkpointLog, openDb, type Db } from './db.js';
import { writeErrorText } from './write-failure.js';
import { startRun, type RunSaver } from './runs.js';
import { textIndexer } from './item-saver.js';
import { unchangedKeys } from './unchanged.js';
import { searchWordsWriter } from './search-words.js';
import { claimSource, recoverDeadLeases, releaseSource } from './sources.js';
import type { Finished, WriterReply, WriterRequest } from './writer.js';
import { unpackBatch, type PackedBatch } from './batch.js';
import { toStore, type ItemToStore } from './tags.js';
import { applySmallHeapFlags, useDefaultHeapFlags } from '../heap.js';
import type { Item, TaggedItem } from '../model.js';
import { tagAll } from '../tag/tag-all.js';
import { buildTagStage, buildTagStageFrom } from './tag-build.js';
import { listLatestReviews } from './reviews.js';

type Message = WriterRequest & { id: number };

/** What close() does once the thread's work is done, before it answers (see whenClosed). */
let onClosed: (() => void) | null = null;

/**
 * For writer-boot.cts, which keeps the thread's compiled code then: before the close is answered, so that the caller
 * that closes the writer and then removes its folder (the tests) or ends the process finds it done, under V8's own
 * flag values (the thread's code was compiled under them; the starting thread sets its own again at this one's end).
 */
export function whenClosed(keep: () => void): void {
  onClosed = () => {
    useDefaultHeapFlags();
    keep();
  };
}

/** STARTED and CLOSED in writer.ts, written out: this thread loads none of that file's code. */
const STARTED = -1;
const CLOSED = -2;

const data = workerData as {
  file: string; smallHeap: boolean; walPages?: number;
  tagging?: { feedsDir: string; titleOnly: string[]; cacheFile: string | null; prepare?: 'code' | 'stage' };
  /** Tell the starting thread when this one has started, and write nothing until it answers 'go' (see deferredWorkerWriter). */
  handshake: boolean;
  /**
   * Started before the database was made ready (see earlyWorkerWriter in writer.ts): the connection opens at 'go',
   * which brings the title-only sources too, and the tag stage is built ahead from the taxonomy alone.
   */
  early?: boolean;
};
/** The thread's connection: opened before it reports that it has started, or at 'go' for an early thread. */
let db!: Db;
function openConnection(): void {
  // Only crawls write through this thread: see Synchronous in db.ts for why NORMAL is safe for them. The thread that
  // started this one has the file open and checked it: reading the header again would drop that connection's locks.
  db = openDb(data.file, { synchronous: 'NORMAL', checkHeader: false });
  // SQLite's own default page cache (2 MB) rather than better-sqlite3's 16 MB: a crawl's pages are in the operating
  // system's cache anyway, and the larger one was resident memory of every crawl that stored a big feed.
  db.pragma('cache_size = -2000');
  // See ONE_SHOT_WAL_PAGES in writer.ts.
  if (data.walPages !== undefined) db.pragma(`wal_autocheckpoint = ${Math.trunc(data.walPages)}`);
}
if (!data.early) openConnection();
const port = parentPort!;

/** Runs of this host's processes that were killed (kill -9, power loss) free their sources now, recorded as interrupted. */
function recover(): void {
  try {
    recoverDeadLeases(db);
  } catch {
    /* the database is busy: claiming a source recovers its lease as well */
  }
}

/**
 * The tag stage of a writer that tags (see WriterTagging in writer.ts): its code is loaded before the thread reports
 * that it has started (see `prepare`) or when a batch first needs it (see turn(); leases are answered meanwhile), and
 * the stage is built then or when a batch first needs it.
 */
let tagCode: Promise<void> | null = null;
let code: [typeof import('../tag/stage.js'), typeof import('../tag/taxonomy-cache.js')] | null = null;
let tag: { stage: ((item: Item) => TaggedItem) | undefined } | null = null;
/** Why the taxonomy could not be read, until the next finished run reports it. */
let configError: string | null = null;
/** An early thread's stage, built before its connection opened (see prebuild). */
let prebuilt: { stage: ReturnType<typeof buildTagStageFrom>; configError: string | null } | null = null;

const loadTagCode = (): Promise<void> =>
  (tagCode ??= Promise.all([import('../tag/stage.js'), import('../tag/taxonomy-cache.js')]).then((loaded) => void (code = loaded)));

/** The tag stage, built the first time (its code loaded: see loadTagCode). */
function tagStage(): ((item: Item) => TaggedItem) | undefined {
  if (!tag) {
    if (!code || !data.tagging) throw new Error('internal: the tag stage is not loaded');
    const [stage, { useTaxonomyCache }] = code;
    if (data.tagging.cacheFile) useTaxonomyCache(data.tagging.cacheFile);
    const errors: { file: string; message: string }[] = [];
    tag = { stage: buildTagStage(stage, data.tagging.feedsDir, db, errors, data.tagging.titleOnly)?.tag };
    configError = errors[0]?.message ?? null;
  }
  return tag.stage;
}

/**
 * An early thread's tag stage from the taxonomy alone (no reviewed decisions, no title-only sources), built while
 * the crawl's thread still reads its sources and makes the database ready.
 */
function prebuild(): void {
  if (!code || !data.tagging) throw new Error('internal: the tag stage is not loaded');
  const [stage, { useTaxonomyCache }] = code;
  if (data.tagging.cacheFile) useTaxonomyCache(data.tagging.cacheFile);
  const errors: { file: string; message: string }[] = [];
  prebuilt = { stage: buildTagStageFrom(stage, data.tagging.feedsDir, [], errors, []), configError: errors[0]?.message ?? null };
}

/**
 * An early thread's 'go': the database is ready. The stage built ahead is the stage when no decision is stored, given
 * the title-only sources (withTitleOnly); with decisions it is built again (its analyzer kept), as tagStage() would have.
 */
function databaseReady(titleOnly: string[]): void {
  openConnection();
  if (!data.tagging) return;
  data.tagging.titleOnly = titleOnly;
  if (!prebuilt || !code) return;
  const { stage, configError: failed } = prebuilt;
  prebuilt = null;
  if (!stage) {
    tag = { stage: undefined };
    configError = failed;
    return;
  }
  const reviewed = listLatestReviews(db);
  if (!reviewed.length) {
    tag = { stage: titleOnly.length ? code[0].withTitleOnly(stage, new Set(titleOnly)).tag : stage.tag };
    return;
  }
  const errors: { file: string; message: string }[] = [];
  tag = { stage: buildTagStageFrom(code[0], data.tagging.feedsDir, reviewed, errors, titleOnly, stage.analyzer)?.tag };
  configError = errors[0]?.message ?? null;
}

/**
 * Tag a batch the crawl sent untagged; a failure is noted on the run and the item stored untagged. An item stored already
 * with the same content hash is not tagged: the item saver only notes it seen and keeps its verdict, so a feed sent again
 * whole (a server that does not answer 304, or one new item among 20) had this thread tag every item and drop the
 * verdicts (bench:peer's 200 × 20 sent again unchanged: tagging 320 of the thread's 840 busy profile ms, session 58).
 * Its hash cannot change before the saver reads it: only this run, holding the source's lease, stores its items.
 */
function tagged(items: Item[], sourceId: string, notes: string[]): ItemToStore[] {
  const unchanged = unchangedKeys(db, sourceId, items);
  return tagAll(items, unchanged.size < items.length ? tagStage() : undefined, notes, unchanged).map(toStore);
}

/**
 * Group commit: the whole runs (a run sent at once with finish()) handled in one turn share one transaction, and so do
 * the leases taken between turns (see turn()); each run is a savepoint of its own, so a run that fails rolls back
 * alone. A commit writes every page the transaction dirtied, and 20 items of a feed dirty some 100–200 pages (indexes,
 * the full-text index, the source's rows), mostly the same ones the next run dirties again: a crawl of 200 new feeds made 200 such commits. A reply that something was stored or claimed is sent
 * only after its commit, so no caller (nor another process) acts on a write that could still roll back. A streaming
 * run (a big feed, its batches stored as they arrive) keeps a transaction of its own, as before: the group is committed
 * before it begins, so no lease waits on it.
 */
let active: { run: number; sourceId: string; saver: RunSaver; failed: Error | null; streaming: boolean; notes: string[] } | null = null;
/** Messages waiting for the open streaming run to end (other runs, leases). */
const waiting: Message[] = [];
/** Replies to send once the group commits. */
const held: { id: number; value: unknown }[] = [];

const reply = (id: number, value: unknown) => port.postMessage({ id, ok: true, value } satisfies WriterReply);
const fail = (id: number, err: unknown) => port.postMessage({ id, ok: false, error: writeErrorText(err, data.file) } satisfies WriterReply);

/**
 * Replies held with no transaction open: SQLite rolled the whole group back itself (disk full, I/O error), so
 * nothing of theirs was kept.
 */
function failLost(): void {
  if (db.inTransaction) return;
  lostText();
  for (const r of held.splice(0)) fail(r.id, new Error('store: the transaction was rolled back'));
}

/** The group's transaction, begun if none is open. */
function inGroup(): void {
  failLost();
  if (!db.inTransaction) db.exec('BEGIN IMMEDIATE');
}

/** The group's whole runs leave their items' search words for commitGroup to copy, once for them all. */
let searchWords: ReturnType<typeof searchWordsWriter> | null = null;
let wordsToCopy = false;

/**
 * The new items of the group's finished whole runs, not yet in the full-text index: commitGroup enters them all with
 * one statement (see createItemSaver), and so does a run of a source whose earlier run is in the group, before it
 * begins (it may update those items, and an update's trigger takes an item's old text out of the index).
 */
let unindexed: number[] = [];
/** The sources of those runs. */
const unindexedSources = new Set<string>();
let indexText: ((ids: string) => void) | null = null;

/** Enter the group's waiting new items into the full-text index (inside the group's transaction). */
function writeText(): void {
  if (!unindexed.length) return;
  (indexText ??= textIndexer(db))(JSON.stringify(unindexed));
  lostText();
  wordsToCopy = true;
}

/** Forget the waiting items: entered, or rolled back with the group. */
function lostText(): void {
  unindexed = [];
  unindexedSources.clear();
}

/** Commit the group and send its replies (or, if the commit fails, fail them all: nothing of theirs was kept). */
function commitGroup(): void {
  if (active) return; // a streaming run's transaction: committed at its finish
  failLost();
  const replies = held.splice(0);
  try {
    if (db.inTransaction) writeText();
    if (wordsToCopy && db.inTransaction) (searchWords ??= searchWordsWriter(db)).copy();
    wordsToCopy = false;
    if (db.inTransaction) db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    lostText();
    wordsToCopy = false;
    for (const r of replies) fail(r.id, err);
    return;
  }
  for (const r of replies) reply(r.id, r.value);
}

/** Handle a message now if it can run, else keep it for when the open run ends. */
function handle(m: Message): void {
  // Only the open run's own batches may enter its transaction; a lease must never ride on (or roll back with) it.
  const belongs = active !== null && 'run' in m && m.run === active.run;
  if (active && !belongs) {
    waiting.push(m);
    return;
  }
  try {
    switch (m.op) {
      case 'claim':
        inGroup();
        return void held.push({ id: m.id, value: claimSource(db, m.sourceId, new Date(m.until)) });
      case 'release':
        inGroup();
        return void held.push({ id: m.id, value: releaseSource(db, m.sourceId) });
      case 'begin':
        begin(m.run, m.sourceId, m.startedAt, true);
        return reply(m.id, null);
      case 'add':
        // Answered only when asked (see addBatch in writer.ts), and only that the batch was taken, so that the crawl's
        // thread does not run far ahead: nothing acts on it as stored. A failed batch fails the run at finish.
        add(m.batch);
        return m.id ? reply(m.id, null) : undefined;
      case 'whole':
        begin(m.run, m.sourceId, m.startedAt, false);
        if (m.batch) add(m.batch);
      // falls through: the run ends as a streaming one does
      case 'finish': {
        const run = active!;
        if (run.failed) throw run.failed;
        m.rec.run.notes.push(...run.notes);
        const result: Finished = { saved: run.saver.finish(m.rec), tagNotes: run.notes, configError };
        configError = null;
        active = null;
        if (run.streaming) {
          db.exec('COMMIT');
          return reply(m.id, result);
        }
        db.exec('RELEASE run');
        for (const id of result.saved.created) unindexed.push(id);
        if (result.saved.created.length) unindexedSources.add(run.sourceId);
        wordsToCopy = true;
        return void held.push({ id: m.id, value: result });
      }
      case 'abort':
        rollback();
        return reply(m.id, null);
    }
  } catch (err) {
    if (m.op === 'finish' || m.op === 'whole') rollback();
    fail(m.id, err);
  }
}

/** Open a run: a streaming one in a transaction of its own, a whole one as a savepoint in the group's. */
function begin(run: number, sourceId: string, startedAt: string, streaming: boolean): void {
  if (streaming) {
    commitGroup();
    db.exec('BEGIN IMMEDIATE');
  } else {
    inGroup();
    if (unindexedSources.has(sourceId)) writeText();
    db.exec('SAVEPOINT run');
  }
  try {
    active = { run, sourceId, saver: startRun(db, sourceId, startedAt, !streaming), failed: null, streaming, notes: [] };
  } catch (err) {
    db.exec(streaming ? 'ROLLBACK' : 'ROLLBACK TO run; RELEASE run');
    throw err;
  }
}

/**
 * Batches tagged before the group's transaction began (see turn()): their items, or why they could not be read, and the
 * tag stage's notes for the run.
 */
const ready = new WeakMap<PackedBatch, { items: ItemToStore[] | null; error: Error | null; notes: string[] }>();

/** Read and tag a batch of a run of `sourceId` now, for add() to store later. */
function prepare(packed: PackedBatch, sourceId: string): void {
  const notes: string[] = [];
  try {
    const batch = unpackBatch(packed);
    ready.set(packed, { items: batch.tag ? tagged(batch.items, sourceId, notes) : batch.items, error: null, notes });
  } catch (err) {
    ready.set(packed, { items: null, error: err as Error, notes });
  }
}

/** Store a batch of the open run; after a failed batch the run can only be rolled back, and later batches are ignored. */
function add(packed: PackedBatch): void {
  if (!active || active.failed) return;
  if (!ready.has(packed)) prepare(packed, active.sourceId);
  const { items, error, notes } = ready.get(packed)!;
  ready.delete(packed);
  active.notes.push(...notes);
  try {
    if (error) throw error;
    active.saver.add(items!);
  } catch (err) {
    active.failed = err as Error;
  }
}

/** Roll the open run back, and only it. */
function rollback(): void {
  const run = active;
  active = null;
  if (!run || !db.inTransaction) return;
  db.exec(run.streaming ? 'ROLLBACK' : 'ROLLBACK TO run; RELEASE run');
}

/** Handle, in order, every waiting message that can now run (all, once no run is open). */
function drain(): void {
  for (let i = 0; i < waiting.length; ) {
    const m = waiting[i];
    if (active && !('run' in m && m.run === active.run)) {
      i++;
      continue;
    }
    waiting.splice(i, 1);
    handle(m);
    i = 0; // a run may have opened or closed: look again from the oldest
  }
}

/**
 * The time a turn spends on runs (once it has stored a group: see GROUP_RUNS) before it commits them and lets the
 * leases in: each commit writes 100–200 pages,
 * each millisecond here a lease waits. 40 rather than 16: a crawl of 200 new feeds committed ~120 times on this thread
 * (the leases' and the runs' groups; a run takes the thread some 8 ms), now ~75, and wrote ~25 % fewer bytes (the log
 * and its checkpoints: 65 → 50 MB); a lease waits longer, but the crawl's thread has runs of its own to prepare.
 */
const TURN_MS = 40;

/** Runs' messages (begin, add, finish, whole, abort), handled at the next turn of the event loop, after the leases. */
const runs: Message[] = [];
let turnPending = false;

/**
 * Whole runs a turn waits for before it stores them, unless the oldest has waited GROUP_WAIT_MS or the crawl has handed
 * on every run (flush). A commit writes every page its group dirtied, mostly the same index and full-text pages the
 * next group dirties again: storing runs as they came, a writer that kept up with a cold crawl of 200 new feeds
 * committed them 3–4 at a time (40–65 commits). Their 4,000 items stored alone in groups of 3 wrote 63 MB of log
 * and spent 121 ms of CPU in commits; in groups of 8, 28 MB and 55 ms (in groups of 16, 21 MB and 39 ms, but leases
 * would wait for turns twice as long).
 * The crawl's thread does not wait for a stored run (its slot is free once the run is handed on), and leases still
 * commit at every turn, before the runs.
 */
const GROUP_RUNS = 8;
const GROUP_WAIT_MS = 50;
/** When the oldest of the waiting runs' messages arrived (Date.now()). */
let queuedSince = 0;
/** The crawl has handed on every run (see flush in WriterRequest): store what waits without waiting for more. */
let flushing = false;
let groupTimer: NodeJS.Timeout | null = null;

/** Whether the waiting runs' messages are to be handled now (see GROUP_RUNS). */
function groupReady(): boolean {
  if (flushing || active) return true;
  let whole = 0;
  for (const m of runs) {
    // A streaming run's messages are handled at once: its batches are stored as they arrive.
    if (m.op !== 'whole') return true;
    whole++;
  }
  return whole >= GROUP_RUNS || Date.now() - queuedSince >= GROUP_WAIT_MS;
}

/** A turn when the oldest waiting run has waited GROUP_WAIT_MS. */
function turnLater(): void {
  if (groupTimer) return;
  groupTimer = setTimeout(() => {
    groupTimer = null;
    if (!turnPending) {
      turnPending = true;
      setImmediate(turn);
    }
  }, Math.max(0, queuedSince + GROUP_WAIT_MS - Date.now()));
}

/**
 * One turn: the leases taken since the last turn commit first, by themselves (a few pages), so that a crawl waiting
 * for its next source's lease does not wait for the items of other sources to be tagged and stored; then, once enough
 * have arrived (see GROUP_RUNS), the runs that arrived meanwhile are handled as one group. (With the leases in the runs'
 * group, a crawl of 200 new feeds waited for its leases for more than half of its time.)
 */
function turn(): void {
  turnPending = false;
  commitGroup();
  if (!runs.length) {
    flushing = false; // nothing waits: the next crawl's runs are grouped again
    return;
  }
  if (!code && runs.some((m) => (m.op === 'add' || m.op === 'whole') && m.batch?.tag)) {
    void loadTagCode().then(() => {
      if (!turnPending) {
        turnPending = true;
        setImmediate(turn);
      }
    });
    return;
  }
  if (!groupReady()) return turnLater();
  // The whole runs' batches are tagged (and the tag stage built) before the group's transaction takes the write lock:
  // tagging is CPU, which stretches with the machine's load, and inside the transaction a crawl of two new items into a
  // source of 100,000 held the lock 7.8 s at load 27 (session 53, a lock probe), so a `review` or a retag page waiting
  // its 5 s failed "database is locked". A streaming run's batches are stored in its own transaction as they arrive.
  if (!db.inTransaction) for (const m of runs) if (m.op === 'whole' && m.batch && !ready.has(m.batch)) prepare(m.batch, m.sourceId);
  // Date.now(), not performance.now(): the global performance loads perf_hooks and nine more of Node's modules into
  // this thread, after it has set the heap flags again (see defaultHeapFlagsWhileThreadStarts), so compiled from source.
  const until = Date.now() + TURN_MS;
  // At least GROUP_RUNS whole runs, though TURN_MS has passed: on a busy machine a run takes this thread 10 ms of the
  // clock and more, and a turn of 40 ms committed 3–4 runs, as often as before groups were waited for.
  let whole = 0;
  // Whole runs only: a run's savepoint must not be open when the group commits.
  while (runs.length && (active || whole < GROUP_RUNS || Date.now() < until)) {
    if (runs[0].op === 'whole') whole++;
    handle(runs.shift()!);
    drain();
  }
  commitGroup();
  storedSinceCheckpoint += whole;
  if (runs.length) {
    // What the turn left has waited long enough already.
    queuedSince = 0;
    turnPending = true;
    setImmediate(turn);
  } else {
    flushing = false;
    // Nothing waits: a one-off crawl's log is copied into the database once nothing has come for a while (see
    // CHECKPOINT_RUNS), rather than all of it at the crawl's end.
    busyAt = Date.now();
    if (data.walPages !== undefined && storedSinceCheckpoint >= CHECKPOINT_RUNS) idleTimer ??= setTimeout(checkpointWhenIdle, IDLE_MS);
  }
}

/**
 * Whole runs a one-off crawl's writer stores before it copies the log into the database (a passive checkpoint) when it
 * has nothing to do: some 1,000 pages of log (a group of 8 runs of 20 items writes ~270). Its log grows to 10,000 pages
 * before SQLite copies it at a commit (see ONE_SHOT_WAL_PAGES in writer.ts), so the crawl's thread copied a cold crawl
 * of 200 new feeds' whole log (~6,500 pages, 30–45 ms) after its last run was handed on, and the close deleted a 26 MB
 * file; a thread that keeps up copies it in pieces meanwhile.
 */
const CHECKPOINT_RUNS = 32;
let storedSinceCheckpoint = 0;
/**
 * How long nothing must have come before the thread copies its log: a copy of ~1,000 pages and its two syncs hold the
 * thread some 10–15 ms, and copied as soon as the queue was empty for a moment, the runs that came meanwhile waited for
 * it. A cold crawl of 200 new feeds, whose critical path this thread is, emptied its queue five or six times and spent
 * 60–100 ms copying (autogroup raised, load 15); runs coming from a real crawl's fetches leave it idle far longer.
 */
const IDLE_MS = 50;
let idleTimer: NodeJS.Timeout | null = null;
/** When the thread last had something to do: a message came, or a turn ended (Date.now()). */
let busyAt = 0;

/** Copy the log once nothing has come for IDLE_MS, unless a run waits or is open. */
function checkpointWhenIdle(): void {
  idleTimer = null;
  if (runs.length || active) return; // the turn that stores them arms it again if it ends with nothing waiting
  const quiet = Date.now() - busyAt;
  if (quiet < IDLE_MS || turnPending) {
    idleTimer = setTimeout(checkpointWhenIdle, Math.max(1, IDLE_MS - quiet));
    return;
  }
  storedSinceCheckpoint = 0;
  checkpointLog(db);
}

/** Store what is left and end the thread (its connection closes; the crawl's own closes last and checkpoints). */
function close(): void {
  if (groupTimer) clearTimeout(groupTimer);
  if (idleTimer) clearTimeout(idleTimer);
  while (runs.length) {
    handle(runs.shift()!);
    drain();
  }
  commitGroup();
  db.close();
  onClosed?.();
  port.postMessage({ id: CLOSED, ok: true, value: null } satisfies WriterReply);
  port.close();
}

/** Messages that arrived before 'go' (see WriterRequest): handled in order once it comes. */
let early: Message[] | null = data.handshake ? [] : null;

port.on('message', (m: Message) => {
  if (early) {
    if (m.op !== 'go') return void early.push(m);
    const before = early;
    early = null;
    if (data.early) databaseReady(m.titleOnly ?? []);
    recover();
    for (const e of before) receive(e);
    return;
  }
  receive(m);
});

/**
 * Before the thread reports that it has started, while V8's own flags hold (see defaultHeapFlagsWhileThreadStarts: the
 * tag stage's code loads 18 of Node's modules, which were compiled from source once the flags were set) and while
 * the crawl's thread writes its leases itself (see deferredWorkerWriter: none waits for this): the tag stage's code,
 * and the stage itself (~0.1 s) when the crawl expects runs for it. A function, not a top-level await: the thread
 * runs this file bundled as one CommonJS script (see writer-boot.cts).
 */
async function start(): Promise<void> {
  if (data.tagging?.prepare) {
    await loadTagCode();
    try {
      if (data.tagging.prepare === 'stage') (data.early ? prebuild : tagStage)();
    } catch {
      /* built again for the first batch to tag, whose run then records the failure (see add), as without preparing */
    }
  }
  // Making this thread's heap undid a setting of the process that started it: set it again, for both threads.
  if (data.smallHeap) applySmallHeapFlags();
  // Started: its modules loaded, its connection open.
  port.postMessage({ id: STARTED, ok: true, value: null } satisfies WriterReply);
  if (!early) recover();
}
void start();

function receive(m: Message): void {
  busyAt = Date.now();
  if (m.op === 'go') return;
  if (m.op === 'close') return close();
  if (m.op === 'flush') flushing = true;
  else if ('run' in m) {
    if (!runs.length) queuedSince = Date.now();
    runs.push(m);
  } else {
    handle(m);
    drain();
  }
  // Messages already sent to this thread are handled before the immediate turn: they join it.
  if (!turnPending) {
    turnPending = true;
    setImmediate(turn);
  }
}
