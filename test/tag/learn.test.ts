import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { evaluate } from '../../src/tag/evaluate.js';
import { parseSet } from '../../bench/labelled-sets.js';
import { learnWeights } from '../../src/tag/learn.js';
import { createTagger, termFeatureKey } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { ReviewDecision, TagInput } from '../../src/tag/types.js';
import { voikkoForTests } from './voikko-gate.js';
import { crossValidateLearning, summarise } from '../../bench/learning-cv.js';

const taxonomy = loadTaxonomy();
/** The learning feature of a taxonomy term, by its text. */
const termKey = (text: string): string => termFeatureKey(taxonomy.terms.find((t) => t.text === text)!);
const dev = parseSet(readFileSync(new URL('../fixtures/tag/dev.jsonl', import.meta.url), 'utf8'));

// Rescue dogs are a volunteer hobby: the rules tag them (pelastuskoira is a pelastus- compound), the network does not
// want them. (Sea rescue, once the example here, is now kept out by the policing scope.)
const rescueDogs: TagInput[] = [
  { title: 'Pelastuskoiraliiton kesäleiri alkaa', summary: 'Leirillä koulutetaan raunio- ja jälkikoiria.' },
  { title: 'Pelastuskoirakoe järjestettiin Kuopiossa', summary: 'Kokeeseen osallistui 30 koirakkoa.' },
  { title: 'Pelastuskoirien koulutusohjelma uudistuu', summary: 'Pelastuskoiraliitto yhtenäistää etsintäkoirien koulutusta.' },
  { title: 'Pelastuskoiraliitto sai uuden puheenjohtajan', summary: 'Liiton hallitus valitsi puheenjohtajan syyskokouksessa.' },
];
// Not a camp: the events scope keeps camps (leiri) out by itself now; nor a search (etsintä, incident news since round
// thirty-five).
const newRescueDogs: TagInput = { title: 'Pelastuskoirien jäljestyskoe Lapissa', summary: 'Pelastuskoiraliiton koirakot harjoittelevat raunioilla.' };

// Smoke diving is rescue work the taxonomy does not name (oil spill response, once the example here, now is);
// reviewers add it under services.
const smokeDiving: TagInput[] = [
  { title: 'Savusukelluksen turvallisuusohje päivitetään', summary: 'Savusukeltajien paineilmalaitteiden tarkastusväliä lyhennetään.' },
  { title: 'Savusukeltajien kuntotestit yhtenäistetään', summary: 'Savusukellukseen vaaditaan jatkossa vuosittainen testi.' },
  { title: 'Savusukellusharjoitus uudessa harjoitushallissa', summary: 'Harjoituksessa testattiin savusukelluksen viestintää.' },
  { title: 'Savusukelluskalusto uusitaan', summary: 'Savusukeltajille hankitaan uudet lämpökamerat.' },
];
const newSmokeDiving: TagInput = { title: 'Savusukeltajien varusteet uusitaan', summary: 'Savusukelluksen paineilmalaitteet vaihdetaan.' };

function suite(name: string, make: () => Analyzer | null): void {
  describe(`learning from reviewers (${name})`, () => {
    const analyzer = make();
    if (!analyzer) {
      it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
      return;
    }
    const rejected: ReviewDecision[] = rescueDogs.map((item) => ({ item, relevant: false, confirmed: [], rejected: ['services'] }));
    const added: ReviewDecision[] = smokeDiving.map((item) => ({ item, relevant: true, confirmed: ['services'], rejected: [] }));

    it('stops tagging a kind of item after a handful of rejections', () => {
      const before = createTagger(taxonomy, { analyzer })(newRescueDogs);
      expect(before.relevant).toBe(true);
      const learned = learnWeights(taxonomy, rejected, { analyzer });
      const after = createTagger(taxonomy, { analyzer, learned })(newRescueDogs);
      expect(after.relevant).toBe(false);
      expect(after.evidence.some((e) => e.rule === 'learned')).toBe(true);
    });

    it('starts tagging a kind of item after a handful of confirmations', () => {
      expect(createTagger(taxonomy, { analyzer })(newSmokeDiving).relevant).toBe(false);
      const learned = learnWeights(taxonomy, added, { analyzer });
      const after = createTagger(taxonomy, { analyzer, learned })(newSmokeDiving);
      expect(after).toMatchObject({ relevant: true, primary: 'services' });
    });

    it('lifts an item without rule evidence only by words many confirmed items share and no rejected one has', () => {
      // Two confirmations are not a kind yet: the words they share move no unseen item the rules find nothing in.
      const two = learnWeights(taxonomy, added.slice(0, 2), { analyzer });
      expect(createTagger(taxonomy, { analyzer, learned: two })(newSmokeDiving).relevant).toBe(false);
      // Four confirmations and one rejection that shares their words: the words are no longer the kind's own.
      const drill: ReviewDecision = {
        item: { title: 'Savusukelluksen näytös kauppakeskuksessa', summary: 'Yleisö seurasi savusukeltajien näytöstä.' },
        relevant: false, confirmed: [], rejected: [],
      };
      const mixed = learnWeights(taxonomy, [...added, drill], { analyzer });
      expect(Object.keys(mixed.lifts ?? {}).some((f) => /savusukel/.test(f))).toBe(false);
      expect(createTagger(taxonomy, { analyzer, learned: mixed })(newSmokeDiving).relevant).toBe(false);
      // Without the limit the same weights would lift it: the limit, not weak weights, keeps it out.
      expect(createTagger(taxonomy, { analyzer, learned: { ...mixed, lifts: undefined } })(newSmokeDiving).relevant).toBe(true);
    });

    it('keeps the dev set right after learning both', () => {
      const learned = learnWeights(taxonomy, [...rejected, ...added], { analyzer });
      expect(learned.analyzer).toBe(analyzer.name);
      expect(learned.taxonomyVersion).toBe(taxonomy.version);
      const tag = createTagger(taxonomy, { analyzer, learned });
      const q = evaluate(dev, (i) => tag(i));
      expect(q.f1).toBeGreaterThanOrEqual(0.95);
      expect(q.primaryHit).toBeGreaterThanOrEqual(0.95);
      expect(q.goalPrecision).toBeGreaterThanOrEqual(0.9);
    });

    it('lets no word seen in a single reviewed item swing an unseen one', () => {
      // One rejection of an item whose distinctive word (sammutusvaahto) then appears in an unseen relevant item.
      const once: ReviewDecision = {
        item: { title: 'Sammutusvaahtojen PFAS-kielto: pelastuslaitokset vaihtavat vaahdot', summary: 'Sammutusvaahto hävitetään.' },
        relevant: false, confirmed: [], rejected: ['services'],
      };
      const unseen: TagInput = { title: 'Sammutusvaahto', summary: 'Pelastuslaitos harjoittelee.' };
      const learned = learnWeights(taxonomy, [once], { analyzer });
      const before = createTagger(taxonomy, { analyzer })(unseen);
      const after = createTagger(taxonomy, { analyzer, learned })(unseen);
      expect(after.scores).toEqual(before.scores);
    });

    // A correction one reviewed item alone needed, carried by one term other reviewed items share without needing it
    // (eval-2028-14 at its sealing: l065's hazard bulletins taught vaaratiedote 0.88, and l199, an ammonia leak whose
    // bulletin was cancelled, became relevant by it). Hazard bulletins in a summary give internal security 1.75 (bar 2.0).
    it('lets a correction one reviewed item alone needed swing no unseen item through one term; two reviewed items teach it', () => {
      const needs: TagInput = { title: 'Kysely kotitalouksille valmistui', summary: 'Kyselyssä selvitettiin, miten vaaratiedotteet tavoittavat asukkaat.' };
      const alsoNeeds: TagInput = { title: 'Selvitys radiokanavien kuuluvuudesta', summary: 'Selvityksessä arvioidaan myös vaaratiedotteiden kuuluvuutta.' };
      // The rules read this one (a term of the same place in the taxonomy in its title): it shares the term, needs nothing.
      const right: TagInput = { title: 'Varoitussireenit uusitaan koko maassa', summary: 'Uudet sireenit asennetaan kolmen vuoden aikana.' };
      const unseen: TagInput = { title: 'Tutkimus kuuntelutottumuksista julkaistiin', summary: 'Raportissa mainitaan vaaratiedotteet.' };
      const plain = createTagger(taxonomy, { analyzer });
      expect([needs, alsoNeeds, unseen].map((i) => plain(i).relevant)).toEqual([false, false, false]);
      expect(plain(right).relevant).toBe(true);
      const confirm = (item: TagInput): ReviewDecision => ({ item, relevant: true, confirmed: ['internal-security'], rejected: [], primary: 'internal-security' });
      const one = learnWeights(taxonomy, [confirm(needs), confirm(right)], { analyzer });
      // The term's feature is the only one the two share: half a margin at most, under the lead floor on the unseen item.
      expect(Object.keys(one.weights)).toEqual([termKey('vaara+tiedote')]);
      expect(one.weights[termKey('vaara+tiedote')]['internal-security']).toBeLessThanOrEqual(0.5);
      expect(createTagger(taxonomy, { analyzer, learned: one })(unseen).scores).toEqual(plain(unseen).scores);
      const two = learnWeights(taxonomy, [confirm(needs), confirm(alsoNeeds), confirm(right)], { analyzer });
      expect(createTagger(taxonomy, { analyzer, learned: two })(unseen)).toMatchObject({ relevant: true, primary: 'internal-security' });
    });

    // A Finnish/Swedish pair reviewed alike is one decision made twice: the term place both versions match (vaaratiedote,
    // faromeddelande) counted two reviewed items and took the whole cap from one text's correction (eval-2028-26's
    // hazard-bulletin statistics, qj271/qj272: +0.9 for internal security on two terms in the fold that reviewed both).
    // Linked (one `twin` key, as the crawl links a document's language versions), the pair teaches what one item does.
    it('counts a linked Finnish/Swedish pair reviewed alike once: the pair alone moves no unseen item past the floor', () => {
      const fi: TagInput = { title: 'Kysely kotitalouksille valmistui', summary: 'Kyselyssä selvitettiin, miten vaaratiedotteet tavoittavat asukkaat.', lang: 'fi' };
      const sv: TagInput = { title: 'Enkäten till hushållen är klar', summary: 'I enkäten utreddes hur faromeddelandena når invånarna.', lang: 'sv' };
      const right: TagInput = { title: 'Varoitussireenit uusitaan koko maassa', summary: 'Uudet sireenit asennetaan kolmen vuoden aikana.' };
      const unseen: TagInput = { title: 'Tutkimus kuuntelutottumuksista julkaistiin', summary: 'Raportissa mainitaan vaaratiedotteet.' };
      const plain = createTagger(taxonomy, { analyzer });
      expect([fi, sv, unseen].map((i) => plain(i).relevant)).toEqual([false, false, false]);
      const confirm = (item: TagInput, twin: string | null): ReviewDecision => ({ item, relevant: true, confirmed: ['internal-security'], rejected: [], primary: 'internal-security', twin });
      // Unlinked, the pair is two reviewed items and lifts the unseen one (as two texts would).
      const twice = learnWeights(taxonomy, [confirm(fi, null), confirm(sv, null), confirm(right, null)], { analyzer });
      expect(createTagger(taxonomy, { analyzer, learned: twice })(unseen).relevant).toBe(true);
      const once = learnWeights(taxonomy, [confirm(fi, 'HE 1/2053 vp'), confirm(sv, 'HE 1/2053 vp'), confirm(right, null)], { analyzer });
      expect(once.weights[termKey('vaara+tiedote')]?.['internal-security'] ?? 0).toBeLessThanOrEqual(0.5);
      expect(createTagger(taxonomy, { analyzer, learned: once })(unseen).scores).toEqual(plain(unseen).scores);
      // Linked items reviewed differently are two decisions.
      const apart = learnWeights(taxonomy, [confirm(fi, 'HE 1/2053 vp'), { ...confirm(sv, 'HE 1/2053 vp'), confirmed: ['internal-security', 'services'] }, confirm(right, null)], { analyzer });
      expect(apart.weights[termKey('vaara+tiedote')]?.['internal-security'] ?? 0).toBeGreaterThan(0.5);
    });

    // decisionOf's key and the Counter (mutation record, session 61): the goals in another order are the same decision,
    // another primary is another one, and a pair counted once still counts beside an unlinked item sharing its term.
    it('counts a linked pair once whatever order it lists its goals in, twice for two primaries, and beside a third item', () => {
      const fi: TagInput = { title: 'Kysely kotitalouksille valmistui', summary: 'Kyselyssä selvitettiin, miten vaaratiedotteet tavoittavat asukkaat.', lang: 'fi' };
      const sv: TagInput = { title: 'Enkäten till hushållen är klar', summary: 'I enkäten utreddes hur faromeddelandena når invånarna.', lang: 'sv' };
      const right: TagInput = { title: 'Varoitussireenit uusitaan koko maassa', summary: 'Uudet sireenit asennetaan kolmen vuoden aikana.' };
      const third: TagInput = { title: 'Tutkimus kuuntelutottumuksista julkaistiin', summary: 'Raportissa mainitaan vaaratiedotteet.' };
      const term = termKey('vaara+tiedote');
      const both = (item: TagInput, confirmed: string[], primary: string, twin: string | null): ReviewDecision => ({ item, relevant: true, confirmed, rejected: [], primary, twin });
      const twin = 'HE 1/2053 vp';
      const fit = (a: ReviewDecision, b: ReviewDecision, ...rest: ReviewDecision[]) => learnWeights(taxonomy, [a, b, ...rest, both(right, ['internal-security'], 'internal-security', null)], { analyzer }).weights;
      // The goals in another order: the same decision.
      expect(fit(both(fi, ['internal-security', 'services'], 'internal-security', twin), both(sv, ['services', 'internal-security'], 'internal-security', twin)))
        .toEqual(fit(both(fi, ['internal-security', 'services'], 'internal-security', twin), both(sv, ['internal-security', 'services'], 'internal-security', twin)));
      // Another primary, with the goals listed alike: two decisions, as if unlinked.
      const primaries = (link: string | null) => fit(both(fi, ['internal-security', 'services'], 'internal-security', link), both(sv, ['internal-security', 'services'], 'services', link));
      expect(primaries(twin)).toEqual(primaries(null));
      // The pair reviewed alike counts once beside an unlinked item with the word: two decisions hold it, so it is weighed
      // (with the pair not counted, the term stays under half a margin).
      const beside = fit(both(fi, ['internal-security'], 'internal-security', twin), both(sv, ['internal-security'], 'internal-security', twin), both(third, ['internal-security'], 'internal-security', null));
      expect(beside[term]?.['internal-security']).toBeGreaterThan(0.5);
    });

    it('bounds what learning can change on one item, however many decisions agree', () => {
      const many = Array.from({ length: 40 }, (_, i) => ({ item: { ...rescueDogs[i % 4], id: String(i) }, relevant: false, confirmed: [], rejected: ['services'] }));
      const learned = learnWeights(taxonomy, many, { analyzer });
      expect(learned.bound).toBeGreaterThan(0);
      const item: TagInput = { title: 'Pelastuslain muutos: pelastuskoirat ja pelastuslaitokset', summary: 'Pelastuskoiraliitto ja pelastuslaitokset.' };
      const before = createTagger(taxonomy, { analyzer })(item).scores;
      const after = createTagger(taxonomy, { analyzer, learned })(item).scores;
      for (const g of Object.keys(before)) expect(Math.abs(after[g] - before[g])).toBeLessThanOrEqual(learned.bound! * 1.15 + 0.01);
    });

    it.each([
      ['the older sets', ['dev', 'heldout', 'unseen', 'fresh']],
      ['the round-two tuning half', ['hard-dev']],
      ['the round-three tuning items', ['round3-dev']],
      ['the round-four tuning items', ['round4-dev']],
      ['the round-five dev set (eval-2027-01)', ['eval-2027-01']],
    ])('never makes unreviewed items worse in 5-fold cross-validation on %s', (_name, files) => {
      const items = files.flatMap((f) => parseSet(readFileSync(new URL(`../fixtures/tag/${f}.jsonl`, import.meta.url), 'utf8')));
      const folds = crossValidateLearning(taxonomy, analyzer, items, 5);
      const f1 = summarise(folds, 'f1');
      const primary = summarise(folds, 'primaryHit');
      expect(f1.after).toBeGreaterThanOrEqual(f1.before);
      expect(primary.after).toBeGreaterThanOrEqual(primary.before);
      // On every fold, not only on average.
      expect(f1.worst).toBeGreaterThanOrEqual(0);
      expect(primary.worst).toBeGreaterThanOrEqual(0);
      expect(summarise(folds, 'goalPrecision').after).toBeGreaterThanOrEqual(summarise(folds, 'goalPrecision').before - 0.01);
      // The older sets' folds took 35 s at load 33 (session 55, over the 20 s default, no assertion failing): CPU-bound
      // work the host's load scales; the bound is for a hung case, not its speed.
    }, 120_000);

    it('leaves items the rules already decide as reviewers did without weights (nothing to correct)', () => {
      const rightAlready: ReviewDecision[] = dev.slice(0, 30).map((item) => {
        const r = createTagger(taxonomy, { analyzer })(item);
        return { item, relevant: r.relevant, confirmed: r.goals, rejected: [], primary: r.primary };
      });
      const learned = learnWeights(taxonomy, rightAlready, { analyzer });
      const tag = createTagger(taxonomy, { analyzer, learned });
      const plain = createTagger(taxonomy, { analyzer });
      for (const item of dev.slice(30)) expect(tag(item).relevant).toBe(plain(item).relevant);
    });

    it('scales learned weights on an item the scope rules put out of scope, as the rules’ own score', () => {
      const learned = { analyzer: analyzer.name, taxonomyVersion: taxonomy.version, decisions: 1, bound: 3, weights: { [termKey('pelastus+laitos')]: { services: 1 } } };
      const fire: TagInput = { title: 'Pelastuslaitos sammutti tulipalon kerrostalossa', summary: 'Asukkaat evakuoitiin.', source: 'pelastustoimi' };
      const before = createTagger(taxonomy, { analyzer })(fire);
      const after = createTagger(taxonomy, { analyzer, learned })(fire);
      expect(before.evidence.some((e) => e.rule === 'scope' && e.term === 'incident ×0.2')).toBe(true);
      // One point learned for pelastuslaitos (title, field factor 1) keeps the incident scope's 0.2 of it.
      expect(after.scores.services - before.scores.services).toBeCloseTo(0.2 * 1, 2);
      expect(after.relevant).toBe(false);
    });

    it('does not drop a goal the rules list because learning raised another goal', () => {
      // Both goals by their own topics (palotarkastus, hätäkeskus): the actor pelastuslaitos alone would lend its points.
      const item: TagInput = { title: 'Palotarkastukset ja hätäkeskusten yhteistyö', summary: 'Hätäkeskus välittää tehtävät pelastuslaitoksille.' };
      const plain = createTagger(taxonomy, { analyzer })(item);
      expect(plain.goals).toEqual(expect.arrayContaining(['services', 'internal-security']));
      const boostedGoal = plain.primary === 'services' ? 'services' : 'internal-security';
      const other = boostedGoal === 'services' ? 'internal-security' : 'services';
      const learned = { analyzer: analyzer.name, taxonomyVersion: taxonomy.version, decisions: 1, bound: 3, weights: { [termKey('pelastus+laitos')]: { [boostedGoal]: 3 } } };
      const after = createTagger(taxonomy, { analyzer, learned })(item);
      expect(after.scores[boostedGoal]).toBeGreaterThan(plain.scores[boostedGoal]);
      expect(after.goals).toContain(other);
    });

    it('brings in, on an item the rules find relevant, only a goal the rules have evidence for and learning alone would make relevant', () => {
      // The summary's hyvinvointialueiden gives the reform some rule points, not enough to list it; nothing speaks for internal security.
      const item: TagInput = { title: 'Pelastuslain muutos lausunnolle', summary: 'Muutos koskee hyvinvointialueiden palotarkastuksia.' };
      const plain = createTagger(taxonomy, { analyzer })(item);
      expect(plain.goals).toEqual(['services']);
      expect(plain.scores['welfare-reform']).toBeGreaterThan(0);
      expect(plain.scores['internal-security']).toBe(0);
      const taught = (goal: string, w: number) =>
        createTagger(taxonomy, { analyzer, learned: { analyzer: analyzer.name, taxonomyVersion: taxonomy.version, decisions: 1, bound: 3, weights: { [termKey('pelastus+laki')]: { [goal]: w } } } })(item);
      // Learned weights as large as the relevance bar, for a goal the rules find nothing of: raised, not listed.
      const none = taught('internal-security', taxonomy.thresholds.relevant + 1);
      expect(none.scores['internal-security']).toBeGreaterThan(0);
      expect(none.goals).toEqual(['services']);
      // For a goal the rules have evidence of: listed beside the leading goal only when what was learned clears the bar.
      const weak = taught('welfare-reform', taxonomy.thresholds.relevant - 0.5);
      expect(weak.scores['welfare-reform']).toBeGreaterThanOrEqual(taxonomy.thresholds.goal);
      expect(weak.goals).toEqual(['services']);
      const strong = taught('welfare-reform', taxonomy.thresholds.relevant + 1);
      expect(strong.goals).toEqual(['services', 'welfare-reform']);
      expect(strong.primary).toBe('services');
    });

    it('makes no change below the floor: a few shared words summing to less than it do not move an unseen item', () => {
      const item: TagInput = { title: 'Savusukeltajien varusteet', summary: 'Pelastuslaitos hankkii uudet varusteet.' };
      const plain = createTagger(taxonomy, { analyzer })(item);
      const weights = { [termKey('pelastus+laitos')]: { services: 0.9 } };
      const under = createTagger(taxonomy, { analyzer, learned: { analyzer: analyzer.name, taxonomyVersion: taxonomy.version, decisions: 2, bound: 3, floor: 1, weights } })(item);
      expect(under.scores).toEqual(plain.scores);
      const over = createTagger(taxonomy, { analyzer, learned: { analyzer: analyzer.name, taxonomyVersion: taxonomy.version, decisions: 2, bound: 3, floor: 0.5, weights } })(item);
      expect(over.scores.services).toBeGreaterThan(plain.scores.services);
    });

    it('ignores weights learned with another analyzer', () => {
      const learned = { ...learnWeights(taxonomy, rejected, { analyzer }), analyzer: 'other' };
      expect(createTagger(taxonomy, { analyzer, learned })(newRescueDogs).relevant).toBe(true);
    });
  });
}

suite('Snowball', () => createSnowballAnalyzer());
suite('Voikko', () => (voikkoForTests('learning with Voikko stems') ? createAnalyzer('auto') : null));
