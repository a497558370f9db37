// The database writer thread: one connection, one run's transaction at a time, leases between runs.
import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from './db.js';
import { startRun, type RunSaver } from './runs.js';
import { claimSource, recoverDeadLeases, releaseSource } from './sources.js';
import type { WriterReply, WriterRequest } from './writer.js';
import { applySmallHeapFlags } from '../heap.js';

type Message = WriterRequest & { id: number };

const data = workerData as { file: string; smallHeap: boolean; walPages?: number };
// Making this thread's heap undid a setting of the process that started it: set it again, for both threads.
if (data.smallHeap) applySmallHeapFlags();

// Only crawls write through this thread: see Synchronous in db.ts for why NORMAL is safe for them.
const db = openDb(data.file, { synchronous: 'NORMAL' });
// SQLite's own default page cache (2 MB) rather than better-sqlite3's 16 MB: a crawl's pages are in the operating
// system's cache anyway, and the larger one was resident memory of every crawl that stored a big feed.
db.pragma('cache_size = -2000');
// See ONE_SHOT_WAL_PAGES in writer.ts.
if (data.walPages !== undefined) db.pragma(`wal_autocheckpoint = ${Math.trunc(data.walPages)}`);
// Runs of this host's processes that were killed (kill -9, power loss) free their sources now, recorded as interrupted.
try {
  recoverDeadLeases(db);
} catch {
  /* the database is busy: claiming a source recovers its lease as well */
}
const port = parentPort!;

/** The run whose transaction is open, and messages waiting for their turn (other runs, leases). */
let active: { run: number; saver: RunSaver; failed: Error | null } | null = null;
const waiting: Message[] = [];

const reply = (id: number, value: unknown) => port.postMessage({ id, ok: true, value } satisfies WriterReply);
const fail = (id: number, err: unknown) =>
  port.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies WriterReply);

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
        return reply(m.id, claimSource(db, m.sourceId, new Date(m.until)));
      case 'release':
        return reply(m.id, releaseSource(db, m.sourceId));
      case 'begin':
        db.exec('BEGIN IMMEDIATE');
        active = { run: m.run, saver: startRun(db, m.sourceId, m.startedAt), failed: null };
        return reply(m.id, null);
      case 'add':
        // After a failed batch the run can only be rolled back; later batches are ignored.
        if (active && !active.failed) {
          try {
            active.saver.add(m.items);
          } catch (err) {
            active.failed = err as Error;
          }
        }
        return reply(m.id, null);
      case 'finish': {
        const run = active!;
        if (run.failed) throw run.failed;
        const result = run.saver.finish(m.rec);
        db.exec('COMMIT');
        active = null;
        return reply(m.id, result);
      }
      case 'abort':
        rollback();
        return reply(m.id, null);
    }
  } catch (err) {
    if (m.op === 'finish' || m.op === 'begin') rollback();
    fail(m.id, err);
  }
}

function rollback(): void {
  if (db.inTransaction) db.exec('ROLLBACK');
  active = null;
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

port.on('message', (m: Message) => {
  handle(m);
  drain();
});
