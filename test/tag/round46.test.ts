// Round forty-six's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// The heating season's carbon-monoxide reminder: a damper (pelti, spjäll) closed too early and the poisoning it causes
// (häkämyrkytys, kolmonoxidförgiftning) are the advice scope's own subject, as candles are, whoever publishes it (the
// pelastustoimi.fi meta line names the rescue services on every item). A decree on fireplaces is lifted by its law words.
describe.each(roundTaggers('round forty-six, dampers'))('round forty-six, a damper reminder is advice (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['Pelastajat neuvovat: pelti kiinni vasta hiillosten jälkeen', 'Tiedote sisäministeriö Pelastustoimi, 2.2.2052 8:00. Liian aikaisin suljettu pelti on talven yleisin syy kotien häkävaaraan.', 'fi'],
    ['Pakkasilla lämmitetään paljon: tulisijojen käytössä tarkkana', 'Uutinen sisäministeriö Pelastustoimi, 3.2.2052 9:00. Pelastustoimen mukaan kotona sattuu talvisin useita häkämyrkytyksiä.', 'fi'],
    ['Bastuugnen ska eldas säkert', 'Nyhet inrikesministeriet Räddningsväsendet, 2.2.2052 8:00. Räddningsväsendet råder: stäng inte spjället innan glöden har slocknat.', 'sv'],
    ['Mycket eldning under kylan: var noga med eldstäderna', 'Nyhet inrikesministeriet Räddningsväsendet, 3.2.2052 9:00. Enligt räddningsväsendet inträffar flera kolmonoxidförgiftningar i hemmen varje vinter.', 'sv'],
  ] as const, { source: 'pelastustoimi' });

  tagCases(tag, 'still relevant', true, [
    ['Sisäministeriön asetus tulisijojen pelleistä ja nuohouksesta', 'Asetuksella säädetään, että pelti on tarkastettava nuohouksen yhteydessä.', 'fi'],
    ['Inrikesministeriets förordning om spjäll i eldstäder', 'Förordningen kräver att spjället kontrolleras vid sotningen.', 'sv'],
  ] as const, { source: 'finlex', titleOnly: true });
});

// An event told by its noun (tapahtuma, evenemang as words of their own: the events scope's own name) is event news as
// a competition is: firefighters' charity climbs and runs whatever rescue words the meta line and the summary carry.
// So is a concert (konsertti, konsert: round forty-six's eval-2028-26, a charity concert). A public event's rescue plan
// (yleisötapahtuma, publikevenemang: compounds) is the rescue act's matter still, and so is what an event is required to have.
describe.each(roundTaggers('round forty-six, events'))('round forty-six, an event by its noun (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['Palomiehet juoksivat maratonin savusukellusvarusteissa', 'Uutinen sisäministeriö Pelastustoimi, 5.5.2052 15:00. Tapahtuman tuotto menee nuorisotyöhön, ja mukana oli 40 pelastajaa.', 'fi'],
    ['Brandmän sprang maraton i rökdykarutrustning', 'Nyhet inrikesministeriet Räddningsväsendet, 5.5.2052 15:00. I evenemanget deltog 40 räddare, och intäkterna går till ungdomsarbete.', 'sv'],
    ['Pelastuslaitoksen kevätkonsertti tuotti 8 000 euroa saattohoitokodille', 'Uutinen sisäministeriö Pelastustoimi, 4.4.2052 18:00. Lavalla olivat pelastuslaitoksen puhallinorkesteri ja palokuntanuoret.', 'fi'],
    ['Räddningsverkets vårkonsert gav 8 000 euro till ett hospice', 'Nyhet inrikesministeriet Räddningsväsendet, 4.4.2052 18:00. På scenen stod räddningsverkets blåsorkester och brandkårsungdomarna.', 'sv'],
  ] as const, { source: 'pelastustoimi' });

  tagCases(tag, 'still relevant', true, [
    ['Yleisötapahtumien pelastussuunnitelmat: pelastuslaitos tarkastaa suunnitelmat aiempaa aikaisemmin', 'Tapahtuman järjestäjän on toimitettava suunnitelma kolme viikkoa ennen tapahtumaa.', 'fi'],
    // A requirement (vaatimus, vaaditaan; krav, krävs) for an event is a fire-safety rule, not event news.
    ['Alkusammutuskalusto ja merkityt poistumistiet vaaditaan jatkossa jokaiseen telttaan', 'Tapahtuma ei saa alkaa ennen kuin pelastusviranomainen on tarkastanut teltat.', 'fi'],
    ['Släckutrustning och märkta utrymningsvägar krävs i varje tält', 'Arrangemanget får inte börja innan räddningsmyndigheten har granskat tälten; varje evenemang omfattas.', 'sv'],
  ] as const, { source: 'pelastustoimi' });
});

// What a proposal says it leaves as it is is no evidence of its matter (see deniedIn): no changes proposed or made to it
// (ei esitetä muutoksia, ei tehdä muutoksia; inga ändringar föreslås, görs inga ändringar), or its money as the government
// proposed in a committee's report (ovat esityksen mukaiset; följer regeringens proposition). The police named in
// the summary keep the item in the policing scope when the rescue services beside them are left alone.
describe.each(roundTaggers('round forty-six, left as it is'))('round forty-six, left as it is (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['Lausuntopyyntö luonnoksesta hallituksen esitykseksi kokoontumislain 12 §:n muuttamisesta', 'Kunta voisi rajoittaa yleisötilaisuuksia kaupungin keskustassa, ja poliisi valvoisi rajoitusta. Pelastuslakiin ei esitetä muutoksia.', 'fi', 'lausuntopalvelu'],
    ['Begäran om utlåtande om utkastet till proposition om ändring av 12 § i lagen om sammankomster', 'Kommunen skulle kunna begränsa allmänna sammankomster i stadens centrum, och polisen skulle övervaka begränsningen. Inga ändringar föreslås i räddningslagen.', 'sv', 'lausuntopalvelu'],
    ['HaVM 4/2052 vp Hallintovaliokunnan mietintö lisätalousarviosta sisäministeriön hallinnonalan osalta', 'Valiokunta lisää poliisin määrärahoja 8 miljoonaa. Pelastustoimen määrärahoihin ei tehdä muutoksia.', 'fi', 'eduskunta'],
    ['FvUB 4/2052 rd Förvaltningsutskottets betänkande om tilläggsbudgeten i fråga om inrikesministeriets förvaltningsområde', 'Utskottet ökar polisens anslag med 8 miljoner. I räddningsväsendets anslag görs inga ändringar.', 'sv', 'eduskunta'],
    ['VaVM 5/2052 vp Valtiovarainvaliokunnan mietintö valtion talousarviosta sisäministeriön hallinnonalan osalta', 'Valiokunta lisää rajavalvonnan ja poliisin varoja. Pelastustoimen ja Hätäkeskuslaitoksen määrärahat olisivat hallituksen esityksen mukaiset.', 'fi', 'eduskunta'],
    ['FiUB 5/2052 rd Finansutskottets betänkande om statsbudgeten i fråga om inrikesministeriets förvaltningsområde', 'Utskottet ökar gränsövervakningens och polisens medel. Anslagen för räddningsväsendet och Nödcentralsverket följer regeringens proposition.', 'sv', 'eduskunta'],
  ] as const);

  tagCases(tag, 'still relevant', true, [
    ['Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain 80 §:n muuttamisesta', 'Palotarkastuksen voisi tehdä etäyhteydellä. Nuohouksen määräaikoihin ei esitetä muutoksia.', 'fi'],
    ['Begäran om utlåtande om utkastet till proposition om ändring av 80 § i räddningslagen', 'Brandsynen skulle kunna göras på distans. Inga ändringar föreslås i sotningens intervaller.', 'sv'],
  ] as const, { source: 'lausuntopalvelu' });
});

// A fire confined to one room (palo rajoittui, rajoittuivat) is a call-out told, as one brought under control is: Snowball
// read rajoittui as the incident scope's way out, a restriction (rajoitus), so a sauna fire in a terraced house was news
// of the rescue services (eval-2028-26).
describe.each(roundTaggers('round forty-six, a fire confined'))('round forty-six, a fire confined (%s)', (_name, tag) => {
  it('not relevant: a fire confined to a room', () => {
    expect(tag({ title: 'Kerrostalon varastossa syttyi palo Porissa', summary: 'Uutinen sisäministeriö Pelastustoimi, 8.3.2052 6:00. Palo rajoittui varastokoppiin, ja porraskäytävä tuuletettiin.', lang: 'fi', source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it('still relevant: a restriction under the rescue act', () => {
    expect(tag({ title: 'Pelastuslain muutos: ilotulitteiden käytön rajoitukset yhtenäistyvät', summary: 'Sisäministeriö pyytää lausuntoja luonnoksesta.', lang: 'fi', source: 'intermin' }).relevant).toBe(true);
  });
});
