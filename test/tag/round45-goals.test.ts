// Round forty-five's changes to which goal(s) an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// A head several goals share (rahoitus, finansiering) after the title's first goal word, an actor in the genitive, is that
// actor's matter when the title names the welfare areas only where it is decided (a Finnish phrase ending in a place case,
// a Swedish one after i): the rescue services' funding, the welfare areas' programme or act listed beside it. Without the
// rule the reform's words in that phrase outweighed the rescue services' and led alone.
describe.each(roundTaggers('round forty-five, whose shared head'))('round forty-five, the rescue services\' funding where the welfare areas decide it (%s)', (_name, tag) => {
  tagCases(tag, 'services first, the reform beside it', { relevant: true, primary: 'services', goals: ['services', 'welfare-reform'] }, [
    ['Pelastustoimen rahoituksen turvaaminen hyvinvointialueiden rahoituslain uudistuksessa', 'Kuntaliitto muistuttaa, että pelastustoimen kustannukset ovat kasvaneet nopeammin kuin rahoitus.', 'fi', 'kuntaliitto'],
    ['Skriftligt spörsmål om räddningsväsendets finansiering i välfärdsområdenas sparprogram och anpassningsprogram', 'Frågeställaren frågar om regeringen tänker öronmärka pengar när välfärdsområdena skär ned inom alla sektorer…', 'sv', 'eduskunta'],
  ] as const);
  // The rule's bound: a welfare area's budget named where is still its money alone (the labelling decisions), the budget
  // word deciding before any subject the title's words name.
  tagCases(tag, 'the reform alone', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Pelastustoimen rahoitus hyvinvointialueen talousarviossa 2051', 'Aluevaltuusto hyväksyi talousarvion, jossa pelastuslaitoksen määrärahat kasvavat kolme prosenttia.', 'fi', 'hyvinvointialue'],
    ['Räddningsväsendets finansiering i välfärdsområdets budget för 2051', 'Välfärdsområdesfullmäktige godkände budgeten, där räddningsverkets anslag ökar med tre procent.', 'sv', 'hyvinvointialue'],
  ] as const);
});

// A topic word the summary names as where (a Finnish place case; a Swedish i, på or vid before it or before the list it
// ends) that lends the actor's goal a share is the place the actor's matter covers, not a topic to lend the actor's points
// to: the rescue departments' storage rule that names shelters among the places is their fire-safety matter. Without the
// rule the shelter's internal-security points took the actors' and led alone. A shelter the title names is still both.
describe.each(roundTaggers('round forty-five, a shelter named where'))('round forty-five, a shelter the summary names where (%s)', (_name, tag) => {
  tagCases(tag, 'services alone', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Pelastuslaitokset ja Tukes antoivat taloyhtiöille ohjeen sähköpotkulautojen säilyttämisestä', 'Ohjeen mukaan potkulautoja ei saa säilyttää porraskäytävissä eikä väestönsuojissa, ja pelastuslaitos seuraa ohjeen noudattamista.', 'fi'],
    ['Räddningsverken och Tukes gav bostadsbolagen en anvisning om förvaring av elsparkcyklar', 'Enligt anvisningen får sparkcyklarna inte förvaras i trapphus eller skyddsrum, och räddningsverket följer upp att anvisningen följs.', 'sv'],
  ] as const, { source: 'tukes' });
  it.each([
    ['Pelastuslaitos tarkasti kaupungin väestönsuojat', 'Puutteita löytyi kolmessa väestönsuojassa.', 'fi'],
    ['Räddningsverket granskade stadens skyddsrum', 'Brister hittades i tre skyddsrum.', 'sv'],
  ] as const)('services and internal security, either first (the primary-goal model orders them): %s', (title, summary, lang) => {
    const r = tag({ title, summary, lang, source: 'pelastuslaitos' });
    expect(r.relevant).toBe(true);
    expect([...r.goals].sort()).toEqual(['internal-security', 'services']);
  });
});

// The welfare areas act by its compound name (hyvinvointialuelaki) is the reform's statute as "laki hyvinvointialueesta"
// is: a title changing it beside the rescue act lists both goals. Without the term the compound counted only the welfare
// area (1.5) and the reform fell below the further-goal ratio.
describe.each(roundTaggers('round forty-five, the welfare areas act'))('round forty-five, hyvinvointialuelaki (%s)', (_name, tag) => {
  it.each([
    ['Sisäministeriö: pelastuslain ja hyvinvointialuelain muutokset lausunnolle', 'Muutoksilla tarkennettaisiin pelastustoimen järjestämistä usean hyvinvointialueen yhteisellä pelastuslaitoksella.', 'intermin'],
    ['Hyvinvointialuelain ja pelastuslain muutos hyväksyttiin eduskunnassa', 'Laki tulee voimaan vuoden alusta.', 'eduskunta'],
  ] as const)('both acts, both goals: %s', (title, summary, source) => {
    const r = tag({ title, summary, lang: 'fi', source });
    expect(r.relevant).toBe(true);
    expect([...r.goals].sort()).toEqual(['services', 'welfare-reform']);
  });
});
