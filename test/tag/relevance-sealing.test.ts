// The relevance harness (bench/relevance-sealing.ts): the forward measurement gives a set's sealing rules only the terms
// found on sets written before it, and a miss is told apart by what the rules lacked.
import { describe, expect, it } from 'vitest';
import { addedTerms, lackOf, withAdded } from '../../bench/relevance-sealing.js';
import { DEV_SETS } from '../../bench/labelled-sets.js';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy, parseTaxonomy, shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { readFileSync } from 'node:fs';

const taxonomy = loadTaxonomy();
const added = addedTerms(taxonomy);
const without = (t: typeof taxonomy) => ({ ...t, terms: t.terms.filter((x) => !x.origin), scopeTerms: t.scopeTerms.filter((x) => !x.origin) });

describe('relevance harness', () => {
  it('reads each added term\'s origin from the taxonomy, a dev set, goal and scope terms alike', () => {
    for (const a of added) expect(DEV_SETS).toContain(a.origin);
    expect(added.find((a) => a.term.text === 'sprinklaus')).toMatchObject({ origin: 'eval-2028-07', term: { rule: 'anchor', goals: { services: 2.5 } } });
    expect(added.find((a) => a.term.text === 'hankinta')).toMatchObject({ origin: 'eval-2027-09', term: { rule: 'scope', scope: { id: 'incident', role: 'unless' } } });
    // The events scope's hankinta is older than round thirty-three: no origin, not added; the advice scope's is round
    // fifty-one's (a purchase is the rescue services' own means).
    expect(added.filter((a) => a.term.text === 'hankinta').map((a) => [a.origin, a.term.scope?.id, a.term.scope?.role]))
      .toEqual([['eval-2027-09', 'incident', 'unless'], ['eval-2028-31', 'advice', 'unless']]);
  });

  it('refuses an origin that names no dev set', () => {
    const text = readFileSync(shippedTaxonomyPath(), 'utf8').replace('sprinklaus: {w: 2.5, origin: eval-2028-07}', 'sprinklaus: {w: 2.5, origin: eval-2028-77}');
    expect(() => addedTerms(parseTaxonomy(text))).toThrow(/origin names no dev set: sprinklaus \(line \d+\): eval-2028-77/);
  });

  it('adds to older rules only the terms found before the set measured', () => {
    const old = without(taxonomy);
    const item = { title: 'Asetusluonnos: sprinklaus pakolliseksi uusiin palvelutaloihin', summary: '' };
    const before = (set: string) => (o: string) => DEV_SETS.indexOf(o) < DEV_SETS.indexOf(set);
    const tag = (t: typeof taxonomy) => createTagger(t, { analyzer: createSnowballAnalyzer(), primary: null })(item).relevant;
    expect(tag(old)).toBe(false);
    // sprinklaus was found on eval-2028-07: not on it, on eval-2028-08 after it.
    expect(tag(withAdded(old, added, before('eval-2028-07')))).toBe(false);
    expect(tag(withAdded(old, added, before('eval-2028-08')))).toBe(true);
    // A taxonomy that has the terms already gets none twice.
    expect(withAdded(taxonomy, added, () => true).terms.length).toBe(taxonomy.terms.length);
  });

  it('tells a missing word, a scope and a score just under the threshold apart', () => {
    const s = (top: number) => ({ scores: { services: top, 'welfare-reform': 0, 'internal-security': 0 } });
    expect(lackOf({ rule: {} }, s(0), 2)).toBe('vocabulary');
    expect(lackOf({ rule: {}, scale: 0.2 }, s(0.6), 2)).toBe('scope');
    expect(lackOf({ rule: {} }, s(1.5), 2)).toBe('threshold');
    expect(lackOf({ rule: {} }, s(0.5), 2)).toBe('below');
  });
});
