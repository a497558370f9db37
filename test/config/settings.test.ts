// A mistyped setting (`LAKIVAHTI_CONCURENCY=4`) was ignored without a word; each command now names it on stderr, with
// the setting it is nearest to. The list of settings is checked against what src/ reads, and the tests' own against
// what test/ and bench/ read, so neither drifts.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { SETTINGS, TEST_SETTINGS, unknownSettings } from '../../src/config/settings.js';
import { rootDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';

/** The LAKIVAHTI_* names the .ts and .js files under `dir` mention (not error codes such as ELAKIVAHTI_REFUSED). */
function namesIn(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of fs.readdirSync(path.join(rootDir, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(ts|js|mjs)$/.test(entry.name) || /^settings(\.test)?\.ts$/.test(entry.name)) continue;
    const text = fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8');
    for (const m of text.matchAll(/\bLAKIVAHTI_[A-Z0-9_]*[A-Z0-9]/g)) names.add(m[0]);
  }
  return names;
}

describe('the settings Lakivahti reads', () => {
  it('lists every variable src/ reads, and none it does not', () => {
    const read = namesIn('src');
    expect([...read].filter((n) => !SETTINGS.includes(n))).toEqual([]);
    expect(SETTINGS.filter((n) => !read.has(n))).toEqual([]);
  });

  it('lists every variable the tests and benchmarks read beside them', () => {
    const read = new Set([...namesIn('test'), ...namesIn('bench')]);
    const own = [...read].filter((n) => !SETTINGS.includes(n) && n !== 'LAKIVAHTI_X');
    expect(own.filter((n) => !TEST_SETTINGS.includes(n))).toEqual([]);
  });

  it.each<[string, string]>([
    ['LAKIVAHTI_CONCURENCY', 'LAKIVAHTI_CONCURENCY is not a setting Lakivahti reads, so it is ignored; did you mean LAKIVAHTI_CONCURRENCY?'],
    ['LAKIVATHI_DB', 'LAKIVATHI_DB is not a setting Lakivahti reads, so it is ignored; did you mean LAKIVAHTI_DB?'],
    ['lakivahti_feeds', 'lakivahti_feeds is not a setting Lakivahti reads, so it is ignored; did you mean LAKIVAHTI_FEEDS?'],
    ['LAKIVAHTI_DATABASE', 'LAKIVAHTI_DATABASE is not a setting Lakivahti reads, so it is ignored (the settings: README.md, Configuration)'],
  ])('names %s', (name, said) => {
    expect(unknownSettings({ [name]: '1', PATH: '/bin', LAKIVAHTI_DB: 'x' })).toEqual([said]);
  });

  it('says nothing of the settings, the tests\' own, or other programs\' variables', () => {
    expect(unknownSettings({ ...Object.fromEntries([...SETTINGS, ...TEST_SETTINGS].map((n) => [n, '1'])), LANG: 'fi_FI.UTF-8', LAKKO: '1' })).toEqual([]);
  });

  it('a command names a mistyped one on stderr and runs as it would without it', async () => {
    const r = await run(['sources', '--db', '/nonexistent/x.sqlite'], { env: { LAKIVAHTI_CONCURENCY: '4' } });
    expect(r.err.split('\n')[0]).toBe('lakivahti: LAKIVAHTI_CONCURENCY is not a setting Lakivahti reads, so it is ignored; did you mean LAKIVAHTI_CONCURRENCY?');
    expect(r.code).toBe(1);
  });
});
