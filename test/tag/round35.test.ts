// Round thirty-five's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// A title phrase's head that speaks only by a weak context word (koulutus, valvonta, järjestäminen: below a topic term's
// weight) names no subject, after any word: before, it did after an actor or a weak word ("kuntien valmiuspäälliköiden
// täydennyskoulutus" was the services' training, though preparedness scored 7 against 2). The first two cases fail on the
// old tagger with either analyzer; the last two are guards.
describe.each(roundTaggers('round thirty-five, weak heads'))('round thirty-five, weak heads (%s)', (_name, tag) => {
  it.each([
    ['Pelastusopisto järjestää kuntien valmiuskoordinaattoreiden jatkokoulutuksen', 'Kurssilla harjoitellaan evakuointia ja väestön varoittamista.'],
    ['Pelastusopisto käynnistää kuntien valmiusjohtajien täydennyskoulutuksen', 'Koulutuksessa harjoitellaan väestön suojaamista.'],
  ] as const)('a weak head (training) does not make its goal the subject: %s', (title, summary) => {
    expect(tag({ title, summary, lang: 'fi', source: 'pelastusopisto' })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });

  it('a head of a topic’s weight still names the subject (the welfare area’s preparedness plan)', () => {
    expect(tag({ title: 'Hyvinvointialueen valmiussuunnitelma päivitetään', summary: 'Suunnitelmassa varaudutaan pitkiin sähkökatkoihin.', lang: 'fi', source: 'pelastustoimi' }))
      .toMatchObject({ relevant: true, primary: 'internal-security' });
  });

  it('the rescue departments’ self-monitoring model stays theirs', () => {
    expect(tag({ title: 'Pelastuslaitosten omavalvontamalli laajenee kaikille alueille', summary: 'Malli kattaa palotarkastukset ja neuvonnan.', lang: 'fi', source: 'pelastustoimi' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });
});

// First response at contract brigades: the EMS the rescue departments produce is the reform's (the labelling decisions),
// and a contract brigade a title names as where it goes says where, as a fire station does (`place: true` on
// sopimuspalokunta and avtalsbrandkår; the Finnish illative is a place case too: "… sopimuspalokuntiin"); a place is no
// topic of its goal in the title ("Ensivasteyksikkö aloittaa … paloasemalla"), and Swedish med names who as place
// prepositions name where ("Avtalen om första insats med …"). The first five cases fail on the old tagger
// with either analyzer (services listed or leading); the last two are guards: brigades opening the title as its doer, and
// a brigade's own matter.
describe.each(roundTaggers('round thirty-five, first response'))('round thirty-five, first response (%s)', (_name, tag) => {
  tagCases(tag, 'first response placed at a contract brigade or fire station is the reform’s alone', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Ensivastetehtävät annetaan neljälle sopimuspalokunnalle ensi vuonna', 'Palokunnat hälytetään sydänpysähdyksiin.', 'fi'],
    ['Ensivastevalmiutta lisätään Lapin sopimuspalokuntiin', 'Palokuntien yksiköt hälytetään elvytystehtäviin.', 'fi'],
    ['Nya enheter för första insats till två avtalsbrandkårer i Lappland', 'Enheterna larmas när akutvården är långt borta.', 'sv'],
    ['Ensivasteyksikkö aloittaa Kuusikon paloasemalla lokakuussa', 'Yksikön miehittää sopimuspalokunta.', 'fi'],
    // Swedish with (med) names who as the place prepositions name where.
    ['Avtalen om första insats med fyra avtalsbrandkårer förlängs', 'Välfärdsområdet förlänger avtalen om första insatsen i glesbygden.', 'sv'],
  ] as const, { source: 'luhva' });

  it('contract brigades opening the title as its doer keep the services listed', () => {
    expect(tag({ title: 'Sopimuspalokunnat ottavat ensivasteen hoitaakseen kahdessa kunnassa', summary: 'Palokunnat koulutetaan keväällä.', lang: 'fi', source: 'luhva' }).goals)
      .toContain('services');
  });

  it('a contract brigade’s own matter stays the services’', () => {
    expect(tag({ title: 'Sopimuspalokuntien kalustoa uusitaan: kolme uutta sammutusautoa', summary: 'Autot hankitaan yhteishankintana.', lang: 'fi', source: 'luhva' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });
});

// The ministries' steering negotiations with the welfare areas (ohjausneuvottelu, styrningsförhandling) are the reform's
// steering, a topic of its own (2.5): a headline naming them before its colon is about them, and the service they ask of
// after it vouches for no further goal. The first two cases fail on the old taxonomy with either analyzer (services led);
// the last is a guard: named in a summary only, they make no services item the reform's.
describe.each(roundTaggers('round thirty-five, steering negotiations'))('round thirty-five, steering negotiations (%s)', (_name, tag) => {
  tagCases(tag, 'a steering negotiation before the colon is the subject', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Ohjausneuvottelujen toinen kierros: ministeriöt tarkastelevat pelastustoimen henkilöstötilannetta', 'Alueiden talous käydään läpi syksyllä.', 'fi'],
    ['Styrningsförhandlingarna fortsätter: ministerierna granskar räddningsväsendets servicenivå', 'Områdenas ekonomi gås igenom på hösten.', 'sv'],
  ] as const, { source: 'valtioneuvosto' });

  it('a steering negotiation in the summary only leaves a services title the services’', () => {
    expect(tag({ title: 'Pelastuslaitoksen palvelutasopäätös hyväksyttiin aluevaltuustossa', summary: 'Päätöksestä keskusteltiin myös ohjausneuvotteluissa.', lang: 'fi', source: 'luhva' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });
});

// What a title says its matter does not touch names no subject: the words after a denied effect (ei vaikuta, ei
// vaikutusta, påverkar inte) to the end of their part vouch for no goal. The first two cases fail on the old tagger with
// either analyzer (the reform listed); the last is a guard: an effect not denied still names its goal.
describe.each(roundTaggers('round thirty-five, denied effects'))('round thirty-five, denied effects (%s)', (_name, tag) => {
  tagCases(tag, 'a goal the title says the matter leaves alone is not listed', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Palotarkastusmaksujen perusteet yhtenäistetään – muutoksella ei vaikutusta hyvinvointialueiden rahoituslakiin', 'Pelastuslain muutos tulee voimaan ensi vuonna.', 'fi'],
    ['Grunderna för brandsynsavgifterna förenhetligas – ändringen påverkar inte välfärdsområdenas finansiering', 'Ändringen av räddningslagen träder i kraft nästa år.', 'sv'],
  ] as const, { source: 'sisaministerio' });

  // Which of the two leads is the primary-goal model's: refitted at round forty's sealing (eval-2028-20 in the fit),
  // Voikko puts the reform first here, Snowball the services; the guard is that the reform is still listed.
  it('an effect the title does not deny still names its goal', () => {
    expect([...tag({ title: 'Grunderna för brandsynsavgifterna förenhetligas – ändringen påverkar välfärdsområdenas finansiering', summary: 'Ändringen av räddningslagen träder i kraft nästa år.', lang: 'sv', source: 'sisaministerio' }).goals].sort())
      .toEqual(['services', 'welfare-reform']);
  });
});
