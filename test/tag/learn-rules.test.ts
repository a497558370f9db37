// learnWeights' knobs, each checked against its definition (src/tag/learn.ts LearnOptions), on a small set of
// reviewer decisions: what a knob promises must hold of every weight, whatever the weights turn out to be.
import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { learnWeights } from '../../src/tag/learn.js';
import { createTagger, createTaggerCore } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { ReviewDecision, TagInput } from '../../src/tag/types.js';

const taxonomy = loadTaxonomy();
const analyzer = createSnowballAnalyzer();
const smokeDiving: TagInput[] = [
  { title: 'Savusukelluksen turvallisuusohje päivitetään', summary: 'Savusukeltajien paineilmalaitteiden tarkastusväliä lyhennetään.' },
  { title: 'Savusukeltajien kuntotestit yhtenäistetään', summary: 'Savusukellukseen vaaditaan jatkossa vuosittainen testi.' },
  { title: 'Savusukellusharjoitus uudessa harjoitushallissa', summary: 'Harjoituksessa testattiin savusukelluksen viestintää.' },
  { title: 'Savusukelluskalusto uusitaan', summary: 'Savusukeltajille hankitaan uudet lämpökamerat.' },
];
// Items the rules tag relevant to services that reviewers reject (the department's own social news): learning pushes
// only where the rules erred, so these are the ones whose words must go down.
const staffNews: TagInput[] = [
  { title: 'Pelastuslaitos palkitsi vuoden palomiehen', summary: 'Pelastuslaitoksen henkilöstö valitsi vuoden palomiehen.' },
  { title: 'Pelastuslaitoksen logo uudistuu', summary: 'Pelastuslaitos ottaa käyttöön uuden tunnuksen ja värit.' },
  { title: 'Pelastuslaitoksen kevätretki Tallinnaan', summary: 'Pelastuslaitoksen henkilökunta teki virkistysmatkan.' },
  { title: 'Pelastuslaitoksen joulukonsertti', summary: 'Pelastuslaitos järjestää perinteisen konsertin kirkossa.' },
];
const decisions: ReviewDecision[] = [
  ...smokeDiving.map((item) => ({ item, relevant: true, confirmed: ['services'], rejected: [] })),
  ...staffNews.map((item) => ({ item, relevant: false, confirmed: [], rejected: ['services'] })),
];
const values = (w: Record<string, Record<string, number>>) => Object.values(w).flatMap((row) => Object.values(row));

describe('learnWeights: the knobs as defined', () => {
  it('records what it learned from: analyzer, taxonomy version, number of decisions, and the bound (relevance + margin)', () => {
    const learned = learnWeights(taxonomy, decisions, { analyzer });
    expect(learned).toMatchObject({ analyzer: 'snowball', taxonomyVersion: taxonomy.version, decisions: 8, bound: taxonomy.thresholds.relevant + 1 });
    expect(learnWeights(taxonomy, decisions, { analyzer, margin: 0.25 }).bound).toBe(taxonomy.thresholds.relevant + 0.25);
    expect(Object.keys(learned.weights).length).toBeGreaterThan(0);
  });

  it('learns nothing from no decisions, with no passes, at rate 0, or when every pass forgets everything (decay 1)', () => {
    expect(learnWeights(taxonomy, [], { analyzer })).toMatchObject({ decisions: 0, weights: {} });
    expect(learnWeights(taxonomy, decisions, { analyzer, epochs: 0 }).weights).toEqual({});
    expect(learnWeights(taxonomy, decisions, { analyzer, rate: 0 }).weights).toEqual({});
    expect(learnWeights(taxonomy, decisions, { analyzer, decay: 1 }).weights).toEqual({});
  });

  it('keeps every weight within the cap, rounded to thousandths, and drops those under 0.01', () => {
    for (const cap of [0.05, 0.3, 2]) {
      const all = values(learnWeights(taxonomy, decisions, { analyzer, cap }).weights);
      expect(all.length).toBeGreaterThan(0);
      for (const v of all) {
        expect(Math.abs(v)).toBeLessThanOrEqual(cap);
        expect(Math.abs(v)).toBeGreaterThanOrEqual(0.01);
        expect(Math.round(v * 1000)).toBeCloseTo(v * 1000, 6);
      }
    }
  });

  it('gives weight only to features found in at least `support` reviewed items', () => {
    const core = createTaggerCore(taxonomy, { analyzer });
    const df = new Map<string, number>();
    for (const d of decisions) for (const f of core.read(d.item).features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
    for (const support of [2, 3, 4]) {
      const keys = Object.keys(learnWeights(taxonomy, decisions, { analyzer, support }).weights);
      expect(keys.length, `support ${support}`).toBeGreaterThan(0);
      for (const k of keys) expect(df.get(k), k).toBeGreaterThanOrEqual(support);
    }
    expect(learnWeights(taxonomy, decisions, { analyzer, support: 8 }).weights).toEqual({});
  });

  it('pushes confirmed items\' words up and rejected items\' words down for the goal decided', () => {
    const { weights } = learnWeights(taxonomy, decisions, { analyzer });
    const core = createTaggerCore(taxonomy, { analyzer });
    const only = (items: TagInput[], others: TagInput[]) => {
      const inOthers = new Set(others.flatMap((i) => [...core.read(i).features.keys()]));
      return new Set(items.flatMap((i) => [...core.read(i).features.keys()]).filter((f) => !inOthers.has(f)));
    };
    const up = [...only(smokeDiving, staffNews)].filter((f) => weights[f]?.services !== undefined);
    const down = [...only(staffNews, smokeDiving)].filter((f) => weights[f]?.services !== undefined);
    expect(up.length).toBeGreaterThan(0);
    expect(down.length).toBeGreaterThan(0);
    for (const f of up) expect(weights[f].services, f).toBeGreaterThan(0);
    for (const f of down) expect(weights[f].services, f).toBeLessThan(0);
  });

  it('gives no correction to a word the rules already get right on both sides, only to the words of what they got wrong', () => {
    // Relevant items the rules already find (the rescue act) and rejected ones they already reject share
    // "uudistus" with the smoke-diving items the rules miss: only the misses need a correction, and the word is as
    // often in items that want the other direction, so it carries none; savusukellus carries the correction.
    const right: ReviewDecision[] = [
      { item: { title: 'Pelastuslain uudistus etenee', summary: 'Pelastuslakia uudistetaan.' }, relevant: true, confirmed: ['services'], rejected: [] },
      { item: { title: 'Pelastuslain uudistus lausunnoille', summary: 'Pelastuslain muutos.' }, relevant: true, confirmed: ['services'], rejected: [] },
      { item: { title: 'Koulujen uudistus', summary: 'Opetussuunnitelman uudistus.' }, relevant: false, confirmed: [], rejected: [] },
      { item: { title: 'Kirjastojen uudistus', summary: 'Kirjastolain uudistus.' }, relevant: false, confirmed: [], rejected: [] },
      { item: { title: 'Teiden uudistus', summary: 'Tieverkon uudistus.' }, relevant: false, confirmed: [], rejected: [] },
    ];
    const missed: ReviewDecision[] = [
      { item: { title: 'Savusukelluksen uudistus', summary: 'Savusukeltajien varusteet.' }, relevant: true, confirmed: ['services'], rejected: [] },
      { item: { title: 'Savusukelluskaluston uudistus', summary: 'Savusukeltajien testit.' }, relevant: true, confirmed: ['services'], rejected: [] },
    ];
    const core = createTaggerCore(taxonomy, { analyzer });
    const key = (word: string): string => [...core.read({ title: word, lang: 'fi' }).features.keys()][0];
    const w = learnWeights(taxonomy, [...right, ...missed], { analyzer }).weights;
    expect(w[key('uudistus')]?.services ?? 0).toBe(0);
    expect(w[key('Savusukeltajien')]?.services ?? 0).toBeGreaterThan(0);
  });
});

describe('learnWeights: goal choices and relevance are taught apart', () => {
  // eval-2027-09 with Voikko (session 27): reviewers put relevant items that mention the rescue departments under
  // internal security where the rules also listed services, and rejected two items whose only word shared with other
  // reviewed items was pelastuslaitos. The goal choices counted for the rejections' agreement, so the actor word learned
  // to make items not relevant, and an unseen item it alone made relevant (PFAS foams) fell out.
  it('lets a word learn to make items not relevant only as far as rejections, not goal choices, outweigh confirmations', () => {
    const chose = [
      // Round thirty-eight: what a summary denies is no evidence, so these name the rescue departments without a denial (and
      // since round forty-three without "säilyy ennallaan", which says what stays as it is).
      { title: 'Hätäkeskustietojärjestelmän päivitys viivästyy', summary: 'Pelastuslaitosten toimintavalmius heikkenee viivästyksen ajaksi.' },
      { title: 'Turvallisuusverkon käyttöönotto viivästyy', summary: 'Pelastuslaitosten toimintavalmius turvataan varaverkolla.' },
      { title: 'Kenttäjohtojärjestelmän päivitys valmistui', summary: 'Pelastuslaitosten toimintavalmius paranee.' },
      { title: 'Viranomaisradioverkon häiriö korjattiin', summary: 'Pelastuslaitosten toimintavalmius heikkeni häiriön ajaksi.' },
    ];
    const right = [
      { title: 'Pelastuslaitoksen palvelutasopäätös hyväksyttiin', summary: 'Pelastuslaitos lisää valvontaa.' },
      { title: 'Pelastuslaitos hankkii uusia säiliöautoja', summary: 'Toimintavalmiusaika lyhenee.' },
    ];
    const wrong = [
      // Near misses the rules still let through by the actor alone (the weak-ice and scam-call items this test used
      // were, before the advice scope of round twenty).
      { title: 'Pelastuslaitoksen kirjasto suljetaan remontin ajaksi', summary: 'Pelastuslaitos palauttaa lainat postitse.' },
      { title: 'Pelastuslaitoksen henkilöstökahvilan aukioloajat muuttuvat', summary: 'Pelastuslaitos tiedottaa kahvilan uusista ajoista.' },
    ];
    const plain = createTagger(taxonomy, { analyzer });
    const reviewed: ReviewDecision[] = [
      ...chose.map((item) => ({ item, relevant: true, confirmed: ['internal-security'], rejected: ['services'], primary: 'internal-security' })),
      ...right.map((item) => ({ item, relevant: true, confirmed: ['services'], rejected: [] })),
      ...wrong.map((item) => ({ item, relevant: false, confirmed: [], rejected: ['services'] })),
    ];
    // The premise: the rules list services on the goal-choice items and find the rejected ones relevant.
    for (const { item } of reviewed.slice(0, 4)) expect(plain(item).scores.services).toBeGreaterThanOrEqual(taxonomy.thresholds.goal);
    for (const { item } of reviewed.slice(6)) expect(plain(item).relevant).toBe(true);
    const learned = learnWeights(taxonomy, reviewed, { analyzer });
    const unseen = { title: 'Pelastuslaitosten vaahtonesteet vaihdetaan', summary: 'EU kieltää PFAS-yhdisteet viiden vuoden siirtymäajalla.' };
    expect(plain(unseen).relevant).toBe(true);
    expect(createTagger(taxonomy, { analyzer, learned })(unseen).relevant).toBe(true);
    const core = createTaggerCore(taxonomy, { analyzer });
    for (const f of core.read({ title: 'Pelastuslaitos', lang: 'fi' }).features.keys()) expect(learned.weights[f]?.services ?? 0, f).toBeGreaterThanOrEqual(0);
  });
});
