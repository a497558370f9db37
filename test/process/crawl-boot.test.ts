// `lakivahti crawl` runs the CLI and the crawl's modules bundled as one script compiled from a V8 code cache kept
// beside the bundle (src/cli/crawl-boot.cts, built by bundleCrawl in src/store/bundle-worker.ts); other commands, and
// a crawl whose bundle is older than its modules, run the ES modules.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rootDir } from '../../src/paths.js';
import type { BundleManifest } from '../../src/store/worker-bundle-manifest.cjs';
import { run } from '../helpers/process.js';
import { oneFeedSource, type TestServer } from '../helpers/server.js';

const cli = path.join(rootDir, 'dist', 'src', 'cli');
const bundleFile = path.join(cli, 'crawl-bundle.cjs');

/** A hook that prints every ES module the process loads to stderr, as `LOADED <url>`. */
const HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function load(url, ctx, next) { console.error("LOADED " + url); return next(url, ctx); }'));`,
)}`;

/** main.js's static imports of our own modules, as the manifest names them (relative to dist/src/cli). */
const ownStaticImports = (mainJs: string): string[] =>
  [...fs.readFileSync(mainJs, 'utf8').matchAll(/^import [^;]* from '(\.\.?\/[^']+)';$/gm)].map((m) => path.normalize(m[1]));

let feed: TestServer;
let dir: string;
beforeAll(async () => void ({ feed, dir } = await oneFeedSource('lakivahti-crawl-boot-')));
afterAll(async () => {
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the crawl command's bundle", () => {
  it("holds the CLI and the crawl's modules, each as the build left it, and no other command's", () => {
    const manifest = JSON.parse(fs.readFileSync(`${bundleFile}.json`, 'utf8')) as BundleManifest;
    for (const file of ['main.js', 'crawl.js', '../pipeline.js', '../heap.js', '../parse/feed.js', '../sources/rss.js']) expect(manifest.modules).toContain(file);
    for (const file of ['serve.js', 'items.js', 'sources.js', '../web/server.js']) expect(manifest.modules).not.toContain(file);
    expect(ownStaticImports(path.join(cli, 'main.js'))).toContain('args.js');
    for (const file of ownStaticImports(path.join(cli, 'main.js'))) expect(manifest.modules).toContain(file);
    const hash = createHash('sha256');
    for (const file of manifest.modules) hash.update(fs.readFileSync(path.join(cli, file))).update('\0');
    expect(hash.digest('hex')).toBe(manifest.sha256);
    const text = fs.readFileSync(bundleFile, 'utf8');
    expect(text).not.toMatch(/import\.meta|\brequire\("(?!node:|\.\/[\w-]+\.js"|feedsmith")/); // packages stay outside
    // No import(): V8 loses a script's import() callback in the functions it takes from a code cache (an https
    // source's crawl failed so, the second time). Packages and node's modules are required; the other commands'
    // modules, never loaded from the bundle, too.
    expect(text).not.toMatch(/\bimport\(/);
  });

  it("bundles a static import main.ts gains from its own folder; only the other commands' import()s stay imports", async () => {
    // A copy of the build whose main.js imports one more module beside it, as it imports args.js: that code runs as
    // main.js loads, so left out it would be require()d as an ES module, and every bundled crawl would fail.
    const copy = path.join(dir, 'gains');
    fs.cpSync(path.join(rootDir, 'dist', 'src'), copy, { recursive: true, filter: (f) => !/\.(code-cache|map)$/.test(f) });
    const mainJs = path.join(copy, 'cli', 'main.js');
    fs.writeFileSync(mainJs, `import { listingFilters } from './filters.js';\nglobalThis.gained = listingFilters;\n${fs.readFileSync(mainJs, 'utf8')}`);
    const { bundleCrawl } = (await import(pathToFileURL(path.join(rootDir, 'dist', 'src', 'store', 'bundle-worker.js')).href)) as typeof import('../../src/store/bundle-worker.js');
    await bundleCrawl(copy);
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'cli', 'crawl-bundle.cjs.json'), 'utf8')) as BundleManifest;
    expect(ownStaticImports(mainJs)).toContain('filters.js');
    for (const file of ownStaticImports(mainJs)) expect(manifest.modules).toContain(file);
    expect(manifest.modules).toContain('crawl.js');
    for (const file of ['serve.js', 'items.js', 'sources.js']) expect(manifest.modules).not.toContain(file);
    expect(fs.readFileSync(path.join(copy, 'cli', 'crawl-bundle.cjs'), 'utf8')).not.toContain('require("./filters.js")');
  }, 60_000);

  it('runs a crawl (not main.js), keeps its compiled code at the first and compiles from it after; not for another command, nor once stale', async () => {
    // A copy of the build, whose cache and modules the test may change.
    const copy = path.join(dir, 'copy');
    fs.cpSync(path.join(rootDir, 'dist', 'src'), path.join(copy, 'dist', 'src'), { recursive: true, filter: (f) => !f.endsWith('.code-cache') });
    fs.cpSync(path.join(rootDir, 'bin'), path.join(copy, 'bin'), { recursive: true });
    fs.cpSync(path.join(rootDir, 'db'), path.join(copy, 'db'), { recursive: true, filter: (f) => !/\.sqlite/.test(f) });
    fs.copyFileSync(path.join(rootDir, 'package.json'), path.join(copy, 'package.json'));
    fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(copy, 'node_modules'));
    const cache = path.join(copy, 'dist', 'src', 'cli', 'crawl-bundle.cjs.code-cache');
    const bin = path.join(copy, 'bin', 'lakivahti.js');
    const db = path.join(dir, 'db.sqlite');
    const lakivahti = (args: string[]) => run([...args, '--db', db, '--feeds', path.join(dir, 'feeds')], { bin, env: { NODE_OPTIONS: `--import=${HOOK}` } });
    const mainLoaded = /LOADED file:\S+\/dist\/src\/cli\/main\.js/;

    const first = await lakivahti(['crawl']);
    expect(first.out).toBe('a: 1 new, 0 updated, 1 found\n');
    expect(first.err).not.toMatch(mainLoaded);
    const written = fs.statSync(cache).mtimeMs;
    expect(fs.statSync(cache).size).toBeGreaterThan(100_000); // the functions compiled while it crawled, not only its top
    const second = await lakivahti(['crawl']);
    expect(second.out).toBe('a: not modified\n');
    // V8 took it: nothing to keep again (kept under the small-heap flags a crawl sets, it would be refused and rewritten).
    expect(fs.statSync(cache).mtimeMs).toBe(written);
    // Another command runs the ES modules (the bundle holds no other command's code).
    const sources = await lakivahti(['sources']);
    expect(sources.code, sources.err).toBe(0);
    expect(sources.err).toMatch(mainLoaded);
    // tsc alone after an edit: the bundle no longer matches its modules and is not run.
    fs.appendFileSync(path.join(copy, 'dist', 'src', 'pipeline.js'), '\n// edited\n');
    fs.rmSync(cache);
    const stale = await lakivahti(['crawl']);
    expect(stale.out).toBe('a: not modified\n');
    expect(stale.err).toMatch(mainLoaded);
    expect(fs.existsSync(cache)).toBe(false);
  }, 120_000);
});
