// A crawl keeps its heaps small (src/heap.ts) only from the first body it fetches: V8 takes node's built-in code cache
// only while its flags are those it started with, so a crawl of 304s that set them at its start compiled the HTTP
// client's own modules from their source. A crawl that stores items still gives its writer thread the small heap, once
// the thread has started (a crawl of a new source starts it before the first body: see expectItems in store/writer.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/process.js';
import { oneFeedSource, type TestServer } from '../helpers/server.js';

let feed: TestServer;
let dir: string;
let preload: string;

beforeAll(async () => {
  ({ feed, dir } = await oneFeedSource('lakivahti-builtins-'));
  // At exit, each thread writes which of node's own modules it compiled without the code cache (the writer thread
  // also at its start); every V8 flag set at run time (by either thread) is written when it is set, and the writer
  // thread's start, all on the process's one clock.
  preload = path.join(dir, 'preload.cjs');
  fs.writeFileSync(preload, `
    const fs = require('node:fs');
    const v8 = require('node:v8');
    const { isMainThread } = require('node:worker_threads');
    const { internalBinding } = require('internal/test/binding');
    const line = (o) => fs.appendFileSync(process.env.BUILTINS_OUT, JSON.stringify(o) + '\\n');
    const at = () => String(process.hrtime.bigint());
    const set = v8.setFlagsFromString;
    v8.setFlagsFromString = (flag) => (line({ flag, at: at() }), set(flag));
    const without = () => [...internalBinding('builtins').getCacheUsage().compiledWithoutCache];
    if (!isMainThread) line({ writerStarts: at(), without: without() });
    process.on('exit', () => {
      const u = internalBinding('builtins').getCacheUsage();
      line({ thread: isMainThread ? 'main' : 'writer', without: without(), with: u.compiledWithCache.size });
    });`);
});

afterAll(async () => {
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Run a crawl (asynchronously: the feed's server is in this process) under the preload. */
async function crawl(out: string): Promise<{ stdout: string; lines: Record<string, unknown>[] }> {
  const child = spawn(process.execPath, ['--expose-internals', '--no-warnings', '--require', preload, BIN, 'crawl', '--db', path.join(dir, 'db.sqlite'), '--feeds', path.join(dir, 'feeds')], {
    env: { ...process.env, LAKIVAHTI_ALLOW_PRIVATE_NETWORKS: '1', BUILTINS_OUT: out }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return { stdout, lines: fs.readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

type Line = { flag?: string; at?: string; writerStarts?: string; thread?: string; without?: string[]; with?: number };

describe("a crawl's heap flags", () => {
  it('a crawl that stores items gives its writer thread the small heap once it has started; a crawl of 304s compiles no built-in module from source', async () => {
    const cold = await crawl(path.join(dir, 'cold.jsonl'));
    expect(cold.stdout).toBe('a: 1 new, 0 updated, 1 found\n');
    const lines = cold.lines as Line[];
    // The writer thread's start compiled every built-in module it loaded from the cache. (Those loaded later, when
    // the flags are set, by the tag stage on the writer thread and for the first body on the crawl's, are not.)
    expect(lines.find((l) => l.writerStarts)!.without).toEqual([]);
    // The young generation's growth is last set small, after the writer thread started (V8 set it back when it made
    // the thread's heap): for both threads, as V8's flags are the process's.
    const growth = lines.filter((l) => l.flag?.startsWith('--semi-space-growth-factor='));
    const writerStarts = BigInt(lines.find((l) => l.writerStarts)!.writerStarts!);
    expect(growth.at(-1)!.flag).toBe('--semi-space-growth-factor=1');
    expect(BigInt(growth.at(-1)!.at!)).toBeGreaterThan(writerStarts);
    const notModified = await crawl(path.join(dir, 'warm.jsonl'));
    expect(notModified.stdout).toBe('a: not modified\n');
    const warm = notModified.lines as Line[];
    expect(warm.filter((l) => l.writerStarts)).toEqual([]); // no writer thread
    expect(warm.filter((l) => l.flag)).toEqual([]); // no body, no flag
    const [main] = warm.filter((l) => l.thread);
    expect(main.with).toBeGreaterThan(50);
    expect(main.without).toEqual([]);
  }, 60_000);
});
