// Round twenty-four's rules (taxonomy 2026.5): information security is the rescue services' cyber security, a topic the
// actor lends its points to; a funding model is whose funding it models. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, voikkoAvailable } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';

const taxonomy = loadTaxonomy();
const analyzers = ['snowball', ...(voikkoAvailable() ? ['auto' as const] : [])] as const;

describe.each(analyzers)('round twenty-four (%s)', (name) => {
  const tag = createTagger(taxonomy, { analyzer: createAnalyzer(name) });

  it.each([
    ['Pelastuslaitoksen tietoturvatarkastus: salasanakäytännöt uusitaan', 'Tarkastus kattoi kaikki työasemat.', 'fi'],
    ['Räddningsverkets granskning av informationssäkerheten: lösenordsrutinerna förnyas', 'Granskningen omfattade alla arbetsstationer.', 'sv'],
  ] as const)('a rescue department’s information security is internal security, the actor lending its points: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });

  it.each([
    ['Pankkien tietoturvallisuutta testataan uudella menetelmällä', 'fi'],
    ['Bankernas informationssäkerhet testas med en ny metod', 'sv'],
  ] as const)('information security without a rescue anchor stays out: %s', (title, lang) => {
    expect(tag({ title, summary: '', lang }).relevant).toBe(false);
  });

  it.each([
    ['Pelastustoimen rahoitusmalli', 'Työryhmä arvioi, miten pelastustoimen rahoitus riittää.', 'fi'],
    ['Räddningsväsendets finansieringsmodell', 'Arbetsgruppen bedömer om räddningsväsendets finansiering räcker till.', 'sv'],
  ] as const)('a funding model of the rescue services is their funding, not the reform, in either language: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });

  it.each([
    ['Hyvinvointialueiden rahoitusmallin uudistamista selvitetään', 'Selvitys valmistuu ensi vuonna.', 'fi'],
  ] as const)('the welfare areas’ funding model stays the reform’s alone: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
  });
});
