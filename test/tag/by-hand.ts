// Taxonomy terms written by hand for the tag tests' small taxonomies (match.mutation, matching.mutation).
import { termFeatureKey } from '../../src/tag/tagger.js';
import type { LearnedWeights, TermDef } from '../../src/tag/types.js';

export const label = { fi: 'x', sv: 'x' };
let line = 0;

/** A Finnish term with the given rule and weights; `extra` overrides any other field. */
export const term = (text: string, rule: TermDef['rule'], goals: Record<string, number>, extra: Partial<TermDef> = {}): TermDef => ({
  text, lang: 'fi', goals, rule, exact: false, caseSensitive: false, subtopic: null, line: ++line, ...extra,
});

/** Learned weights written by a term's text (`term:paloasema`), keyed as the tagger keys the terms of `terms`. */
export const byTerm = (terms: TermDef[], weights: LearnedWeights['weights']): LearnedWeights['weights'] =>
  Object.fromEntries(Object.entries(weights).map(([k, v]) => {
    const t = k.startsWith('term:') ? terms.find((d) => d.text === k.slice(5)) : undefined;
    return [t ? termFeatureKey(t) : k, v];
  }));
