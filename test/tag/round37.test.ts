// Round thirty-seven's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// A budget word in the title of an item the welfare area publishes itself (its feed: the source prior of the budget's goal)
// names whose money it is, as the welfare area or its council named in the text does: an appropriation or investment
// programme that funds a fire station is the reform's money alone. The same title from another source still needs the
// welfare area named. Each case fails with the rule off (services, or not relevant at all), with either analyzer.
describe.each(roundTaggers('round thirty-seven, the welfare area’s own budget'))('round thirty-seven, the welfare area’s own budget (%s)', (_name, tag) => {
  tagCases(tag, 'from the welfare area’s feed, its budget for a fire station is the reform’s', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Lisämääräraha paloaseman katon korjaukseen', 'Valtuusto myönsi rahat maanantaina.', 'fi'],
    ['Tilläggsanslag för renoveringen av brandstationens tak', 'Fullmäktige beviljade pengarna på måndag.', 'sv'],
    ['Investointiohjelma hyväksyttiin: uusi paloasema Kirkkonummelle ja terveysasema Siuntioon', 'Ohjelma kattaa vuodet 2040–2044.', 'fi'],
  ] as const, { source: 'hyvinvointialue' });

  it('from another source, a budget word beside a fire station alone says nothing of whose money it is', () => {
    expect(tag({ title: 'Lisämääräraha paloaseman katon korjaukseen', summary: 'Valtuusto myönsi rahat maanantaina.', lang: 'fi' })).toMatchObject({
      primary: 'services',
    });
  });

  it('the rescue department’s own budget stays its own, whoever publishes it', () => {
    const r = tag({ title: 'Pelastuslaitoksen talousarvio: paloaseman katon korjaus alkaa', summary: 'Korjaus valmistuu syksyllä.', lang: 'fi', source: 'hyvinvointialue' });
    expect(r.primary).toBe('services');
  });
});

// The welfare area's governance rules (hallintosääntö, förvaltningsstadga) weigh 2, and a section of a board (jaosto,
// sektion) is an organ of the welfare area as a committee is: a section or committee for the rescue services written into
// the governance rules is the welfare area's structure, the reform's. Each case is services with the words as they were.
describe.each(roundTaggers('round thirty-seven, governance rules'))('round thirty-seven, governance rules (%s)', (_name, tag) => {
  tagCases(tag, 'a section or committee for the rescue services in the governance rules is the reform’s', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Pelastustoimen jaosto aloittaa: ensimmäinen kokous maaliskuussa', 'Jaosto valmistelee pelastuslaitoksen asiat aluehallitukselle.', 'fi'],
    ['En ny sektion för räddningsväsendet grundas: instruktionen ändras i maj', 'Sektionen bereder räddningsverkets ärenden för områdesstyrelsen.', 'sv'],
    ['Aluehallitus esittää pelastustoimen valiokuntaa uuteen hallintosääntöön', 'Valtuusto päättää asiasta kesäkuussa.', 'fi'],
    ['Områdesstyrelsen föreslår ett utskott för räddningsväsendet i den nya förvaltningsstadgan', 'Fullmäktige beslutar i juni.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });
});

// Two false friends: the EU mechanism's fire-fighting aeroplane (sammutuslentokone) is no extinguisher (sammutin), as the
// fire-fighting aircraft (sammutuskone) was not; a steering group (ohjausryhmä) is no steering of the welfare areas (ohjaus).
describe.each(roundTaggers('round thirty-seven, false friends'))('round thirty-seven, false friends (%s)', (_name, tag) => {
  it('the mechanism lending fire-fighting aeroplanes is internal security alone', () => {
    const r = tag({ title: 'Pelastuspalvelumekanismi: Suomi lainaa kaksi sammutuslentokonetta Portugaliin', summary: 'Koneet palaavat elokuun lopussa.', lang: 'fi', source: 'intermin' });
    expect(r).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    expect(r.evidence.some((e) => e.term.startsWith('sammut') && e.rule !== 'scope')).toBe(false);
  });

  it('a ministry’s steering group names no steering of the welfare areas', () => {
    const r = tag({ title: 'Sisäministeriön ohjausryhmä: pelastustoimen palvelutasojen vertailu valmistui', summary: 'Vertailussa olivat kaikkien hyvinvointialueiden pelastuslaitokset.', lang: 'fi', source: 'intermin' });
    expect(r).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
    expect(r.evidence.some((e) => e.term === 'ohjaus')).toBe(false);
  });
});

// The fire alarms themselves (paloilmoitus, brandlarm: the call-outs automatic alarm systems make) are the services' words,
// as the alarm device (paloilmoitin) is: the rescue departments' task figures that name first response beside them are
// the services', not the reform's first response. With the words out: the reform (the Swedish
// with either analyzer, the Finnish with Voikko).
describe.each(roundTaggers('round thirty-seven, fire alarms'))('round thirty-seven, fire alarms (%s)', (_name, tag) => {
  tagCases(tag, 'task figures of first response and fire alarms are the services’', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Ensivaste ja paloilmoitukset lisäsivät pelastuslaitosten tehtäviä viime vuonna', 'Tehtäviä oli kaikkiaan kuusi prosenttia enemmän.', 'fi'],
    ['Första insats och brandlarm ökade räddningsverkens uppdrag i fjol', 'Uppdragen var sammanlagt sex procent fler.', 'sv'],
  ] as const);
});
