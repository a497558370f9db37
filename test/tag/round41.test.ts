// Round forty-one's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// The funding's need coefficients (tarvekertoimet) are the reform's money in any inflection: Snowball keys tarvekerroin
// apart from tarvekertoimet, -en, -ia (kertoim), so the plural named nothing and a title that calls the welfare areas
// "alueet" went to the rescue services its summary names. One term by the inflected stem (Voikko reads both as one).
describe.each(roundTaggers('round forty-one, need coefficients'))('round forty-one, the need coefficients (%s)', (_name, tag) => {
  it.each([
    ['Tarvekertoimet päivitetään: alueiden rahoituksen laskenta muuttuu', 'Hyvinvointialueille tieto ensi vuoden laskelmista; pelastustoimen kustannukset mukana.'],
    ['Tarvekertoimien tarkistus: alueiden rahoituksen perusteet uusiksi', 'Hyvinvointialueet saavat arviot syksyllä, pelastustoimen osuus erikseen.'],
  ] as const)('the coefficients lead: %s', (title, summary) => {
    // The rescue services' costs the summary names may stay listed beside it (the primary-goal model leads with the reform).
    expect(tag({ title, summary, lang: 'fi', source: 'vm' })).toMatchObject({ relevant: true, primary: 'welfare-reform' });
  });
});

// A forest fire is the occasion of the EU reserve's module, not a subject of its own (round thirty-one: a hazard is no
// title's head): when the primary-goal model leads with the EU reserve's goal, the rules' former lead, named in the title
// by the hazard alone, faces the further-goal test, as a lead named by topic words does.
describe.each(roundTaggers('round forty-one, hazard-led former lead'))('round forty-one, the EU reserve’s forest-fire module (%s)', (_name, tag) => {
  tagCases(tag, 'internal security alone', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Suomen maastopalomoduuli liitetään EU:n reserviin – lähtö kahdeksassa tunnissa', 'Moduuli kuuluu EU:n pelastuspalvelumekanismiin; henkilöstö tulee pelastuslaitoksilta.', 'fi'],
    ['Finlands terrängbrandsmodul ansluts till EU:s reserv – avresa inom åtta timmar', 'Modulen hör till EU:s civilskyddsmekanism; personalen kommer från räddningsverken.', 'sv'],
  ] as const, { source: 'intermin' });
});
