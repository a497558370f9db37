// The tagger's scoring on a taxonomy small enough to add up by hand (written against the survivors of
// `npm run test:mutation -- match`): a goal's score is the sum over the terms found of weight × field factor (title
// 1, summary 0.5; a term counts once, in its best field); context terms count only on an anchored item (one whose
// anchors outweigh its negative terms for some goal); negative terms subtract; priors add; the item kind multiplies a
// positive score; scores are rounded to hundredths and never below 0. An item is relevant at 3; besides the
// main goal, a goal is listed from 2 points and half the main goal's score. Learned weights add weight × field factor,
// at most `bound` per goal, times the scope rules' share.
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import type { LearnedWeights, TagInput, Taxonomy } from '../../src/tag/types.js';
import { byTerm, label, term } from './by-hand.js';

const A = 'services';
const B = 'internal-security';
const C = 'welfare-reform';
const taxonomy: Taxonomy = {
  version: 'by-hand',
  goals: [A, B, C].map((id) => ({ id, label, subtopics: [] })),
  terms: [
    term('paloasema', 'anchor', { [A]: 3 }),
    term('poliisi', 'anchor', { [B]: 2, [A]: 1 }),
    term('hyvinvointialue', 'anchor', { [C]: 2 }),
    term('kalusto', 'context', { [A]: 1 }),
    term('sairaala', 'negative', { [A]: 3 }),
    term('sisäinen turvallisuus', 'anchor', { [B]: 3 }),
    term('KEJO', 'anchor', { [A]: 2 }, { exact: true, caseSensitive: true }),
  ],
  priors: [
    { source: 'pelastus', organisation: null, goals: { [A]: 1 }, requiresEvidence: true, label: 'Pelastus' },
    { source: null, organisation: 'sisäministeriö', goals: { [B]: 1 }, requiresEvidence: false, label: 'Sisäministeriö' },
  ],
  // Items naming metsä keep a fifth of their score unless they also name a law.
  scopes: [{ id: 'forest', label, factor: 0.2, byField: false, titleOnly: false, together: {}, conditional: null, line: 90 }],
  scopeTerms: [
    term('metsä', 'scope', {}, { scope: { id: 'forest', role: 'when' } }),
    term('laki', 'scope', {}, { scope: { id: 'forest', role: 'unless' } }),
  ],
  kinds: { bill: 1.5 },
  fields: { title: 1, summary: 0.5 },
  thresholds: { relevant: 3, goal: 2, goalRatio: 0.5, joint: 4 },
  jointRecipients: [],
  file: 'by-hand',
};
const analyzer = createSnowballAnalyzer();
const tag = createTagger(taxonomy, { analyzer });
const scores = (i: TagInput) => tag({ lang: 'fi', ...i }).scores;

describe('tagger: points as the taxonomy defines them', () => {
  it('adds weight × field factor, once per term in its best field', () => {
    expect(scores({ title: 'Paloasema valmistui' })).toEqual({ [A]: 3, [B]: 0, [C]: 0 });
    expect(scores({ title: 'Uutinen', summary: 'Paloasema valmistui.' })).toEqual({ [A]: 1.5, [B]: 0, [C]: 0 });
    expect(scores({ title: 'Paloasema', summary: 'Uusi paloasema.' })).toEqual({ [A]: 3, [B]: 0, [C]: 0 });
    expect(scores({ title: 'Uutinen', summary: 'Paloasema ja paloasema.' })).toEqual({ [A]: 1.5, [B]: 0, [C]: 0 });
  });

  it('gives a term its weight for each goal it names', () => {
    expect(scores({ title: 'Poliisi partioi' })).toEqual({ [A]: 1, [B]: 2, [C]: 0 });
  });

  it('counts context words only on an item with an anchor that its negative terms do not cancel', () => {
    expect(scores({ title: 'Kalusto uusitaan' })).toEqual({ [A]: 0, [B]: 0, [C]: 0 });
    expect(scores({ title: 'Paloaseman kalusto uusitaan' })).toEqual({ [A]: 4, [B]: 0, [C]: 0 });
    // Anchor 3 − negative 3: not anchored, so kalusto adds nothing; 0 is the floor.
    expect(scores({ title: 'Sairaalan paloasema ja kalusto' })).toEqual({ [A]: 0, [B]: 0, [C]: 0 });
    // An anchor for another goal anchors the item: 3 − 3 + 1 for A, 2 for C.
    expect(scores({ title: 'Sairaalan paloasema, kalusto ja hyvinvointialue' })).toEqual({ [A]: 1, [B]: 0, [C]: 2 });
  });

  it('subtracts negative terms with their field factor', () => {
    expect(scores({ title: 'Paloasema ja poliisi', summary: 'Sairaala.' })).toEqual({ [A]: 2.5, [B]: 2, [C]: 0 });
  });

  it('adds a source prior only to an anchored item, an organisation prior that needs no evidence always', () => {
    expect(scores({ title: 'Uutinen', source: 'pelastus' })).toEqual({ [A]: 0, [B]: 0, [C]: 0 });
    expect(scores({ title: 'Paloasema', source: 'pelastus' })).toEqual({ [A]: 4, [B]: 0, [C]: 0 });
    expect(scores({ title: 'Uutinen', source: 'muu' })).toEqual({ [A]: 0, [B]: 0, [C]: 0 });
    expect(scores({ title: 'Uutinen', organisation: 'Sisäministeriö, pelastusosasto' })).toEqual({ [A]: 0, [B]: 1, [C]: 0 });
    const e = tag({ title: 'Uutinen', organisation: 'Sisäministeriö' }).evidence;
    expect(e).toEqual([{ rule: 'prior', term: 'Sisäministeriö', field: 'organisation', goals: { [B]: 1 } }]);
    expect(tag({ title: 'Paloasema', source: 'pelastus' }).evidence.find((x) => x.rule === 'prior')).toEqual({ rule: 'prior', term: 'Pelastus', field: 'source', goals: { [A]: 1 } });
  });

  it('multiplies positive scores by the kind factor, and says so in the evidence', () => {
    const r = tag({ title: 'Paloasema ja poliisi', summary: 'Sairaala ja hyvinvointialue', kind: 'bill' });
    // A: (3 + 1 − 1.5) × 1.5, B: 2 × 1.5, C: 1 × 1.5.
    expect(r.scores).toEqual({ [A]: 3.75, [B]: 3, [C]: 1.5 });
    expect(r.evidence.filter((e) => e.rule === 'kind')).toEqual([{ rule: 'kind', term: 'bill ×1.5', goals: {} }]);
    expect(tag({ title: 'Paloasema', kind: 'statute' }).evidence.some((e) => e.rule === 'kind')).toBe(false);
  });

  it('matches a phrase as one term and a case-sensitive acronym only as written', () => {
    const r = tag({ title: 'Sisäinen turvallisuus paranee', lang: 'fi' });
    expect(r.scores[B]).toBe(3);
    expect(r.evidence.filter((e) => e.rule === 'phrase')).toEqual([{ rule: 'phrase', term: 'sisäinen turvallisuus', field: 'title', match: 'Sisäinen turvallisuus', goals: { [B]: 3 } }]);
    expect(scores({ title: 'Turvallisuus sisäinen' })[B]).toBe(0);
    expect(scores({ title: 'KEJOn käyttöönotto' })[A]).toBe(2);
    expect(scores({ title: 'Kejon käyttöönotto' })[A]).toBe(0);
  });

  it('keeps the item\'s id', () => {
    expect(tag({ id: 'x-1', title: 'Paloasema' }).id).toBe('x-1');
    expect('id' in tag({ title: 'Paloasema' })).toBe(false);
  });

  it('weighs a negative term by its field when deciding whether the item is anchored', () => {
    // A: anchor 3 (title) − negative 3 × 0.5 (summary) = 1.5 > 0: anchored, so kalusto counts: 3 + 1 − 1.5.
    expect(scores({ title: 'Paloasema ja kalusto', summary: 'Sairaala.' })).toEqual({ [A]: 2.5, [B]: 0, [C]: 0 });
    // KEJO 2 − sairaala 3 < 0: not anchored, kalusto is no evidence.
    expect(tag({ title: 'KEJO, sairaala ja kalusto', lang: 'fi' }).evidence.map((e) => e.rule)).toEqual(['term', 'negative']);
  });

  it('records each term with the field and words that matched and its points there', () => {
    const r = tag({ title: 'Poliisi', summary: 'Paloasemalla kalusto.', lang: 'fi' });
    expect(r.evidence).toEqual([
      { rule: 'term', term: 'poliisi', field: 'title', match: 'Poliisi', goals: { [B]: 2, [A]: 1 } },
      { rule: 'term', term: 'paloasema', field: 'summary', match: 'Paloasemalla', goals: { [A]: 1.5 } },
      { rule: 'context', term: 'kalusto', field: 'summary', match: 'kalusto', goals: { [A]: 0.5 } },
    ]);
  });
});

describe('tagger: relevance and the goals listed', () => {
  it('is relevant from 3 points, with the best goal first', () => {
    expect(tag({ title: 'Paloasema' })).toMatchObject({ relevant: true, goals: [A], primary: A });
    expect(tag({ title: 'Uutinen', summary: 'Paloasema, poliisi, hyvinvointialue.' })).toMatchObject({ relevant: false, goals: [], primary: null });
  });

  it('lists a further goal from 2 points and half the main goal\'s score', () => {
    // A 3 + 1 = 4, B 2: both bars met exactly.
    expect(tag({ title: 'Paloasema ja poliisi' })).toMatchObject({ relevant: true, goals: [A, B], primary: A });
    // A 3 + 1 + 1 = 5 with the kalusto context word: B 2 is under half of 5.
    expect(tag({ title: 'Paloasema, kalusto ja poliisi' }).goals).toEqual([A]);
    // C 1 (summary) is under the goal bar.
    expect(tag({ title: 'Paloasema', summary: 'Hyvinvointialue' }).goals).toEqual([A]);
  });

  it('puts first a goal the title alone names when it is relevant on its own', () => {
    // Title: hyvinvointialue (C 2) + prior; summary: paloasema (A 1.5) and poliisi (B 1, A 0.5).
    const r = tag({ title: 'Hyvinvointialue ja hyvinvointialueet', summary: 'Paloasema, poliisi.', kind: 'bill' });
    // C 2 × 1.5 = 3 is relevant; A (1.5 + 0.5) × 1.5 = 3 ties; the title names only C.
    expect(r.scores).toEqual({ [A]: 3, [B]: 1.5, [C]: 3 });
    expect(r.primary).toBe(C);
    expect(r.evidence.at(-1)).toEqual({ rule: 'about', term: C, field: 'title', goals: {} });
  });
});

describe('tagger: the goals listed when learned weights move scores', () => {
  const learned = (weights: LearnedWeights['weights']): LearnedWeights => ({ analyzer: 'snowball', taxonomyVersion: 'by-hand', decisions: 1, bound: 3, weights: byTerm(taxonomy.terms, weights) });
  const item: TagInput = { title: 'Paloasema ja poliisi', organisation: 'Sisäministeriö', lang: 'fi' };

  it('keeps a goal the rules list when learning raises another goal past twice its score', () => {
    // Rules: A 3 + 1 = 4, B 2 + 1 = 3.
    expect(tag(item)).toMatchObject({ scores: { [A]: 4, [B]: 3, [C]: 0 }, goals: [A, B] });
    const raised = createTagger(taxonomy, { analyzer, learned: learned({ 'term:paloasema': { [A]: 3 } }) })(item);
    expect(raised).toMatchObject({ scores: { [A]: 7, [B]: 3, [C]: 0 }, goals: [A, B] });
  });

  it('drops it when its own learned weight lowers it under half the main goal', () => {
    const lowered = createTagger(taxonomy, { analyzer, learned: learned({ 'term:paloasema': { [A]: 3 }, 'term:poliisi': { [B]: -0.5 } }) })(item);
    expect(lowered).toMatchObject({ scores: { [A]: 7, [B]: 2.5, [C]: 0 }, goals: [A] });
  });

  it('keeps a goal the rules list at exactly half the rules\' best score', () => {
    // Rules A 4, B 2 (no prior): B is exactly half of A; learning raises A to 7.
    const r = createTagger(taxonomy, { analyzer, learned: learned({ 'term:paloasema': { [A]: 3 } }) })({ title: 'Paloasema ja poliisi', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 7, [B]: 2, [C]: 0 }, goals: [A, B] });
  });

  it('lists a goal its own learned weight lowered when it still reaches exactly half the main goal', () => {
    // Rules A 4, B 3; B lowered to 2 = 4 / 2.
    const r = createTagger(taxonomy, { analyzer, learned: learned({ 'term:poliisi': { [B]: -1 } }) })(item);
    expect(r).toMatchObject({ scores: { [A]: 4, [B]: 2, [C]: 0 }, goals: [A, B] });
  });

  it('lists no further goal the rules found nothing for, however much was learned for it', () => {
    const r = createTagger(taxonomy, { analyzer, learned: learned({ 'term:paloasema': { [C]: 3 } }) })({ title: 'Paloasema', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 3, [B]: 0, [C]: 3 }, goals: [A] });
  });
});

describe('tagger: what the title is about', () => {
  it('leads with the goal of the head of the title\'s noun phrase when that goal is relevant', () => {
    // paloaseman (A) hyvinvointialue (C): the head names C. As a bill: A 3 × 1.5, C 2 × 1.5.
    const r = tag({ title: 'Paloaseman hyvinvointialue', kind: 'bill', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 4.5, [B]: 0, [C]: 3 }, primary: C, goals: [C, A] });
    expect(r.evidence.at(-1)).toEqual({ rule: 'about', term: C, field: 'title', goals: {} });
    // Not relevant on its own (C 2): the best score leads.
    expect(tag({ title: 'Paloaseman hyvinvointialue', lang: 'fi' })).toMatchObject({ primary: A, goals: [A, C] });
    // The head already leads: no about evidence.
    expect(tag({ title: 'Hyvinvointialueen paloasema', kind: 'bill', lang: 'fi' }).evidence.some((e) => e.rule === 'about')).toBe(false);
  });
});

describe('tagger: scope rules', () => {
  it('keeps a fifth of the scores of an item in the scope, and all of them when a way out is named', () => {
    expect(scores({ title: 'Paloasema metsässä', summary: 'Poliisi.' })).toEqual({ [A]: 0.7, [B]: 0.2, [C]: 0 });
    expect(tag({ title: 'Paloasema metsässä' }).evidence.at(-1)).toEqual({ rule: 'scope', term: 'forest ×0.2', field: 'title', match: 'metsässä', goals: {} });
    expect(scores({ title: 'Paloasema metsässä', summary: 'Laki muuttuu.' })).toEqual({ [A]: 3, [B]: 0, [C]: 0 });
    expect(tag({ title: 'Paloasema metsässä', summary: 'Laki muuttuu.' }).evidence.some((e) => e.rule === 'scope')).toBe(false);
    // Only an item with some score is scoped.
    expect(tag({ title: 'Metsässä' }).evidence).toEqual([]);
  });
});

describe('tagger: learned weights', () => {
  const learned = (weights: LearnedWeights['weights'], bound = 3): LearnedWeights => ({ analyzer: 'snowball', taxonomyVersion: 'by-hand', decisions: 1, bound, weights: byTerm(taxonomy.terms, weights) });
  const key = (word: string) => analyzer.analyze(word, 'fi').key;

  it('adds weight × field factor, at most the bound per goal, and ignores goals the taxonomy lacks', () => {
    const withWeights = createTagger(taxonomy, { analyzer, learned: learned({ 'term:paloasema': { [A]: 1, [B]: 0.5, other: 9 }, [key('kunta')]: { [B]: 2 } }, 2) });
    // A: 1.5 + 1 × 0.5; B: 0.5 × 0.5 + 2 × 1, bounded at 2.
    expect(withWeights({ title: 'Kunta', summary: 'Paloasema.', lang: 'fi' }).scores).toEqual({ [A]: 2, [B]: 2, [C]: 0 });
  });

  it('keeps the scope rules\' share of what was learned', () => {
    const withWeights = createTagger(taxonomy, { analyzer, learned: learned({ 'term:paloasema': { [A]: 2 } }) });
    // (3 + 2) × 0.2.
    expect(withWeights({ title: 'Paloasema metsässä', lang: 'fi' }).scores[A]).toBe(1);
  });

  it('scales only positive rule scores by the scope: a penalty stays whole under what was learned', () => {
    // A: −3 (sairaala), C: 2 × 0.2; learned +10 for A: −3 + 10 × 0.2 = −1, floored at 0.
    const withWeights = createTagger(taxonomy, { analyzer, learned: learned({ 'term:hyvinvointialue': { [A]: 10 } }, 10) });
    expect(withWeights({ title: 'Sairaala ja hyvinvointialue metsässä', lang: 'fi' }).scores).toEqual({ [A]: 0, [B]: 0, [C]: 0.4 });
  });

  it('explains a learned contribution by weight × field factor, from 0.05 up', () => {
    const weights = { [key('kunta')]: { [C]: 0.4 }, [key('kylä')]: { [C]: 0.08 }, [key('koulu')]: { [C]: 0.05 }, [key('talo')]: { [C]: 0.04 } };
    const r = createTagger(taxonomy, { analyzer, learned: learned(weights) })({ title: 'Koulu ja talo', summary: 'Kunta, kylä.', lang: 'fi' });
    // kunta 0.4 × 0.5 = 0.2, koulu 0.05 × 1; kylä 0.08 × 0.5 = 0.04 and talo 0.04 are under 0.05.
    expect(r.evidence.filter((e) => e.rule === 'learned')).toEqual([
      { rule: 'learned', term: key('kunta'), goals: { [C]: 0.2 } },
      { rule: 'learned', term: key('koulu'), goals: { [C]: 0.05 } },
    ]);
  });

  it('names a learned taxonomy term by the term the item has, not by its place in the taxonomy (the key learning uses)', () => {
    const r = createTagger(taxonomy, { analyzer, learned: learned({ 'term:paloasema': { [A]: 1 } }) })({ title: 'Paloasema', lang: 'fi' });
    expect(r.evidence.filter((e) => e.rule === 'learned')).toEqual([{ rule: 'learned', term: 'term:paloasema', goals: { [A]: 1 } }]);
  });

  it('explains the five largest learned contributions of at least 0.05, largest first', () => {
    const words = ['kunta', 'kaupunki', 'kylä', 'silta', 'talo', 'koulu', 'kirkko'];
    const weights: LearnedWeights['weights'] = {};
    words.forEach((w, i) => (weights[key(w)] = { [C]: i === 0 ? 0.04 : i * 0.1 }));
    const r = createTagger(taxonomy, { analyzer, learned: learned(weights) })({ title: words.join(' '), lang: 'fi' });
    const shown = r.evidence.filter((e) => e.rule === 'learned');
    expect(shown.map((e) => e.goals[C])).toEqual([0.6, 0.5, 0.4, 0.3, 0.2]);
    expect(shown[0].term).toBe(key('kirkko'));
  });

  it('ignores weights learned with another analyzer', () => {
    const r = createTagger(taxonomy, { analyzer, learned: { ...learned({ 'term:paloasema': { [A]: 2 } }), analyzer: 'voikko' } })({ title: 'Paloasema', lang: 'fi' });
    expect(r.scores[A]).toBe(3);
  });
});

describe('tagger: a scope lifted by its way out, with points for the two together', () => {
  // Police news (poliisi) is out of scope unless the rescue department (pelastuslaitos) is named too; the two
  // together are the authorities' cooperation, 4 points for B. Named both in the title, that cooperation is what the
  // title is about; with one of them only in the summary, the title is about what its own anchor terms name.
  const scoped: Taxonomy = {
    ...taxonomy,
    terms: [term('ensihoito', 'anchor', { [C]: 3 }), term('pelastuslaitos', 'anchor', { [A]: 1 })],
    priors: [],
    scopes: [{ id: 'police', label, factor: 0.2, byField: false, titleOnly: false, together: { [B]: 4 }, conditional: null, line: 91 }],
    scopeTerms: [
      term('poliisi', 'scope', {}, { scope: { id: 'police', role: 'when' } }),
      term('pelastuslaitos', 'scope', {}, { scope: { id: 'police', role: 'unless' } }),
    ],
  };
  const tagScoped = createTagger(scoped, { analyzer });

  it('leads with the cooperation when both are named in the title', () => {
    const r = tagScoped({ title: 'Poliisi, pelastuslaitos ja ensihoito', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 1, [B]: 4, [C]: 3 }, primary: B, goals: [B, C] });
    expect(r.evidence.some((e) => e.rule === 'about')).toBe(false);
  });

  it('leads with the title\'s own goal when the police are named only in the summary', () => {
    const r = tagScoped({ title: 'Pelastuslaitos ja ensihoito', summary: 'Poliisi mukana.', lang: 'fi' });
    // A 1 (title), B 4 (together), C 3 (title): C, relevant and the only relevant goal the title names, leads.
    expect(r).toMatchObject({ scores: { [A]: 1, [B]: 4, [C]: 3 }, primary: C, goals: [C, B] });
    expect(r.evidence.at(-1)).toEqual({ rule: 'about', term: C, field: 'title', goals: {} });
  });

  it('leads with the title\'s own goal when the rescue department is named only in the summary', () => {
    const r = tagScoped({ title: 'Poliisi ja ensihoito', summary: 'Pelastuslaitos mukana.', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 0.5, [B]: 4, [C]: 3 }, primary: C, goals: [C, B] });
    expect(r.evidence.at(-1)).toEqual({ rule: 'about', term: C, field: 'title', goals: {} });
  });
});
