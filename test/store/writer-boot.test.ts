// The writer thread runs its modules bundled as one script compiled from a V8 code cache kept beside the database
// (src/store/writer-boot.cts, built by src/store/bundle-worker.ts); a bundle older than its modules is not run.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../../src/paths.js';
import type { BundleManifest } from '../../src/store/worker-bundle-manifest.cjs';
import type { SourceDef, TaggedItem } from '../../src/model.js';
import { run } from '../helpers/process.js';
import { oneFeedSource, type TestServer } from '../helpers/server.js';

const built = path.join(rootDir, 'dist', 'src');
const bundleFile = path.join(built, 'store', 'writer-bundle.cjs');

let dir: string;
beforeAll(() => void (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-writer-boot-'))));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Store one item through a writer thread of the build under `dist` into `file`; the thread has ended after. */
async function storeOne(dist: string, file: string): Promise<number> {
  const { openDb, syncSources, listItems } = (await import(pathToFileURL(path.join(dist, 'store', 'index.js')).href)) as typeof import('../../src/store/index.js');
  const { workerWriter } = (await import(pathToFileURL(path.join(dist, 'store', 'writer.js')).href)) as typeof import('../../src/store/writer.js');
  const db = openDb(file);
  syncSources(db, [{ id: 'a', name: 'a', url: 'https://example.fi/a' } as SourceDef]);
  const writer = workerWriter(file);
  const at = new Date().toISOString();
  const sink = writer.begin('a', at);
  const item: TaggedItem = {
    sourceId: 'a', key: 'k1', guid: 'k1', url: null, title: 'Otsikko', summary: '', contentHtml: '', published: null, updated: null,
    deadline: null, language: 'fi', organisation: null, kind: 'news', stage: null, identifiers: [], consultation: null, tags: null,
    searchTerms: '', hash: 'h1',
  };
  sink.add([item]);
  await sink.finish({ run: { sourceId: 'a', startedAt: at, finishedAt: at, status: 'ok', found: 1, created: 0, updated: 0, error: null, notes: [] }, nextRunAt: null });
  await writer.close();
  const count = listItems(db, {}).length;
  db.close();
  return count;
}

const cacheOf = (file: string) => `${file}.writer-code-cache`;

describe("the writer thread's bundle", () => {
  it('holds writer-worker.js and the modules of ours it loads, each as the build left it', () => {
    const manifest = JSON.parse(fs.readFileSync(`${bundleFile}.json`, 'utf8')) as BundleManifest;
    expect(manifest.modules).toContain('writer-worker.js');
    expect(manifest.modules).toContain('item-saver.js');
    expect(manifest.modules).toContain('../tag/stage.js'); // loaded by import() when a batch needs tagging: in the bundle too
    const hash = createHash('sha256');
    for (const file of manifest.modules) hash.update(fs.readFileSync(path.join(built, 'store', file))).update('\0');
    expect(hash.digest('hex')).toBe(manifest.sha256);
    expect(fs.readFileSync(bundleFile, 'utf8')).not.toMatch(/import\.meta|\brequire\("(?!node:)/); // packages stay outside
  });

  it("keeps its compiled code beside the database at its first end and compiles from it after; another's is replaced", async () => {
    const file = path.join(dir, 'cache.sqlite');
    expect(await storeOne(built, file)).toBe(1);
    const kept = fs.readFileSync(cacheOf(file));
    const key = createHash('sha256').update(fs.readFileSync(bundleFile, 'utf8')).update(`\0${process.version}\0${process.arch}`).digest();
    expect(kept.subarray(0, 32).equals(key)).toBe(true);
    expect(kept.length).toBeGreaterThan(50_000); // the bundle's functions compiled while the thread worked, not only its top
    const written = fs.statSync(cacheOf(file)).mtimeMs;
    expect(await storeOne(built, file)).toBe(1);
    expect(fs.statSync(cacheOf(file)).mtimeMs).toBe(written); // V8 took it: nothing to keep again
    // A cache of another bundle (or of this one's length from another build) is not handed to V8, and is replaced.
    fs.writeFileSync(cacheOf(file), Buffer.concat([Buffer.alloc(32, 7), kept.subarray(32)]));
    expect(await storeOne(built, file)).toBe(1);
    expect(fs.readFileSync(cacheOf(file)).subarray(0, 32).equals(key)).toBe(true);
  }, 60_000);

  it('is not run once a module it holds has changed (tsc alone after an edit): the thread runs the ES modules', async () => {
    const copy = path.join(dir, 'copy');
    fs.cpSync(path.join(rootDir, 'dist', 'src'), path.join(copy, 'dist', 'src'), { recursive: true });
    fs.cpSync(path.join(rootDir, 'db'), path.join(copy, 'db'), { recursive: true, filter: (f) => !/\.sqlite/.test(f) });
    fs.copyFileSync(path.join(rootDir, 'package.json'), path.join(copy, 'package.json'));
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(copy, 'node_modules'));
    const dist = path.join(copy, 'dist', 'src');
    const asBuilt = path.join(dir, 'as-built.sqlite');
    expect(await storeOne(dist, asBuilt)).toBe(1);
    expect(fs.existsSync(cacheOf(asBuilt))).toBe(true); // the copy's bundle ran
    const edited = path.join(dist, 'store', 'item-saver.js');
    fs.appendFileSync(edited, '\n// edited\n');
    const after = path.join(dir, 'after-edit.sqlite');
    expect(await storeOne(dist, after)).toBe(1);
    expect(fs.existsSync(cacheOf(after))).toBe(false);
  }, 60_000);
});

describe('a crawl', () => {
  let feed: TestServer;
  let feedDir: string;
  beforeAll(async () => void ({ feed, dir: feedDir } = await oneFeedSource('lakivahti-boot-crawl-')));
  afterAll(async () => {
    await feed.close();
    fs.rmSync(feedDir, { recursive: true, force: true });
  });

  it("keeps its writer thread's code under the flags the next crawl's thread starts with (it takes the cache)", async () => {
    const db = path.join(feedDir, 'db.sqlite');
    const crawl = async () => {
      for (const f of fs.readdirSync(feedDir)) if (/^db\.sqlite(-wal|-shm)?$/.test(f)) fs.rmSync(path.join(feedDir, f));
      const r = await run(['crawl', '--db', db, '--feeds', path.join(feedDir, 'feeds')]);
      expect([r.code, r.err, r.out]).toEqual([0, '', 'a: 1 new, 0 updated, 1 found\n']);
    };
    await crawl();
    const written = fs.statSync(cacheOf(db)).mtimeMs;
    await crawl();
    // A crawl keeps its heap small (src/heap.ts): kept under those flags, the cache would be refused and written again.
    expect(fs.statSync(cacheOf(db)).mtimeMs).toBe(written);
  }, 60_000);
});
