// Round twenty-four's rules (taxonomy 2026.5): information security is the rescue services' cyber security, a topic the
// actor lends its points to; a funding model is whose funding it models. Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/tag/analyze.js';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

const taggers = roundTaggers('round twenty-four');

describe.each(taggers)('round twenty-four (%s)', (_name, tag) => {

  tagCases(tag, 'a rescue department’s information security is internal security, the actor lending its points', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Pelastuslaitoksen tietoturvatarkastus: salasanakäytännöt uusitaan', 'Tarkastus kattoi kaikki työasemat.', 'fi'],
    ['Räddningsverkets granskning av informationssäkerheten: lösenordsrutinerna förnyas', 'Granskningen omfattade alla arbetsstationer.', 'sv'],
  ] as const);

  it.each([
    ['Pankkien tietoturvallisuutta testataan uudella menetelmällä', 'fi'],
    ['Bankernas informationssäkerhet testas med en ny metod', 'sv'],
  ] as const)('information security without a rescue anchor stays out: %s', (title, lang) => {
    expect(tag({ title, summary: '', lang }).relevant).toBe(false);
  });

  tagCases(tag, 'a funding model of the rescue services is their funding, not the reform, in either language', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Pelastustoimen rahoitusmalli', 'Työryhmä arvioi, miten pelastustoimen rahoitus riittää.', 'fi'],
    ['Räddningsväsendets finansieringsmodell', 'Arbetsgruppen bedömer om räddningsväsendets finansiering räcker till.', 'sv'],
  ] as const);

  tagCases(tag, 'the welfare areas’ funding model stays the reform’s alone', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Hyvinvointialueiden rahoitusmallin uudistamista selvitetään', 'Selvitys valmistuu ensi vuonna.', 'fi'],
  ] as const);
});

describe.each(taggers)('round twenty-four, the reform’s property and money (%s)', (_name, tag) => {

  tagCases(tag, 'a fire station’s purchase price is the reform’s property, as its rent is', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Selvitys: paloasemien kauppahinnat kunnilta hyvinvointialueille vaihtelevat', 'Kunnat ovat myyneet asemia eri perustein.', 'fi'],
    ['Utredning: köpesummorna för brandstationer från kommunerna till välfärdsområdena varierar', 'Kommunerna har sålt stationerna på olika grunder.', 'sv'],
  ] as const);

  tagCases(tag, 'a welfare area’s investment programme is the reform’s money whatever it lists', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Aluehallitus: investointiohjelmaan uusi paloasema ja hallintorakennus', 'Ohjelma ulottuu vuoteen 2032.', 'fi'],
    ['Områdesstyrelsen: en ny brandstation och en förvaltningsbyggnad i investeringsprogrammet', 'Programmet sträcker sig till år 2032.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('a purchase price without a rescue anchor stays out', () => {
    expect(tag({ title: 'Telakan kauppahinta julkistettiin', summary: 'Ostaja on ulkomainen varustamo.', lang: 'fi' }).relevant).toBe(false);
  });
});

describe.each(taggers)('round twenty-four, what lifts the incident scope (%s)', (_name, tag) => {

  tagCases(tag, 'the rescue services’ statistics by their name report no call-out', { relevant: true, primary: 'services' }, [
    ['Pronto: pelastuslaitokset hälytettiin vuonna 2029 yli 100 000 kertaa', 'Tulipaloja oli 12 000 ja liikenneonnettomuuksia 9 000.', 'fi'],
    ['Pronto: räddningsverken larmades över 100 000 gånger år 2029', 'Eldsvådorna var 12 000 och trafikolyckorna 9 000.', 'sv'],
  ] as const);

  tagCases(tag, 'a compensation is money, not a call-out', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Sopimuspalokuntalaisten hälytyskorvausten perusteet uusitaan', 'Pelastuslaitokset soveltavat uusia perusteita ensi vuodesta.', 'fi'],
    ['Grunderna för avtalsbrandkåristernas larmersättningar förnyas', 'Räddningsverken tillämpar de nya grunderna från nästa år.', 'sv'],
  ] as const);

  it('a call-out without them stays incident news', () => {
    expect(tag({ title: 'Pelastuslaitos hälytettiin tulipaloon kerrostaloon', summary: 'Palo sammutettiin nopeasti.', lang: 'fi' }).relevant).toBe(false);
  });
});

describe('round twenty-four, Snowball reads the partitive of a -toimi compound', () => {
  const analyzer = createAnalyzer('snowball');
  it('folds pelastustointa to the key of pelastustoimi and pelastustoimen, and leaves toin (tuoda) alone', () => {
    const key = (w: string): string => analyzer.analyze(w, 'fi').key;
    expect(key('pelastustointa')).toBe(key('pelastustoimen'));
    expect(key('pelastustointa')).toBe(key('pelastustoimi'));
    expect(key('toin')).not.toBe(key('toimi'));
  });
});
