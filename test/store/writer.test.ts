// The worker-thread writer: batches of one run land in one transaction; leases never ride on a run.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy-file.js';
import { openDb, syncSources, listItems, getSourceState, searchIndexSegments, type Db } from '../../src/store/index.js';
import { deferredWorkerWriter, workerWriter, type StoreWriter } from '../../src/store/writer.js';
import { contentHash } from '../../src/normalize/key.js';
import type { RunResult, SourceDef, TaggedItem } from '../../src/model.js';

const defs = ['a', 'b'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef);
const item = (key: string, over: Partial<TaggedItem> = {}): TaggedItem => {
  const i: Omit<TaggedItem, 'hash'> = {
  sourceId: 'a', key, guid: key, url: null, title: `Otsikko ${key}`, summary: '', contentHtml: '', published: null, updated: null,
  deadline: null, language: 'fi', organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, tags: null,
  searchTerms: '', ...over,
  };
  return { ...i, hash: contentHash(i) };
};
const run = (sourceId: string): RunResult => ({
  sourceId, startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), status: 'ok', found: 0, created: 0,
  updated: 0, error: null, notes: [],
});

/** Resolves once a transaction somewhere holds `file`'s write lock: a connection that does not wait is refused it. */
async function untilWriteLocked(file: string, timeoutMs = 30_000): Promise<void> {
  const probe = new Database(file, { timeout: 0 });
  try {
    for (const until = Date.now() + timeoutMs; Date.now() < until; await new Promise((r) => setTimeout(r, 5))) {
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch (err) {
        if ((err as { code?: string }).code === 'SQLITE_BUSY') return;
        throw err;
      }
    }
    throw new Error(`no transaction took the write lock of ${file} within ${timeoutMs} ms`);
  } finally {
    probe.close();
  }
}

let dir: string;
let reader: Db;
let writer: StoreWriter;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-writer-'));
  reader = openDb(path.join(dir, 'db.sqlite'));
  syncSources(reader, defs);
  writer = workerWriter(path.join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await writer.close();
  reader.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('worker writer', () => {
  it("keeps the process's locks on the database file once its thread has opened it", async () => {
    // The thread opening its connection must not open and close the file outside SQLite: on Linux that drops every
    // lock this process holds on it, and another program's connection closing then (the sqlite3 shell 3.40 does) takes
    // the file's exclusive lock and deletes the -wal and -shm files this process goes on writing to: what it writes
    // after is seen by no other process and lost at restart.
    const file = path.join(dir, 'db.sqlite');
    const first = writer.begin('a', new Date().toISOString());
    first.add([item('1')]);
    await first.finish({ run: run('a'), nextRunAt: null });
    const inode = fs.statSync(file).ino;
    // /proc/locks: "1: POSIX  ADVISORY  READ 1234 fe:00:2146439 1073741826 1073742335" (pid, device:inode, range).
    const held = fs.readFileSync('/proc/locks', 'utf8').split('\n')
      .filter((l) => l.split(/\s+/)[4] === String(process.pid) && l.split(/\s+/)[5]?.endsWith(`:${inode}`));
    expect(held.length).toBeGreaterThan(0);
  });

  it('stores a run sent in batches, visible to other connections once finished', async () => {
    const sink = writer.begin('a', new Date().toISOString());
    sink.add([item('1'), item('2')]);
    sink.add([item('3'), item('1')]);
    const saved = await sink.finish({ run: run('a'), nextRunAt: null });
    expect(saved.created).toHaveLength(3);
    expect(saved.duplicates).toBe(1);
    expect(listItems(reader).map((i) => i.title).sort()).toEqual(['Otsikko 1', 'Otsikko 2', 'Otsikko 3']);
    expect(getSourceState(reader, 'a')?.lastStatus).toBe('ok');
  });

  it('stores nothing of an aborted run, and nothing of a run whose batch failed', async () => {
    const aborted = writer.begin('a', new Date().toISOString());
    aborted.add([item('1')]);
    await aborted.abort();
    const broken = writer.begin('a', new Date().toISOString());
    broken.add([item('2'), item('3', { language: 'de' as never })]);
    await expect(broken.finish({ run: run('a'), nextRunAt: null })).rejects.toThrow(/CHECK constraint/);
    expect(listItems(reader)).toEqual([]);
    const ok = writer.begin('a', new Date().toISOString());
    ok.add([item('4')]);
    await ok.finish({ run: run('a'), nextRunAt: null });
    expect(listItems(reader).map((i) => i.title)).toEqual(['Otsikko 4']);
  });

  it('keeps a lease out of an open run: it waits, and survives the run rolling back', async () => {
    await writer.release('b'); // the worker is up
    const sink = writer.begin('a', new Date().toISOString());
    sink.add([item('1')]);
    sink.add([item('2')]); // a second batch: the run streams, so its transaction is open
    // A lease sent together with the run's first messages is taken before the run begins (leases go first): this one
    // comes once the run is open (its transaction holds the write lock), not after a time the thread may not have had.
    await untilWriteLocked(path.join(dir, 'db.sqlite'));
    let claimed: boolean | null = null;
    const claim = writer.claim('b', new Date(Date.now() + 60_000)).then((v) => (claimed = v));
    await new Promise((r) => setTimeout(r, 100));
    expect(claimed).toBeNull();
    await sink.abort();
    await claim;
    expect(claimed).toBe(true);
    expect((reader.prepare("SELECT running_until FROM sources WHERE id = 'b'").get() as { running_until: string | null }).running_until).not.toBeNull();
    expect(await writer.claim('b', new Date(Date.now() + 60_000))).toBe(false);
    await writer.release('b');
    expect(await writer.claim('b', new Date(Date.now() + 60_000))).toBe(true);
    expect(listItems(reader)).toEqual([]);
  });

  it('sends a one-batch run whole at finish, so leases never wait on it', async () => {
    const sink = writer.begin('a', new Date().toISOString());
    sink.add([item('1')]);
    expect(await writer.claim('b', new Date(Date.now() + 60_000))).toBe(true);
    expect((await sink.finish({ run: run('a'), nextRunAt: null })).created).toHaveLength(1);
  });

  it('answers a lease before the runs sent ahead of it are stored', async () => {
    await writer.release('b'); // the worker is up
    // So that what follows arrives together whatever the load: the thread waits for the write lock this connection
    // holds (its busy timeout), in a release sent first, while the run and the lease are sent; then the lock goes.
    reader.exec('BEGIN IMMEDIATE');
    const blocker = writer.release('b');
    const order: string[] = [];
    const sink = writer.begin('a', new Date().toISOString());
    sink.add([item('1')]);
    const finished = sink.finish({ run: run('a'), nextRunAt: null }).then(() => order.push('run a'));
    const claimed = writer.claim('b', new Date(Date.now() + 60_000)).then((v) => order.push(`lease b ${v}`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    reader.exec('COMMIT');
    await Promise.all([blocker, finished, claimed]);
    expect(order).toEqual(['lease b true', 'run a']);
    expect(listItems(reader).map((i) => i.title)).toEqual(['Otsikko 1']);
  });

  it('runs of two sources that overlap in time are stored one after the other', async () => {
    const a = writer.begin('a', new Date().toISOString());
    const b = writer.begin('b', new Date().toISOString());
    b.add([item('x', { sourceId: 'b' })]);
    a.add([item('y')]);
    const fb = b.finish({ run: run('b'), nextRunAt: null });
    const fa = a.finish({ run: run('a'), nextRunAt: null });
    const [ra, rb] = await Promise.all([fa, fb]);
    expect([ra.created.length, rb.created.length]).toEqual([1, 1]);
    expect(listItems(reader, { source: 'b' }).map((i) => i.title)).toEqual(['Otsikko x']);
  });

  it('commits leases and whole runs sent together in one group, where a failing run rolls back alone', async () => {
    await writer.release('b'); // the worker is up: what follows is sent back to back and handled as one group
    const claim = writer.claim('b', new Date(Date.now() + 60_000));
    const good = writer.begin('a', new Date().toISOString());
    good.add([item('1')]);
    const broken = writer.begin('a', new Date().toISOString());
    broken.add([item('2'), item('3', { language: 'de' as never })]);
    const other = writer.begin('b', new Date().toISOString());
    other.add([item('4', { sourceId: 'b' })]);
    const saved = [good, broken, other].map((sink, i) => sink.finish({ run: run(i === 2 ? 'b' : 'a'), nextRunAt: null }));
    await expect(saved[1]).rejects.toThrow(/CHECK constraint/);
    expect(await claim).toBe(true);
    expect((await saved[0]).created).toHaveLength(1);
    expect((await saved[2]).created).toHaveLength(1);
    // Each reply came after the commit: another connection sees every kept write, and nothing of the failed run.
    expect(listItems(reader).map((i) => i.title).sort()).toEqual(['Otsikko 1', 'Otsikko 4']);
    // The group's search words were copied once at its commit: those of the kept runs, and the scratch index left empty.
    expect(reader.prepare("SELECT word FROM search_words WHERE word IN ('1', '2', '3', '4', 'otsikko') ORDER BY word").pluck().all()).toEqual(['1', '4', 'otsikko']);
    expect(reader.prepare('SELECT count(*) FROM search_words_found').pluck().get()).toBe(0);
    expect((reader.prepare("SELECT running_until FROM sources WHERE id = 'b'").get() as { running_until: string | null }).running_until).toBeNull();
    expect(reader.prepare('SELECT source_id, status FROM runs ORDER BY id').all()).toEqual([
      { source_id: 'a', status: 'ok' }, { source_id: 'b', status: 'ok' },
    ]);
  });

  it("tags a run's items before it takes the write lock: another writer is not kept waiting while the tag stage is built", async () => {
    // The tag stage (taxonomy, learning) and tagging are CPU, which stretch with the machine's load: inside the run's
    // transaction a crawl of two items into a source of 100,000 held the lock 7.8 s at load 27 (session 53), and a
    // `review` or `retag` beside it failed "database is locked". Here the taxonomy is a pipe, so the thread is held
    // building the tag stage until the test writes it, and the test asks for the write lock meanwhile.
    const file = path.join(dir, 'db.sqlite');
    const feeds = path.join(dir, 'feeds');
    fs.mkdirSync(feeds);
    const pipe = path.join(feeds, 'taxonomy.yaml');
    execFileSync('mkfifo', [pipe]);
    const tagging = workerWriter(file, undefined, { feedsDir: feeds, titleOnly: [], cacheFile: null, onConfigError: () => undefined });
    const probe = new Database(file, { timeout: 0 });
    try {
      const sink = tagging.begin('a', new Date().toISOString(), true);
      const { tags: _, ...untagged } = item('1', { title: 'Pelastuslain muutos' });
      sink.addUntagged!([untagged]);
      const finished = sink.finish({ run: run('a'), nextRunAt: null });
      // Opened for writing once the thread has opened it to read the taxonomy: it is building the tag stage now.
      const writing = await fs.promises.open(pipe, 'w');
      let lock = 'free';
      try {
        probe.exec('BEGIN IMMEDIATE');
        probe.exec('ROLLBACK');
      } catch (err) {
        lock = (err as { code?: string }).code ?? String(err);
      }
      await writing.writeFile(fs.readFileSync(shippedTaxonomyPath()));
      await writing.close();
      expect((await finished).created).toHaveLength(1);
      expect(lock).toBe('free');
      expect(reader.prepare("SELECT relevant, taxonomy_version IS NOT NULL AS tagged FROM items WHERE key = '1'").get()).toEqual({ relevant: 1, tagged: 1 });
    } finally {
      probe.close();
      await tagging.close();
    }
  });
});

describe('worker writer: items sent again unchanged', () => {
  it('tags none of them (the saver only notes them seen): the tag stage is not even built', async () => {
    // A feed sent again whole (no 304) had the writer tag every item, then drop the verdicts: the saver only notes an
    // unchanged item seen. Here the taxonomy is a pipe nobody writes: building the tag stage would hold the thread.
    const file = path.join(dir, 'db.sqlite');
    const stored = item('1', { title: 'Pelastuslain muutos', tags: { relevant: true, goals: [{ goal: 'services', score: 9 }], primary: 'services',
      scores: { services: 9 }, evidence: [], joint: false, jointReason: '', taxonomyVersion: 'before' }, searchTerms: 'pelastuslaki' });
    const first = writer.begin('a', new Date().toISOString());
    first.add([stored]);
    await first.finish({ run: run('a'), nextRunAt: null });
    const feeds = path.join(dir, 'feeds');
    fs.mkdirSync(feeds);
    execFileSync('mkfifo', [path.join(feeds, 'taxonomy.yaml')]);
    const tagging = workerWriter(file, undefined, { feedsDir: feeds, titleOnly: [], cacheFile: null, onConfigError: () => undefined });
    try {
      const sink = tagging.begin('a', new Date().toISOString(), true);
      const { tags: _, searchTerms: __, ...untagged } = stored;
      sink.addUntagged!([untagged]);
      const saved = await sink.finish({ run: run('a'), nextRunAt: null });
      expect(saved).toMatchObject({ created: [], updated: [] });
      expect(reader.prepare("SELECT relevant, taxonomy_version AS v, search_terms AS s FROM items WHERE key = '1'").get())
        .toEqual({ relevant: 1, v: 'before', s: 'pelastuslaki' });
    } finally {
      await tagging.close();
    }
  }, 20_000);

  it('tags the new ones of a batch, and keeps the verdict of those sent again unchanged', async () => {
    const file = path.join(dir, 'db.sqlite');
    const stored = item('1', { title: 'Pelastuslain muutos', tags: { relevant: true, goals: [{ goal: 'services', score: 9 }], primary: 'services',
      scores: { services: 9 }, evidence: [], joint: false, jointReason: '', taxonomyVersion: 'before' }, searchTerms: 'pelastuslaki' });
    // Item 3 is stored with a verdict too, and sent again edited: a changed item is tagged anew.
    const edited = item('3', { title: 'Pelastuslain muutos 3', tags: stored.tags, searchTerms: 'pelastuslaki' });
    const first = writer.begin('a', new Date().toISOString());
    first.add([stored, item('3', { title: 'Otsikko 3', tags: stored.tags, searchTerms: 'pelastuslaki' })]);
    await first.finish({ run: run('a'), nextRunAt: null });
    const feeds = path.join(dir, 'feeds');
    fs.mkdirSync(feeds);
    fs.copyFileSync(shippedTaxonomyPath(), path.join(feeds, 'taxonomy.yaml'));
    const tagging = workerWriter(file, undefined, { feedsDir: feeds, titleOnly: [], cacheFile: null, onConfigError: () => undefined });
    try {
      const sink = tagging.begin('a', new Date().toISOString(), true);
      const strip = ({ tags: _, searchTerms: __, ...rest }: TaggedItem) => rest;
      sink.addUntagged!([strip(item('2', { title: 'Pelastuslain muutos 2' })), strip(stored), strip(edited)]);
      expect((await sink.finish({ run: run('a'), nextRunAt: null }))).toMatchObject({ created: [expect.anything()], updated: [expect.anything()] });
      expect(reader.prepare("SELECT key, relevant, taxonomy_version = 'before' AS kept FROM items ORDER BY key").all())
        .toEqual([{ key: '1', relevant: 1, kept: 1 }, { key: '2', relevant: 1, kept: 0 }, { key: '3', relevant: 1, kept: 0 }]);
    } finally {
      await tagging.close();
    }
  }, 60_000);
});

const matches = (db: Db, word: string) => db.prepare('SELECT count(*) FROM items_fts WHERE items_fts MATCH ?').pluck().get(word);

describe("worker writer: a group's full-text index", () => {
  it('enters the new items of a group of whole runs at once: one segment, not one per run', async () => {
    syncSources(reader, ['c', 'd'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
    await writer.release('b'); // the worker is up: the runs that follow are sent back to back and handled as one group
    const saved = ['a', 'b', 'c', 'd'].map((source, i) => {
      const sink = writer.begin(source, new Date().toISOString());
      sink.add([item(`${i}`, { sourceId: source, title: `Otsikko sana${i}` })]);
      return sink.finish({ run: run(source), nextRunAt: null });
    });
    for (const s of await Promise.all(saved)) expect(s.created).toHaveLength(1);
    for (const word of ['sana0', 'sana1', 'sana2', 'sana3']) expect(matches(reader, word)).toBe(1);
    expect(matches(reader, 'otsikko')).toBe(4);
    // Before, every item was a segment of its own (FTS5 writes out what it holds whenever a row's key is not above the
    // last one's, and the keys count the ids down), and so every run too; a group writes one (two if the four runs
    // took two turns of the writer).
    expect(searchIndexSegments(reader)).toBeLessThanOrEqual(2);
    expect(reader.prepare("SELECT word FROM search_words WHERE word LIKE 'sana%' ORDER BY word").pluck().all()).toEqual(['sana0', 'sana1', 'sana2', 'sana3']);
    reader.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
  });

  it('holds runs that arrive one by one for a fuller group: one commit and one segment for four', async () => {
    syncSources(reader, ['c', 'd'].map((id) => ({ id, name: id, url: `https://example.fi/${id}` }) as SourceDef));
    await writer.release('b'); // the worker is up
    const saved: Promise<{ created: number[] }>[] = [];
    for (const [i, source] of ['a', 'b', 'c', 'd'].entries()) {
      const sink = writer.begin(source, new Date().toISOString());
      sink.add([item(`${i}`, { sourceId: source, title: `Otsikko sana${i}` })]);
      saved.push(sink.finish({ run: run(source), nextRunAt: null }));
      // A lease's answer comes after a turn of the thread that has seen the run: stored as it came, each run was a
      // commit (and a full-text segment) of its own, as a crawl's runs were when the thread kept up with them.
      await writer.release('b');
    }
    writer.idle?.(); // every run handed on: the thread stores what it holds now
    for (const s of await Promise.all(saved)) expect(s.created).toHaveLength(1);
    // One group, unless the four took longer than GROUP_WAIT_MS to arrive (two then, on a very busy machine).
    expect(searchIndexSegments(reader)).toBeLessThanOrEqual(2);
    expect(matches(reader, 'otsikko')).toBe(4);
    reader.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
  });

  it("enters a source's new items before a later run of it in the same group updates them", async () => {
    await writer.release('b');
    const first = writer.begin('a', new Date().toISOString());
    first.add([item('1', { title: 'Otsikko alku' }), item('2', { title: 'Toinen' })]);
    const second = writer.begin('a', new Date().toISOString());
    second.add([item('1', { title: 'Otsikko loppu' })]);
    const [a, b] = await Promise.all([first, second].map((sink) => sink.finish({ run: run('a'), nextRunAt: null })));
    expect(a.created).toHaveLength(2);
    expect(b.updated).toEqual([a.created[0]]);
    // The update took the first text out of the index and put the new one in: only the new one is found.
    expect(matches(reader, 'alku')).toBe(0);
    expect(matches(reader, 'loppu')).toBe(1);
    expect(matches(reader, 'otsikko')).toBe(1);
    expect(matches(reader, 'toinen')).toBe(1);
    reader.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
  });
});

describe("worker writer: a streaming run's full-text index", () => {
  it('enters a big run a thousand new items at a time, not a segment per batch; every item and word found', async () => {
    const sink = writer.begin('a', new Date().toISOString());
    sink.add([item('first', { title: 'Otsikko ensimmäinen' })]);
    // 2,500 more in batches of 25, as the crawl hands a big feed on; the first and second batch make it a streaming run.
    for (let b = 0; b < 100; b++) sink.add(Array.from({ length: 25 }, (_, k) => item(`${b * 25 + k}`, { title: `Otsikko osa${b} rivi${b * 25 + k}` })));
    expect((await sink.finish({ run: run('a'), nextRunAt: null })).created).toHaveLength(2501);
    expect(matches(reader, 'otsikko')).toBe(2501);
    for (const word of ['osa0', 'osa57', 'osa99']) expect(matches(reader, word)).toBe(25);
    for (const word of ['ensimmäinen', 'rivi0', 'rivi1499', 'rivi2499']) expect(matches(reader, word)).toBe(1);
    // Every word of the index is a search word (see search-words.ts).
    reader.exec('CREATE VIRTUAL TABLE temp.index_words USING fts5vocab (main, items_fts, row)');
    expect(reader.prepare('SELECT count(*) FROM temp.index_words').pluck().get()).toBe(1 + 1 + 100 + 2500);
    expect(reader.prepare('SELECT term FROM temp.index_words EXCEPT SELECT word FROM search_words').pluck().all()).toEqual([]);
    // Each batch's keys are below the last batch's (they count the ids down): one batch at a time, every batch was a
    // segment of its own (100, which FTS5 had merged into 8 by the end); a thousand items at a time, three at most.
    expect(searchIndexSegments(reader)).toBeLessThanOrEqual(3);
    reader.exec("INSERT INTO items_fts (items_fts) VALUES ('integrity-check')");
  });
});

describe("worker writer: a streaming run's batches wait for the thread", () => {
  it('has add() return a wait once the thread is far behind, and stores every batch', async () => {
    // A loop that never yields: no answer of the thread can arrive meanwhile, however fast it stores.
    const sink = writer.begin('a', new Date().toISOString());
    const waits: (Promise<void> | void)[] = [];
    for (let b = 0; b < 200; b++) waits.push(sink.add(Array.from({ length: 25 }, (_, k) => item(`${b * 25 + k}`))));
    const first = waits.findIndex((w) => w instanceof Promise);
    // The batches a crawl may hand on ahead of the thread (see STREAM_AHEAD in writer.ts), then each waits.
    expect(first).toBeGreaterThan(8);
    expect(first).toBeLessThan(200);
    await Promise.all(waits);
    expect((await sink.finish({ run: run('a'), nextRunAt: null })).created).toHaveLength(5000);
    expect(reader.prepare('SELECT count(*) FROM items').pluck().get()).toBe(5000);
  });
});

describe('one-off writer: the worker thread starts while the crawl goes on', () => {
  it("takes leases on the crawl's own connection until the thread has started, then through it", async () => {
    const until = () => new Date(Date.now() + 60_000);
    const oneShot = deferredWorkerWriter(reader, path.join(dir, 'db.sqlite'));
    try {
      const sink = oneShot.begin('a', new Date().toISOString(), true); // a run with items: the thread starts now
      sink.add([item('1')]);
      const claimed = oneShot.claim('b', until());
      // Answered at once, not after the thread (0.15 s or more to start) has loaded its modules and replied.
      const first = await Promise.race([claimed.then(() => 'lease'), new Promise((r) => setImmediate(() => r('next turn')))]);
      expect(first).toBe('lease');
      expect(await claimed).toBe(true);
      expect((await sink.finish({ run: run('a'), nextRunAt: null })).created).toHaveLength(1);
      // The thread has started: leases go through it, and it sees the one taken here.
      expect(await oneShot.claim('b', until())).toBe(false);
      await oneShot.release('b');
      expect(await oneShot.claim('b', until())).toBe(true);
    } finally {
      await oneShot.close();
    }
    expect(listItems(reader).map((i) => i.title)).toEqual(['Otsikko 1']);
    expect(getSourceState(reader, 'a')?.lastStatus).toBe('ok');
  });
});

describe('one-off writer: the log copied into the database while the thread has time', () => {
  /**
   * Runs of source a in the database file alone, without its log (no close has copied it); null when the file was
   * copied while the thread was writing the log into it (a torn copy SQLite calls malformed: the copy is under way).
   */
  const runsInFileAlone = (file: string): number | null => {
    const copy = path.join(dir, `alone-${Date.now()}.sqlite`);
    fs.copyFileSync(file, copy);
    // Not openDb: before any copy the file alone may not even hold the schema its migrations wrote.
    const alone = new Database(copy, { readonly: true });
    try {
      if (!alone.prepare("SELECT 1 FROM sqlite_master WHERE name = 'runs'").get()) return 0;
      return alone.prepare("SELECT count(*) FROM runs WHERE source_id = 'a'").pluck().get() as number;
    } catch (e) {
      if (['SQLITE_CORRUPT', 'SQLITE_NOTADB'].includes((e as { code?: string }).code ?? '')) return null;
      throw e;
    } finally {
      alone.close();
    }
  };

  it('copies its log into the database file once nothing has come for a while, not as soon as its queue is empty', async () => {
    const file = path.join(dir, 'db.sqlite');
    const oneShot = deferredWorkerWriter(reader, file);
    try {
      // 40 runs of 20 items, each stored before the next is handed on: the thread's queue empties after each, but the
      // next comes within milliseconds. The log stays far below the 10,000 pages at which SQLite would copy it at a
      // commit, and idle() is never called.
      for (let r = 0; r < 40; r++) {
        const sink = oneShot.begin('a', new Date().toISOString(), true);
        sink.add(Array.from({ length: 20 }, (_, i) => item(`${r}-${i}`, { summary: `Yhteenveto ${r} ${i} `.repeat(20) })));
        await sink.finish({ run: run('a'), nextRunAt: null });
      }
      // It copied nothing yet (a copy holds the thread 10-15 ms, and runs coming meanwhile waited for it). On main the
      // thread copied as soon as its queue emptied after the 32nd run, before it took the 33rd.
      expect(runsInFileAlone(file)).toBe(0);
      // Once nothing comes, the log is copied: the file alone then holds at least the first 32 runs.
      // A copy taken while the thread writes the file is torn (null): that only says the copy is under way; look again.
      let copied = 0;
      for (const until = Date.now() + 10_000; copied < 32 && Date.now() < until; await new Promise((r) => setTimeout(r, 20))) copied = runsInFileAlone(file) ?? 0;
      expect(copied).toBeGreaterThanOrEqual(32);
    } finally {
      await oneShot.close();
    }
    expect(reader.prepare("SELECT count(*) FROM items WHERE source_id = 'a'").pluck().get()).toBe(800);
  }, 30_000);
});
