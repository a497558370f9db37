// The tag stage tokenizes an item's title and summary once, for the tagger and the search terms: the same verdicts and
// the same search terms as tokenizing each for itself ("title summary" for the search terms), with either analyzer.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { parseSet } from '../../bench/labelled-sets.js';
import { indexTerms } from '../../src/tag/index-terms.js';
import { createTagStage, toItemTags } from '../../src/tag/stage.js';
import { createTagger } from '../../src/tag/tagger.js';
import type { TagInput } from '../../src/tag/types.js';
import { voikkoForTests } from './voikko-gate.js';

const dir = new URL('../fixtures/tag/', import.meta.url);
const labelled = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).flatMap((f) => parseSet(readFileSync(new URL(f, dir), 'utf8')));
const inputs: TagInput[] = [
  ...labelled.map(({ title, summary, lang, source }) => ({ title, summary, lang, source })),
  // Edge cases of joining the fields: no summary, no title, a hyphen at the seam, a letter whose lower case is longer.
  { title: 'Pelastuslain muutos', summary: null, lang: 'fi' },
  { title: '', summary: 'Hyvinvointialueiden rahoitus ja pelastustoimi', lang: 'fi' },
  { title: 'Sote-', summary: '-uudistus etenee', lang: 'fi' },
  { title: 'İstanbulin pelastuslaitos', summary: 'Räddningsverkets ändring', lang: null },
];
const now = () => new Date('2026-12-03T10:00:00Z');

function sameAsTokenizingTwice(analyzer: Analyzer): void {
  const stage = createTagStage({ analyzer, now });
  const tagger = createTagger(stage.taxonomy, { analyzer, now });
  let withTerms = 0;
  for (const input of inputs) {
    const shared = stage.tagInput(input);
    expect(shared.searchTerms, input.title).toBe(indexTerms(`${input.title} ${input.summary ?? ''}`, input.lang ?? 'fi', analyzer));
    expect(shared.tags, input.title).toEqual(toItemTags(tagger(input)));
    if (shared.searchTerms !== '') withTerms++;
  }
  expect(withTerms).toBeGreaterThan(inputs.length / 2);
}

// Every labelled set's items twice over (~9,000 taggings and tokenizations a case): seconds on a quiet machine, more
// than the default 20 s on a shared one under load, so the cases get their own bound.
const WHOLE_SETS = 120_000;

describe('one tokenization for tags and search terms', () => {
  it('gives what tokenizing twice gave, with Snowball', () => sameAsTokenizingTwice(createSnowballAnalyzer()), WHOLE_SETS);
  it.runIf(voikkoForTests('shared tokens with Voikko'))('and with Voikko', () => sameAsTokenizingTwice(createAnalyzer()), WHOLE_SETS);
});
