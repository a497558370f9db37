// The tagger's reading of an item (src/tag/tagger.ts: language, phrases, what the title is about, the goals listed,
// learned weights' floor, scope terms) on taxonomies small enough to check by hand. The rules, as the taxonomy's
// header and the tagger define them: a term counts once, in its best field (title 1, summary as given), and its
// evidence names the first word that matched there; a phrase is its words in order, in consecutive words, and hides
// the single-word terms inside it but not a false friend; a title word followed by one that speaks (as an anchor or
// context term of that goal) for exactly one other goal names the item's subject, which leads when relevant on its
// own; without such a pair, a title whose anchor terms name exactly one relevant goal is about that goal. Besides
// the first goal, a goal is listed from `goal` points and `goal_ratio` of the first, if the rules gave it points.
// Written against `npm run test:mutation -- tagger` (test/mutation/EQUIVALENT.md lists what no test can tell apart).
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { createTagger, learnedShift } from '../../src/tag/tagger.js';
import type { LearnedWeights, TagInput, Taxonomy, TermDef } from '../../src/tag/types.js';
import { label, term } from './by-hand.js';

const A = 'services';
const B = 'internal-security';
const C = 'welfare-reform';
const analyzer = createSnowballAnalyzer();

/** A taxonomy of goals A, B, C with these terms; relevant at 3, a further goal from 2 and half the first. */
function taxonomy(terms: TermDef[], more: Partial<Taxonomy> = {}): Taxonomy {
  return {
    version: 'by-hand',
    goals: [A, B, C].map((id) => ({ id, label, subtopics: [] })),
    terms,
    priors: [],
    scopes: [],
    scopeTerms: [],
    kinds: {},
    fields: { title: 1, summary: 0.5 },
    thresholds: { relevant: 3, goal: 2, goalRatio: 0.5, joint: 4 },
    jointRecipients: [],
    file: 'by-hand',
    ...more,
  };
}
const learned = (weights: LearnedWeights['weights'], more: Partial<LearnedWeights> = {}): LearnedWeights =>
  ({ analyzer: 'snowball', taxonomyVersion: 'by-hand', decisions: 1, bound: 3, weights, ...more });

const basic = [
  term('paloasema', 'anchor', { [A]: 3 }),
  term('poliisi', 'anchor', { [B]: 4 }),
  term('kalusto', 'context', { [A]: 3 }),
  term('hyvinvointialue', 'anchor', { [C]: 3 }),
  term('sisäinen turvallisuus', 'anchor', { [B]: 3 }),
  term('kansallinen riskiarvio', 'anchor', { [B]: 3 }),
  term('riski+arvio', 'anchor', { [B]: 1 }),
  term('räddnings+verk', 'anchor', { [A]: 3 }, { lang: 'sv' }),
];
const tagBasic = createTagger(taxonomy(basic), { analyzer });
const matches = (i: TagInput): string[] => tagBasic({ lang: 'fi', ...i }).evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`);

describe('tagger: the language of an item that does not give one', () => {
  it('reads a Swedish title as Swedish and a Finnish one as Finnish', () => {
    // "för" and "med" are Swedish function words: the Swedish terms apply.
    expect(tagBasic({ title: 'Räddningsverket för hela regionen med ny ledning' }).scores[A]).toBe(3);
    expect(tagBasic({ title: 'Paloasema valmistui' }).scores[A]).toBe(3);
    // The words of the summary count too: a Finnish title word alone says nothing of the language.
    expect(tagBasic({ title: 'Räddningsverket', summary: 'Ny ledning för verket med start i maj.' }).scores[A]).toBe(3);
  });

  it('reads an item with a summary only', () => {
    expect(tagBasic({ summary: 'Paloasema valmistui.', lang: 'fi' } as TagInput).scores[A]).toBe(1.5);
  });
});

describe('tagger: the evidence of a term found twice', () => {
  it('names the first word that matched in the best field', () => {
    expect(matches({ title: 'Paloasema ja paloasemat' })).toEqual(['term paloasema = Paloasema']);
    expect(matches({ title: 'Uutinen', summary: 'Paloasema ja paloasemat.' })).toEqual(['term paloasema = Paloasema']);
    expect(matches({ title: 'Uutinen paloasemasta', summary: 'Paloasema ja paloasemat.' })).toEqual(['term paloasema = paloasemasta']);
  });
});

describe('tagger: phrases', () => {
  it('finds a phrase only from its first word on, its words in consecutive words', () => {
    // riskiarvio is the phrase's second word: two of them are no "kansallinen riskiarvio".
    expect(matches({ title: 'Riskiarvio riskiarvion jälkeen' })).toEqual(['term riski+arvio = Riskiarvio']);
    expect(matches({ title: 'Kansallinen ja riskiarvio' })).toEqual(['term riski+arvio = riskiarvio']);
  });

  it('does not complete a phrase with the second word of another phrase', () => {
    // kansallinen (of kansallinen riskiarvio) + turvallisuus (of sisäinen turvallisuus): neither phrase.
    expect(matches({ title: 'Kansallinen turvallisuus' })).toEqual([]);
    expect(matches({ title: 'Sisäinen riskiarvio' })).toEqual(['term riski+arvio = riskiarvio']);
  });

  it('hides the single-word terms inside the phrase, not those of the next word', () => {
    expect(matches({ title: 'Kansallinen riskiarvio riskiarvioista' })).toEqual([
      'phrase kansallinen riskiarvio = Kansallinen riskiarvio',
      'term riski+arvio = riskiarvioista',
    ]);
    expect(tagBasic({ title: 'Sisäinen turvallisuus poliisi', lang: 'fi' }).scores[B]).toBe(7);
  });

  it('does not hide a false friend inside a phrase', () => {
    // A bailout loan inside the phrase: the phrase still counts, and so does the false friend, which scores nothing.
    const list = [term('yrityksen pelastuslaina', 'anchor', { [C]: 3 }), term('pelastuslaina', 'false-friend', {})];
    const r = createTagger(taxonomy(list), { analyzer })({ title: 'Yrityksen pelastuslaina', lang: 'fi' });
    expect(r.evidence.map((e) => `${e.rule} ${e.term} = ${e.match}`)).toEqual([
      'phrase yrityksen pelastuslaina = Yrityksen pelastuslaina',
      'false-friend pelastuslaina = pelastuslaina',
    ]);
    expect(r.scores).toEqual({ [A]: 0, [B]: 0, [C]: 3 });
  });
});

describe('tagger: what the title is about', () => {
  it('takes the goal of a context term as the head of the title\'s noun phrase', () => {
    // Poliisin kalusto: the police's equipment; kalusto speaks for A. B 4 (poliisi), A 3 (kalusto, anchored).
    const r = tagBasic({ title: 'Poliisin kalusto', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 3, [B]: 4, [C]: 0 }, primary: A, goals: [A, B] });
    expect(r.evidence.at(-1)).toEqual({ rule: 'about', term: A, field: 'title', goals: {} });
  });

  it('takes no subject from the summary\'s noun phrases', () => {
    const t = createTagger(taxonomy(basic, { fields: { title: 1, summary: 1 } }), { analyzer });
    // B 4 in the title; in the summary, "paloaseman hyvinvointialue" (A 3, C 3) would name C.
    const r = t({ title: 'Poliisi', summary: 'Paloaseman hyvinvointialue.', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 3, [B]: 4, [C]: 3 }, primary: B });
    expect(r.evidence.some((e) => e.rule === 'about')).toBe(false);
  });

  it('takes no subject from a head whose goal the word before it speaks for too', () => {
    // The same word under two goals (B 5, A 1) followed by paloasema (A 3): the pair names nothing new.
    const list = [...basic, term('poliisi+ajoneuvo', 'anchor', { [B]: 5 }), term('poliisi+ajoneuvo', 'anchor', { [A]: 1 })];
    const r = createTagger(taxonomy(list), { analyzer })({ title: 'Poliisiajoneuvon paloasema', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 4, [B]: 5, [C]: 0 }, primary: B, goals: [B, A] });
    expect(r.evidence.some((e) => e.rule === 'about')).toBe(false);
  });

  it('leads with the best score when the title\'s anchor terms name two relevant goals', () => {
    const t = createTagger(taxonomy(basic, { fields: { title: 1, summary: 1 } }), { analyzer });
    // Title: A 3 and C 3 (no noun-phrase pair: "ja" speaks for nothing); summary: B 4.
    const r = t({ title: 'Paloasema ja hyvinvointialue', summary: 'Poliisi.', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 3, [B]: 4, [C]: 3 }, primary: B, goals: [B, A, C] });
    expect(r.evidence.some((e) => e.rule === 'about')).toBe(false);
    // One relevant goal in the title: it leads.
    expect(t({ title: 'Paloasema', summary: 'Poliisi.', lang: 'fi' })).toMatchObject({ primary: A, goals: [A, B] });
  });
});

describe('tagger: the goals listed', () => {
  // As in the shipped taxonomy: relevant from 2, a further goal from 2.5.
  const thresholds = { relevant: 2, goal: 2.5, goalRatio: 0.5, joint: 4 };

  it('lists the first goal of a relevant item whatever the further-goal bar', () => {
    const t = createTagger(taxonomy([term('paloasema', 'anchor', { [A]: 2.2 })], { thresholds }), { analyzer });
    expect(t({ title: 'Paloasema', lang: 'fi' })).toMatchObject({ relevant: true, goals: [A], primary: A });
  });

  it('lists a further goal only from the further-goal bar, even above half the first', () => {
    const list = [term('paloasema', 'anchor', { [A]: 4 }), term('poliisi', 'anchor', { [B]: 2.4 }), term('hyvinvointialue', 'anchor', { [C]: 2.5 })];
    const t = createTagger(taxonomy(list, { thresholds }), { analyzer });
    expect(t({ title: 'Paloasema ja poliisi', lang: 'fi' }).goals).toEqual([A]);
    expect(t({ title: 'Paloasema ja hyvinvointialue', lang: 'fi' }).goals).toEqual([A, C]);
  });

  it('lists no further goal that only learned weights gave points, on an item the rules found not relevant', () => {
    // Rules: A 2 (paloasema in the summary), not relevant at 3; learned: +1 for A and +3 for C on paloasema.
    const t = createTagger(taxonomy([term('paloasema', 'anchor', { [A]: 4 })]), { analyzer, learned: learned({ 'term:paloasema': { [A]: 2, [C]: 6 } }) });
    const r = t({ title: 'Uutinen', summary: 'Paloasema.', lang: 'fi' });
    expect(r).toMatchObject({ scores: { [A]: 3, [B]: 0, [C]: 3 }, relevant: true, goals: [A], primary: A });
  });

  it('lets learned weights reorder the goals the rules list, and list them by the learned scores', () => {
    // Rules: A 3, B 4; learned −3 for B: B 1 is no longer listed, A leads.
    const t = createTagger(taxonomy(basic), { analyzer, learned: learned({ 'term:poliisi': { [B]: -3 } }) });
    expect(t({ title: 'Paloasema ja poliisi', lang: 'fi' })).toMatchObject({ scores: { [A]: 3, [B]: 1, [C]: 0 }, goals: [A], primary: A });
  });
});

describe('learned weights: the floor and the bound', () => {
  it('adds nothing below the floor, the whole change from the floor up, at most the bound either way', () => {
    const l = { floor: 0.5, bound: 2 };
    expect(learnedShift(0.4, l)).toBe(0);
    expect(learnedShift(-0.4, l)).toBe(0);
    expect(learnedShift(0.5, l)).toBe(0.5);
    expect(learnedShift(-0.5, l)).toBe(-0.5);
    expect(learnedShift(1.5, l)).toBe(1.5);
    expect(learnedShift(3, l)).toBe(2);
    expect(learnedShift(-3, l)).toBe(-2);
    // No floor, no bound: every change counts whole.
    expect(learnedShift(0.01, {})).toBe(0.01);
    expect(learnedShift(-40, {})).toBe(-40);
  });

  it('applies the floor per goal of an item', () => {
    const t = createTagger(taxonomy(basic), { analyzer, learned: learned({ 'term:paloasema': { [A]: 0.4, [C]: 0.6 } }, { floor: 0.5 }) });
    expect(t({ title: 'Paloasema', lang: 'fi' }).scores).toEqual({ [A]: 3, [B]: 0, [C]: 0.6 });
  });
});

describe('tagger: scope terms', () => {
  // Items naming a forest (metsä) keep a fifth of their score unless they name a law; sea rescue (meripelastus)
  // keeps a fifth unless the rescue services (pelastustoimi) are named apart from it.
  const scoped = taxonomy(basic, {
    scopes: [
      { id: 'forest', label, factor: 0.2, byField: false, together: {}, line: 1 },
      { id: 'sea', label, factor: 0.2, byField: false, together: {}, line: 2 },
      { id: 'fire', label, factor: 0.5, byField: true, together: {}, line: 3 },
    ],
    scopeTerms: [
      term('metsä', 'scope', {}, { scope: { id: 'forest', role: 'when' } }),
      term('maan tasalle', 'scope', {}, { scope: { id: 'forest', role: 'when' } }),
      term('laki', 'scope', {}, { scope: { id: 'forest', role: 'unless' } }),
      term('meri+pelastus', 'scope', {}, { scope: { id: 'sea', role: 'when' } }),
      term('pelastus+toimi', 'scope', {}, { scope: { id: 'sea', role: 'unless' } }),
      term('tulipalo', 'scope', {}, { scope: { id: 'fire', role: 'when' } }),
      term('asetus', 'scope', {}, { scope: { id: 'fire', role: 'unless' } }),
    ],
  });
  const tagScoped = createTagger(scoped, { analyzer });
  const scope = (i: TagInput) => tagScoped({ lang: 'fi', ...i }).evidence.filter((e) => e.rule === 'scope').map((e) => `${e.term} ${e.field} = ${e.match}`);

  it('names the first word that put the item in the scope, in the title before the summary', () => {
    expect(scope({ title: 'Paloasema, metsä ja metsät' })).toEqual(['forest ×0.2 title = metsä']);
    expect(scope({ title: 'Paloasema', summary: 'Metsä ja metsät.' })).toEqual(['forest ×0.2 summary = Metsä']);
    expect(scope({ title: 'Paloasema metsässä', summary: 'Metsä ja metsät.' })).toEqual(['forest ×0.2 title = metsässä']);
  });

  it('puts an item in a scope by a phrase, its words in order', () => {
    expect(tagScoped({ title: 'Paloasema paloi maan tasalle', lang: 'fi' }).scores[A]).toBe(0.6);
    expect(scope({ title: 'Paloasema paloi maan tasalle' })).toEqual(['forest ×0.2 title = maan tasalle']);
    expect(tagScoped({ title: 'Paloasema, tasalle maan', lang: 'fi' }).scores[A]).toBe(3);
    expect(tagScoped({ title: 'Paloasema, maan talous', lang: 'fi' }).scores[A]).toBe(3);
  });

  it('does not take the way out inside the word that put the item in the scope', () => {
    // meripelastustoimi is sea rescue; pelastustoimi inside it is no way out.
    expect(tagScoped({ title: 'Meripelastustoimen paloasema', lang: 'fi' }).scores[A]).toBe(0.6);
    expect(tagScoped({ title: 'Meripelastus ja pelastustoimi: paloasema', lang: 'fi' }).scores[A]).toBe(3);
  });

  it('takes a way out of another scope inside the word that put the item in one', () => {
    // Only the sea scope's own way out is hidden by meripelastus: a word that is also the forest's way out counts.
    const t = createTagger(taxonomy(basic, {
      scopes: [{ id: 'sea', label, factor: 0.2, byField: false, together: {}, line: 1 }, { id: 'forest', label, factor: 0.5, byField: false, together: {}, line: 2 }],
      scopeTerms: [
        term('meri+pelastus', 'scope', {}, { scope: { id: 'sea', role: 'when' } }),
        term('metsä', 'scope', {}, { scope: { id: 'forest', role: 'when' } }),
        term('pelastus+toimi', 'scope', {}, { scope: { id: 'forest', role: 'unless' } }),
      ],
    }), { analyzer });
    // Sea rescue (×0.2) in a forest, lifted for the forest by pelastustoimi inside meripelastustoimi: 3 × 0.2.
    expect(t({ title: 'Paloasema metsässä, meripelastustoimi', lang: 'fi' }).scores[A]).toBe(0.6);
  });

  it('lifts a scope by field only with a way out as prominent as what put the item in it', () => {
    expect(tagScoped({ title: 'Paloasema ja tulipalo', summary: 'Asetus.', lang: 'fi' }).scores[A]).toBe(1.5);
    expect(tagScoped({ title: 'Paloasema, tulipalo ja asetus', lang: 'fi' }).scores[A]).toBe(3);
    expect(tagScoped({ title: 'Paloasema ja asetus', summary: 'Tulipalo.', lang: 'fi' }).scores[A]).toBe(3);
  });
});
