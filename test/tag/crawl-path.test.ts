// What the bench measures is what a crawl stores: an item from a feed that declares no itemKind (stored as news, its
// source the feed's, its language guessed) gets the verdict the labelled sets measure for the same text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { parseSet } from '../../bench/labelled-sets.js';
import { toTagInput } from '../../src/tag/stage.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import { detectLanguage } from '../../src/normalize/language.js';

const taxonomy = loadTaxonomy();
const tag = createTagger(taxonomy, { analyzer: createSnowballAnalyzer() });

describe('the crawl path of a generic feed', () => {
  // Dev sets (never a sealed one); before session 29 a generic feed's news weighed 0.95 and 5 of eval-2027-09's
  // unreviewed half (k040 "Hyvinvointialueen investointisuunnitelma …", k074 the fire-investigation database) differed.
  it.each(['eval-2027-08.jsonl', 'eval-2027-09.jsonl'])('%s: the stored verdict is the measured one', (file) => {
    const items = parseSet(readFileSync(new URL(`../fixtures/tag/${file}`, import.meta.url), 'utf8'));
    const differ = items.filter((it) => {
      const measured = tag({ ...it, source: 'eval', organisation: null, kind: undefined });
      const stored = tag(toTagInput({
        title: it.title, summary: it.summary ?? '', sourceId: 'eval', kind: 'news', organisation: null, deadline: null, consultation: null,
        language: detectLanguage(`${it.title} ${it.summary ?? ''}`, 'fi'),
      }));
      return measured.relevant !== stored.relevant || measured.goals.join() !== stored.goals.join();
    });
    expect(differ.map((it) => `${it.id} ${it.title}`)).toEqual([]);
  });
});
