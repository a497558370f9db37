// Round forty-three's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// Executive assistance (virka-apu, handräckning) as an item's subject is the authorities' cooperation, internal security,
// whatever forest fire it is given at: a guideline on the conscripts' assistance went to the fire (services) or, in
// Swedish, to nothing. One rescue department's call for it at one fire stays incident news.
describe.each(roundTaggers('round forty-three, executive assistance'))('round forty-three, executive assistance (%s)', (_name, tag) => {
  tagCases(tag, 'internal security', { relevant: true, primary: 'internal-security' }, [
    ['Puolustusministeriö laatii ohjeen varusmiesten virka-avusta suurissa metsäpaloissa', 'Ohjeessa kuvataan kaluston ja henkilöstön käyttö.', 'fi'],
    ['Försvarsministeriet utarbetar en anvisning om beväringarnas handräckning vid stora skogsbränder', 'Anvisningen beskriver användningen av materiel och personal.', 'sv'],
    ['Virka-avun pyytäminen maastopaloissa: puolustusministeriö päivittää ohjeistuksen', 'Ohjeistus koskee helikoptereiden ja varusmiesten käyttöä.', 'fi'],
    ['Begäran om handräckning vid terrängbränder: försvarsministeriet uppdaterar sina anvisningar', 'Anvisningarna gäller helikoptrar och beväringar.', 'sv'],
  ] as const, { source: 'defmin' });

  tagCases(tag, 'one fire stays incident news', false, [
    ['Pelastuslaitos sai virka-apua puolustusvoimilta metsäpalon sammuttamiseen Kainuussa', 'Paikalla oli helikopteri ja 30 varusmiestä.', 'fi'],
    ['Räddningsverket fick handräckning av försvarsmakten för att släcka en skogsbrand i Kajanaland', 'På plats fanns en helikopter och 30 beväringar.', 'sv'],
  ] as const, { source: 'pelastustoimi' });
});

// What a clause says stays as it was (pysyy ennallaan, säilyvät esityksen mukaisina, förblir oförändrade, står stilla) is
// what the item leaves alone, as a denial's words are: a state budget in which the rescue services' appropriations stay
// unchanged is not about them. A welfare area's own budget (its organ or name beside the budget word in the title) keeps
// them: what stays in its budget is still its money.
describe.each(roundTaggers('round forty-three, staying unchanged'))('round forty-three, what stays as it was (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['VaVM 8/2051 vp Valtiovarainvaliokunnan mietintö hallituksen esityksestä kolmanneksi lisätalousarvioksi vuodelle 2051', 'Valiokunta lisää rajavalvonnan määrärahoja. Pelastustoimen ja hätäkeskusten määrärahat pysyvät ennallaan.', 'fi'],
    ['FiUB 8/2051 rd Finansutskottets betänkande om regeringens proposition om en tredje tilläggsbudget för 2051', 'Utskottet ökar anslagen för gränsövervakningen. Anslagen för räddningsväsendet och nödcentralerna förblir oförändrade.', 'sv'],
    ['Poliisille lisää virkoja, pelastustoimi säilyy ennallaan: sisäministeriön kehysesitys', 'Rajavartiolaitos saa kaksi uutta partiovenettä.', 'fi'],
    ['Polisen får fler tjänster, räddningsväsendet står stilla: inrikesministeriets ramförslag', 'Gränsbevakningsväsendet får två nya patrullbåtar.', 'sv'],
  ] as const, { source: 'eduskunta' });

  it.each([
    ['Aluevaltuusto hyväksyi talousarvion 2052', 'Pelastuslaitoksen määrärahat pysyvät ennallaan, sosiaalipalveluista säästetään.', 'fi', 'welfare-reform'],
    ['Välfärdsområdesfullmäktige godkände budgeten för 2052', 'Räddningsverkets anslag förblir oförändrade medan socialtjänsterna sparar.', 'sv', 'welfare-reform'],
    ['Pelastuslaitosten tehtävät 2051: ensivastetehtäviä kolmannes enemmän', 'Pronto-tilaston mukaan rakennuspalojen määrä pysyi ennallaan.', 'fi', 'services'],
  ] as const)('still relevant: %s', (title, summary, lang, primary) => {
    expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary });
  });
});

// Left out (rajattiin ulkopuolelle, jätettiin ulkopuolelle): what change negotiations leave out is not their matter, as
// what stays as it is is not (the same span, any tense). Where units are sent outside their own area is no such verb.
describe.each(roundTaggers('round forty-three, left out'))('round forty-three, what is left out (%s)', (_name, tag) => {
  it.each([
    ['Muutosneuvottelut tilapalveluissa: 35 tehtävää vähenee, pelastuslaitos ja ensihoito rajattiin neuvottelujen ulkopuolelle', 'Vähennykset tehdään eläköitymisten kautta.'],
    ['Ateriapalveluiden muutosneuvottelut: 50 tehtävää vähenee, pelastuslaitos ja ensihoito jätettiin ulkopuolelle', 'Vähennykset toteutetaan vapaaehtoisin järjestelyin.'],
    ['Tukipalveluiden muutosneuvottelut alkavat – ensihoito ja pelastuslaitos rajataan ulkopuolelle', 'Neuvottelut koskevat 200 työntekijää.'],
  ] as const)('not relevant: %s', (title, summary) => {
    expect(tag({ title, summary, lang: 'fi' }).relevant).toBe(false);
  });

  tagCases(tag, 'still relevant', { relevant: true, primary: 'services' }, [
    ['Pelastuslaitoksen yksiköt hälytetään jatkossa myös oman alueen ulkopuolelle', 'Sopimus koskee raskasta pelastusta ja öljyntorjuntaa.', 'fi'],
    ['Räddningsverkets enheter larmas i fortsättningen också utanför det egna området', 'Avtalet gäller tung räddning och oljebekämpning.', 'sv'],
  ] as const);
});
