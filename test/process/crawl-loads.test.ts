// What a `lakivahti crawl` process loads: a source module's code only when a source of its kind runs, and the yaml
// library only when the taxonomy must be parsed (not when its parse is in the cache beside the database), and on a 304
// neither the feed parser nor the linker; rss-parser's entity decoder only for an Atom entry's content; node-cron only
// for a schedule that names more than minutes; the Helsinki time formatter only to print a paused source. Our own
// modules' loads are seen where they are ES modules: a copy of the build without the crawl's bundle (crawl-boot.cts);
// the bundled crawl is held to the same packages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';
import { oneFeedSource, type TestServer } from '../helpers/server.js';

let feed: TestServer;
let dir: string;
/** bin/lakivahti.js of a copy of the build without the crawl's bundle: the crawl runs the ES modules. */
let esBin: string;

/** A hook that prints every ES module the process loads to stderr, as `LOADED <url>`. */
const HOOK = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent('export async function load(url, ctx, next) { console.error("LOADED " + url); return next(url, ctx); }'));`,
)}`;

beforeAll(async () => {
  ({ feed, dir } = await oneFeedSource('lakivahti-loads-'));
  const copy = path.join(dir, 'es-build');
  fs.cpSync(path.join(rootDir, 'dist', 'src'), path.join(copy, 'dist', 'src'), { recursive: true, filter: (f) => !/crawl-bundle\.cjs\.(json|code-cache)$/.test(f) });
  for (const folder of ['bin', 'db']) fs.cpSync(path.join(rootDir, folder), path.join(copy, folder), { recursive: true, filter: (f) => !/\.sqlite/.test(f) });
  fs.copyFileSync(path.join(rootDir, 'package.json'), path.join(copy, 'package.json'));
  fs.symlinkSync(path.join(rootDir, 'node_modules'), path.join(copy, 'node_modules'));
  esBin = path.join(copy, 'bin', 'lakivahti.js');
});

afterAll(async () => {
  await feed.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const OTHER_SOURCES = ['lausuntopalvelu', 'eduskunta', 'finlex', 'hankeikkuna', 'pelastustoimi'];

describe('what a crawl loads', () => {
  it.each([
    ['as ES modules', true],
    ['bundled (its packages)', false],
  ])('%s: an RSS source loads no other source module; a cached taxonomy is not parsed again, nor its yaml library loaded', async (_, esModules) => {
    const prefix = esModules ? 'es-' : 'bundled-';
    const crawl = (db: string) =>
      run(['crawl', '--db', path.join(dir, prefix + db), '--feeds', path.join(dir, 'feeds')], { bin: esModules ? esBin : undefined, env: { NODE_OPTIONS: `--import=${HOOK}`, NODE_DEBUG: 'module' } });
    // Our own modules' loads, seen only where they are ES modules (the bundle's are not files of their own).
    const own = { toMatch: (err: string, re: RegExp) => esModules && expect(err).toMatch(re), notToMatch: (err: string, re: RegExp) => esModules && expect(err).not.toMatch(re) };
    const yamlLoaded = (err: string) => /load "[^"]*node_modules\/yaml\/dist\/index\.js"/.test(err);
    const first = await crawl('one.sqlite');
    expect(first.code, first.err).toBe(0);
    expect(first.out).toBe('a: 1 new, 0 updated, 1 found\n');
    own.toMatch(first.err, /LOADED file:\S+\/sources\/rss\.js/);
    expect(yamlLoaded(first.err)).toBe(true); // no cache yet: parsed and kept
    const notModified = await crawl('one.sqlite');
    expect(notModified.out).toBe('a: not modified\n');
    // Nothing to parse, tag or bring into force: neither the feed parser, the analyzer nor the linker is loaded.
    own.toMatch(first.err, /LOADED file:\S+\/parse\/feed\.js/);
    // The analyzer runs on the writer thread, from its one bundled script when the build made one (writer-boot.cts).
    const analyzer = /LOADED file:\S+\/tag\/analyze\.js|load "[^"]*\/store\/writer-boot\.cjs"/;
    own.toMatch(first.err, analyzer);
    own.notToMatch(notModified.err, analyzer);
    own.notToMatch(notModified.err, /LOADED file:\S+\/(parse\/feed|tag\/analyze|store\/matters|link\/\w+)\.js/);
    // Nor the taxonomy cache, the item keys or the stored-item lookup (an RSS module never asks what is stored), nor
    // node:crypto, which only they need.
    own.notToMatch(notModified.err, /LOADED file:\S+\/(tag\/taxonomy-cache|normalize\/key|store\/items)\.js/);
    expect(notModified.err).not.toMatch(/LOADED node:crypto/);
    // Nor node:zlib (no body to decode) or node:dns (the feed's host is an address).
    expect(notModified.err).not.toMatch(/LOADED node:(zlib|dns)\b/);
    // The first crawl kept the taxonomy's parse beside its database (on the writer thread, bundled or not).
    expect(fs.existsSync(path.join(dir, `${prefix}one.sqlite.taxonomy-cache.json`))).toBe(true);
    // A fresh database with the first one's cache beside it: the run tags its item with the cached taxonomy.
    fs.copyFileSync(path.join(dir, `${prefix}one.sqlite.taxonomy-cache.json`), path.join(dir, `${prefix}two.sqlite.taxonomy-cache.json`));
    const hit = await crawl('two.sqlite');
    expect(hit.out).toBe('a: 1 new, 0 updated, 1 found\n');
    expect(yamlLoaded(hit.err)).toBe(false);
    for (const r of [first, notModified, hit]) {
      for (const name of OTHER_SOURCES) own.notToMatch(r.err, new RegExp(`LOADED file:\\S+/sources/${name}\\.js`));
      expect(r.err).not.toMatch(/node_modules\/cheerio\//);
      // No package is imported as an ES module (node would load its CommonJS lexer to read the exports), and
      // xml2js's XML builder, which rss-parser never uses, is not loaded.
      expect(r.err).not.toMatch(/LOADED file:\S+\/node_modules\//);
      expect(r.err).not.toMatch(/node_modules\/xmlbuilder\//);
      // Nor rss-parser's HTML entity decoder, which only an Atom entry's content snippet needs.
      expect(r.err).not.toMatch(/load "[^"]*node_modules\/entities\//);
      // The default schedule names only minutes: its next run is worked out without node-cron.
      expect(r.err).not.toMatch(/node_modules\/node-cron\//);
      // No source is paused: the Helsinki time formatter (Intl's time zone data) is not built.
      own.notToMatch(r.err, /LOADED file:\S+\/app\/format\.js/);
    }
  }, 120_000);
});
