// Round thirty-eight's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// What a summary says the item does not touch ("ei käsittele pelastustointa", "påverkar inte välfärdsområdenas
// finansiering", "utan att beröra räddningsväsendet") is no evidence of it: the words after the denial, to the end of their
// sentence, earn no points. A sentence after it still counts. Each case fails with the rule off, with either analyzer.
describe.each(roundTaggers('round thirty-eight, denials'))('round thirty-eight, what a summary denies (%s)', (_name, tag) => {
  tagCases(tag, 'a report that says it leaves the rescue services alone is not ours', false, [
    ['Kuntien tietohallinnon vuosiraportti julkaistiin', 'Raportti kertoo kuntien tietojärjestelmien häiriöistä. Se ei käsittele pelastustointa eikä hätäkeskuksia.', 'fi'],
    ['Årsrapporten om kommunernas IT-förvaltning publicerad', 'Rapporten gäller kommunernas informationssystem utan att beröra räddningsväsendet.', 'sv'],
  ] as const);

  tagCases(tag, 'a rescue-services decree whose summary denies touching the welfare areas’ funding is the services’ alone', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Uusi asetus pelastustoimen tarkastusväleistä', 'Tarkastukset perustuvat riskeihin; asetus ei vaikuta hyvinvointialueiden rahoituslakiin.', 'fi'],
    ['Ny förordning om räddningsväsendets tillsynsplaner', 'Tillsynen utgår från risker; förordningen påverkar inte välfärdsområdenas finansiering.', 'sv'],
  ] as const, { source: 'intermin' });

  it('a sentence after the denial still counts', () => {
    const r = tag({
      title: 'Kuntien tietohallinnon vuosiraportti julkaistiin',
      summary: 'Raportti ei käsittele sairaaloita. Pelastuslaitosten tietojärjestelmät ja hätäkeskukset ovat mukana.',
      lang: 'fi',
    });
    expect(r.evidence.some((e) => e.match === 'hätäkeskukset')).toBe(true);
  });
});

// A fire station in the genitive before a word of no goal, in a title about another goal, is whose that goal's matter is
// (round thirty-six's rule said so only before a word of another goal): the backup power that keeps the fire stations
// working is internal security alone. Each case lists services beside it with the rule off, with either analyzer.
describe.each(roundTaggers('round thirty-eight, whose fire stations'))('round thirty-eight, whose fire stations (%s)', (_name, tag) => {
  tagCases(tag, 'backup power for the fire stations’ work is internal security alone', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Pelastuslaitoksen varavoimahankinnat varmistavat paloasemien toiminnan myrskyjen aikana', 'Hankinnat tehdään ensi vuonna.', 'fi'],
    ['Räddningsverkets reservkraftsinvestering säkrar brandstationernas verksamhet under stormar', 'Anskaffningarna görs nästa år.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('a title about the fire stations themselves keeps them', () => {
    expect(tag({ title: 'Paloasemien peruskorjaukset alkavat keväällä', summary: 'Pelastuslaitos muuttaa väliaikaisiin tiloihin.', lang: 'fi' })).toMatchObject({
      relevant: true,
      primary: 'services',
    });
  });
});

// The care guarantee (hoitotakuu, health-care content: a negative term) matches its own word, not another compound that
// shares its first part: Snowball keyed it down to "hoitot", so "Hoitotason ensihoitoyksikkö" (an EMS unit at care level,
// the reform's EMS) lost the reform's points to a care guarantee it never names.
describe.each(roundTaggers('round thirty-eight, the care guarantee'))('round thirty-eight, the care guarantee by its own word (%s)', (_name, tag) => {
  it('an EMS unit at care level moving to a fire station is the reform’s EMS', () => {
    const r = tag({ title: 'Hoitotason ensihoitoyksikkö aloittaa Länsipaloasemalla syyskuussa', summary: 'Yksikön henkilöstö siirtyy pelastuslaitokselle.', lang: 'fi', source: 'hyvinvointialue' });
    expect(r).toMatchObject({ relevant: true, primary: 'welfare-reform' });
    expect(r.evidence.some((e) => e.term === 'hoito+takuu')).toBe(false);
  });

  it.each(['Hoitotakuu tiukentuu terveyskeskuksissa', 'Hoitotakuun määräajat pitenevät', 'Hoitotakuuta ei saavutettu'])('the care guarantee itself is still care: %s', (title) => {
    expect(tag({ title, summary: 'Hyvinvointialueiden on järjestettävä kiireetön hoito viikossa.', lang: 'fi' }).evidence.some((e) => e.term === 'hoito+takuu')).toBe(true);
  });
});

// A title that opens "from X to Y" (a Finnish word in the elative before one in the translative or illative) names where a
// change starts, not what it is about: the Rescue College's course turning rescuers into emergency-centre dispatchers is
// the emergency centres' alone. Each listed services beside it with the rule off, with either analyzer.
describe.each(roundTaggers('round thirty-eight, from what to what'))('round thirty-eight, from what to what (%s)', (_name, tag) => {
  it('rescuers retrained as dispatchers are the emergency centres’ matter', () => {
    const r = tag({ title: 'Pelastajista hätäkeskuspäivystäjiksi: Pelastusopiston lyhytkoulutus hätäkeskuksiin', summary: 'Ensimmäiset opiskelijat aloittavat syksyllä.', lang: 'fi', source: 'pelastusopisto' });
    expect(r).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });

  it('an elative later in the title is what it is about', () => {
    expect(tag({ title: 'Sisäministeriö pyytää lausuntoja pelastuslaista syyskuuhun mennessä', summary: 'Muutokset koskevat valvontaa.', lang: 'fi', source: 'intermin' })).toMatchObject({
      relevant: true,
      primary: 'services',
    });
  });
});
