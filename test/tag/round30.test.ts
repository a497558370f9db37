// Round thirty's structural change (taxonomy 2026.9): the welfare area or its organ deciding is the doer. The welfare area
// and its committees are named by the reform's topic words (hyvinvointialue, lautakunta, välfärdsområde, nämnd; the
// taxonomy marks them `organ: true`), not by actors, so a title opening with one ("Hyvinvointialueen
// turvallisuuslautakunta hyväksyi …", "Välfärdsområdet beslutade: …") led with the reform or listed it beside the rescue
// department's matter it decided on. Before a decision verb (or as an organ's meeting, "Aluevaltuuston kokous: …") such a
// name says who decides: the item is about what it decided, and the organ's words vouch for no goal of their own. Of its 28
// runs (14 cases, each with Snowball and Voikko) 13 fail on the old tagger and taxonomy, two of them (the forest fire as
// an occasion) also on the first change alone; the rest are guards.
// Wordings are this test's own, not a set's items.
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round thirty'))('round thirty (%s)', (_name, tag) => {
  it.each([
    ['Välfärdsområdets säkerhetsnämnd godkände räddningsverkets anvisning om tillsyn över sotning', 'Anvisningen gäller också fritidsbostäder.', 'sv', 'services'],
    ['Hyvinvointialue linjasi: pelastuslaitoksen toimintavalmiusaikoja lyhennetään taajamissa', 'Muutos vaatii kuusi uutta pelastajaa.', 'fi', 'services'],
    ['Välfärdsområdet beslutade: räddningsverkets insatstider kortas i tätorterna', 'Ändringen kräver sex nya brandmän.', 'sv', 'services'],
    ['Hyvinvointialueen turvallisuuslautakunta hyväksyi pelastuslaitoksen nuohouksen valvontaohjeen', 'Ohje koskee myös vapaa-ajan asuntoja.', 'fi', 'services'],
  ] as const)('the welfare area or its committee deciding on the rescue department’s matter is that matter alone: %s', (title, summary, lang, goal) => {
    expect(tag({ title, summary, lang, source: 'hyvinvointialue' })).toMatchObject({ relevant: true, primary: goal, goals: [goal] });
  });

  tagCases(tag, 'an organ’s meeting decides as the organ does', { relevant: true, primary: 'services', goals: ['services'] }, [
    ['Aluevaltuuston kokous: pelastuslaitoksen riskianalyysi hyväksyttiin', 'Riskianalyysi kattaa hyvinvointialueen kaikki kunnat.', 'fi'],
    ['Välfärdsområdesfullmäktiges möte: räddningsverkets riskanalys godkändes', 'Riskanalysen omfattar alla kommuner i välfärdsområdet.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  // Guards: the welfare area acting on its own matter (a sale, EMS, its governance rules, its budget), the rescue
  // department as the doer, and care alone.
  tagCases(tag, 'the welfare area’s own matter stays the reform’s', { relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] }, [
    ['Hyvinvointialue myy kolme paloasemaa kunnille', 'Kaupat hyväksytään aluevaltuustossa.', 'fi'],
    ['Hyvinvointialue siirtää ensihoidon pelastuslaitokselle', 'Siirto koskee koko aluetta.', 'fi'],
    ['Hyvinvointialue hyväksyi hallintosäännön: pelastusjohtaja johtoryhmään', 'Muutos tulee voimaan tammikuussa.', 'fi'],
    ['Hyvinvointialueen talousarvio hyväksyttiin: pelastuslaitokselle kaksi paloasemaa', 'Säästöjä tehdään terveysasemilla.', 'fi'],
  ] as const, { source: 'hyvinvointialue' });

  it('the rescue department deciding is the doer as before', () => {
    expect(tag({ title: 'Hyvinvointialueen pelastuslaitos hyväksyi palotarkastussuunnitelman', summary: 'Suunnitelma koskee hoitolaitoksia.', lang: 'fi', source: 'hyvinvointialue' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });

  // The second change: a forest fire (maastopalo, metsäpalo, skogsbrand: `occasion: true`) in a title another goal leads
  // is its occasion, not a further subject; where the rescue services' matter leads, it is theirs as before.
  it('a forest fire is the occasion of a population warning, not a further goal', () => {
    expect(tag({ title: 'Väestön varoittaminen maastopalon uhatessa: uusi ohje hätäkeskuksille', summary: 'Ohje koskee matkapuhelinvaroituksia.', lang: 'fi', source: 'intermin' }))
      .toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
  });

  it('forest-fire equipment for the rescue departments stays theirs', () => {
    expect(tag({ title: 'Pelastuslaitokset hankkivat yhdessä maastopalojen sammutuskalustoa', summary: 'Hankinta kattaa pumput ja letkut.', lang: 'fi', source: 'pelastustoimi' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });

  it('the welfare area deciding on care alone is no rescue matter', () => {
    expect(tag({ title: 'Hyvinvointialue päätti: kaksi terveysasemaa suljetaan', summary: 'Säästöt ovat kolme miljoonaa euroa.', lang: 'fi', source: 'hyvinvointialue' }))
      .toMatchObject({ relevant: false });
  });

  // A further change (session 39, taxonomy 2026.10): a fire station named as where (paloasemalla, -lle, -lta, -ssa;
  // vid, på, till, från brandstationen: `place: true`) says where the title's other matter happens, as an actor says
  // who. EMS placed at a fire station is EMS (the reform's), backup power for fire stations is preparedness; the fire
  // station lends its points as an actor does and vouches for no goal. Of these twelve runs the first six cases fail
  // on the old tagger and taxonomy with either analyzer; the last is a guard.
  it.each([
    ['Ensihoitoyksikkö siirtyy Pohjoiskylän paloasemalle', 'Siirto lyhentää ensihoidon vasteaikoja.', 'fi', 'hyvinvointialue', 'welfare-reform'],
    ['En akutvårdsenhet flyttas till brandstationen i Norrby', 'Flytten kortar responstiden.', 'sv', 'hyvinvointialue', 'welfare-reform'],
    ['Pelastuslaitos aloittaa ensivasteen kahdella paloasemalla', 'Ensivasteyksiköt tukevat hyvinvointialueen ensihoitoa.', 'fi', 'pelastustoimi', 'welfare-reform'],
    ['Räddningsverket inleder första insats vid två brandstationer', 'Enheterna stöder välfärdsområdets prehospitala akutsjukvård.', 'sv', 'pelastustoimi', 'welfare-reform'],
    ['Pelastuslaitos varautuu myrskyihin: varavoimakoneet kaikille paloasemille', 'Hankinta on osa valmiussuunnitelmaa.', 'fi', 'pelastustoimi', 'internal-security'],
    ['Räddningsverket förbereder sig för stormar: reservkraft till alla brandstationer', 'Anskaffningen är en del av beredskapsplanen.', 'sv', 'pelastustoimi', 'internal-security'],
  ] as const)('a fire station named as where is the place of the title’s other matter: %s', (title, summary, lang, source, goal) => {
    expect(tag({ title, summary, lang, source })).toMatchObject({ relevant: true, primary: goal, goals: [goal] });
  });

  it('a fire station named as where of no other matter keeps its goal', () => {
    expect(tag({ title: 'Pelastuslaitos siirtää sammutusauton Pohjoiskylän paloasemalle', summary: 'Siirto lyhentää toimintavalmiusaikaa.', lang: 'fi', source: 'pelastustoimi' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });

  // A second change of session 39: the EMS service-level decision in its Swedish "servicenivån inom (den) prehospitala
  // akutsjukvården" is the welfare area's own decision (as ensihoidon palvelutasopäätös is), not the rescue services'
  // service level beside it. Four runs fail on the old taxonomy (services listed beside the reform); the last is a guard.
  it.each([
    ['Servicenivån inom prehospital akutsjukvård ses över: räddningsverket bemannar tre nya enheter', 'Områdesstyrelsen behandlar ändringen i maj.'],
    ['Beslutet om servicenivån inom den prehospitala akutsjukvården uppdateras: räddningsverket sköter första insatsen på öarna', 'Ändringen träder i kraft i juni.'],
  ] as const)('the EMS service level in Swedish is the welfare area’s decision: %s', (title, summary) => {
    expect(tag({ title, summary, lang: 'sv', source: 'hyvinvointialue' })).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
  });

  it('the rescue department’s own service-level decision stays theirs', () => {
    expect(tag({ title: 'Räddningsverkets servicenivåbeslut godkändes: insatstiderna kortas', summary: 'Beslutet gäller fyra år.', lang: 'sv', source: 'hyvinvointialue' }))
      .toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
  });
});
