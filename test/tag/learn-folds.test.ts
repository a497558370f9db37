// The learning safeguards, fold by fold on dev sets: what reviewers decided on k−1 folds may move the unreviewed fold
// only within the rules' bound, only through words several reviewed items share, with rejections teaching as well as
// confirmations; and it must help the unreviewed fold on average without making any fold worse.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { type LabelledItem } from '../../src/tag/evaluate.js';
import { parseSet } from '../../bench/labelled-sets.js';
import { learnWeights } from '../../src/tag/learn.js';
import { createTagger, createTaggerCore, learnedShift, ruledOut } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import { crossValidateLearning, learningFolds, relevanceChanges, reviewerDecision, type FoldResult } from '../../bench/learning-cv.js';
import { voikkoForTests } from './voikko-gate.js';

const taxonomy = loadTaxonomy();
// Dev sets only (the sealed sets are never tuned on); these hold the rules' remaining primary-goal misses. Round
// twenty-six's service-network rule fixed by rule the eval-2027-03 item learning used to fix (r172), and learning's gain
// there went with it; on eval-2027-12 (a dev set since round twenty) learning gains from round twenty-six on (0.056 summed
// over its folds, with either analyzer, no fold worse), so it is here too. eval-2028-10 (a dev set since round thirty):
// one fold fell 0.015 in F1 with either analyzer until learning stopped raising items the rules rule out (b153 below).
// eval-2028-12 (sealed in round thirty-one, a dev set from round thirty-two), eval-2028-13 (sealed in round thirty-two,
// a dev set from round thirty-three), eval-2028-14 (sealed in round thirty-three, a dev set from round thirty-four) and
// eval-2028-15 (sealed in round thirty-four, a dev set from round thirty-five), eval-2028-16 (sealed in round
// thirty-five, a dev set from round thirty-six), eval-2028-17 (sealed in round thirty-six, a dev set from round
// thirty-seven) and eval-2028-18 (sealed in round thirty-seven, a dev set from round thirty-eight): the least tuned of
// the dev sets. eval-2028-19 (sealed in round thirty-eight, a dev set from round thirty-nine): at its sealing learning
// made one of its unreviewed folds worse, F1 1.000 → 0.981 with either analyzer (a sender's name lifted a silent item:
// qc015/qc016 below), and with Snowball one fold's goal precision 0.900 → 0.857 (learning made qc119 relevant under the
// title's fire stations, not the reform it raised: qc119/qc120 below). The backup-power word of round thirty-three's
// second part (varavoima, reservkraft) gives eval-2028-12's backup-power items (d041, d042) the goal learning used to
// give them, and learning's gain there went with it; eval-2028-03, where learning gains 0.112 summed over its folds
// with either analyzer (no fold worse), is here from then on. eval-2028-20 (sealed in round thirty-nine, a dev set from
// round forty): at its sealing one of its unreviewed folds fell with Voikko, F1 0.922 → 0.918 over the folds, worst
// fold −0.023, primary hit −0.040 (two rejections against one confirmation taught hätäkeskus irrelevance: qd051 below).
// eval-2028-21 (sealed in round forty, a dev set from round forty-one): at its sealing no fold worse with either analyzer.
// eval-2028-22 (sealed in round forty-one, a dev set from round forty-two): at its sealing no fold worse with either analyzer.
// eval-2028-23 (sealed in round forty-two, a dev set from round forty-three): at its sealing no fold worse with either
// analyzer; the sweep 69 / 63 s alone at load 17-19, over 120 s with bench:tagging beside it at load 22-30.
// eval-2028-24 (sealed in round forty-three, a dev set from round forty-four): here from its sealing on.
// eval-2028-25 (sealed in round forty-four, a dev set from round forty-five): at its sealing one of its unreviewed folds
// fell with either analyzer, F1 0.966 → 0.947, primary hit 1.000 → 0.964 (one rejected written question taught the
// written question's own words irrelevance, and together they took a relevant one out: qi046 below); since a word of
// confirmed reviewed items vouches against irrelevance, no fold worse.
// eval-2028-26 (sealed in round forty-five, a dev set from round forty-six): here from its sealing on.
// eval-2028-27 (sealed in round forty-six, a dev set from round forty-seven): here from its sealing on.
// eval-2028-28 (sealed in round forty-seven, a dev set from round forty-eight): here from its sealing on.
// eval-2028-29 (sealed in round forty-eight, a dev set from round forty-nine): here from its sealing on.
// eval-2028-30 (sealed in round forty-nine, a dev set from round fifty): here from its sealing on.
// eval-2028-31 (sealed in round fifty, a dev set from round fifty-one): here from its sealing on.
// eval-2028-32 (sealed in round fifty-one, a dev set from round fifty-two): here from its sealing on.
const devSets = ['hard-dev', 'eval-2027-03', 'eval-2027-04', 'eval-2027-05', 'eval-2027-12', 'eval-2028-03', 'eval-2028-10', 'eval-2028-12', 'eval-2028-13', 'eval-2028-14', 'eval-2028-15', 'eval-2028-16', 'eval-2028-17', 'eval-2028-18', 'eval-2028-19', 'eval-2028-20', 'eval-2028-21', 'eval-2028-22', 'eval-2028-23', 'eval-2028-24', 'eval-2028-25', 'eval-2028-26', 'eval-2028-27', 'eval-2028-28', 'eval-2028-29', 'eval-2028-30', 'eval-2028-31', 'eval-2028-32'];
const load = (f: string): LabelledItem[] => parseSet(readFileSync(new URL(`../fixtures/tag/${f}.jsonl`, import.meta.url), 'utf8'));
// eval-2028-03's fire-station property strategy, in Finnish and in Swedish (see the twins' tests below).
const twinSet = load('eval-2028-03');
const twins = ['u015', 'u016'];
// The first sets, folded together as bench:tagging folds them: learning must not make them worse either.
const olderSets = ['dev', 'heldout', 'unseen', 'fresh'];
const maxKind = Math.max(1, ...Object.values(taxonomy.kinds));

function suite(name: string, make: () => Analyzer | null): void {
  describe(`learning safeguards on unreviewed folds (${name})`, () => {
    const analyzer = make();
    if (!analyzer) {
      it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
      return;
    }
    const plain = createTagger(taxonomy, { analyzer });
    const core = createTaggerCore(taxonomy, { analyzer });

    it.each(devSets)('keeps every unreviewed item of %s within the bound, through words several reviewed items share', (set) => {
      // The rules' verdicts do not depend on the fold: each item is tagged by them once, not in every fold it is reviewed in.
      const items = load(set);
      const ruled = new Map(items.map((item) => [item, plain(item)]));
      for (const { train, test } of learningFolds(items)) {
        const decisions = train.map((item) => reviewerDecision(item, ruled.get(item)!.goals));
        const learned = learnWeights(taxonomy, decisions, { analyzer });
        // Reviewed items per feature: a weight needs two of them.
        const seen = new Map<string, number>();
        for (const d of decisions) for (const f of core.read(d.item).features.keys()) seen.set(f, (seen.get(f) ?? 0) + 1);
        for (const f of Object.keys(learned.weights)) expect(seen.get(f) ?? 0, f).toBeGreaterThanOrEqual(2);
        const taught = createTagger(taxonomy, { analyzer, learned });
        for (const item of test) {
          const reading = core.read(item);
          const before = ruled.get(item)!.scores;
          const after = taught(item).scores;
          for (const g of Object.keys(before)) {
            // Regularised and bounded by the rules: at most `bound`, scaled as the rules' own score, on any goal.
            expect(Math.abs(after[g] - before[g]), `${item.id} ${g}`).toBeLessThanOrEqual(learned.bound! * reading.scale * maxKind + 0.011);
          }
          // A word of one reviewed item carries no weight onto an unseen one.
          for (const f of reading.features.keys()) if ((seen.get(f) ?? 0) < 2) expect(learned.weights[f]).toBeUndefined();
        }
      }
      // One set's five folds: 4-8 s at load 17-20 (session 56), 21-41 s at load 26-38 (session 55, over the 20 s default,
      // no assertion failing). The work is CPU-bound and the host's load scales it; the bound is for a hung case, not its
      // speed (bench:tagging measures that).
    }, 120_000);

    it('learns from rejections as much as from confirmations: without the irrelevant items’ decisions the weights differ', () => {
      const [{ train }] = learningFolds(load('eval-2027-04'));
      const decisions = train.map((item) => reviewerDecision(item, plain(item).goals));
      const all = learnWeights(taxonomy, decisions, { analyzer });
      const positives = learnWeights(taxonomy, decisions.filter((d) => d.relevant), { analyzer });
      const negative = Object.values(all.weights).flatMap((row) => Object.values(row)).filter((v) => v < 0);
      expect(negative.length).toBeGreaterThan(0);
      expect(all.weights).not.toEqual(positives.weights);
    });

    it('makes no unreviewed fold worse on any dev set or the older sets and helps the unreviewed folds on average', () => {
      let gain = 0;
      const sets: [string, LabelledItem[]][] = [...devSets.map((set): [string, LabelledItem[]] => [set, load(set)]), ['older sets', olderSets.flatMap(load)]];
      for (const [set, items] of sets) {
        for (const { before: b, after: a } of crossValidateLearning(taxonomy, analyzer, items)) {
          expect(a.f1, `${set} F1`).toBeGreaterThanOrEqual(b.f1);
          expect(a.primaryHit, `${set} primary hit`).toBeGreaterThanOrEqual(b.primaryHit);
          expect(a.goalPrecision, `${set} goal precision`).toBeGreaterThanOrEqual(b.goalPrecision - 0.01);
          gain += a.f1 - b.f1 + (a.primaryHit - b.primaryHit);
        }
      }
      expect(gain).toBeGreaterThan(0);
      // Every dev set's five folds and the older sets': 19-24 s on a loaded host (load 10-12), over the suite's 20 s default;
      // 66 s with eval-2028-21 added and all of test/tag running at load 17-19 (28 s alone at load 13); 124 s in a
      // fresh-clone CI beside eight helpers at load 20 (12-06 23:2x UTC), over the 120 s it had. The bound is for a hung
      // sweep, not its speed (bench:learning measures that).
    }, 600_000);

    // A reviewer's decision on one language's item teaches its twin in the other (session 38): eval-2028-03's fire-station
    // property strategy, a Finnish/Swedish pair the rules score 1.7 for the reform (bar 2.0). The twins share no stem
    // that carries it; they share taxonomy terms' places (paloasema / brandstation, aluehallitus / områdesstyrelse),
    // which are the learning features of terms, and learning that raises the goal the rules lead with needs half a margin.
    it('reads the Finnish and the Swedish twin with the same features for the terms both match', () => {
      const [fi, sv] = twins.map((id) => [...core.read(twinSet.find((i) => i.id === id)!).features.keys()]);
      // paloasema / brandstation and aluehallitus / områdesstyrelse (a word or two, euro, may be shared besides)
      expect(fi.filter((f) => f.startsWith('term:') && sv.includes(f)).length).toBe(2);
    });

    it('makes each twin relevant under the reform in the fold nobody reviewed, from its reviewed twin', () => {
      for (const id of twins) {
        const { train, test } = learningFolds(twinSet).find((f) => f.test.some((i) => i.id === id))!;
        const item = test.find((i) => i.id === id)!;
        const twin = train.find((i) => twins.includes(i.id) && i.id !== id)!;
        expect(twin.lang).not.toBe(item.lang);
        expect(plain(item).relevant, `${id} by the rules`).toBe(false);
        const decisions = train.map((i) => reviewerDecision(i, plain(i).goals));
        const taught = createTagger(taxonomy, { analyzer, learned: learnWeights(taxonomy, decisions, { analyzer }) })(item);
        expect(taught).toMatchObject({ relevant: true, primary: 'welfare-reform' });
        // Without the twin's decision nothing carries the correction across.
        const without = decisions.filter((d) => d.item !== twin);
        expect(createTagger(taxonomy, { analyzer, learned: learnWeights(taxonomy, without, { analyzer }) })(item).relevant, `${id} without its twin`).toBe(false);
      }
    });

    it('fixes both on eval-2028-03 and breaks nothing, no fold worse', () => {
      const folds = crossValidateLearning(taxonomy, analyzer, twinSet);
      expect(relevanceChanges(folds)).toEqual({ fixed: 2, broke: 0 });
      for (const { before: b, after: a } of folds) {
        expect(a.f1).toBeGreaterThanOrEqual(b.f1);
        expect(a.primaryHit).toBeGreaterThanOrEqual(b.primaryHit);
        expect(a.goalPrecision).toBeGreaterThanOrEqual(b.goalPrecision);
      }
    });

    // eval-2027-09 (sealed until session 27): with Voikko one fold fell 0.020 in F1 and 0.038 in primary hit. Reviewers'
    // goal choices (items mentioning the rescue departments put under internal security) lent their agreement to two
    // rejections whose only shared word was pelastuslaitos, which so learned to make an unseen item not relevant.
    it('makes no fold of eval-2027-09 worse (goal choices do not vouch for irrelevance)', () => {
      const folds = crossValidateLearning(taxonomy, analyzer, load('eval-2027-09'));
      expect(relevanceChanges(folds).broke, 'unreviewed items learning made wrong').toBe(0);
      for (const { before: b, after: a } of folds) {
        expect(a.f1, 'F1').toBeGreaterThanOrEqual(b.f1);
        expect(a.primaryHit, 'primary hit').toBeGreaterThanOrEqual(b.primaryHit);
        expect(a.goalPrecision, 'goal precision').toBeGreaterThanOrEqual(b.goalPrecision - 0.002);
      }
    });

    // eval-2027-08 arrived with the taxonomy of commit 3c61c2c (a copy in the fixtures): there one Snowball fold fell
    // 0.017 in F1. Reviewers had moved items about fire stations from services to the reform, and the words that did it
    // (paloasema) lowered services alone; on an unreviewed item whose only relevant goal was services they took it out.
    // A goal choice moves points between goals; only an irrelevance decision takes them away.
    it('makes no fold of eval-2027-08 worse with the taxonomy it arrived with (goal choices do not decide relevance)', () => {
      const old = loadTaxonomy(fileURLToPath(new URL('../fixtures/tag/taxonomy-3c61c2c/', import.meta.url)));
      for (const { before: b, after: a } of crossValidateLearning(old, analyzer, load('eval-2027-08'))) {
        expect(a.f1, 'F1').toBeGreaterThanOrEqual(b.f1);
        expect(a.primaryHit, 'primary hit').toBeGreaterThanOrEqual(b.primaryHit);
        expect(a.goalPrecision, 'goal precision').toBeGreaterThanOrEqual(b.goalPrecision - 0.01);
      }
    });
    // eval-2028-19 arrived in the learning test with the taxonomy of 1d22cc5 (2026.20, a copy in the fixtures; round
    // thirty-nine's rules, 2026.21, read the fire-safety decrees below, so that case no longer arises on its folds).
    // The environment ministry's energy-performance request (qc015, qc016; not ours), in which the rules find nothing,
    // was lifted past the bar in its fold by the ministry's name alone (miljöministeriet, its stem and its head, 0.9
    // each, in four confirmed reviewed items: two fire-safety decrees the rules read and two they missed). A word the
    // rules' own items share says who writes; the kind of item a silent one may be lifted as is counted in confirmed
    // items the rules found nothing in either (two here, under the three a lift needs).
    describe('eval-2028-19 with the taxonomy it arrived with', () => {
      const arrived = loadTaxonomy(fileURLToPath(new URL('../fixtures/tag/taxonomy-1d22cc5/', import.meta.url)));
      const plainThen = createTagger(arrived, { analyzer });
      const items = load('eval-2028-19');
      const fold = (id: string) => {
        const { train, test } = learningFolds(items).find((f) => f.test.some((i) => i.id === id))!;
        const learned = learnWeights(arrived, train.map((i) => reviewerDecision(i, plainThen(i).goals)), { analyzer });
        return { item: test.find((i) => i.id === id)!, learned };
      };

      it('lifts no item the rules find nothing in by a word the rules’ own items share (qc015, qc016)', () => {
        for (const id of ['qc015', 'qc016']) {
          const { item, learned } = fold(id);
          expect(Object.values(createTaggerCore(arrived, { analyzer }).read(item).rule).every((v) => v <= 0), `${id}: no rule evidence`).toBe(true);
          expect(createTagger(arrived, { analyzer, learned })(item).relevant, id).toBe(false);
          // The weights alone would lift the Swedish one: the lift rule, not weak weights, keeps it out.
          if (id === 'qc016') expect(createTagger(arrived, { analyzer, learned: { ...learned, lifts: undefined } })(item).relevant).toBe(true);
        }
      });

      // Its investment plan naming fire stations (qc119 Finnish, qc120 Swedish; the reform's money): reviewers put fire
      // stations in such items under the reform, and learning raises the reform on both. The goal choice read the reform
      // as named by actors alone (the council in the summary) and let the title's fire stations hand the item to
      // services: a goal learning raises is named by reviewers' words too. (With round thirty-nine's rules learning still
      // makes qc119 relevant with Snowball: the dev-set folds above hold it.)
      it('lists the goal learning raised, not the title’s fire stations (qc119, qc120)', () => {
        for (const id of ['qc119', 'qc120']) {
          const { item, learned } = fold(id);
          const taught = createTagger(arrived, { analyzer, learned })(item);
          // qc120 is relevant by the rules; learning makes qc119 relevant with Snowball only.
          if (id === 'qc120' || taught.relevant) expect(taught, id).toMatchObject({ relevant: true, goals: ['welfare-reform'] });
        }
      });
    });

    // eval-2028-20's qd051, a written question on Swedish-language emergency calls at night (internal security 2.1 by the
    // rules, bar 2.0): in its fold two rejected items naming the emergency centres (a budget leaving their money unchanged,
    // scam callers posing as them) against one confirmed taught hätäkeskus −0.82 for internal security with Voikko, as a
    // stem and again as a term, and it left the relevant items. A correction moves a feature the whole cap only once the
    // items that needed it outnumber those that want the other direction by two; by one, half a margin.
    it('lets no two rejections against one confirmation take an unseen item out through one word (eval-2028-20 qd051)', () => {
      const { train, test } = learningFolds(load('eval-2028-20')).find((f) => f.test.some((i) => i.id === 'qd051'))!;
      const item = test.find((i) => i.id === 'qd051')!;
      expect(plain(item)).toMatchObject({ relevant: true, primary: 'internal-security' });
      const learned = learnWeights(taxonomy, train.map((i) => reviewerDecision(i, plain(i).goals)), { analyzer });
      for (const f of core.read(item).features.keys()) expect(learned.weights[f]?.['internal-security'] ?? 0, f).toBeGreaterThanOrEqual(-0.5);
      expect(createTagger(taxonomy, { analyzer, learned })(item)).toMatchObject({ relevant: true, primary: 'internal-security' });
    });

    // eval-2028-25's qi046, a written question on why the tax administration treats volunteer firefighters' alarm pay
    // differently across the country (services 2.85 by the rules, bar 2.0): in its fold one rejected written question the
    // rules had relevant (home insurers' delays in fire compensation) taught the written question's own words
    // (skriftligt spörsmål, frågeställaren, tänker, 0.1-0.35 each) irrelevance, and together, over the floor, they took
    // qi046 out, with either analyzer. The same words are in a confirmed reviewed written question (the first-response
    // units' compensation): a word of items reviewers confirmed does not say an item is none of ours.
    it('lets no words of confirmed items teach irrelevance together (eval-2028-25 qi046: a written question’s own words)', () => {
      const { train, test } = learningFolds(load('eval-2028-25')).find((f) => f.test.some((i) => i.id === 'qi046'))!;
      const item = test.find((i) => i.id === 'qi046')!;
      expect(plain(item)).toMatchObject({ relevant: true, primary: 'services' });
      const decisions = train.map((i) => reviewerDecision(i, plain(i).goals));
      const learned = learnWeights(taxonomy, decisions, { analyzer });
      // The item's learned change to services stays under the floor: the weights alone move it nowhere.
      let delta = 0;
      for (const [f, x] of core.read(item).features) delta += (learned.weights[f]?.services ?? 0) * x;
      expect(delta).toBeGreaterThan(-learned.floor!);
      // spörsmål, in one rejected item that needed lowering and in one confirmed, teaches no irrelevance.
      expect(learned.weights['spörsmål']?.services ?? 0).toBeGreaterThanOrEqual(0);
      expect(createTagger(taxonomy, { analyzer, learned })(item)).toMatchObject({ relevant: true, primary: 'services' });
    });

    // eval-2028-27's qk066, a Swedish statement request on the decree on the welfare areas' preparedness planning
    // (internal security 6.55 by the rules, the reform 1.73 under the goal bar): in its fold two confirmed reform items the
    // rules missed against one rejection taught the reform half the cap on the welfare areas' words (välfärdsområden in the
    // title, områden and its head in the summary); summed past the floor they lifted the reform past the goal bar, and
    // learning listed it beside internal security. Words that made other items relevant under a goal do not say an item
    // the rules find relevant under another is about it too: a further goal the rules did not list comes in only when what
    // was learned for it alone would make an item relevant.
    it('lists no further goal the rules left out through weights that alone make nothing relevant (eval-2028-27 qk066)', () => {
      const { train, test } = learningFolds(load('eval-2028-27')).find((f) => f.test.some((i) => i.id === 'qk066'))!;
      const item = test.find((i) => i.id === 'qk066')!;
      expect(plain(item)).toMatchObject({ relevant: true, goals: ['internal-security'] });
      const learned = learnWeights(taxonomy, train.map((i) => reviewerDecision(i, plain(i).goals)), { analyzer });
      const taught = createTagger(taxonomy, { analyzer, learned })(item);
      // Learning raised the reform here while the rules missed the fold's confirmed reform items; since round forty-eight
      // the rules find one of them (qk162, a Finlex title with no summary, in this fold's training), and the weights no
      // longer raise it. Either way learning may not list it.
      expect(taught.scores['welfare-reform']).toBeGreaterThanOrEqual(plain(item).scores['welfare-reform']);
      expect(taught).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    });

    // eval-2028-10's b153, "Aluevaltuusto hyväksyi vanhuspalvelujen palveluverkon: kuusi hoivakotia suljetaan": the rules
    // lead with the reform (1.5, bar 2.0) but the title's elderly services cancel its council, and no goal keeps a title
    // anchor: the rules ruled it out (the summary's rescue department, in a denial, lifts the welfare-area scope). The
    // reviewed folds taught aluevaltuusto to the reform (two reviewed reform items); learning may not make it relevant.
    // Round thirty-six: the rules find one of the two (b049, the audit committee's evaluation report), so this fold learns
    // aluevaltuusto no more; the weight the two taught (0.9, with Snowball its head too) is set here as learning gave it,
    // so that the safeguard, not the fold's luck, is what keeps b153 out.
    it('makes no item the rules ruled out relevant (eval-2028-10 b153: the council’s elderly-care network)', () => {
      const items = load('eval-2028-10');
      const { train, test } = learningFolds(items).find((f) => f.test.some((i) => i.id === 'b153'))!;
      // Round thirty-eight: its summary's denial ("ei koske pelastuslaitoksen paloasemia") is no evidence now, so the rules
      // give it less; the summary names the rescue department's fire stations without the denial, as the rules read it before.
      const b153 = test.find((i) => i.id === 'b153')!;
      const item = { ...b153, summary: 'Palveluverkkopäätöksessä ovat mukana myös pelastuslaitoksen paloasemat.' };
      const reading = core.read(item);
      expect(ruledOut(reading)).toBe(true);
      const learned = learnWeights(taxonomy, train.map((i) => reviewerDecision(i, plain(i).goals)), { analyzer });
      for (const [f] of reading.features) {
        if (f === 'aluevaltuusto' || f === 'head:alueva') learned.weights[f] = { ...learned.weights[f], 'welfare-reform': 0.9 };
      }
      // What was learned would carry the reform past the bar: the item's own learned weights sum past the gap.
      let delta = 0;
      for (const [f, x] of reading.features) delta += (learned.weights[f]?.['welfare-reform'] ?? 0) * x;
      expect(reading.rule['welfare-reform'] + learnedShift(delta, learned, true)).toBeGreaterThanOrEqual(taxonomy.thresholds.relevant);
      expect(plain(item).relevant).toBe(false);
      expect(createTagger(taxonomy, { analyzer, learned })(item)).toMatchObject({ relevant: false, scores: plain(item).scores });
    });
  });
}

suite('Snowball', () => createSnowballAnalyzer());
suite('Voikko', () => (voikkoForTests('learning safeguards with Voikko stems') ? createAnalyzer('auto') : null));

describe('relevanceChanges', () => {
  const q = (misses: string[]) => ({ n: 3, precision: 1, recall: 1, f1: 1, primaryHit: 1, primaryChosen: 1, goalPrecision: 1, goalRecall: 1, misses });
  it('counts unreviewed items whose relevance learning made right or wrong, not their goals', () => {
    const folds: FoldResult[] = [
      { before: q(['a1 false positive: x', 'a2 missed: y', 'a3 primary services not in []']), after: q(['a2 missed: y', 'a4 missed: z', 'a5 wrong goal services']) },
      { before: q([]), after: q(['b1 false positive: w']) },
    ];
    expect(relevanceChanges(folds)).toEqual({ fixed: 1, broke: 2 });
  });
});

describe('learnedShift and the lead floor', () => {
  const learned = { floor: 1, leadFloor: 0.5, bound: 3 };
  it('lets a change of half a margin raise the goal the rules lead with, and nothing else', () => {
    expect(learnedShift(0.6, learned, true)).toBe(0.6);
    expect(learnedShift(0.6, learned, false)).toBe(0);
    // Lowering the leading goal needs the whole floor: rejections keep their bar.
    expect(learnedShift(-0.6, learned, true)).toBe(0);
    expect(learnedShift(0.4, learned, true)).toBe(0);
    // The lead floor never raises the floor.
    expect(learnedShift(0.6, { floor: 0.5, leadFloor: 2 }, true)).toBe(0.6);
  });
  it('raises nothing on an item the rules ruled out, and lowers as before', () => {
    expect(learnedShift(2, learned, true, true)).toBe(0);
    expect(learnedShift(2, learned, false, true)).toBe(0);
    expect(learnedShift(-2, learned, false, true)).toBe(-2);
    expect(learnedShift(2, learned, true, false)).toBe(2);
  });
});

describe('ruledOut', () => {
  it('is an item whose title negative terms cancel its anchors, with no goal keeping one', () => {
    expect(ruledOut({ title: { services: 0, 'welfare-reform': -1 } })).toBe(true);
    // eval-2028-03's property strategy: health stations cancel the council, fire stations keep the title ours.
    expect(ruledOut({ title: { services: 2.5, 'welfare-reform': -1 } })).toBe(false);
    // A title with no anchor at all is too weak, not out.
    expect(ruledOut({ title: { services: 0, 'welfare-reform': 0 } })).toBe(false);
  });
});
