// A bundle's manifest (src/store/worker-bundle-manifest.cts): each start stats the modules a bundle was made of and
// hashes them only when a stamp (size and change time) differs, so a changed module still makes the bundle stale.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rootDir } from '../../src/paths.js';

// CommonJS modules of the build (vitest does not load .cts sources), as writer-boot.cts and crawl-boot.cts load them.
const require = createRequire(import.meta.url);
const store = path.join(rootDir, 'dist', 'src', 'store');
const { currentBundle } = require(path.join(store, 'bundle-run.cjs')) as typeof import('../../src/store/bundle-run.cjs');
const { manifestOf, modulesCurrent, stampModules } = require(path.join(store, 'worker-bundle-manifest.cjs')) as typeof import('../../src/store/worker-bundle-manifest.cjs');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-manifest-'));
  fs.writeFileSync(path.join(dir, 'a.js'), 'export const a = 1;\n');
  fs.writeFileSync(path.join(dir, 'b.js'), 'export const b = 2;\n');
  fs.writeFileSync(path.join(dir, 'bundle.cjs'), 'exports.a = 1;\n');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const modules = ['a.js', 'b.js'];
const bundle = () => path.join(dir, 'bundle.cjs');
const writeManifest = async () => fs.writeFileSync(`${bundle()}.json`, JSON.stringify(await manifestOf(dir, modules)));

describe('the manifest of a bundle', () => {
  it('stamps its modules once they have settled, not while one was changed a moment ago', async () => {
    const changed = fs.statSync(path.join(dir, 'b.js'), { bigint: true }).ctimeNs;
    expect(stampModules(dir, modules, changed + 10_000_000n)).toBeUndefined(); // a rewrite now could keep its ctime
    expect(stampModules(dir, modules, changed + 1_000_000_000n)).toHaveLength(2);
    const manifest = await manifestOf(dir, modules); // waits for them to settle
    expect(manifest.stamps).toHaveLength(2);
    expect(manifest.stamps![0]).toMatch(/^20:\d+$/);
    expect(modulesCurrent(dir, manifest)).toBe(true);
  });

  it('takes matching stamps without reading the modules (a hash that no longer matches is not looked at)', async () => {
    const manifest = await manifestOf(dir, modules);
    expect(modulesCurrent(dir, { ...manifest, sha256: '0'.repeat(64) })).toBe(true);
    expect(modulesCurrent(dir, { modules, sha256: '0'.repeat(64) })).toBe(false); // no stamps: by hash
  });

  it('makes the bundle stale when a module changes to new text of the same size with its old mtime', async () => {
    await writeManifest();
    expect(currentBundle(bundle())).toBe('exports.a = 1;\n');
    const file = path.join(dir, 'a.js');
    const was = path.join(dir, 'a.times');
    execFileSync('touch', ['-r', file, was]); // its times to the nanosecond (node's utimes takes them in doubles)
    const mtimeNs = fs.statSync(file, { bigint: true }).mtimeNs;
    fs.writeFileSync(file, 'export const a = 3;\n');
    execFileSync('touch', ['-r', was, file]); // as tar or cp -p would: only the change time tells
    expect(fs.statSync(file, { bigint: true }).mtimeNs).toBe(mtimeNs);
    expect(currentBundle(bundle())).toBeNull();
  });

  it('keeps a bundle whose modules were copied or touched but hold the same text (their hash matches)', async () => {
    await writeManifest();
    const file = path.join(dir, 'b.js');
    fs.renameSync(file, `${file}.tmp`);
    fs.copyFileSync(`${file}.tmp`, file);
    expect(currentBundle(bundle())).toBe('exports.a = 1;\n');
    fs.appendFileSync(file, '// more\n');
    expect(currentBundle(bundle())).toBeNull();
  });
});
