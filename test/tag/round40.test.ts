// Round forty's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// The ministry-network scope says it is title-only with its own key (title_only), not by being of factor 1 and by field:
// the ministry and the partnership network both named in the summary are a mention too, not their cooperation structure.
describe.each(roundTaggers('round forty, title-only scope'))('round forty, the ministry and the network in the summary (%s)', (_name, tag) => {
  it.each([
    ['Omavalvonnan ohje valmistui', 'Sisäministeriö ja kumppanuusverkosto esittelivät ohjeen pelastuslaitoksille.', 'fi'],
    ['Anvisningen om egenkontroll är klar', 'Inrikesministeriet och partnerskapsnätverket presenterade anvisningen för räddningsverken.', 'sv'],
  ] as const)('both in the summary name no cooperation: %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang, source: 'pelastustoimi' });
    expect(r).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
    expect(r.evidence.some((e) => e.rule === 'scope' && e.term.startsWith('ministry-network'))).toBe(false);
  });
});

// A denial in a subordinate clause is a denial too: Finnish "ettei" (että ei) with or without the subject between it and the
// verb, the plural "eivät", and Swedish "inte" before its verb ("att ändringen inte påverkar"). The words it denies, to the
// sentence's end, earn no points; before round forty the summary's denied welfare-area funding listed the reform beside a
// rescue act's amendment.
describe.each(roundTaggers('round forty, denials in subordinate clauses'))('round forty, subordinate denials (%s)', (_name, tag) => {
  it.each([
    ['Hallintovaliokunta puoltaa pelastuslain muutosta', 'Valiokunta katsoo, ettei uudistus vaikuta hyvinvointialueiden rahoitukseen.', 'fi', 'hyvinvointialueiden'],
    ['Hallintovaliokunta puoltaa pelastuslain muutosta', 'Valiokunnan mukaan muutokset eivät vaikuta hyvinvointialueiden rahoitukseen.', 'fi', 'hyvinvointialueiden'],
    ['Förvaltningsutskottet tillstyrker ändringen av räddningslagen', 'Utskottet anser att reformen inte påverkar välfärdsområdenas finansiering.', 'sv', 'välfärdsområdenas'],
  ] as const)('the denied welfare area is no evidence: %s / %s', (title, summary, lang, denied) => {
    const r = tag({ title, summary, lang, source: 'eduskunta' });
    expect(r.evidence.some((e) => e.match !== undefined && e.match.startsWith(denied))).toBe(false);
    expect(r).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });

  it('a title whose subordinate denial names the rescue department is not its news', () => {
    const r = tag({ title: 'Hallinnon säästöt: lomautukset eivät koske pelastuslaitosta eikä ensihoitoa', summary: 'Aluehallitus päätti toimistohenkilöstön lomautuksista.', lang: 'fi', source: 'hyvinvointialue' });
    expect(r.relevant).toBe(false);
  });

  it('a summary that affirms keeps its words', () => {
    const r = tag({ title: 'Pelastuslain muutos', summary: 'Muutos koskee hyvinvointialueiden rahoitusta.', lang: 'fi' });
    expect(r.evidence.some((e) => e.match === 'hyvinvointialueiden')).toBe(true);
  });
});

// The welfare area's EMS service-level decision named with akutvård alone (not prehospital akutsjukvård) is the reform's
// own decision, as "ensihoidon palvelutasopäätös" is: the rescue services' service level is no further goal of it.
describe.each(roundTaggers('round forty, EMS service level'))('round forty, the EMS service level in Swedish (%s)', (_name, tag) => {
  it.each([
    ['Servicenivåbeslutet för akutvården: två nya enheter i glesbygden', 'Räddningsverket producerar uppdragen även i fortsättningen.'],
    ['Beslutet om servicenivån inom akutvården förnyas', 'Räddningsverkets enheter får nya responstider.'],
    ['Välfärdsområdet ser över servicenivån för akutvården', 'Räddningsverket svarar för de flesta uppdragen.'],
  ] as const)('the decision is the reform’s alone: %s', (title, summary) => {
    expect(tag({ title, summary, lang: 'sv', source: 'hyvinvointialue' })).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
  });
});

// The welfare area's preparedness centre (valmiuskeskus, beredskapscentral), where rescue, EMS and social emergency
// services share one situational picture, is a command structure as the situation centre is: internal security, not the
// reform its owner names. The National Emergency Supply Agency (Försörjningsberedskapscentralen) is none.
describe.each(roundTaggers('round forty, preparedness centre'))('round forty, the preparedness centre (%s)', (_name, tag) => {
  tagCases(tag, 'the centre is internal security', { relevant: true, primary: 'internal-security', goals: ['internal-security'] }, [
    ['Hyvinvointialueen valmiuskeskus valmistuu syksyllä', 'Keskukseen tulevat pelastuslaitoksen päivystäjät ja ensihoidon kenttäjohtaja.', 'fi'],
    ['Välfärdsområdets beredskapscentral öppnar i höst', 'I centralen arbetar räddningsverkets jourhavande och akutvårdens fältchef.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  it('the emergency supply agency is no preparedness centre', () => {
    expect(tag({ title: 'Försörjningsberedskapscentralen utökar lagren av bränsle', summary: 'Lagren ska räcka i fem månader.', lang: 'sv' }).relevant).toBe(false);
  });
});
