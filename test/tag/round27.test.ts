// Round twenty-seven (taxonomy 2026.7): a goal besides the leading one is listed only when it has a goal's share of points
// that are not an actor's. An actor (pelastuslaitos, räddningsverk) says who acts, not what the item is about; it already
// vouched for no further goal as the title's evidence, but its 3 points still lifted a goal whose only topic word was
// weak (servicenivå: 1) past the goal threshold. Money is the exception: a funding word another goal shares, beside the
// actor, names the rescue services' funding, their own matter. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { createAnalyzer, voikkoAvailable } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';

const taxonomy = loadTaxonomy();
const analyzers = ['snowball', ...(voikkoAvailable() ? ['auto' as const] : [])] as const;

describe.each(analyzers)('round twenty-seven (%s)', (name) => {
  const tag = createTagger(taxonomy, { analyzer: createAnalyzer(name) });

  it('stores the raised taxonomy version', () => {
    expect(tag({ title: 'Pelastuslain muutos lausunnoille', lang: 'fi' }).taxonomyVersion).toBe('2026.7');
  });

  it.each([
    ['Beslutet om servicenivån inom den prehospitala akutsjukvården godkänt: räddningsverket producerar alla enheter', 'Områdesstyrelsen beslutade om saken vid sitt möte.', 'sv'],
    ['Ensihoidon palvelutasoa koskeva päätös uudistuu: pelastuslaitos tuottaa kaikki yksiköt', 'Aluehallitus päätti asiasta.', 'fi'],
    ['Aluehallitus ehdottaa pelastuslaitoksen uutta paloasemaa investointisuunnitelmaan', 'Valtuusto käsittelee suunnitelman marraskuussa.', 'fi'],
  ] as const)('a further goal carried by an actor is not listed: %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang, source: 'hyvinvointialue' });
    expect(r).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
    // The actor's points stay in the scores (they are evidence of who acts); only the list changes.
    expect(r.scores.services).toBeGreaterThanOrEqual(taxonomy.thresholds.goal);
  });

  it.each([
    ['Väestönsuojien rakentamisvelvollisuus tarkistetaan', 'Sisäministeriö asetti työryhmän.', 'fi', ['internal-security', 'services']],
    ['Skyldigheten att bygga skyddsrum ses över', 'Inrikesministeriet tillsatte en arbetsgrupp.', 'sv', ['internal-security', 'services']],
    ['Laki pelastuslain ja hyvinvointialueiden rahoituksesta annetun lain muuttamisesta', '', 'fi', ['services', 'welfare-reform']],
  ] as const)('a further goal with its own topic points is still listed: %s', (title, summary, lang, goals) => {
    expect(tag({ title, summary, lang, source: 'intermin' }).goals).toEqual(goals);
  });

  it.each([
    ['Pelastustoimen ICT-palvelukeskuksen rahoitus jatkuu', 'Rahoitus sisältyy valtion talousarvioon.', 'fi'],
    ['Finansieringen av räddningsväsendets IKT-servicecenter fortsätter', 'Finansieringen ingår i statsbudgeten.', 'sv'],
  ] as const)('the rescue services’ funding named by an actor and a shared funding word stays listed: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'intermin' })).toMatchObject({ primary: 'internal-security', goals: ['internal-security', 'services'] });
  });

  it('an actor still carries the leading goal and the item’s relevance', () => {
    expect(tag({ title: 'Räddningsverkens cyberövning avslöjade brister', summary: 'Övningen ordnades i november.', lang: 'sv', source: 'pelastustoimi' }))
      .toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });
});
