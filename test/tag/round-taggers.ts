// The tag stage as each round's tests check it: Snowball always, Voikko beside it where voikkoForTests allows (skipped
// loudly without libvoikko, an error when CI requires it).
import { createAnalyzer } from '../../src/tag/analyze.js';
import { createTagger, type Tagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import { voikkoForTests } from './voikko-gate.js';

/** [analyzer name, tagger] pairs for `describe.each`, the taxonomy loaded once. */
export function roundTaggers(round: string): [string, Tagger][] {
  const taxonomy = loadTaxonomy();
  const names = ['snowball', ...(voikkoForTests(`${round} with Voikko stems`) ? ['auto' as const] : [])] as const;
  return names.map((name) => [name, createTagger(taxonomy, { analyzer: createAnalyzer(name) })]);
}
