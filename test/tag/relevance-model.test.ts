// The relevance model's harness (bench/relevance-model.ts): the features read the rules' reading, the fitter learns what
// the labels say and nothing a single item shows, and the bounds keep the rules' say.
import { describe, expect, it } from 'vitest';
import { countOf, featuresOf, fitRelevance, readWith, type ReadItem } from '../../bench/relevance-model.js';
import { applyRelevanceModel, relevanceFeatures, relevanceProbability, type AnyReading } from '../../src/tag/relevance-model.js';
import { rulesAt } from '../../bench/relevance-sealing.js';
import type { LabelledItem } from '../../src/tag/evaluate.js';
import type { TagResult } from '../../src/tag/types.js';

const result = (relevant: boolean, scores: Record<string, number>): TagResult => ({
  relevant,
  goals: relevant ? ['services'] : [],
  primary: relevant ? 'services' : null,
  scores,
  evidence: [],
  kind: null,
  joint: { candidate: false, score: 0, reason: '' },
  taxonomyVersion: 't',
});

/** An example with the given features, its label, and some goal point. */
const example = (x: string[], relevant: boolean, signal = true): ReadItem => ({
  item: { id: x.join(), title: '', relevant } as LabelledItem,
  x: ['bias', ...x],
  xs: ['bias', ...x],
  own: ['bias', ...x],
  terms: ['bias', ...x],
  rules: result(false, { services: signal ? 1 : 0 }),
  signal,
});

describe('relevance model harness', () => {
  it('learns a feature the labels follow, and leaves one a single item shows at nothing', () => {
    const data = [
      ...Array.from({ length: 20 }, (_, i) => example(['near', `w${i}`], true)),
      ...Array.from({ length: 20 }, (_, i) => example(['far', `v${i}`], false)),
      example(['once'], true),
    ];
    const w = fitRelevance(data, { l2: 1 });
    expect(relevanceProbability(w, ['bias', 'near'])).toBeGreaterThan(0.8);
    expect(relevanceProbability(w, ['bias', 'far'])).toBeLessThan(0.2);
    expect(w.once).toBeUndefined();
    expect(w.w0).toBeUndefined();
  });

  it('fits only on items with some goal point: the rest the model never speaks on', () => {
    const silent = Array.from({ length: 30 }, () => example(['quiet'], true, false));
    const w = fitRelevance([...silent, ...Array.from({ length: 10 }, () => example(['near'], false))]);
    expect(w.quiet).toBeUndefined();
  });

  it('makes relevant only an item with some goal point, listing the goal with most points, and drops only below dropAt', () => {
    const add = { addAt: 0.7, dropAt: 0 };
    expect(applyRelevanceModel(add, 0.99, result(false, { services: 0, 'internal-security': 0 })).relevant).toBe(false);
    expect(applyRelevanceModel(add, 0.69, result(false, { services: 1 })).relevant).toBe(false);
    expect(applyRelevanceModel(add, 0.7, result(false, { services: 0.5, 'internal-security': 1.2, 'welfare-reform': 0 }))).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    expect(applyRelevanceModel(add, 0, result(true, { services: 3 })).relevant).toBe(true);
    const drop = { addAt: 2, dropAt: 0.1 };
    expect(applyRelevanceModel(drop, 0.05, result(true, { services: 3 }))).toMatchObject({ relevant: false, goals: [], primary: null });
    expect(applyRelevanceModel(drop, 1, result(false, { services: 3 })).relevant).toBe(false);
  });

  it('reads the current rules\' reading into features: the score against the threshold, scope cuts, evidence by field', async () => {
    const now = await rulesAt('now');
    const items: LabelledItem[] = [
      { id: 'a', lang: 'fi', source: 'finlex', title: 'Pelastuslain muutos voimaan', summary: 'Pelastuslaitosten valvontatehtävät muuttuvat.', relevant: true },
      { id: 'b', lang: 'fi', source: 'poliisi', title: 'Poliisi tiedottaa liikenneonnettomuudesta', summary: '', relevant: false },
    ];
    const [a, b] = readWith(now, 'snowball', items);
    expect(a.rules.relevant).toBe(true);
    expect(a.x).toEqual(expect.arrayContaining(['bias', 'rules:relevant', 'source:finlex', 'lang:fi', 'title:points']));
    expect(a.x.some((f) => f.startsWith('ev:') && f.endsWith('@t'))).toBe(true);
    expect(a.x.some((f) => f.startsWith('stem:'))).toBe(false);
    expect(a.xs.some((f) => f.startsWith('stem:') && f.endsWith('@t'))).toBe(true);
    expect(b.x).toContain('rules:not');
    expect(new Set(a.x).size).toBe(a.x.length);
    // The features are the rules' own reading: the same item read twice gives the same list.
    const reading = now.core('snowball').read(items[0]);
    const r = now.core('snowball').finish(items[0], reading, null);
    expect(relevanceFeatures(items[0], reading, r, now.taxonomy.thresholds.relevant, now.taxonomy.fields.title)).toEqual(a.x);
  });

  // Session 52: the `own` features, so that the reading's shape does not carry a left-out item on its own.
  it('on `own` features reads no language, counts a goal only with a real point, and weighs a left-out item\'s shape apart', () => {
    const reading: AnyReading = {
      evidence: [
        { rule: 'term' as const, term: 'kiuas', field: 'title' as const, goals: { services: 1.2 } },
        { rule: 'context' as const, term: 'myynti', goals: { 'welfare-reform': 0.05 } },
      ],
      title: { services: 1.2 },
      anchored: true,
    };
    const item = { source: 'yle', lang: 'sv' };
    const not = result(false, { services: 1.2, 'welfare-reform': 0.05 });
    const before = relevanceFeatures(item, reading, not, 2, 1);
    expect(before).toEqual(expect.arrayContaining(['lang:sv', 'goals>0:2', 'title:points', 'anchored', 'source:yle', 'rule:term+']));
    const own = relevanceFeatures(item, reading, not, 2, 1, false, 'own');
    expect(own.some((f) => f.startsWith('lang:'))).toBe(false);
    expect(own).toEqual(expect.arrayContaining(['bias', 'rules:not', 'not&goals>0:1', 'not&title:points', 'not&anchored', 'not&source:yle', 'not&rule:term+', 'not&top:<0.7', 'ev:term:kiuas', 'ev:term:kiuas@t', 'ev:context:myynti']));
    expect(own.filter((f) => !f.startsWith('not&') && !f.startsWith('ev:'))).toEqual(['bias', 'rules:not']);
    // An item the rules find relevant keeps the shared shape (the rules-relevant items' weights), still without language.
    const rel = relevanceFeatures(item, reading, result(true, { services: 2.4, 'welfare-reform': 0.8 }), 2, 1, false, 'own');
    expect(rel).toEqual(expect.arrayContaining(['rules:relevant', 'goals>0:2', 'title:points', 'top:<1.5']));
    expect(rel.some((f) => f.startsWith('not&') || f.startsWith('lang:'))).toBe(false);
    // `terms`: a left-out item keeps only the intercept beside its own evidence terms; a relevant one reads as on `own`.
    const terms = relevanceFeatures(item, reading, not, 2, 1, false, 'terms');
    expect(terms).toEqual(['bias', 'rules:not', 'ev:term:kiuas', 'ev:term:kiuas@t', 'ev:context:myynti']);
    expect(relevanceFeatures(item, reading, result(true, { services: 2.4, 'welfare-reform': 0.8 }), 2, 1, false, 'terms')).toEqual(rel);
  });

  // Session 53: `terms` plus one shape feature at a time.
  it('on `terms` features with `keep`, gives a left-out item back only the shape features named', () => {
    const reading: AnyReading = { evidence: [{ rule: 'term' as const, term: 'kiuas', field: 'title' as const, goals: { services: 1.2 } }], title: { services: 1.2 }, anchored: true };
    const item = { source: 'yle', lang: 'fi' };
    const read = (r: TagResult): ReadItem => ({
      ...example([], r.relevant),
      own: relevanceFeatures(item, reading, r, 2, 1, false, 'own'),
      terms: relevanceFeatures(item, reading, r, 2, 1, false, 'terms'),
      rules: r,
    });
    const left = read(result(false, { services: 1.2 }));
    expect(featuresOf(left, { features: 'terms', keep: ['top:'] })).toEqual([...left.terms.slice(0, 2), 'not&top:<0.7', ...left.terms.slice(2)]);
    expect(featuresOf(left, { features: 'terms', keep: ['anchored', 'source:'] }).filter((f) => f.startsWith('not&')).sort()).toEqual(['not&anchored', 'not&source:yle']);
    expect(featuresOf(left, { features: 'terms' })).toEqual(left.terms);
    expect(featuresOf(left, { features: 'terms', keep: [] })).toEqual(left.terms);
    // A rules-relevant item's shape is shared whatever `keep` says.
    const kept = read(result(true, { services: 2.4 }));
    expect(featuresOf(kept, { features: 'terms', keep: ['top:'] })).toEqual(kept.terms);
  });

  it('counts relevance against the labels', () => {
    const xs = [example([], true), example([], true), example([], false), example([], false)];
    expect(countOf(xs, (r) => r.item.relevant)).toEqual({ tp: 2, fp: 0, fn: 0 });
    expect(countOf(xs, () => true)).toEqual({ tp: 2, fp: 2, fn: 0 });
    expect(countOf(xs, () => false)).toEqual({ tp: 0, fp: 0, fn: 2 });
  });
});

describe('relevance model file', () => {
  it('is fitted for the shipped taxonomy, with weights for both analyzers, and says so when it is not', async () => {
    const { loadTaxonomy } = await import('../../src/tag/taxonomy.js');
    const { readRelevanceModelFile, relevanceModelFor, shippedRelevanceModelPath } = await import('../../src/tag/relevance-model.js');
    const taxonomy = loadTaxonomy();
    const file = readRelevanceModelFile(shippedRelevanceModelPath());
    expect(file.taxonomyVersion).toBe(taxonomy.version);
    expect(Object.keys(file.weights).sort()).toEqual(['snowball', 'voikko']);
    expect(relevanceModelFor(taxonomy, 'snowball', file).model?.weights).toBe(file.weights.snowball);
    const stale = relevanceModelFor({ ...taxonomy, version: 'old' }, 'snowball');
    expect(stale.model).toBeNull();
    expect(stale.reason).toContain(shippedRelevanceModelPath());
    expect(stale.reason).toMatch(/fitted for taxonomy .* not old: the rules alone decide relevance/);
    expect(relevanceModelFor(taxonomy, 'other', file).model).toBeNull();
  });

  it('applies a model on the features it was fitted on (options.features)', async () => {
    const { applyShippedRelevance, relevanceModelFor } = await import('../../src/tag/relevance-model.js');
    const now = await rulesAt('now');
    const core = now.core('snowball');
    const item = { title: 'Kiukaiden myynti kasvoi joulukuussa', summary: 'Kauppa kävi erityisesti verkossa.', source: 'yle' };
    const reading = core.read(item);
    const rules = core.finish(item, reading, null);
    expect(rules.relevant).toBe(false);
    // Weights only an `own` reading of a left-out item shows: the model says yes only when it reads `own` features.
    const file = {
      taxonomyVersion: now.taxonomy.version,
      options: { addAt: 0.5, dropAt: 0, l2: 3, support: 3, training: '', features: 'own' as const },
      sets: [],
      weights: { snowball: { bias: -5, 'not&source:yle': 10 } },
    };
    const model = relevanceModelFor(now.taxonomy, 'snowball', file).model!;
    expect(model.features).toBe('own');
    expect(applyShippedRelevance(model, now.taxonomy, item, reading, rules).relevant).toBe(true);
    expect(applyShippedRelevance({ ...model, features: undefined }, now.taxonomy, item, reading, rules).relevant).toBe(false);
  });

  it('refuses a file that is not a relevance model, naming it', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readRelevanceModelFile } = await import('../../src/tag/relevance-model.js');
    const path = join(mkdtempSync(join(tmpdir(), 'relmodel-')), 'relevance-model.json');
    writeFileSync(path, JSON.stringify({ taxonomyVersion: 'x', weights: {} }));
    expect(() => readRelevanceModelFile(path)).toThrow(`${path}: not a relevance model`);
  });

  it('never makes relevant an item with no goal point, however sure the weights', async () => {
    const { applyShippedRelevance } = await import('../../src/tag/relevance-model.js');
    const now = await rulesAt('now');
    const core = now.core('snowball');
    const item = { title: 'Kunnan kirjasto avaa uuden lukusalin', summary: 'Aukioloajat pitenevät.' };
    const reading = core.read(item);
    const rules = core.finish(item, reading, null);
    expect(Math.max(0, ...Object.values(rules.scores))).toBe(0);
    const sure = { taxonomyVersion: now.taxonomy.version, weights: { bias: 50 }, bounds: { addAt: 0.5, dropAt: 0.5 } };
    expect(applyShippedRelevance(sure, now.taxonomy, item, reading, rules).relevant).toBe(false);
    const pointed = { title: 'Pelastuslaitos kertoo', summary: '' };
    const r2 = core.read(pointed);
    const f2 = core.finish(pointed, r2, null);
    if (!f2.relevant && Math.max(0, ...Object.values(f2.scores)) > 0) {
      const out = applyShippedRelevance(sure, now.taxonomy, pointed, r2, f2);
      expect(out.relevant).toBe(true);
      expect(out.evidence.at(-1)).toMatchObject({ rule: 'model', term: expect.stringMatching(/^relevant p 1\.00$/) });
    }
  });

  // Session 51: the three bounds of the shipped hook, each seen failing without its part of applyShippedRelevance.
  it('gives an item it adds the primary-goal model\'s goal, not merely the one with most points', async () => {
    const { applyShippedRelevance } = await import('../../src/tag/relevance-model.js');
    const { primaryModelFor } = await import('../../src/tag/primary-model.js');
    const { loadSet } = await import('../../bench/labelled-sets.js');
    const now = await rulesAt('now');
    const core = now.core('snowball');
    // c055: the defence forces ready to help put out terrain fires; the rules' points lead with services.
    const item = loadSet('eval-2028-11').find((i) => i.id === 'c055')!;
    const reading = core.read(item);
    const rules = core.finish(item, reading, null);
    expect(rules.relevant).toBe(false);
    expect(rules.scores.services).toBeGreaterThan(rules.scores['internal-security']);
    const sure = { taxonomyVersion: now.taxonomy.version, weights: { bias: 50 }, bounds: { addAt: 0.5, dropAt: 0 } };
    const primary = primaryModelFor(now.taxonomy, 'snowball').model!;
    expect(applyShippedRelevance(sure, now.taxonomy, item, reading, rules)).toMatchObject({ relevant: true, goals: ['services'] });
    expect(applyShippedRelevance(sure, now.taxonomy, item, reading, rules, primary)).toMatchObject({ relevant: true, goals: ['internal-security'], primary: 'internal-security' });
  });

  it('adds nothing its evidence terms do not speak for, with evidenceAbove, and leaves an item learned weights reach alone', async () => {
    const { applyShippedRelevance } = await import('../../src/tag/relevance-model.js');
    const now = await rulesAt('now');
    const core = now.core('snowball');
    const item = { title: 'Kiukaiden myynti kasvoi joulukuussa', summary: 'Kauppa kävi erityisesti verkossa.', source: 'yle' };
    const reading = core.read(item);
    const rules = core.finish(item, reading, null);
    expect(rules.relevant).toBe(false);
    const term = reading.evidence.find((e) => e.rule === 'term')!;
    const bounds = { addAt: 0.5, dropAt: 0, evidenceAbove: 0 };
    const shape = { taxonomyVersion: now.taxonomy.version, weights: { bias: 50 }, bounds };
    expect(applyShippedRelevance(shape, now.taxonomy, item, reading, rules).relevant).toBe(false);
    const said = { ...shape, weights: { bias: 50, [`ev:term:${term.term}`]: 0.5 } };
    expect(applyShippedRelevance(said, now.taxonomy, item, reading, rules).relevant).toBe(true);
    const reviewed = { ...rules, evidence: [...rules.evidence, { rule: 'learned' as const, term: 'kiuas', goals: { services: -1 } }] };
    expect(applyShippedRelevance(said, now.taxonomy, item, reading, reviewed).relevant).toBe(false);
  });
});
