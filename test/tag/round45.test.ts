// Round forty-five's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// A ban on open fire (avotuli, öppen eld) for a drought is the fire-danger warning's advice in other words, whoever
// publishes it; a law or decree on open fire is still the rescue act's matter.
describe.each(roundTaggers('round forty-five, open fire'))('round forty-five, an open-fire ban is advice (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['Avotuli kielletty koko Lapissa kuivan sään takia', 'Grillata saa vain tähän varatuilla paikoilla, kertoo pelastustoimi.', 'fi'],
    ['Öppen eld förbjuden i hela Lappland på grund av torkan', 'Grillning är tillåten bara på platser som reserverats för det, meddelar räddningsväsendet.', 'sv'],
  ] as const, { source: 'pelastustoimi' });

  tagCases(tag, 'still relevant', true, [
    ['Pelastuslain muutos: avotulen teon kieltoa selkeytetään', 'Sisäministeriö pyytää lausuntoja esityksestä.', 'fi'],
    ['Ändring av räddningslagen: förbudet mot öppen eld förtydligas', 'Inrikesministeriet begär utlåtanden om propositionen.', 'sv'],
  ] as const, { source: 'intermin' });
});

// Security stewards and guards (järjestyksenvalvoja, vartija; ordningsvakt, väktare) are private security under the
// police's supervision: their training is the policing scope's, whatever escape routes it covers. With the rescue
// department named beside them it is the authorities' cooperation.
describe.each(roundTaggers('round forty-five, security guards'))('round forty-five, security guards (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['Lausuntopyyntö: järjestyksenvalvojien kertauskoulutukseen poistumisreittien valvonta', 'Koulutukseen lisättäisiin myös ensiapu.', 'fi'],
    ['Vartijoiden peruskoulutukseen lisätään poistumisreittien valvonta', 'Muutos tulee voimaan ensi vuonna.', 'fi'],
    ['Begäran om utlåtande: ordningsvakternas repetitionsutbildning omfattar utrymningsvägar', 'Utbildningen skulle också omfatta första hjälpen.', 'sv'],
    ['Väktarnas grundutbildning kompletteras med övervakning av utrymningsvägar', 'Ändringen träder i kraft nästa år.', 'sv'],
  ] as const, { source: 'lausuntopalvelu' });

  it('still relevant: the rescue department beside them', () => {
    expect(tag({ title: 'Pelastuslaitos ja järjestyksenvalvojat harjoittelevat stadionin evakuointia', summary: 'Harjoitus on osa pelastussuunnitelman testausta.', lang: 'fi', source: 'pelastustoimi' }).relevant).toBe(true);
  });
});

// A phrase's word before its last ends the written word: the area-as-owner phrase (välfärdsområdets räddningsverk,
// hyvinvointialueen pelastuslaitos) does not take the board's compound (Välfärdsområdesstyrelsen, whose head is the board)
// before the rescue department, so the department's new first-response unit is the reform's EMS as in Finnish.
describe.each(roundTaggers('round forty-five, phrase words'))('round forty-five, a phrase word ends the word (%s)', (_name, tag) => {
  tagCases(tag, 'relevant', true, [
    ['Välfärdsområdesstyrelsen: räddningsverkets nya första insatsenhet börjar i Salla', 'Enheten larmas till brådskande akutvårdsuppdrag i glesbygden.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('the decision\'s compound before "inom" still names EMS\'s service level', () => {
    const r = tag({ title: 'Servicenivåbesluten inom prehospital akutsjukvård görs enhetliga', summary: 'Förordningen styr välfärdsområdena.', lang: 'sv', source: 'stm' });
    expect(r).toMatchObject({ relevant: true, primary: 'welfare-reform' });
  });
});

// Fire stations built beside a health station on a loan (laina, lainaraha; lån) are the welfare area's money, the
// reform's, as with its loan authorisation: the care-premises scope does not take them. A health service in a fire
// station's rooms stays the scope's.
describe.each(roundTaggers('round forty-five, loans'))('round forty-five, premises on a loan (%s)', (_name, tag) => {
  tagCases(tag, 'the reform', { relevant: true, primary: 'welfare-reform' }, [
    ['Paloasema ja terveysasema rakennetaan lainarahalla: aluehallitus esittää 9 miljoonaa euroa', 'Aluevaltuusto päättää asiasta marraskuussa.', 'fi'],
    ['Lån för en brandstation och en hälsostation: styrelsen föreslår 9 miljoner euro', 'Välfärdsfullmäktige beslutar i november om låneramen i investeringsplanen.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('not relevant: a health station\'s hours in a fire station', () => {
    expect(tag({ title: 'Terveysaseman vastaanotto paloaseman tiloissa jatkuu keväällä', summary: 'Ajanvaraus avautuu maaliskuussa.', lang: 'fi', source: 'hyvinvointialue' }).relevant).toBe(false);
  });
});
