// The crawl's small heap (src/heap.ts), in a process of its own (V8 flags are process-wide): the young generation
// stays small on the main thread even after the writer thread has started, which resets V8's growth factor; and the
// flags do not keep the writer thread from Node's code cache for its own modules.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rootDir } from '../../src/paths.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-heap-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const dist = (file: string) => pathToFileURL(path.join(rootDir, 'dist', 'src', file)).href;

/**
 * When keepHeapSmall() is called: never, before the writer thread is made, or while it starts (the crawl's first body
 * may come then: see expectItems in store/writer.ts).
 */
type When = 'never' | 'before' | 'starting';

/** The main thread's new-space size in MB after the writer thread started and ~100 MB of short-lived objects. */
function newSpaceAfterWriter(when: When): number {
  const file = path.join(dir, `${when}.sqlite`);
  const script = `
    import v8 from 'node:v8';
    import { keepHeapSmall } from '${dist('heap.js')}';
    import { openDb } from '${dist('store/db.js')}';
    import { workerWriter } from '${dist('store/writer.js')}';
    openDb(${JSON.stringify(file)}).close();
    if (${when === 'before'}) keepHeapSmall();
    const writer = workerWriter(${JSON.stringify(file)});
    if (${when === 'starting'}) keepHeapSmall();
    await writer.release('none'); // a round trip: the thread (and its heap) exists
    const kept = [];
    for (let i = 0; i < 2e6; i++) { const o = { text: 'item ' + i, n: [i, i + 1] }; if (i % 20 === 0) kept.push(o); }
    await writer.close();
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(space.space_size / 1024 / 1024));`;
  // A file, not --eval: the worker would inherit --input-type and refuse to start.
  const main = path.join(dir, `${when}.mjs`);
  fs.writeFileSync(main, script);
  const child = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 90_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return Number(child.stdout);
}

describe('keepHeapSmall', () => {
  it('keeps the young generation at its first size after a worker thread has started', () => {
    expect(newSpaceAfterWriter('before')).toBeLessThanOrEqual(4);
    // Called while the thread starts, the flags are set once it has started.
    expect(newSpaceAfterWriter('starting')).toBeLessThanOrEqual(4);
    // The same work with V8's defaults grows it: the measurement can tell the two apart.
    expect(newSpaceAfterWriter('never')).toBeGreaterThanOrEqual(16);
  }, 120_000);
});

/**
 * How many of Node's own modules the writer thread compiled with node's built-in code cache and without it: at its
 * script's start (all those of the thread's start-up) and when it ends. Node's internal test binding
 * (--expose-internals) counts them per thread; a preload, which worker threads inherit, reads it there.
 */
function writerThreadBuiltins(when: When): { atStart: { with: number; without: number }; atEnd: { with: number; without: number } } {
  const file = path.join(dir, `builtins-${when}.sqlite`);
  const out = path.join(dir, `builtins-${when}.json`);
  const preload = path.join(dir, 'builtins-preload.cjs');
  fs.writeFileSync(preload, `
    const { isMainThread } = require('node:worker_threads');
    if (!isMainThread) {
      const fs = require('node:fs');
      const { internalBinding } = require('internal/test/binding');
      const count = () => { const u = internalBinding('builtins').getCacheUsage(); return { with: u.compiledWithCache.size, without: u.compiledWithoutCache.size }; };
      const atStart = count();
      process.on('exit', () => fs.writeFileSync(process.env.BUILTINS_OUT, JSON.stringify({ atStart, atEnd: count() })));
    }`);
  const main = path.join(dir, `builtins-${when}.mjs`);
  fs.writeFileSync(main, `
    import { keepHeapSmall } from '${dist('heap.js')}';
    import { openDb } from '${dist('store/db.js')}';
    import { workerWriter } from '${dist('store/writer.js')}';
    openDb(${JSON.stringify(file)}).close();
    if (${when === 'before'}) keepHeapSmall();
    const writer = workerWriter(${JSON.stringify(file)});
    if (${when === 'starting'}) keepHeapSmall();
    await writer.release('none');
    await writer.close();`);
  const child = spawnSync(process.execPath, ['--expose-internals', '--no-warnings', '--require', preload, main], {
    encoding: 'utf8', timeout: 60_000, env: { ...process.env, BUILTINS_OUT: out },
  });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

describe('the writer thread of a process that keeps its heap small', () => {
  it("compiles Node's own modules from node's code cache, as with V8's default flags", () => {
    const plain = writerThreadBuiltins('never');
    // The measurement sees the thread's start-up: with the defaults, every module of it came from the cache.
    expect(plain.atStart.with).toBeGreaterThan(50);
    expect(plain.atStart.without).toBe(0);
    for (const when of ['before', 'starting'] as const) {
      const small = writerThreadBuiltins(when);
      expect(small.atStart).toEqual(plain.atStart);
      // Nor does it load any later, once the flags are set again (a writer's round trip and its close).
      expect(small.atEnd).toEqual(plain.atEnd);
    }
  }, 60_000);
});

/**
 * How many calls of a small function V8 runs before it marks the function for TurboFan, in a process of its own, with
 * keepHeapSmall() called first or not (`%GetOptimizationStatus`: optimized, or marked for it, at once or concurrently).
 */
function callsBeforeOptimizing(small: boolean): number {
  const main = path.join(dir, `tier-up-${small}.mjs`);
  fs.writeFileSync(main, `
    import { keepHeapSmall } from '${dist('heap.js')}';
    if (${small}) keepHeapSmall();
    function f(a) { let s = 0; for (let i = 0; i < a.length; i++) s += a[i] * 2 + 1; return s; }
    const a = Array.from({ length: 50 }, (_, i) => i);
    let n = 0;
    for (; n < 1e6; n++) { f(a); if (%GetOptimizationStatus(f) & (16 | 256 | 512 | 1024)) break; }
    process.stdout.write(String(n));`);
  const child = spawnSync(process.execPath, ['--allow-natives-syntax', main], { encoding: 'utf8', timeout: 60_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return Number(child.stdout);
}

describe('a crawl that keeps its heap small', () => {
  it('optimizes a function only after four times as much of it has run (TurboFan was a fifth of a cold crawl)', () => {
    const plain = callsBeforeOptimizing(false);
    expect(plain).toBeGreaterThan(5);
    expect(plain).toBeLessThan(1e6);
    expect(callsBeforeOptimizing(true)).toBeGreaterThanOrEqual(3 * plain);
  }, 60_000);
});
