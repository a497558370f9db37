// The parsed taxonomy kept beside the database: a hit only for the same file, text and loader, never a stale or an
// unvalidated taxonomy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { throughCache, useTaxonomyCache } from '../../src/tag/taxonomy-cache.js';
import { loaderId, loadTaxonomy, parseTaxonomy, shippedTaxonomyPath } from '../../src/tag/taxonomy.js';

let dir: string;
let cache: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-taxonomy-cache-'));
  cache = path.join(dir, 'db.sqlite.taxonomy-cache.json');
  useTaxonomyCache(cache);
});
afterEach(() => {
  useTaxonomyCache(null);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** throughCache with a parse that counts its calls. */
function counting(): { parses: number; load(text: string, loader?: string, file?: string): unknown } {
  const c = {
    parses: 0,
    load: (text: string, loader = 'loader 1', file = '/feeds/taxonomy.yaml') =>
      throughCache(text, file, () => loader, () => (c.parses++, { text, list: [1, 'a', { b: null }] })),
  };
  return c;
}

describe('taxonomy cache', () => {
  it('parses once and then answers from the file, with an equal value', () => {
    const c = counting();
    const first = c.load('version: 1');
    expect(c.parses).toBe(1);
    expect(fs.existsSync(cache)).toBe(true);
    expect(c.load('version: 1')).toEqual(first);
    expect(c.parses).toBe(1);
  });

  it('parses again when the text, the loader or the file changes, and keeps the newest', () => {
    const c = counting();
    c.load('version: 1');
    expect(c.load('version: 2')).toEqual({ text: 'version: 2', list: [1, 'a', { b: null }] });
    expect(c.parses).toBe(2);
    c.load('version: 2', 'loader 2');
    expect(c.parses).toBe(3);
    c.load('version: 2', 'loader 2', '/other/taxonomy.yaml');
    expect(c.parses).toBe(4);
    c.load('version: 2', 'loader 2', '/other/taxonomy.yaml');
    expect(c.parses).toBe(4);
    c.load('version: 1');
    expect(c.parses).toBe(5);
  });

  it('parses when the cache file is unreadable or not its own, and mends it', () => {
    const c = counting();
    fs.writeFileSync(cache, '{"key": "x", "val');
    c.load('version: 1');
    expect(c.parses).toBe(1);
    c.load('version: 1');
    expect(c.parses).toBe(1);
    fs.writeFileSync(cache, JSON.stringify({ key: 'someone else', value: { text: 'stale' } }));
    expect(c.load('version: 1')).toEqual({ text: 'version: 1', list: [1, 'a', { b: null }] });
    expect(c.parses).toBe(2);
  });

  it('keeps nothing that JSON would change, and nothing when it is off', () => {
    let parses = 0;
    const parse = () => (parses++, { at: new Date(0) });
    throughCache('t', 'f', () => 'l', parse);
    throughCache('t', 'f', () => 'l', parse);
    expect(parses).toBe(2);
    expect(fs.existsSync(cache)).toBe(false);
    useTaxonomyCache(null);
    const c = counting();
    c.load('version: 1');
    c.load('version: 1');
    expect(c.parses).toBe(2);
    expect(fs.existsSync(cache)).toBe(false);
  });

  it('loads the same taxonomy as a parse, and a file broken after it was cached fails with its line', () => {
    const feeds = path.join(dir, 'feeds');
    fs.mkdirSync(feeds);
    const file = path.join(feeds, 'taxonomy.yaml');
    const text = fs.readFileSync(shippedTaxonomyPath(), 'utf8');
    fs.writeFileSync(file, text);
    const parsed = parseTaxonomy(text, file);
    expect(loadTaxonomy(feeds)).toEqual(parsed);
    expect(JSON.parse(fs.readFileSync(cache, 'utf8')).value).toEqual(parsed);
    expect(loadTaxonomy(feeds)).toEqual(parsed);
    const lines = text.split('\n');
    const at = lines.findIndex((l) => /^version:/.test(l));
    lines.splice(at + 1, 0, 'surprise: 1');
    fs.writeFileSync(file, lines.join('\n'));
    expect(() => loadTaxonomy(feeds)).toThrow(`${file}:${at + 2}: unknown top-level key "surprise"`);
    expect(() => loadTaxonomy(feeds)).toThrow('unknown top-level key');
  });

  it("keys the taxonomy's parse on the yaml library's version too, since a new one may read the same text differently", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join('node_modules', 'yaml', 'package.json'), 'utf8')) as { version: string };
    expect(loaderId()).toContain(`\0yaml ${version}`);
    expect(loaderId()).toContain('export function parseTaxonomy');
  });
});
