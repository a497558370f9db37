// The crawl's small heap (src/heap.ts), in a process of its own (V8 flags are process-wide): the young generation
// stays small on the main thread even after the writer thread has started, which resets V8's growth factor.
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

/** The main thread's new-space size in MB after the writer thread started and ~100 MB of short-lived objects. */
function newSpaceAfterWriter(small: boolean): number {
  const file = path.join(dir, `${small ? 'small' : 'default'}.sqlite`);
  const script = `
    import v8 from 'node:v8';
    import { keepHeapSmall } from '${dist('heap.js')}';
    import { openDb } from '${dist('store/db.js')}';
    import { workerWriter } from '${dist('store/writer.js')}';
    openDb(${JSON.stringify(file)}).close();
    if (${small}) keepHeapSmall();
    const writer = workerWriter(${JSON.stringify(file)});
    await writer.release('none'); // a round trip: the thread (and its heap) exists
    const kept = [];
    for (let i = 0; i < 2e6; i++) { const o = { text: 'item ' + i, n: [i, i + 1] }; if (i % 20 === 0) kept.push(o); }
    await writer.close();
    const space = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
    process.stdout.write(String(space.space_size / 1024 / 1024));`;
  // A file, not --eval: the worker would inherit --input-type and refuse to start.
  const main = path.join(dir, `${small ? 'small' : 'default'}.mjs`);
  fs.writeFileSync(main, script);
  const child = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 90_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  return Number(child.stdout);
}

describe('keepHeapSmall', () => {
  it('keeps the young generation at its first size after a worker thread has started', () => {
    expect(newSpaceAfterWriter(true)).toBeLessThanOrEqual(4);
    // The same work with V8's defaults grows it: the measurement can tell the two apart.
    expect(newSpaceAfterWriter(false)).toBeGreaterThanOrEqual(16);
  }, 120_000);
});
