// A listing whose reader pauses (`items --json | slow-consumer`, a pager, a consumer that stops reading until the pipe
// is full) held its read transaction open all the while: the write-ahead log could not be copied back and reset, and
// grew with every crawl meanwhile. Here the listing's stdout is not read until the pipe is full and the process
// waits; meanwhile another connection stores items, moves an unlisted item to the top of the list, and asks for a
// full checkpoint (the log copied and truncated), which a read open in the listing refuses. Then the pipe is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { contentHash } from '../../src/normalize/key.js';
import { openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import type { TaggedItem } from '../../src/model.js';
import { BIN, untilWaitingIn } from '../helpers/process.js';
import { seedItem, seedSource } from './seed.js';

const ITEMS = 2_000;
let dir: string;
let file: string;

/**
 * Item n as a bill of its own (a matter each), with a summary long enough that the listing fills a pipe; `published`:
 * a new version of it, corrected and dated then.
 */
function bill(n: number, published?: string): TaggedItem {
  const { hash: _, ...i } = seedItem(n);
  const b = { ...i, kind: 'bill' as const, summary: `Hallituksen esitys ${n}${published ? ' (korjattu)' : ''}. ${'Pelastustoimen lainsäädäntö. '.repeat(10)}`,
    published: published ?? i.published, identifiers: [{ type: 'he' as const, value: `HE ${n}/2026 vp`, role: 'self' as const }] };
  return { ...b, hash: contentHash(b) };
}

function store(db: Db, items: TaggedItem[]): void {
  const now = new Date().toISOString();
  saveRun(db, { run: { sourceId: 'sm', startedAt: now, finishedAt: now, status: 'ok', found: items.length, created: 0, updated: 0, error: null, notes: [] },
    nextRunAt: null, items });
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-listing-paused-'));
  file = path.join(dir, 'db.sqlite');
  const db = openDb(file);
  try {
    syncSources(db, [seedSource]);
    store(db, Array.from({ length: ITEMS }, (_, n) => bill(n + 1)));
  } finally {
    db.close();
  }
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Start a listing and leave its stdout unread once it has begun, until the process waits on the full pipe; `read` then reads it all. */
async function paused(args: string[]): Promise<{ read: () => Promise<{ code: number | null; out: string; err: string }> }> {
  const proc = spawn(process.execPath, [BIN, ...args, '--db', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
  const exited = new Promise<number | null>((resolve) => proc.on('close', resolve));
  // Its first rows (the stream reads up to 64 KB into its buffer and stops): the listing has begun.
  await new Promise((resolve) => proc.stdout.once('readable', resolve));
  // Its main thread then waits in the event loop (the pipe full, waiting to write), not running JavaScript.
  await untilWaitingIn(proc.pid!, /^do_epoll_wait$/, 'the listing never waited on its pipe', { times: 10, everyMs: 20 });
  return {
    read: async () => {
      let out = '';
      proc.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
      const code = await exited;
      return { code, out, err };
    },
  };
}

/** A full checkpoint by a writer that does not wait: [busy, log frames, frames copied] (busy 1 while a read holds the log). */
const checkpoint = (db: Db): number[] => Object.values((db.pragma('wal_checkpoint(TRUNCATE)') as Record<string, number>[])[0]);

describe('a paused listing holds no read open', () => {
  it('items --json: the log is copied and reset while it waits; it lists the items stored when it began, each once, in their order then', async () => {
    const listing = await paused(['items', '--json', '--limit', '100000']);
    const crawl = openDb(file, { busyMs: 0 });
    try {
      // New items (not listed: stored after the listing began) and a new version of the oldest item, dated now newest.
      store(crawl, Array.from({ length: 50 }, (_, n) => bill(ITEMS + 1 + n)));
      store(crawl, [bill(1, '2026-11-20T08:00:00.000Z')]);
      expect(checkpoint(crawl)).toEqual([0, 0, 0]);
    } finally {
      crawl.close();
    }
    const { code, out, err } = await listing.read();
    expect([code, err]).toEqual([0, '']);
    const rows = out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: number; published: string; summary: string });
    expect(rows.map((r) => r.id)).toEqual(Array.from({ length: ITEMS }, (_, n) => ITEMS - n));
    // The moved item in its place when the listing began, as stored when its page was read.
    expect(rows[ITEMS - 1]).toMatchObject({ published: '2026-11-20T08:00:00.000Z', summary: expect.stringMatching(/^Hallituksen esitys 1 \(korjattu\)/) });
  }, 60_000);

  it('matters --json: the same', async () => {
    const listing = await paused(['matters', '--json']);
    const crawl = openDb(file, { busyMs: 0 });
    try {
      store(crawl, [bill(ITEMS + 100)]);
      expect(checkpoint(crawl)).toEqual([0, 0, 0]);
    } finally {
      crawl.close();
    }
    const { code, out, err } = await listing.read();
    expect([code, err]).toEqual([0, '']);
    const ids = out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { id: number }).id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(ITEMS);
  }, 60_000);
});
