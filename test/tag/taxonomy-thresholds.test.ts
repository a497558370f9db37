// The taxonomy loader's checks of its thresholds, and the line it names for an unknown key. A goal's score is never
// below 0, so `thresholds.relevant: -2` made every item relevant, and was accepted; an unknown key whose value began on
// the next line (a block) was named at that next line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaxonomy, shippedTaxonomyPath } from '../../src/tag/taxonomy.js';

const shipped = readFileSync(shippedTaxonomyPath(), 'utf8');

/** The shipped taxonomy with `lines` inserted after the first line starting with `after`; and the first inserted line's number. */
function inserted(after: string, lines: string[]): [string, number] {
  const all = shipped.split('\n');
  const at = all.findIndex((l) => l.startsWith(after)) + 1;
  expect(at).toBeGreaterThan(0);
  all.splice(at, 0, ...lines);
  return [all.join('\n'), at + 1];
}

/** The shipped taxonomy with one threshold set to `value`; and its line. */
function threshold(key: string, value: string): [string, number] {
  const all = shipped.split('\n');
  const i = all.findIndex((l) => l.startsWith(`  ${key}: `));
  expect(i).toBeGreaterThan(0);
  all[i] = `  ${key}: ${value}`;
  return [all.join('\n'), i + 1];
}

describe('taxonomy thresholds', () => {
  it.each([
    ['relevant', '-2', 'must be above 0 (a goal\'s score is never below 0: every item would be relevant)'],
    ['relevant', '0', 'must be above 0 (a goal\'s score is never below 0: every item would be relevant)'],
    ['goal', '-1', 'must be above 0 (a goal\'s score is never below 0: every goal would be listed)'],
    ['goal', '0', 'must be above 0 (a goal\'s score is never below 0: every goal would be listed)'],
    ['goal_ratio', '-0.1', 'must be from 0 to 1 (a share of the leading goal\'s score)'],
    ['goal_ratio', '1.5', 'must be from 0 to 1 (a share of the leading goal\'s score)'],
    ['joint', '0', 'must be above 0 (a relevant consultation\'s score: every one would be a candidate)'],
    ['joint', '-3', 'must be above 0 (a relevant consultation\'s score: every one would be a candidate)'],
  ])('refuses thresholds.%s: %s, naming the file, line and field', (key, value, why) => {
    const [text, line] = threshold(key, value);
    expect(() => parseTaxonomy(text, 'taxonomy.yaml')).toThrow(`taxonomy.yaml:${line}: thresholds.${key} ${why}, not ${value}`);
  });

  it.each([
    ['relevant', '0.1'],
    ['goal', '0.5'],
    ['goal_ratio', '0'],
    ['goal_ratio', '1'],
    ['joint', '0.5'],
  ])('accepts thresholds.%s: %s', (key, value) => {
    const [text] = threshold(key, value);
    expect(parseTaxonomy(text, 'taxonomy.yaml').thresholds).toBeDefined();
  });

  it('refuses an unknown threshold, at its line', () => {
    const [text, line] = inserted('  joint: ', ['  relevance: 2']);
    expect(() => parseTaxonomy(text, 'taxonomy.yaml')).toThrow(`taxonomy.yaml:${line}: unknown threshold "relevance" (relevant, goal, goal_ratio, joint)`);
  });
});

describe('an unknown key whose value is a block is named at its own line', () => {
  it.each([
    ['a sub-topic key', '        label: {fi: Pelastuslaki ja pelastustoimen', ['        contxt:', '          fi: [laki]'], 'unknown sub-topic key "contxt"'],
    ['a top-level key', 'version: ', ['extra:', '  a: 1'], 'unknown top-level key "extra"'],
    ['a scope key', '    factor: 0.2', ['    unles:', '      fi: [laki]'], 'unknown scope key "unles"'],
    ['a language in a scope', '    when:', ['      en:', '        - fire'], 'scope "incident": unknown language "en" under when'],
  ])('%s', (_what, after, lines, message) => {
    const [text, line] = inserted(after, lines);
    expect(() => parseTaxonomy(text, 'taxonomy.yaml')).toThrow(`taxonomy.yaml:${line}: ${message}`);
  });
});
