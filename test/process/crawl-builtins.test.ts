// A crawl keeps its heaps small (src/heap.ts) only from the first body it fetches: V8 takes node's built-in code cache
// only while its flags are those it started with, so a crawl of 304s that set them at its start compiled the HTTP
// client's own modules from their source. A crawl that stores items still hands its writer thread the small heap.
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
  // At exit, the main thread writes which of node's own modules it compiled without the code cache, and whether a
  // writer thread was told to keep its heap small.
  preload = path.join(dir, 'preload.cjs');
  fs.writeFileSync(preload, `
    const fs = require('node:fs');
    const { isMainThread, workerData } = require('node:worker_threads');
    if (isMainThread) {
      const { internalBinding } = require('internal/test/binding');
      process.on('exit', () => {
        const u = internalBinding('builtins').getCacheUsage();
        fs.appendFileSync(process.env.BUILTINS_OUT, JSON.stringify({ without: [...u.compiledWithoutCache], with: u.compiledWithCache.size }) + '\\n');
      });
    } else {
      fs.appendFileSync(process.env.BUILTINS_OUT, JSON.stringify({ writerSmallHeap: workerData?.smallHeap }) + '\\n');
    }`);
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

describe("a crawl's heap flags", () => {
  it('a crawl that stores items starts its writer thread with the small heap; a crawl of 304s compiles no built-in module from source', async () => {
    const cold = await crawl(path.join(dir, 'cold.jsonl'));
    expect(cold.stdout).toBe('a: 1 new, 0 updated, 1 found\n');
    expect(cold.lines).toContainEqual({ writerSmallHeap: true });
    const notModified = await crawl(path.join(dir, 'warm.jsonl'));
    expect(notModified.stdout).toBe('a: not modified\n');
    expect(notModified.lines).toHaveLength(1); // no writer thread
    const [main] = notModified.lines;
    expect(main.with).toBeGreaterThan(50);
    expect(main.without).toEqual([]);
  }, 60_000);
});
