// Round forty-four's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

// A capability (kyky, suorituskyky; förmåga, prestationsförmåga) given to rescue departments is how the rescue services
// are organised and prepared, whatever accidents its summary says the units will be sent to: the incident scope does not
// take it. One collapse to which a heavy-rescue unit was alerted names no capability and stays incident news.
describe.each(roundTaggers('round forty-four, capability'))('round forty-four, a capability is no call-out (%s)', (_name, tag) => {
  tagCases(tag, 'services', { relevant: true, primary: 'services' }, [
    ['Raskaan pelastuksen kyky kolmelle uudelle pelastuslaitokselle', 'Yksiköt auttavat sortuneissa rakennuksissa ja suurissa liikenneonnettomuuksissa koko maassa.', 'fi'],
    ['Tre nya räddningsverk får förmåga till tung räddning', 'Enheterna hjälper vid rasade byggnader och stora trafikolyckor i hela landet.', 'sv'],
    ['Pelastuslaitosten suorituskyky laajoissa tulipaloissa arvioidaan uudelleen', 'Arviossa tarkastellaan yksiköiden määrää ja sijoittelua.', 'fi'],
  ] as const, { source: 'intermin' });

  tagCases(tag, 'one collapse stays incident news', false, [
    ['Kerrostalo sortui Vantaalla, raskaan pelastuksen yksikkö hälytettiin paikalle', 'Kaksi ihmistä loukkaantui lievästi.', 'fi'],
    ['Ett flervåningshus rasade i Vanda, enheten för tung räddning larmades', 'Två personer skadades lindrigt.', 'sv'],
  ] as const, { source: 'pelastustoimi' });
});

// A cyber attack (palvelunestohyökkäys, kyberhyökkäys; överbelastningsattack, cyberattack) on the rescue services' network
// is their information security, internal security, as a data breach is: the alarms it names are what it threatened, not
// a call-out.
describe.each(roundTaggers('round forty-four, cyber attack'))('round forty-four, a cyber attack is no call-out (%s)', (_name, tag) => {
  tagCases(tag, 'internal security', { relevant: true, primary: 'internal-security' }, [
    ['Kyberhyökkäys pelastuslaitoksen verkkoon: hälytykset ohjattiin varayhteydelle', 'Hyökkäys kesti kolme tuntia.', 'fi'],
    ['Palvelunestohyökkäys kaupungin verkkoon, pelastuslaitoksen hälytykset kulkivat varajärjestelmällä', 'Katkos kesti kaksi tuntia.', 'fi'],
  ] as const);
});

// A storm (rajuilma, oväder) is a call-out as myrsky and storm are: its tasks counted in a report are incident news.
// Preparing for storms is not.
describe.each(roundTaggers('round forty-four, storms'))('round forty-four, storms (%s)', (_name, tag) => {
  tagCases(tag, 'incident news', false, [
    ['Oväder rev ner träd på vägarna i Österbotten, räddningsverket hade 150 uppdrag', 'Som mest var 10 000 hushåll utan el.', 'sv'],
    ['Rajuilma katkoi sähköt Pohjanmaalla, pelastuslaitos teki 150 tehtävää', 'Pahimmillaan 10 000 taloutta oli ilman sähköä.', 'fi'],
  ] as const, { source: 'pelastustoimi' });

  tagCases(tag, 'still relevant', true, [
    ['Pelastuslaitosten varautuminen rajuilmoihin: sisäministeriö antaa ohjeen', 'Ohje koskee sähkökatkoja ja kaatuneita puita.', 'fi'],
    ['Räddningsverkens beredskap inför oväder: inrikesministeriet ger en anvisning', 'Anvisningen gäller elavbrott och fallna träd.', 'sv'],
  ] as const);
});

// Election financing (vaalirahoitus, valfinansiering) is candidates' campaign money, never the welfare areas' or the
// rescue services' funding, though the regional elections are among the elections it covers. The welfare areas' own
// funding stays the reform's.
describe.each(roundTaggers('round forty-four, election financing'))('round forty-four, election financing (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['Vaalirahoituksen ilmoitukset aluevaaleista julkaistaan', 'Ehdokkaiden ilmoitukset ovat nähtävillä oikeusministeriön palvelussa.', 'fi'],
    ['Valfinansieringen i välfärdsområdesvalet: anmälningarna publiceras', 'Kandidaternas anmälningar finns i justitieministeriets tjänst.', 'sv'],
  ] as const, { source: 'om' });

  tagCases(tag, 'the reform', { relevant: true, primary: 'welfare-reform' }, [
    ['Hyvinvointialueiden rahoitus kasvaa ensi vuonna', 'Valtiovarainministeriön laskelma koskee kaikkia alueita.', 'fi'],
    ['Välfärdsområdenas finansiering ökar nästa år', 'Finansministeriets kalkyl gäller alla områden.', 'sv'],
  ] as const);
});

// A fire brigade's house (brandkårshus) is an association's hall, a building the town buys or turns into a library, not a
// fire brigade.
describe.each(roundTaggers('round forty-four, brandkårshus'))('round forty-four, a fire brigade\'s house (%s)', (_name, tag) => {
  it('not relevant: a hall turned into a library', () => {
    expect(tag({ title: 'Det gamla brandkårshuset i Närpes blir bibliotek', summary: 'Staden renoverar byggnaden under vintern.', lang: 'sv', source: 'yle' }).relevant).toBe(false);
  });
  it('still relevant: the contract brigade', () => {
    expect(tag({ title: 'Avtalsbrandkåren i Närpes får en ny brandstation', summary: 'Räddningsverket hyr stationen av staden.', lang: 'sv' }).relevant).toBe(true);
  });
});

// What an item says it leaves alone (ulkopuolelle, ei koske, gällde inte: deniedIn) neither puts it in a scope nor takes it
// out: a welfare area's staff negotiations that leave the rescue department out stay its HR, and a rescue-act change whose
// summary says the welfare areas' funding act stays as it is is no welfare-area news. A Swedish denial in the past tense
// (gällde inte) denies as the present does.
describe.each(roundTaggers('round forty-four, denied words in scopes'))('round forty-four, what is left alone names no scope (%s)', (_name, tag) => {
  tagCases(tag, 'not relevant', false, [
    ['Hyvinvointialueen hallinnon muutosneuvottelut alkavat – pelastuslaitos jätettiin ulkopuolelle', 'Neuvottelut koskevat 250 työntekijää.', 'fi'],
    ['Välfärdsområdets omställningsförhandlingar inom förvaltningen – räddningsverket lämnades utanför', 'Förhandlingarna gäller 250 anställda.', 'sv'],
    ['Välfärdsområdets måltidstjänster minskar med 40 arbetsplatser', 'Minskningarna gällde inte räddningsverket eller akutvården.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });

  tagCases(tag, 'still relevant', { relevant: true, primary: 'services' }, [
    ['Pelastuslain muutos hyväksyttiin: valvonta kohdistetaan riskien mukaan', 'Hyvinvointialueiden rahoituslaki ja hätäkeskusten tehtävät pysyvät ennallaan.', 'fi'],
    ['Ändringen av räddningslagen godtogs: tillsynen inriktas efter riskerna', 'Välfärdsområdenas finansieringslag och nödcentralernas uppgifter förblir oförändrade.', 'sv'],
  ] as const, { source: 'intermin' });
});

// Without supervision (ilman valvontaa, utan tillsyn) is a thing left unattended, no supervision: a reminder not to leave
// a sauna stove on unattended stays a reminder. The rescue department's supervision named as such still counts.
describe.each(roundTaggers('round forty-four, unattended'))('round forty-four, left unattended (%s)', (_name, tag) => {
  tagCases(tag, 'a reminder', false, [
    ['Pelastuslaitos muistuttaa: älä jätä kiuasta lämpiämään ilman valvontaa', 'Kiukaan päälle unohtuneet pyyhkeet syttyvät helposti.', 'fi'],
    ['Räddningsverket påminner: lämna inte bastuaggregatet påslaget utan tillsyn', 'Handdukar som glömts på aggregatet fattar lätt eld.', 'sv'],
  ] as const, { source: 'pelastustoimi' });

  tagCases(tag, 'supervision', true, [
    ['Pelastuslaitoksen valvonta kohdistuu kerrostalojen porraskäytäviin', 'Pelastuslaitos muistuttaa, ettei porraskäytävään saa jättää tavaroita.', 'fi'],
    ['Räddningsverkets tillsyn riktas mot trapphusen i flervåningshus', 'Räddningsverket påminner om att inga saker får lämnas i trapphuset.', 'sv'],
  ] as const, { source: 'pelastustoimi' });
});

// Round forty-four's words from eval-2028-24 (a dev set from this round): a hazard bulletin in Finlex's Swedish
// (farobulletin, vaaratiedote's twin); the rescue services' service-level decision, whichever organ of the welfare area
// takes it, lifts the welfare-area scope; client guidance (asiakasohjaus) is social care's, no steering of the welfare areas.
describe.each(roundTaggers('round forty-four, eval-2028-24 words'))('round forty-four, eval-2028-24 words (%s)', (_name, tag) => {
  it('internal security: a hazard bulletin in Swedish', () => {
    expect(tag({ title: 'Farobulletiner sänds till alla mobiltelefoner i området från nästa år', summary: '', lang: 'sv' })).toMatchObject({ relevant: true, primary: 'internal-security' });
  });
  it('services: the service-level decision in the regional board', () => {
    expect(tag({ title: 'Aluehallitus: palvelutasopäätökseen kaksi uutta osa-aikaista asemaa', summary: 'Muutos lyhentää saapumisaikoja haja-asutusalueilla.', lang: 'fi', source: 'hyvinvointialue' })).toMatchObject({ relevant: true, primary: 'services' });
  });
  it('not relevant: client guidance in social care', () => {
    expect(tag({ title: 'Sosiaalihuollon asiakasohjauksen yhtenäistäminen alkaa', summary: 'Hanke koskee hyvinvointialueiden vammaispalveluja.', lang: 'fi', source: 'hankeikkuna' }).relevant).toBe(false);
  });
});
