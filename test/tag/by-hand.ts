// Taxonomy terms written by hand for the tag tests' small taxonomies (match.mutation, matching.mutation).
import type { TermDef } from '../../src/tag/types.js';

export const label = { fi: 'x', sv: 'x' };
let line = 0;

/** A Finnish term with the given rule and weights; `extra` overrides any other field. */
export const term = (text: string, rule: TermDef['rule'], goals: Record<string, number>, extra: Partial<TermDef> = {}): TermDef => ({
  text, lang: 'fi', goals, rule, exact: false, caseSensitive: false, subtopic: null, line: ++line, ...extra,
});
