// Round twenty-nine's structural change (taxonomy 2026.8): a welfare area's budget is the reform's money. A title's budget,
// financial plan, financial statement, interim report, investment programme or loan authorisation (talousarvio,
// taloussuunnitelma, tilinpäätös, investointiohjelma, lainanottovaltuus; budget, ekonomiplan, bokslut …) of the welfare area
// the item names, funding another goal's matter, is the reform alone: the health care it funds cancels no welfare area, the
// fire stations it builds or names as where are what it buys. The rescue department's own budget ("Pelastuslaitoksen
// talousarvio") and a state budget naming no welfare area stay the rescue services'. Wordings are this test's own, not a
// set's items.
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round twenty-nine'))('round twenty-nine (%s)', (_name, tag) => {
  tagCases(tag, 'a welfare area’s budget naming fire stations and health care is the reform alone', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Talousarvio 2037 hyväksyttiin: pelastuslaitokselle kaksi uutta paloasemaa Järvikylään', 'Aluevaltuusto hyväksyi talousarvion, joka sisältää myös terveysasemien ja hammashoitoloiden peruskorjauksia.', 'fi'],
    ['Budgeten för 2037 godkändes: räddningsverket får två nya brandstationer i Sjöby', 'Områdesfullmäktige godkände budgeten som också omfattar renoveringar av hälsostationer och tandkliniker.', 'sv'],
    ['Hyvinvointialueen taloussuunnitelma 2037–2039 siirtää kahden paloaseman rakentamista', 'Suunnitelma karsii myös sairaalan ja terveysasemien investointeja.', 'fi'],
    ['Välfärdsområdets bokslut för 2036: brandstationerna blev dyrare än planerat', 'Sjukhusets och hälsostationernas kostnader ökade också.', 'sv'],
    ['Aluevaltuusto hyväksyi investointiohjelman: kolme paloasemaa ja uusi sairaala', 'Ohjelma ulottuu vuoteen 2041.', 'fi'],
  ] as const, { source: 'hyvinvointialue' });

  tagCases(tag, 'the state budget’s welfare-area money leads with the reform', { relevant: true, primary: 'welfare-reform' }, [
    ['Valtion talousarvioesitys 2037: pelastustoimen kustannukset hyvinvointialueiden rahoitukseen', 'Rahoitus kasvaa kustannustason muutoksen mukaan.', 'fi'],
    ['Statens budgetproposition för 2037: räddningsväsendets kostnader i välfärdsområdenas finansiering', 'Finansieringen ökar i takt med kostnadsnivån.', 'sv'],
  ] as const, { source: 'vm' });

  // Guards: the rescue department's own budget, a state budget naming no welfare area, a budget naming only care, and a
  // budget word in the summary alone.
  tagCases(tag, 'the rescue services’ own money stays theirs', { relevant: true, primary: 'services' }, [
    ['Pelastuslaitoksen talousarvio alittaa palvelutasopäätöksen tarpeet', 'Hyvinvointialue ei lisää pelastuslaitoksen määrärahoja.', 'fi'],
    ['Pelastuslaitoksen palvelutasoselvitys ja investointiohjelma valmistuivat', 'Aluehallitus käsittelee ne syyskuussa.', 'fi'],
    ['Räddningsverkets budget räcker inte till servicenivåbeslutet', 'Välfärdsområdet höjer inte räddningsverkets anslag.', 'sv'],
    ['Talousarvioesitys 2037: pelastustoimelle lisää määrärahoja kalustoon', 'Poliisin toimintamenot pysyvät ennallaan.', 'fi'],
  ] as const, { source: 'x' });

  it('a welfare area’s budget naming only care is no rescue matter', () => {
    expect(tag({ title: 'Hyvinvointialueen talousarvio: vuodeosastoja ja terveysasemia suljetaan', summary: 'Säästöt kohdistuvat sairaalapalveluihin.', lang: 'fi', source: 'x' }))
      .toMatchObject({ relevant: false });
  });

  it('fire-station generators paid from the investment programme are not its budget', () => {
    expect(tag({ title: 'Pelastuslaitos hankkii aggregaatit kaikille paloasemille', summary: 'Hankinta rahoitetaan hyvinvointialueen investointiohjelmasta.', lang: 'fi', source: 'pelastustoimi' }).goals)
      .not.toEqual(['welfare-reform']);
  });
});
