// The analyses of the taxonomy's words kept beside the taxonomy cache: used only by the same analyzer on the same
// words, ignored when corrupt, another's or unwritable, and never changing a verdict.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analysisDependencies, createAnalyzer, createSnowballAnalyzer, voikkoAvailable, voikkoInstall, type Analyzer } from '../../src/tag/analyze.js';
import { libraryFile, voikkoLibrary } from '../../src/tag/voikko.js';
import { parseSet } from '../../bench/labelled-sets.js';
import { titleOnlySources } from '../../src/config/sources.js';
import { createTagStage, type Reviewed } from '../../src/tag/stage.js';
import { analysesCacheFile, primeAnalyzer, useTaxonomyCache } from '../../src/tag/taxonomy-cache.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import { voikkoForTests } from './voikko-gate.js';

let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-analysis-cache-'));
  useTaxonomyCache(path.join(dir, 'db.sqlite.taxonomy-cache.json'));
  file = analysesCacheFile()!;
});
afterEach(() => {
  useTaxonomyCache(null);
  fs.rmSync(dir, { recursive: true, force: true });
});

const taxonomy = loadTaxonomy();
const stored = () => JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; analyses: [string, string, { key: string }][] };

/** Keep the analyses of `analyzer`, then mark one stored word so a hit shows. */
function keepMarked(analyzer: Analyzer, word = 'pelastustoimi'): void {
  primeAnalyzer(taxonomy, analyzer, () => analysisDependencies(analyzer))();
  const s = stored();
  const entry = s.analyses.find((e) => e[0] === 'fi' && e[1] === word)!;
  expect(entry, word).toBeDefined();
  entry[2].key = 'MARKED';
  fs.writeFileSync(file, JSON.stringify(s));
}

describe('analyses of the taxonomy words beside the taxonomy cache', () => {
  it('are kept after a first build and fill a fresh analyzer of the same kind', () => {
    expect(file).toBe(path.join(dir, 'db.sqlite.taxonomy-cache.analyses.json'));
    createTagStage({ analyzer: createSnowballAnalyzer() });
    const words = stored().analyses.map((e) => e[1]);
    expect(words).toContain('pelastustoimi');
    expect(words.length).toBeGreaterThan(200);
    keepMarked(createSnowballAnalyzer());
    const fresh = createSnowballAnalyzer();
    primeAnalyzer(taxonomy, fresh, () => analysisDependencies(fresh));
    expect(fresh.analyze('pelastustoimi', 'fi').key).toBe('MARKED');
    expect(fresh.analyze('pelastustoimen', 'fi').key).not.toBe('MARKED');
  });

  it('are not used for other words, another analyzer or with the cache off', () => {
    keepMarked(createSnowballAnalyzer());
    const other = createSnowballAnalyzer();
    primeAnalyzer({ ...taxonomy, terms: taxonomy.terms.slice(1) }, other, () => analysisDependencies(other));
    expect(other.analyze('pelastustoimi', 'fi').key).not.toBe('MARKED');
    // Same words and name, another analyzer's code or package: another key.
    const a = createSnowballAnalyzer();
    expect(analysisDependencies(a)).toBe(analysisDependencies(createSnowballAnalyzer()));
    const renamed: Analyzer = { ...a, name: 'voikko' };
    expect(analysisDependencies(renamed)).not.toBe(analysisDependencies(a));
    primeAnalyzer(taxonomy, renamed, () => analysisDependencies(renamed));
    expect(a.analyze('pelastustoimi', 'fi').key).not.toBe('MARKED');
    keepMarked(createSnowballAnalyzer());
    useTaxonomyCache(null);
    const off = createSnowballAnalyzer();
    primeAnalyzer(taxonomy, off, () => analysisDependencies(off))();
    expect(off.analyze('pelastustoimi', 'fi').key).not.toBe('MARKED');
  });

  it('miss when a Voikko library or dictionary is installed, changed or removed', () => {
    const lib = path.join(dir, 'libvoikko.so.1');
    const dict = path.join(dir, 'dict');
    const env = { HOME: dir, LAKIVAHTI_VOIKKO_LIB: lib, VOIKKO_DICTIONARY_PATH: dict };
    const none = voikkoInstall(env);
    fs.writeFileSync(lib, 'lib');
    const withLib = voikkoInstall(env);
    expect(withLib).not.toBe(none);
    fs.mkdirSync(path.join(dict, '5', 'mor-standard'), { recursive: true });
    fs.writeFileSync(path.join(dict, '5', 'mor-standard', 'mor.vfst'), 'dictionary 1');
    const withDict = voikkoInstall(env);
    expect(withDict).not.toBe(withLib);
    fs.writeFileSync(path.join(dict, '5', 'mor-standard', 'mor.vfst'), 'dictionary 2, longer');
    expect(voikkoInstall(env)).not.toBe(withDict);
    fs.rmSync(dict, { recursive: true });
    fs.rmSync(lib);
    expect(voikkoInstall(env)).toBe(none);
  });

  it('names the Voikko library file the dynamic loader maps, the one openVoikko uses', () => {
    expect(libraryFile('/some/where/libvoikko.so.1')).toBe('/some/where/libvoikko.so.1');
    expect(libraryFile('libnothing-here.so.1')).toBeNull();
    if (!voikkoAvailable()) return;
    const file = libraryFile(voikkoLibrary({}));
    expect(file).toMatch(/\/libvoikko\.so[.\d]*$/);
    expect(voikkoInstall({ HOME: dir })).toContain(`${file} `);
  });

  it('a corrupt file, a file of the wrong shape or an unwritable folder is ignored and never fails a build', () => {
    fs.writeFileSync(file, '{"key": "x", "analy');
    const tagged = createTagStage({ analyzer: createSnowballAnalyzer() }).tagInput({ title: 'Pelastustoimen rahoitus', summary: '', lang: 'fi' } as never);
    expect(stored().analyses.length).toBeGreaterThan(200); // mended
    // The right key with an analysis of the wrong shape: analyzed afresh, not used.
    const s = stored();
    s.analyses[0][2] = { key: 7 } as never;
    fs.writeFileSync(file, JSON.stringify(s));
    const wrong = createSnowballAnalyzer();
    primeAnalyzer(taxonomy, wrong, () => analysisDependencies(wrong));
    expect(typeof wrong.analyze(s.analyses[0][1], s.analyses[0][0] as 'fi').key).toBe('string');
    // A cache path whose folder is a file: nothing can be written or read, the build tags the same.
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    useTaxonomyCache(path.join(blocker, 'db.sqlite.taxonomy-cache.json'));
    const again = createTagStage({ analyzer: createSnowballAnalyzer() }).tagInput({ title: 'Pelastustoimen rahoitus', summary: '', lang: 'fi' } as never);
    expect(again).toEqual(tagged);
    expect(fs.existsSync(analysesCacheFile()!)).toBe(false);
    // What the analyses depend on cannot be read: no cache, and no failure.
    useTaxonomyCache(path.join(dir, 'db.sqlite.taxonomy-cache.json'));
    fs.rmSync(file);
    const unknown = createSnowballAnalyzer();
    expect(() => primeAnalyzer(taxonomy, unknown, () => { throw new Error('ENOENT: analyze.js'); })()).not.toThrow();
    expect(fs.existsSync(file)).toBe(false);
  });
});

const labelled = ['dev.jsonl', 'eval-2026-12.jsonl', 'eval-2027-05.jsonl', 'eval-2027-06.jsonl', 'hard-heldout.jsonl', 'unseen.jsonl']
  .flatMap((name) => parseSet(fs.readFileSync(new URL(`../fixtures/tag/${name}`, import.meta.url), 'utf8')));
const reviewed: Reviewed[] = parseSet(fs.readFileSync(new URL('../fixtures/tag/round4-dev.jsonl', import.meta.url), 'utf8')).map((i) => ({
  relevant: i.relevant, goals: i.goals ?? (i.primary ? [i.primary] : []), rejected: [], primary: i.primary ?? null,
  title: i.title, summary: i.summary ?? '', sourceId: i.source ?? 'test', language: i.lang ?? 'fi', kind: i.kind ?? 'news',
  organisation: i.organisation ?? null, deadline: i.deadline ?? null, consultation: i.consultation ?? null,
} as Reviewed));

function tagAll(make: () => Analyzer, cache: boolean): unknown[] {
  if (!cache) useTaxonomyCache(null);
  const stage = createTagStage({ analyzer: make(), reviewed, now: () => new Date('2027-03-01T00:00:00Z'), titleOnly: titleOnlySources() });
  return labelled.map((i) => stage.tagInput(i));
}

describe.each([
  ['Snowball', createSnowballAnalyzer, true],
  ['Voikko', () => createAnalyzer(), voikkoForTests('the Voikko analysis cache test')],
] as const)('a tagger filled from the cache (%s)', (name, make, run) => {
  it.runIf(run)('tags the labelled sets as one that analyzed every word itself', () => {
    tagAll(make, true); // keeps the analyses
    const keptAt = fs.statSync(file).mtimeMs;
    const key = stored().key;
    const fromCache = tagAll(make, true);
    expect(fs.statSync(file).mtimeMs).toBe(keptAt); // a hit: not written again
    expect(stored().key).toBe(key);
    expect(make().name).toBe(name.toLowerCase());
    expect(fromCache).toEqual(tagAll(make, false));
  }, 120_000);
});
