// learnWeights worked by hand (written against the survivors of `npm run test:mutation -- learn`): a taxonomy of
// two goals with no terms, where a source prior sets an item's rule score exactly and an item's words are its only
// learning features, so each decision's correction can be followed through the definition in src/tag/learn.ts:
// - the target: a rejected item must fall below the listing bar min(relevant, goal) when the rules put it at or
//   over that bar (to max(0, bar - margin)), else only stay under bar - 0.05; on a relevant item a goal left out
//   must stay under goal - 0.05, the main goal reach relevance (relevant + margin when the rules had it below
//   relevance, else only hold relevance), a further confirmed goal the goal bar;
// - the class balance of a goal and direction: min(2, n / (2 × corrections in that direction)), n = up + down;
// - a feature's agreement with a correction: max(0, (pro − con) / (pro + con + smoothing)) over the reviewed items;
// - one correction: step = rate × balance × gap / (Σ zf·x × kind factor), zf = agreement × x, each weight += step × zf;
// - after a pass every weight is multiplied by 1 − decay; the result is the average over passes, to thousandths.
// The expected numbers below are that arithmetic done on paper; thresholds: relevant 3, goal 2, title factor 2.
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { learnWeights, type LearnOptions } from '../../src/tag/learn.js';
import { createTaggerCore } from '../../src/tag/tagger.js';
import type { ReviewDecision, TagInput, Taxonomy } from '../../src/tag/types.js';

const A = 'services';
const B = 'internal-security';
const label = { fi: 'x', sv: 'x' };
// The rule score of an item comes from its source: `A=4` gives goal A four points (a prior needing no evidence).
const sources = ['A=4', 'A=3', 'A=5', 'A=2', 'A=1.5', 'A=1.99', 'B=3'];
const taxonomy: Taxonomy = {
  version: 'worked-example',
  goals: [A, B].map((id) => ({ id, label, subtopics: [] })),
  terms: [],
  priors: sources.map((s) => ({ source: s, organisation: null, goals: { [s[0] === 'A' ? A : B]: Number(s.slice(2)) }, requiresEvidence: false, label: s })),
  // Items naming metsä keep half their score (a scope rule with no way out).
  scopes: [{ id: 'forest', label, factor: 0.5, byField: false, titleOnly: false, together: {}, conditional: null, line: 1 }],
  scopeTerms: [{ text: 'metsä', lang: 'fi', goals: {}, rule: 'scope', scope: { id: 'forest', role: 'when' }, exact: false, caseSensitive: false, subtopic: null, line: 1 }],
  kinds: { bill: 2 },
  fields: { title: 2, summary: 0.5 },
  thresholds: { relevant: 3, goal: 2, goalRatio: 0.5, joint: 4 },
  jointRecipients: [],
  file: 'worked-example',
};
const analyzer = createSnowballAnalyzer();
const core = createTaggerCore(taxonomy, { analyzer });
/** The learning feature of a one-word title (its analyzer key; every word here has 4–8 letters: no compound head). */
const feature = (word: string): string => {
  const keys = [...core.read({ title: word }).features.keys()];
  expect(keys).toHaveLength(1);
  return keys[0];
};
const item = (title: string, source?: string, kind?: 'bill'): TagInput => ({ title, ...(source ? { source } : {}), ...(kind ? { kind } : {}) });
const rejected = (i: TagInput): ReviewDecision => ({ item: i, relevant: false, confirmed: [], rejected: [A, B] });
const confirmed = (i: TagInput, goals: string[], primary?: string): ReviewDecision => ({ item: i, relevant: true, confirmed: goals, rejected: [], ...(primary ? { primary } : {}) });
// One pass, nothing forgotten, no support limit, a cap that is never reached: each correction shows in full.
const once: LearnOptions = { analyzer, epochs: 1, decay: 0, support: 1, cap: 10 };
const learn = (decisions: ReviewDecision[], options: LearnOptions = {}) => learnWeights(taxonomy, decisions, { ...once, ...options }).weights;
/** Weights with the numbers compared to ±0.005 (the thousandths the model is rounded to). */
const expectWeights = (got: Record<string, Record<string, number>>, want: Record<string, Record<string, number>>) => {
  expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort());
  for (const [f, row] of Object.entries(want)) {
    expect(Object.keys(got[f]).sort(), f).toEqual(Object.keys(row).sort());
    for (const [g, v] of Object.entries(row)) expect(got[f][g], `${f} ${g}`).toBeCloseTo(v, 2);
  }
};

describe('learnWeights: five decisions followed by hand', () => {
  // d1 the rules call relevant (A = 4), the reviewer rejects; d2 and d3 (no rule score) are confirmed for A;
  // d4 and d5 are rejected and already below every bar. Features: kala (d1, d2, d3), sammal (d1), vesi (d2, d3).
  const decisions = [
    rejected(item('kala sammal', 'A=4')),
    confirmed(item('kala vesi'), [A]),
    confirmed(item('kala vesi'), [A]),
    rejected(item('kuusi')),
    rejected(item('koivu')),
  ];
  // Goal A: 2 corrections up, 3 down, n = 5: balance up min(2, 5/4) = 1.25, down min(2, 5/6) = 5/6.
  // Agreement for A: kala up (2 − 1) / (3 + 1) = 1/4, down 0; sammal down 1/2; vesi up 2/3.
  // d1: score 4, target max(0, 2 − 1) = 1, gap −3; only sammal agrees (zf 1, x 2, Σ 2):
  //     step −(0.5 × 5/6 × 3) / 2 = −0.625, sammal −0.625.
  // d2: score 0, target 3 + 1 = 4, gap 4; zf kala 0.5, vesi 4/3, Σ zf·x = 1 + 8/3 = 11/3: step 2.5 / (11/3) = 7.5/11,
  //     kala 3.75/11, vesi 10/11.
  // d3: score 2 × (3.75 + 10) / 11 = 2.5, gap 1.5: step 0.9375 × 3/11 = 2.8125/11; kala + 1.40625/11 = 0.46875,
  //     vesi + 3.75/11 = 1.25. d4, d5 and every goal B correction: the score is already under its target.
  it('spreads each correction by agreement, balances the two directions and forgets nothing at decay 0', () => {
    expectWeights(learn(decisions), {
      [feature('sammal')]: { [A]: -0.625 },
      [feature('kala')]: { [A]: 0.46875 },
      [feature('vesi')]: { [A]: 1.25 },
    });
  });

  it('forgets the share `decay` of every weight after the pass', () => {
    expectWeights(learn(decisions, { decay: 0.5 }), {
      [feature('sammal')]: { [A]: -0.3125 },
      [feature('kala')]: { [A]: 0.234375 },
      [feature('vesi')]: { [A]: 0.625 },
    });
  });
});

describe('learnWeights: what one decision asks of each goal', () => {
  const kala = feature('kala');
  // One decision, one feature (x = 2): agreement 1/2, zf 1, Σ zf·x = 2, balance 1/2, so a weight is rate × gap / 4.

  it('on a relevant item pushes the main goal to relevance plus margin and a goal left out under the goal bar', () => {
    // A: score 0, target 4, weight 0.5 × 4 / 4 = 0.5. B (rules 3, left out): target 1.95, weight 0.5 × −1.05 / 4.
    expectWeights(learn([confirmed(item('kala', 'B=3'), [A])]), { [kala]: { [A]: 0.5, [B]: -0.13125 } });
  });

  it('learns nothing from a confirmed main goal the rules already put at relevance', () => {
    expect(learn([confirmed(item('kala', 'A=3'), [A])])).toEqual({});
  });

  it('raises a further confirmed goal only to the goal bar, and an explicit main goal to relevance plus margin', () => {
    // A (rules 5) is main and past relevance: nothing. B: target 2, weight 0.5 × 2 / 4 = 0.25.
    expectWeights(learn([confirmed(item('kala', 'A=5'), [A, B])]), { [kala]: { [B]: 0.25 } });
    // B named main though listed second: B to 4 (weight 0.5), A only to 2 (weight 0.25).
    expectWeights(learn([confirmed(item('kala'), [A, B], B)]), { [kala]: { [A]: 0.25, [B]: 0.5 } });
  });

  it('pulls a rejected item the rules put at the listing bar down to bar − margin', () => {
    // Rules 2 = min(relevant, goal): target 1, weight 0.5 × −1 / 4.
    expectWeights(learn([rejected(item('kala', 'A=2'))]), { [kala]: { [A]: -0.125 } });
  });

  it('holds a rejected item the rules put just under the bar at bar − 0.05, and leaves one below that alone', () => {
    // Rules 1.99: target 1.95, weight (rate 1) 1 × −0.04 / 4 = −0.01, still kept (|w| ≥ 0.01).
    expectWeights(learn([rejected(item('kala', 'A=1.99'))], { rate: 1 }), { [kala]: { [A]: -0.01 } });
    expect(learn([rejected(item('kala', 'A=1.5'))])).toEqual({});
  });

  it('reads a decision marked not relevant as every goal rejected, whatever goals it lists', () => {
    // As for a plain rejection at rules 2: A to 1, weight −0.125; A is not raised as a confirmed main goal would be.
    expectWeights(learn([{ item: item('kala', 'A=2'), relevant: false, confirmed: [A], rejected: [] }]), { [kala]: { [A]: -0.125 } });
  });

  it('starts each pass from the weights the last one left, shrunk by decay, and averages the passes', () => {
    // Rules 2, target 1, decay 0.5. Pass 1: weight −0.125, shrunk to −0.0625 (the pass's value).
    // Pass 2: score 2 + 2 × −0.0625 = 1.875, gap −0.875, step −0.875 / 8 = −0.109375, weight −0.171875, shrunk to
    // −0.0859375. Average (−0.0625 − 0.0859375) / 2 = −0.0742.
    expectWeights(learn([rejected(item('kala', 'A=2'))], { epochs: 2, decay: 0.5 }), { [kala]: { [A]: -0.0742 } });
  });

  it('drops a weight under 0.01 and keeps one of exactly 0.01', () => {
    // Rules 2, target 1: weight rate × −1 / 4.
    expectWeights(learn([rejected(item('kala', 'A=2'))], { rate: 0.04 }), { [kala]: { [A]: -0.01 } });
    expect(learn([rejected(item('kala', 'A=2'))], { rate: 0.036 })).toEqual({});
  });

  it('measures a rejected item by its score times the kind factor, and divides the step by that factor', () => {
    // A bill (factor 2) with rules 1.5 scores 3, over the bar 2: target 1, gap −2, Σ zf·x × kind = 2 × 2,
    // weight 0.5 × 0.5 × −2 / 4 = −0.125. As a plain item it scores 1.5, under 1.95: nothing.
    expectWeights(learn([rejected(item('kala', 'A=1.5', 'bill'))]), { [kala]: { [A]: -0.125 } });
    expect(learn([rejected(item('kala', 'A=1.5'))])).toEqual({});
  });

  it('keeps the scope rules\' share of the weights, in the score and in the step', () => {
    // Rules 4 × 0.5 = 2 (scale 0.5), twice rejected; features kala and metsä, agreement 2/3 each (zf 4/3),
    // Σ zf·x = 16/3, balance min(2, 2/4) = 1/2, target 1.
    // First: gap −1, step 0.25 × −1 / (16/3 × 0.5) = −0.09375, each weight −0.125.
    // Second, with no floor: score 2 + (2 × 2 × −0.125) × 0.5 = 1.75, gap −0.75, step −0.0703125, each weight
    // −0.21875.
    const forest = item('kala metsä', 'A=4');
    expectWeights(learn([rejected(forest), rejected(forest)], { floor: 0 }), { [kala]: { [A]: -0.21875 }, [feature('metsä')]: { [A]: -0.21875 } });
    // With the default floor of one margin the summed change −0.5 makes none: the second pass sees the rules' 2
    // again, gap −1, step −0.09375, each weight −0.25.
    expectWeights(learn([rejected(forest), rejected(forest)]), { [kala]: { [A]: -0.25 }, [feature('metsä')]: { [A]: -0.25 } });
  });

  it('reads the items with the analyzer it is given', () => {
    const tagged: Analyzer = {
      name: 'snowball',
      analyze: (word, lang) => {
        const a = analyzer.analyze(word, lang);
        return { ...a, key: `x-${a.key}` };
      },
    };
    const weights = learnWeights(taxonomy, [rejected(item('kala', 'A=2'))], { ...once, analyzer: tagged }).weights;
    expect(Object.keys(weights)).toEqual([`x-${analyzer.analyze('kala', 'fi').key}`]);
  });
});

describe('learnWeights: an item the rules already put exactly at its target', () => {
  it('asks no correction of it, so its words vote for none', () => {
    // d1: rules A = 3, confirmed: the main goal exactly at relevance needs nothing (target 3, gap 0). d2: no rule
    // score, confirmed: A to 4. kala is in both, vesi only in d2. Only d2 needs the correction, so both words agree
    // with it alike: (1 − 0) / (1 + 0 + 1) = 1/2, zf 1 each, Σ zf·x = 4; balance up min(2, 2/4) = 1/2;
    // step 0.5 × 1/2 × 4 / 4 = 0.25, each weight 0.25 × 1. (Had d1 voted, kala would agree 2/3: zf 4/3 and 1,
    // Σ 14/3, step 3/14, kala 2/7 and vesi 3/14.)
    expectWeights(learn([confirmed(item('kala', 'A=3'), [A]), confirmed(item('kala vesi'), [A])]), {
      [feature('kala')]: { [A]: 0.25 },
      [feature('vesi')]: { [A]: 0.25 },
    });
  });
});

describe('learnWeights: the words that may lift an item without rule evidence', () => {
  it('lists each word seen in at least `support` relevant reviewed items and in no irrelevant one, by key', () => {
    // sammal, vesi, kala in two confirmed items each (first seen in that order); koivu also in two but rejected once;
    // kuusi in one only.
    const decisions = [
      confirmed(item('sammal vesi koivu'), [A]),
      confirmed(item('kala sammal koivu'), [A]),
      confirmed(item('vesi kala kuusi'), [A]),
      rejected(item('koivu')),
    ];
    const learned = learnWeights(taxonomy, decisions, { ...once, support: 2 });
    const expected = [['kala', 2], ['sammal', 2], ['vesi', 2]].map(([w, n]) => [feature(w as string), n]).sort(([a], [b]) => (a < b ? -1 : 1));
    // In key order, whatever order the decisions came in: a saved model does not depend on it.
    expect(Object.entries(learned.lifts!)).toEqual(expected);
    expect(learned.liftSupport).toBe(3);
    expect(learnWeights(taxonomy, decisions, { ...once, support: 2, liftSupport: 5 }).liftSupport).toBe(5);
    // At a support of 3 none of them is seen often enough.
    expect(learnWeights(taxonomy, decisions, { ...once, support: 3 }).lifts).toEqual({});
  });

  it('counts a word only in confirmed items the rules found nothing in, as in the item to lift', () => {
    // sammal in two silent confirmed items and one the rules score (A=3): two, not three; kala only in scored ones:
    // no lift at all. A word the rules' own items share says who writes, not that a silent item is ours.
    const decisions = [
      confirmed(item('sammal vesi'), [A]),
      confirmed(item('sammal vesi'), [A]),
      confirmed(item('sammal kala', 'A=3'), [A]),
      confirmed(item('kala', 'A=4'), [A]),
    ];
    const learned = learnWeights(taxonomy, decisions, { ...once, support: 2 });
    expect(learned.lifts).toEqual(Object.fromEntries([[feature('sammal'), 2], [feature('vesi'), 2]].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1))));
  });
});

describe('learnWeights: a rejection fitted after a goal choice on the same word', () => {
  // d1 is relevant with B alone, though the rules give A four points: a goal choice asks A under goal − 0.05 = 1.95.
  // d2 and d3, the same word, are rejected with A at 4: each asks A down to max(0, 2 − 1) = 1. Neither raises B (d1's B
  // is wanted up, d2's and d3's B down: agreement 0). Agreement for A down in the goal-choice part: 1/2 (one needed vote,
  // none against); in the relevance part: (2 − 1) / (2 + 1 + 1) = 1/4, since d1, a relevant reviewed item with the word,
  // counts against the word teaching irrelevance (h-learn-54). A's balance down is min(2, 3/6) = 1/2. No floor, one pass.
  // d1: score 4, gap −2.05, zf 1, Σ zf·x = 2: step 0.5 × 0.5 × −2.05 / 2 = −0.25625 into the goal-choice part.
  // d2: the score counts both parts: 4 + 2 × −0.25625 = 3.4875, gap −2.4875, zf 0.5, Σ zf·x = 1: step 0.25 × −2.4875 =
  // −0.621875, × 0.5 = −0.3109375 into the relevance part. d3: 4 + 2 × (−0.3109375 − 0.25625) = 2.865625, gap
  // −1.865625: −0.46640625 × 0.5 = −0.233203125 more. At the end the goal-choice part lowers A only as far as kala
  // raises another goal (not at all): A −0.544.
  it('fits each correction against the score both parts give, and keeps of the goal choice only what raises another goal', () => {
    const kala = feature('kala');
    const decisions = [confirmed(item('kala', 'A=4'), [B], B), rejected(item('kala', 'A=4')), rejected(item('kala', 'A=4'))];
    expectWeights(learn(decisions, { floor: 0 }), { [kala]: { [A]: -0.544 } });
  });
  it('teaches no irrelevance through a word one rejection shares with one confirmed item', () => {
    // One rejection against one relevant reviewed item with the same word: agreement (1 − 1) / 3 = 0 in the relevance
    // part; the goal choice lowers A only as far as kala raises another goal (not at all): no weight at all.
    const decisions = [confirmed(item('kala', 'A=4'), [B], B), rejected(item('kala', 'A=4'))];
    expectWeights(learn(decisions, { floor: 0 }), {});
  });
});
