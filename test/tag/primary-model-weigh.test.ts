// The primary-goal model's two ways of weighing an item's candidates (src/tag/primary-model.ts): the tagger's, which
// sums weights without building the features' names, and `choose` over `candidates`' strings (what bench:primary fits
// on) must give the same goal with the same probability to the bit, on every dev item with two or more candidates.
import { describe, expect, it } from 'vitest';
import { loadSets } from '../../bench/labelled-sets.js';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { applyPrimaryModel, candidates, choose, primaryModelFor, type PrimaryModel } from '../../src/tag/primary-model.js';
import { createTaggerCore } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { TagResult } from '../../src/tag/types.js';

describe('primary-goal model weighing', () => {
  it('gives the probability choose gives over candidates(), to the bit (a margin of exactly p replaces, one just above does not)', () => {
    const taxonomy = loadTaxonomy();
    const core = createTaggerCore(taxonomy, { analyzer: createSnowballAnalyzer() });
    const { model } = primaryModelFor(taxonomy, 'snowball');
    expect(model).not.toBeNull();
    const copy = (r: TagResult): TagResult => ({ ...r, goals: [...r.goals], evidence: [...r.evidence] });
    let checked = 0;
    for (const [, items] of loadSets()) {
      for (const item of items) {
        const reading = core.read(item);
        const rules = core.finish(item, reading, null);
        if (!rules.relevant || rules.goals.length < 2) continue;
        const c = candidates(reading, rules, taxonomy.thresholds.relevant, taxonomy.fields.title);
        if (c.goals.length < 2) continue;
        const { goal, p } = choose(model!.weights, c);
        if (goal === rules.primary || !rules.goals.includes(goal)) continue;
        const at = (margin: number): string | null => applyPrimaryModel({ ...model!, margin } as PrimaryModel, taxonomy, reading, copy(rules)).primary;
        expect(at(p), item.title).toBe(goal);
        expect(at(p * (1 + 2 ** -52) + Number.MIN_VALUE), item.title).toBe(rules.primary);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  }, 120_000);
});
