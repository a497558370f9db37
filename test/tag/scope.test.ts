import { describe, expect, it } from 'vitest';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { TagInput } from '../../src/tag/types.js';
import { voikkoForTests } from './voikko-gate.js';

const taxonomy = loadTaxonomy();

// [why, item, relevant, primary or null, scope that must (or must not, null) show in the evidence]
const cases: [string, TagInput, boolean, string | null, string | null][] = [
  ['a fire is incident news', { title: 'Rivitalossa syttyi tulipalo Lahdessa', summary: 'Pelastuslaitos sammutti palon nopeasti. Kukaan ei loukkaantunut.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a crash the rescue department attended is incident news', { title: 'Linja-auto suistui tieltä', summary: 'Pelastuslaitos ja ensihoito olivat paikalla. Tie oli suljettuna pelastustoimien ajan.' }, false, null, 'incident'],
  ['a brand in Swedish is incident news', { title: 'Räddningsverket släckte en brand i en lagerhall', summary: 'Ingen omkom i branden.', lang: 'sv' }, false, null, 'incident'],
  ['a fire that leads to a regulation is not', { title: 'Hoitolaitoksen tulipalo: paloturvallisuutta koskevaa asetusta muutetaan', summary: 'Sisäministeriö tarkentaa poistumisturvallisuuden valvontaa.' }, true, 'services', null],
  ['the police alone are out of scope', { title: 'Poliisin partioiden määrä kasvaa', summary: 'Poliisihallitus lisää partioita ja valmiusyksikön resursseja.', source: 'intermin' }, false, null, null],
  ['a border item that names an emergency is still police work', { title: 'Rajavartiolaitos harjoitteli itärajalla', summary: 'Harjoituksessa testattiin viranomaisviestintää.', source: 'intermin' }, false, null, 'policing'],
  ['police and rescue departments together are in scope', { title: 'Poliisi ja pelastuslaitokset sopivat yhteisestä kenttäjohtamisesta', summary: 'KEJO-järjestelmässä jaetaan yhteinen tilannekuva.' }, true, 'internal-security', null],
  ['a welfare area’s HR is out of scope', { title: 'Hyvinvointialueen henkilöstöohjelma hyväksyttiin', summary: 'Aluevaltuusto painottaa työhyvinvointia ja osaamisen kehittämistä.', source: 'hyvinvointialue' }, false, null, null],
  ['a welfare area’s fire stations are in scope', { title: 'Hyvinvointialue esittää paloaseman lakkauttamista', summary: 'Pelastuslaitoksen säästöesitys heikentäisi toimintavalmiutta.', source: 'hyvinvointialue' }, true, 'services', null],
  ['the welfare areas’ funding is the reform', { title: 'Hyvinvointialueiden rahoituslain muutos', summary: 'Rahoituksen tarvekertoimia muutettaisiin.' }, true, 'welfare-reform', null],
  ['the subject of the title leads: cyber security of the rescue departments', { title: 'Pelastuslaitosten kyberturvallisuus paranee yhteisellä palvelulla', summary: 'Pelastuslaitokset hankkivat yhteisen valvontapalvelun.' }, true, 'internal-security', null],
  ['the subject of the title leads: the rescue services’ ICT centre', { title: 'Pelastustoimen ICT-palvelukeskus aloittaa', summary: 'Palvelukeskus vastaa pelastuslaitosten tietojärjestelmistä.' }, true, 'internal-security', null],
  ['a police budget that mentions the emergency centre in its summary is police news', { title: 'Poliisin määrärahoihin lisäystä', summary: 'Lisärahoituksella lyhennetään hätäkeskusilmoitusten vasteaikoja poliisin kiireellisissä tehtävissä.', source: 'intermin' }, false, null, 'policing'],
  ['the emergency centre with the police in the title is in scope', { title: 'Hätäkeskus ja poliisi uudistavat tehtävien välityksen', summary: 'Poliisi saa tehtävät jatkossa suoraan kenttäjohtojärjestelmään.' }, true, 'internal-security', null],
  // Round eighteen: the defence forces are scoped like the police; their executive assistance is the cooperation.
  ['the defence forces alone are out of scope', { title: 'Puolustusvoimien varusmiehet harjoittelivat Lapissa', summary: 'Harjoitukseen osallistui 2 000 varusmiestä. Pelastuslaitos oli tiedotettu ampumaharjoituksista.' }, false, null, 'policing'],
  ['the defence forces’ executive assistance is internal security', { title: 'Puolustusvoimien virka-apu suuronnettomuuksissa: ohje päivitetään', summary: 'Ohje kuvaa, miten pelastuslaitos pyytää virka-apua.' }, true, 'internal-security', null],
  ['police and rescue departments exercising together count as internal security', { title: 'Poliisi ja pelastuslaitokset harjoittelivat suuronnettomuuden johtamista', summary: 'Harjoituksessa testattiin KEJO-järjestelmää.' }, true, null, null],
  ['a rescue department’s own fire report is incident news, however many rescue words it has', { title: 'Pelastuslaitos sammutti tulipalon kerrostalossa', summary: 'Pelastuslaitoksen pelastajat evakuoivat asukkaat. Palo saatiin sammutettua, ja pelastuslaitos selvittää palon syytä.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['firefighters’ sports are event news', { title: 'Palomies palkittiin urheilukilpailussa', summary: 'Pelastuslaitoksen palomies voitti palomiesten SM-kilpailun juoksusarjan.', source: 'pelastustoimi' }, false, null, 'events'],
  ['a fundraiser is event news', { title: 'Palomiesten joulukeräys tuotti ennätyksen', summary: 'Pelastuslaitoksen henkilöstö keräsi rahaa lasten harrastuksiin.', source: 'pelastustoimi' }, false, null, 'events'],
  ['a competition that is procurement is not an event', { title: 'Piirinuohous kilpailutetaan', summary: 'Pelastuslaitos avaa nuohouksen kilpailulle.', source: 'pelastustoimi' }, true, 'services', null],
  ['a bailout loan is no rescue', { title: 'Valtio myönsi pelastuslainan lentoyhtiölle', summary: 'Laina turvaa yhtiön maksuvalmiuden.' }, false, null, null],
  ['a title naming only the welfare areas is about the reform, though the summary speaks of rescue services’ costs', { title: 'Hyvinvointialueiden rahoitus kasvaa ensi vuonna', summary: 'Rahoituksessa huomioidaan palkkaratkaisut sekä pelastustoimen kustannusten nousu.' }, true, 'welfare-reform', null],
  ['a head several goals share says nothing: the rescue services’ funding stays services', { title: 'Pelastustoimen rahoitus turvataan', summary: 'Hyvinvointialueiden rahoituslakiin tehdään korvamerkintä pelastustoimelle.' }, true, 'services', null],
  ['the subject of the title leads: the rescue department’s emergency medical service', { title: 'Pelastuslaitoksen ensihoitopalvelu laajenee', summary: 'Pelastuslaitos tuottaa ensihoidon koko alueella.' }, true, 'welfare-reform', null],
  ['a title about the rescue act stays services', { title: 'Pelastuslain muutos etenee eduskuntaan', summary: 'Muutos koskee hyvinvointialueiden pelastuslaitosten valvontatehtäviä.' }, true, 'services', null],
  ['a fire-danger warning is no smoke alarm', { title: 'Ruohikkopalovaroitus voimassa koko maakunnassa', summary: 'Kuiva sää lisää palovaaraa.', source: 'ilmatieteenlaitos' }, false, null, null],
  ['a death in a fire, in Swedish past tense, is incident news', { title: 'En person omkom i en villabrand', summary: 'Räddningsverket hittade en avliden person i huset.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'incident'],
  ['police and rescue departments at a fire are still incident news', { title: 'Kerrostalopalossa kuoli kaksi ihmistä', summary: 'Pelastuslaitos sammutti palon, ja poliisi tutkii syttymissyytä.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['police and a rescue department together in the title: their cooperation leads', { title: 'Poliisi ja pelastuslaitos sopivat uudesta yhteistyömallista', summary: 'Malli selkeyttää työnjakoa onnettomuuspaikoilla.' }, true, 'internal-security', null],
  // Round five (eval-2027-01 as a dev set): reworded from its kinds, not its items.
  ['a house that burned down is incident news', { title: 'Mökki paloi maan tasalle Mikkelissä', summary: 'Pelastuslaitos ehti paikalle, kun rakennus oli jo sortunut.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a house destroyed by fire, in Swedish, is incident news', { title: 'Sommarstuga förstördes i brand i Ekenäs', summary: 'Räddningsverket kunde inte rädda byggnaden.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a storm night is incident news', { title: 'Myrsky kaatoi puita teille – pelastuslaitoksella yli sata tehtävää', summary: 'Pelastuslaitos raivasi teitä koko yön.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['firefighting equipment is no incident', { title: 'EU rahoittaa sammutuskaluston hankintaa', summary: 'Pelastuslaitokset saavat uusia maastopaloyksiköitä.', source: 'intermin' }, true, 'services', null],
  ['a fire-brigade youth camp is event news', { title: 'Palokuntanuorten kesäleiri Porissa', summary: 'Leirille osallistui 600 palokuntanuorta.', source: 'pelastustoimi' }, false, null, 'events'],
  ['a power cut (elavbrott) is no crime (brott)', { title: 'Räddningsverken förbereder sig för långa elavbrott', summary: 'Beredskapen för elavbrott övas i alla räddningsverk.', lang: 'sv' }, true, null, null],
  ['an obligation (velvoite) is no victory (voitto)', { title: 'Väestönsuojien rakentamisvelvoite säilyy', summary: 'Sisäministeriö selvitti väestönsuojien riittävyyttä.', source: 'intermin' }, true, null, null],
  ['an honour for a firefighter is event news', { title: 'Sopimuspalokuntalainen palkittiin elämäntyöstään', summary: 'Palokunnan pitkäaikainen jäsen sai kunniamerkin.', source: 'pelastustoimi' }, false, null, 'events'],
  ['the welfare areas’ loan authorisations, in Swedish, are the reform', { title: 'Välfärdsområdenas lånefullmakter för nästa år fastställdes', summary: 'Statsrådet fastställde fullmakterna.', lang: 'sv' }, true, 'welfare-reform', null],
  ['the EU civil protection mechanism is internal security', { title: 'EU:n pelastuspalvelumekanismin suuri harjoitus järjestetään Suomessa', summary: 'Harjoitukseen osallistuu asiantuntijoita kuudesta maasta.' }, true, 'internal-security', null],
  ['a search for a missing person is incident news', { title: 'Pelastuslaitos etsi kadonnutta sienestäjää', summary: 'Sienestäjä löytyi aamulla hyväkuntoisena.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['an oil spill call-out is incident news', { title: 'Öljyvahinko kanavassa', summary: 'Pelastuslaitos levitti imeytysmattoja ja puomitti vuodon.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['oil spill response rules are not', { title: 'Öljyvahinkojen torjuntaa koskeva asetus muuttuu', summary: 'Pelastuslaitosten öljyntorjuntasuunnitelmat päivitetään.' }, true, 'services', null],
  ['warning the population, in Swedish, is internal security', { title: 'Systemet för varning av befolkningen förnyas', summary: 'Nya sirener och mobilvarningar tas i bruk.', lang: 'sv' }, true, 'internal-security', null],
  // Round six (eval-2027-02 as a dev set): reworded from its kinds, not its items.
  ['fire-station rents between a town and its welfare area are the reform’s asset arrangements', { title: 'Kaupunki ja hyvinvointialue neuvottelevat paloasemien vuokrista', summary: 'Nykyiset vuokrasopimukset päättyvät ensi vuonna.' }, true, 'welfare-reform', null],
  ['a welfare area’s rescue committee is the reform’s governance', { title: 'Hyvinvointialue perustaa pelastuslautakunnan', summary: 'Lautakunta käsittelee jatkossa pelastustoimen asiat.' }, true, 'welfare-reform', null],
  ['a cooperation group of the ministry and the rescue departments is internal security, in Swedish', { title: 'Inrikesministeriet och räddningsverken bildar en samarbetsgrupp', summary: 'Gruppen bereder gemensamma frågor.', lang: 'sv' }, true, 'internal-security', null],
  ['a team that won a rescue competition is event news', { title: 'Pelastuslaitoksen joukkue voitti pelastuskilpailun', summary: 'Joukkue oli nopein savusukelluksessa.', source: 'pelastustoimi' }, false, null, 'events'],
  ['a fire brigade’s anniversary is event news, in Swedish', { title: 'Brandkåren i Ekenäs firar 100 år', summary: 'Räddningsverket ordnar en fest vid brandstationen.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'events'],
  ['another sector’s preparedness exercise is not ours', { title: 'Vesilaitosten valmiusharjoitus testasi varavoimaa', summary: 'Harjoitukseen osallistui kymmenen vesilaitosta.' }, false, null, null],
  ['a rescue department’s preparedness exercise is', { title: 'Pelastuslaitoksen valmiusharjoitus testasi evakuointia', summary: 'Harjoituksessa evakuoitiin hoitolaitos.' }, true, 'internal-security', null],
  ['research into putting out battery fires is development, not a call-out', { title: 'Palosuojelurahaston tutkimus akkupalojen sammuttamisesta valmistui', summary: 'Pelastuslaitokset kokeilevat uusia sammutuspeitteitä.' }, true, 'services', null],
  ['research into putting out battery fires is development, not a call-out, in Swedish', { title: 'Brandskyddsfonden stöder forskning om släckning av batteribränder', summary: 'Räddningsverken prövar nya släckfiltar.', lang: 'sv' }, true, 'services', null],
  ['a generic head inside the modifier’s topic: an emergency-centre staff shortage is about the emergency centres', { title: 'Hallitus korjaa hätäkeskusten henkilöstövajetta', summary: 'Hätäkeskuslaitos rekrytoi uusia päivystäjiä, ja pelastuslaitokset saavat tehtävät nopeammin.' }, true, 'internal-security', null],
  ['a generic head inside the modifier’s topic: a civil-protection appropriation is about civil protection', { title: 'Väestönsuojelun lisämääräraha hyväksyttiin', summary: 'Rahalla kunnostetaan väestönsuojia; pelastuslaitokset vastaavat kunnostuksesta.' }, true, 'internal-security', null],
  ['rescEU is the EU civil protection mechanism’s reserve: internal security', { title: 'rescEU-sammutuskoneita sijoitetaan Pohjoismaihin', summary: 'Komissio rahoittaa koneet, ja Suomi osallistuu pelastuspalvelumekanismin valmiuteen.' }, true, 'internal-security', null],
  ['rescEU is the EU civil protection mechanism’s reserve: internal security, in Swedish', { title: 'rescEU-släckningsflygplan placeras i Norden', summary: 'Kommissionen finansierar planen och Finland deltar i civilskyddsmekanismens beredskap.', lang: 'sv' }, true, 'internal-security', null],
  // Round eight (eval-2027-04 as a dev set): reworded from its kinds, not its items.
  ['new alarms that warn the population are a system, not a call-out', { title: 'Väestön varoittamisen hälytykset siirtyvät puhelimiin', summary: 'Hätäkeskuslaitos lähettää varoitukset alueellisesti.' }, true, 'internal-security', null],
  ['a warning issued at a chemical leak stays incident news', { title: 'Kemikaalivuoto tehtaalla – vaaratiedote annettiin', summary: 'Pelastuslaitos kehotti sulkemaan ikkunat.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a welfare area’s evaluation procedure (bedömningsförfarande) is the reform’s structure, in Swedish', { title: 'Bedömningsförfarande för välfärdsområdets ekonomi inleds', summary: 'Ekonomin är inte i balans och ministeriet tillsätter en arbetsgrupp.', lang: 'sv' }, true, 'welfare-reform', null],
  ['the safety network extended to the welfare areas is internal security, not welfare-area news', { title: 'Hyvinvointialueet liitetään TUVE-verkkoon', summary: 'Turvallisuusverkko kattaa alueiden valmiuskeskukset.' }, true, 'internal-security', null],
  // Round thirteen (eval-2027-07 as a dev set): reworded from its kinds, not its items.
  ['years are no leak: Snowball cuts vuotta and vuoteen (vuosi) to the stem of vuoto', { title: 'Valtioneuvosto käynnisti hyvinvointialueen arviointimenettelyn', summary: 'Alueen alijäämä on kasvanut kolme vuotta peräkkäin, ja kattamiselle annetaan aikaa vuoteen 2029.' }, true, 'welfare-reform', null],
  ['a leak by its own forms is incident news', { title: 'Öljyvuoto satamassa', summary: 'Pelastuslaitos keräsi vuodon puomeilla.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a fire station turning seventy is event news', { title: 'Kotkan paloasema täyttää 70 vuotta', summary: 'Pelastuslaitos kutsuu kaupunkilaiset juhlaan.', source: 'pelastustoimi' }, false, null, 'events'],
  ['a fire brigade’s 75th anniversary party (vuotisjuhla) is event news', { title: 'Palokunnan 75-vuotisjuhla lauantaina', summary: 'Pelastuslaitos esittelee kalustoa.', source: 'pelastustoimi' }, false, null, 'events'],
  ['a forest fire brought under control (hallintaan) is incident news', { title: 'Maastopalo Sodankylässä saatiin hallintaan', summary: 'Sammutukseen osallistui sopimuspalokuntia.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['the welfare areas’ loan authorisations (låntagningsfullmakter) confirmed (fastställdes, no fastighet) are the reform', { title: 'Välfärdsområdenas låntagningsfullmakter för 2029 fastställdes', summary: 'Fullmakterna gäller sjukhus och brandstationer.', lang: 'sv' }, true, 'welfare-reform', null],
  ['warnings to the population (varningar till befolkningen) are internal security', { title: 'Regeringen föreslår nya varningar till befolkningen', summary: 'Varningarna skickas till mobiltelefoner.', lang: 'sv' }, true, 'internal-security', null],
  ['a fire station in a welfare area’s investment plan is the reform’s money', { title: 'Hyvinvointialueen investointisuunnitelma: uusi paloasema Kokkolaan', summary: 'Aluevaltuusto käsittelee suunnitelmaa syyskuussa.', source: 'hyvinvointialue' }, true, 'welfare-reform', null],
  ['the rents of fire stations are the reform’s asset arrangements, in Swedish', { title: 'Hyrorna för brandstationerna i Borgå ses över', summary: 'Staden och välfärdsområdet förhandlar om nya hyresavtal.', lang: 'sv' }, true, 'welfare-reform', null],
  // Not every "hallintaan" is a fire under control, nor every "täyttää" an anniversary. (The first one's primary goal
  // is not asserted: without a rent or sale word the tagger reads fire stations changing hands as the rescue services'.)
  ['fire stations passing into the welfare area’s possession (hallintaan) are the reform, not incident news', { title: 'Paloasemat siirtyvät hyvinvointialueen hallintaan vuoden alusta', summary: 'Kuntien omistamat paloasemat siirtyvät alueen hallintaan.' }, true, null, null],
  ['the rescue services’ information systems passing into Erillisverkot’s administration are internal security', { title: 'Pelastustoimen tietojärjestelmät siirtyvät Erillisverkkojen hallintaan', summary: 'Sisäministeriö päätti siirrosta.' }, true, 'internal-security', null],
  ['a welfare area meeting (täyttää) the service-level decision’s requirements is no anniversary', { title: 'Hyvinvointialue täyttää pelastustoimen palvelutasopäätöksen vaatimukset', summary: 'Aluehallintovirasto arvioi pelastustoimen palvelutasoa.' }, true, 'services', null],
  // Round fourteen (eval-2027-08 as a dev set): reworded from its kinds, not its items.
  ['the European Commission reports no call-out: its restriction of fire-fighting foams is regulation', { title: 'Komissio: sammutusvaahtojen PFAS-aineet poistettava käytöstä', summary: 'Pelastuslaitoksille annetaan viiden vuoden siirtymäaika.' }, true, 'services', null],
  ['första insats beside a rescue department is the EMS it produces', { title: 'Räddningsverket utökar första insats i skärgården', summary: 'Enheterna når patienterna snabbare.', lang: 'sv' }, true, 'welfare-reform', null],
  ['första insats alone is anyone’s first response', { title: 'Första insatsen vid hjärtstopp: frivilliga utbildas', summary: 'Röda korset ordnar kurserna.', lang: 'sv' }, false, null, null],
  ['a partnership network of other fields is no rescue department', { title: 'Yritysten kumppanuusverkosto kokoontui Oulussa', summary: 'Verkostossa on mukana 40 pk-yritystä.' }, false, null, null],
  ['the rescue departments’ partnership network and the ministry: a cooperation structure', { title: 'Kumppanuusverkosto ja sisäministeriö sopivat yhteistyörakenteesta', summary: 'Rakenteeseen kuuluu ohjausryhmä.' }, true, 'internal-security', null],
  ['IKT is the Swedish ICT', { title: 'Räddningsväsendets IKT-tjänster upphandlas gemensamt', summary: 'Upphandlingen gäller alla räddningsverk.', lang: 'sv' }, true, 'internal-security', null],
  ['a lägescentral is a tilannekeskus', { title: 'Räddningsverkens lägescentraler samordnas', summary: 'Inrikesministeriet leder projektet.', lang: 'sv' }, true, 'internal-security', null],
  // Round fifteen (eval-2027-09 as a dev set): reworded from its kinds, not its items. EMS the rescue departments produce is
  // the reform's (the README's labelling decisions): the paramedics they hire and the ambulance service passed to them.
  ['a rescue department taking on EMS and hiring paramedics is the reform', { title: 'Pelastuslaitos ottaa ensihoidon hoitaakseen Itä-Uudellamaalla', summary: 'Ensihoitajia palkataan 30.' }, true, 'welfare-reform', null],
  ['the ambulance service passing to a rescue department is the reform, in Swedish', { title: 'Ambulansverksamheten i Kymmenedalen övergår till räddningsverket', summary: 'Räddningsverket anställer 25 vårdare.', lang: 'sv' }, true, 'welfare-reform', null],
  ['hiring (palkkaa, palkataan: Snowball’s key of palkita too) is no award and no event news', { title: 'Sopimuspalokuntiin palkataan lisää väkeä', summary: 'Pelastuslaitos palkkaa 12 sopimuspalokuntalaista.' }, true, 'services', null],
  ['a brigade awarded a prize (palkittiin) is still event news', { title: 'Palokunta palkittiin vuoden palokuntana', summary: 'Pelastuslaitos onnitteli palokuntaa.', source: 'pelastustoimi' }, false, null, 'events'],
  ['chimney sweeping the welfare areas arrange is the rescue act’s matter, not welfare-area news', { title: 'Nuohouksen järjestäminen muuttuu ensi vuonna', summary: 'Hyvinvointialueet voivat kilpailuttaa nuohouksen.' }, true, 'services', null],
  ['chimney sweeping the welfare areas arrange is the rescue act’s matter, in Swedish', { title: 'Sotningen ordnas på nytt sätt', summary: 'Välfärdsområdena får konkurrensutsätta sotningen.', lang: 'sv' }, true, 'services', null],
  ['a private firm’s ambulance service alone is not ours', { title: 'Yksityinen ambulanssitoiminta laajenee Uudellamaalla', summary: 'Yritys avaa kaksi uutta asemaa.' }, false, null, null],
  // Round nineteen (eval-2027-11 as a dev set): reworded from its kinds, not its items. A restriction and its transition
  // period are regulation whoever writes them, a written question in Parliament is politics, not a call-out.
  ['a restriction of PFAS in fire-fighting foams is regulation, not a call-out', { title: 'Sammutusvaahtojen PFAS-rajoitus astuu voimaan', summary: 'Pelastuslaitosten on vaihdettava vaahtonsa siirtymäajan kuluessa.' }, true, 'services', null],
  ['a restriction of PFAS in fire-fighting foams is regulation, in Swedish', { title: 'Begränsningen av PFAS i släckskum träder i kraft', summary: 'Räddningsverken ska byta skum under övergångstiden.', lang: 'sv' }, true, 'services', null],
  ['a written question on the emergency centres during a storm is no storm news', { title: 'Kirjallinen kysymys hätäkeskusten ruuhkista', summary: 'Kysyjä kysyy, miksi hätäpuheluihin vastaaminen viivästyi myrskyn aikana.' }, true, 'internal-security', null],
  ['a written question on the emergency centres during a storm, in Swedish', { title: 'Skriftligt spörsmål om överbelastningen av nödcentralerna', summary: 'Frågeställaren frågar varför nödsamtalen fördröjdes under stormen.', lang: 'sv' }, true, 'internal-security', null],
  ['a forest fire in Lapland is incident news: Lappland holds no plan', { title: 'Skogsbrand i Lappland', summary: 'Släckningsarbetet fortsätter. Räddningsverket fick hjälp av en helikopter.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a rescue department’s preparedness plan (beredskapsplan) still lifts the incident scope', { title: 'Räddningsverkets beredskapsplan för skogsbränder uppdateras', summary: 'Planen beskriver hur släckningen leds vid stora bränder.', lang: 'sv' }, true, null, null],
  // Fire classes of building products are fire safety of buildings; the EU's preparedness union is civil preparedness.
  ['fire classes of building products are fire safety of buildings', { title: 'Julkisivujen paloluokitus muuttuu', summary: 'Uudet paloluokat koskevat rakennustuotteita.' }, true, 'services', null],
  ['fire classes of building products, in Swedish', { title: 'Brandklasserna för fasader ändras', summary: 'De nya brandklasserna gäller byggprodukter.', lang: 'sv' }, true, 'services', null],
  ['the EU’s preparedness union is civil preparedness', { title: 'Valmiusunioni etenee: komissio esittää uusia toimia', summary: 'Jäsenmaiden varautumista kriiseihin vahvistetaan.' }, true, 'internal-security', null],
  ['the EU’s preparedness union, in Swedish', { title: 'Beredskapsunionen tar form', summary: 'Medlemsstaternas beredskap för kriser stärks.', lang: 'sv' }, true, 'internal-security', null],
  // The safety authorities' shared systems report no call-out; home-fire deaths are what fire prevention counts.
  ['a field-command system update that speeds up alerting (hälyttämistä) is no call-out', { title: 'KEJO-päivitys nopeuttaa pelastuslaitosten hälyttämistä', summary: 'Päivitys lyhentää hälytyksen viivettä kymmenellä sekunnilla.' }, true, 'internal-security', null],
  ['home-fire deaths falling are fire prevention', { title: 'Asuntopalojen kuolonuhrit vähenivät', summary: 'Ehkäisevä paloturvallisuustyö on tuottanut tulosta.' }, true, 'services', null],
  ['home-fire deaths falling are fire prevention, in Swedish', { title: 'Färre dödsfall i bostadsbränder', summary: 'Det förebyggande brandsäkerhetsarbetet har gett resultat.', lang: 'sv' }, true, 'services', null],
  ['a single home fire is still incident news', { title: 'Asuntopalo Kuopiossa', summary: 'Pelastuslaitos sammutti palon, kukaan ei loukkaantunut.', source: 'pelastustoimi' }, false, null, 'incident'],
  // Round twenty (eval-2027-12 as a dev set): reworded from the dev sets' kinds, not their items. Reminders, advice and
  // single rescues are the advice scope; a reminder of a legal duty is not.
  ['a rescue department’s weak-ice reminder is advice', { title: 'Pelastuslaitos muistuttaa: jäälle ei vielä kannata mennä', summary: 'Jää on monin paikoin alle viisi senttiä paksua.', source: 'pelastustoimi' }, false, null, 'advice'],
  ['one rescue is no matter of the strategy', { title: 'Koira pelastettiin kaivosta', summary: 'Pelastuslaitoksen yksikkö nosti koiran ylös köysien avulla.', source: 'pelastustoimi' }, false, null, 'advice'],
  ['a scam in the rescue department’s name is advice', { title: 'Tekstiviestihuijaus lähetetään pelastuslaitoksen nimissä', summary: 'Viestin linkki vie väärennetylle maksusivulle.', source: 'pelastustoimi' }, false, null, 'advice'],
  ['a Swedish reminder is advice', { title: 'Räddningsverket påminner: släck adventsljusen', summary: 'Levande ljus orsakar bränder varje december.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'advice'],
  ['a reminder of a legal duty is the rescue act’s', { title: 'Pelastuslaitos muistuttaa nuohousvelvollisuudesta', summary: 'Tulisijat on nuohottava säännöllisesti.', source: 'pelastustoimi' }, true, 'services', null],
  ['Swedish varna is warning the population, not advice', { title: 'Inrikesministeriet: befolkningen ska kunna varnas via mobilnätet', summary: 'Systemet för varning av befolkningen förnyas.', lang: 'sv' }, true, 'internal-security', null],
  ['championships (SM-kilpailut) are event news', { title: 'Pelastajien SM-kilpailut käytiin Oulussa', summary: 'Pelastuslaitosten joukkueet kisasivat savusukelluksessa.', source: 'pelastustoimi' }, false, null, 'events'],
  ['a Swedish team (lag) is no law', { title: 'Räddningsverkets lag tog guld i FM-tävlingarna', summary: 'Laget tävlade i ytlivräddning.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'events'],
  ['a fire whose cause is under investigation is incident news', { title: 'Tulipalo rivitalossa Kotkassa', summary: 'Pelastuslaitos sai palon rajattua. Palon syy on tutkinnassa.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a forest fire that went out is incident news', { title: 'Maastopalo sammui yön aikana Kuusamossa', summary: 'Pelastuslaitos vartioi paloaluetta vielä aamulla.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a traffic accident, in Swedish, is incident news', { title: 'Trafikolycka i Vasa', summary: 'Räddningsverket klippte loss föraren.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'incident'],
  // Round twenty-one (eval-2028-01 as a dev set): reworded from its kinds, not its items.
  ['Pronto is the rescue services’ own statistics, even when it counts first-response calls', { title: 'Pelastuslaitosten tehtävämäärät julkaistiin', summary: 'Pronto-tilaston mukaan ensivastetehtävät lisääntyivät eniten.', source: 'tilastokeskus' }, true, 'services', null],
  ['Pronto is the rescue services’ own statistics, in Swedish', { title: 'Räddningsverkens uppdrag har publicerats', summary: 'Enligt Pronto-statistiken ökade första insatsuppdragen mest.', lang: 'sv', source: 'tilastokeskus' }, true, 'services', null],
  // Round thirty-three (second part): statistics-keeping (tilastointi) lifts it as tilasto does; the year's figure is not a call-out.
  ['the year’s fire deaths against the statistics’ history are no call-out', { title: 'Asuntopaloissa kuoli 30 ihmistä – vähiten tilastointihistoriassa', summary: 'Pelastuslaitosten mukaan palovaroittimet ja liesivahdit näkyvät luvuissa.', source: 'pelastustoimi' }, true, 'services', null],
  ['the same in Swedish', { title: 'Trettio personer omkom i bostadsbränder – det lägsta antalet i statistikens historia', summary: 'Enligt räddningsverken syns brandvarnarna och spisvakterna i siffrorna.', lang: 'sv', source: 'pelastustoimi' }, true, 'services', null],
  ['the area elections (områdesval) are the reform, in Swedish', { title: 'Områdesvalet hålls i april', summary: 'I valet väljs ledamöter till områdesfullmäktige, som beslutar om social- och hälsovården och räddningsväsendet.', lang: 'sv' }, true, 'welfare-reform', null],
  ['an area council’s budget (områdesfullmäktige) naming the rescue department’s share is the reform', { title: 'Områdesfullmäktige godkände budgeten: 40 miljoner till räddningsverket', summary: 'Budgeten är i underskott för andra året.', lang: 'sv', source: 'hyvinvointialue' }, true, 'welfare-reform', null],
  ['välfärdsområdesfullmäktige keeps the welfare area it holds', { title: 'Välfärdsområdesfullmäktige godkände räddningsverkets budget', summary: 'Räddningsverket får 40 miljoner euro.', lang: 'sv' }, true, 'welfare-reform', null],
  ['the EU’s reserve (valmiusreservi) is the mechanism’s pool: a unit offered to it is internal security', { title: 'Suomi lähettää EU:n valmiusreserviin pelastuslaitosten maastopaloyksikön', summary: 'Yksikkö on lähtövalmiina kolmessa vuorokaudessa.', source: 'intermin' }, true, 'internal-security', null],
  ['the EU’s reserve (beredskapsreserv) is the mechanism’s pool, in Swedish', { title: 'Finland anmäler räddningsverkens skogsbrandsenhet till EU:s beredskapsreserv', summary: 'Enheten kan avresa inom tre dygn.', lang: 'sv', source: 'intermin' }, true, 'internal-security', null],
  ['a fire-danger warning is advice, whoever passes it on', { title: 'Metsäpalovaroitus voimassa Lapissa', summary: 'Ilmatieteen laitos varoittaa metsäpalovaarasta, ja avotulen teko on kielletty.', source: 'pelastustoimi' }, false, null, 'advice'],
  ['a fire-danger warning is advice, in Swedish', { title: 'Varning för skogsbrand i hela Österbotten', summary: 'Meteorologiska institutet varnar för skogsbrandsrisk.', lang: 'sv', source: 'pelastustoimi' }, false, null, 'advice'],
  ['sea rescuers (meripelastajat) towing a boat are sea rescue, the border guard’s field', { title: 'Meripelastajat hinasivat purjeveneen satamaan', summary: 'Veneen peräsin oli rikkoutunut.' }, false, null, 'policing'],
  ['a joint procurement says how, not what: the actor lends its points to the information security procured', { title: 'Pelastuslaitos liittyy tietoturvapalvelujen yhteishankintaan', summary: 'Hyvinvointialue ostaa pelastuslaitokselle kyberturvallisuuden valvontapalvelun.' }, true, 'internal-security', null],
  ['preparing oneself (förbereda sig) for power cuts (elavbrott) is preparedness, as varautua and sähkökatko', { title: 'Räddningsverket förbereder sig för långa elavbrott', summary: 'Verket skaffar reservkraft.', lang: 'sv' }, true, 'internal-security', null],
  ['a ministry preparing (förbereder) a bill is no preparedness', { title: 'Ministeriet förbereder en proposition om räddningslagen', summary: 'Propositionen gäller sotning.', lang: 'sv' }, true, 'services', null],
  ['an agreement reports no call-out: the defence forces and the rescue departments agreeing on executive assistance', { title: 'Puolustusvoimat ja pelastuslaitokset sopivat virka-avun käytännöistä', summary: 'Virka-apua voidaan pyytää esimerkiksi laajojen maastopalojen sammutukseen.' }, true, 'internal-security', null],
  ['an agreement reports no call-out, in Swedish', { title: 'Försvarsmakten och räddningsverken avtalar om handräckning', summary: 'Handräckning kan begäras till exempel vid släckning av stora skogsbränder.', lang: 'sv' }, true, 'internal-security', null],
  ['the rescue director (räddningsdirektör) in the welfare area’s administration lifts the welfare-area scope', { title: 'Räddningsdirektören föredrar ärendena i områdesstyrelsen', summary: 'Välfärdsområdets förvaltningsstadga ändras.', lang: 'sv', source: 'hyvinvointialue' }, true, 'welfare-reform', null],
  ['the rescue director (pelastusjohtaja) in the welfare area’s administration lifts the welfare-area scope', { title: 'Aluehallitus: pelastusjohtaja esittelee jatkossa omat asiansa', summary: 'Hallintosääntöä muutetaan.', source: 'hyvinvointialue' }, true, null, null],
  // Round twenty-two (eval-2028-02 as a dev set): reworded from its kinds, not its items.
  ['the welfare-area act’s Swedish loan authorisation (låneandragningsfullmakt) is the reform', { title: 'Välfärdsområdets låneandragningsfullmakt höjs', summary: 'Området bygger en ny brandstation och ett sjukhus.', lang: 'sv' }, true, 'welfare-reform', null],
  ['an evacuation plan (evakuointisuunnitelma) is civil protection', { title: 'Kunta laatii evakuointisuunnitelman', summary: 'Suunnitelmassa huomioidaan hoitolaitokset ja koulut.', source: 'intermin' }, true, 'internal-security', null],
  ['an evacuation plan (evakueringsplan) is civil protection, in Swedish', { title: 'Kommunen utarbetar en evakueringsplan', summary: 'Planen tar hänsyn till vårdinrättningar och skolor.', lang: 'sv', source: 'intermin' }, true, 'internal-security', null],
  ['residents evacuated (evakuoitiin) in a fire stay incident news', { title: 'Kerrostalossa syttyi palo', summary: 'Asukkaat evakuoitiin ja pelastuslaitos sammutti palon.', source: 'pelastustoimi' }, false, null, 'incident'],
  // The primary-goal model (2026.12) makes this one internal security (the ministry's branch): see its it.fails below.
  ['a ministry’s administrative branch (förvaltningsområde) is no welfare-area administration', { title: 'Inrikesministeriets förvaltningsområde: räddningsväsendets finansiering oförändrad', summary: 'Polisen får mer pengar.', lang: 'sv', source: 'intermin' }, true, null, null],
  // Round twenty-three (eval-2028-03 as a dev set): reworded from its kinds, not its items.
  ['the welfare areas’ steering negotiations (styrförhandlingar) are the reform, as ohjausneuvottelut', { title: 'Årets styrförhandlingar med välfärdsområdena inleds i maj', summary: 'Ministerierna går igenom områdenas ekonomi.', lang: 'sv', source: 'stm' }, true, 'welfare-reform', null],
  ['the welfare areas’ steering model (styrmodell) is the reform, as ohjausmalli', { title: 'En ny styrmodell för välfärdsområdena på remiss', summary: 'Modellen gäller de årliga förhandlingarna.', lang: 'sv', source: 'vm' }, true, 'welfare-reform', null],
  ['a ministry’s and the rescue departments’ joint working groups (yhteiset työryhmät) are the cooperation structure', { title: 'Sisäministeriö ja pelastuslaitokset perustavat yhteisen työryhmän', summary: 'Työryhmä kokoontuu neljä kertaa vuodessa.', source: 'intermin' }, true, 'internal-security', null],
  ['the same in Swedish (gemensam arbetsgrupp)', { title: 'Inrikesministeriet och räddningsverken tillsätter en gemensam arbetsgrupp', summary: 'Arbetsgruppen sammanträder fyra gånger om året.', lang: 'sv', source: 'intermin' }, true, 'internal-security', null],
  ['the Rescue College (Räddningsinstitutet) names who trains: training emergency-centre operators is the emergency centres’', { title: 'Räddningsinstitutet inleder en kurs för nödcentralsoperatörer', summary: 'Kursen tar emot 40 studerande i januari.', lang: 'sv', source: 'pelastusopisto' }, true, 'internal-security', null],
  ['the Rescue College’s curriculum (opetussuunnitelma) is training, whatever system its students practise on', { title: 'Pelastusopisto uudistaa opetussuunnitelmansa', summary: 'Uutena opetellaan KEJO-järjestelmän käyttöä.', source: 'pelastusopisto' }, true, 'services', null],
  ['the same in Swedish (läroplan)', { title: 'Räddningsinstitutet förnyar sin läroplan', summary: 'Som nytt lär man sig använda KEJO-systemet.', lang: 'sv', source: 'pelastusopisto' }, true, 'services', null],  // Round thirty-three (issue 10, bench/relevance-sealing.ts): what the rules lacked on sets written after them, reworded
  // from the misses' kinds, not their items. Procurement of fire engines is no call-out, whatever verb of putting out a
  // fire its compounds hold.
  ['a joint procurement (hankinta) of fire engines is no call-out', { title: 'Pelastuslaitokset hankkivat yhdessä kaksikymmentä sammutusautoa', summary: 'Hankinta kilpailutetaan keväällä.', source: 'pelastustoimi' }, true, 'services', null],
  ['the same in Swedish (upphandling)', { title: 'Räddningsverkens upphandling av nya släckbilar avgjord', summary: 'Bilarna levereras nästa år.', lang: 'sv', source: 'pelastustoimi' }, true, 'services', null],
  ['a ban (kielto) on fire-fighting foams is regulation, not a call-out', { title: 'Sammutusvaahtojen fluoriyhdisteiden kielto astuu voimaan', summary: 'Pelastuslaitosten on vaihdettava vaahtonsa.' }, true, 'services', null],
  ['the same in Swedish (förbud)', { title: 'Förbudet mot fluorämnen i släckskum träder i kraft', summary: 'Räddningsverken måste byta sina skum.', lang: 'sv' }, true, 'services', null],
  ['the accident investigation board by its acronym (OTKES) lifts the incident scope', { title: 'Kerrostalon kuolemaan johtanut palo: OTKES suosittaa pelastuslakiin muutoksia', summary: 'Tutkinta valmistui.' }, true, 'services', null],
  ['the welfare area’s rescue committee (pelastuslautakunta) is the rescue services in its administration', { title: 'Hyvinvointialueen pelastuslautakunta esittää uusia toimintavalmiusaikoja', summary: 'Aluehallitus käsittelee esitystä syyskuussa.', source: 'hyvinvointialue' }, true, null, null],
  ['the same in Swedish (räddningsnämnd)', { title: 'Välfärdsområdets räddningsnämnd föreslår nya insatstider', summary: 'Områdesstyrelsen behandlar förslaget i september.', lang: 'sv', source: 'hyvinvointialue' }, true, null, null],
  ['the Rescue College training the welfare areas’ preparedness (valmius) is not welfare-area care', { title: 'Pelastusopisto kouluttaa hyvinvointialueiden valmiuspäälliköitä', summary: 'Koulutus alkaa syksyllä.', source: 'pelastusopisto' }, true, null, null],
  ['the welfare area’s budget and financial plan (talousarvio, taloussuunnitelma) are the reform’s money', { title: 'Aluevaltuusto hyväksyi talousarvion ja taloussuunnitelman', summary: 'Aluehallitus esittää säästöjä palveluverkosta.', source: 'hyvinvointialue' }, true, 'welfare-reform', null],
  ['the same in Swedish (budget, ekonomiplan)', { title: 'Välfärdsområdesfullmäktige godkände budgeten och ekonomiplanen', summary: 'Områdesstyrelsen föreslår besparingar i servicenätet.', lang: 'sv', source: 'hyvinvointialue' }, true, 'welfare-reform', null],
  ['a chlorine leak (kloorivuoto) with a danger notice is incident news', { title: 'Kloorivuoto uimahallissa: lähialueelle annettiin vaaratiedote', summary: 'Pelastuslaitos tuuletti tilat.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['an ammonia leak (ammoniakkivuoto) with a danger notice is incident news', { title: 'Ammoniakkivuoto elintarviketehtaalla: vaaratiedote annettiin', summary: 'Pelastuslaitos eristi alueen.', source: 'pelastustoimi' }, false, null, 'incident'],
  ['a hospital’s preparedness plan in a welfare area stays out', { title: 'Hyvinvointialueen sairaalan valmiussuunnitelma päivitetään', summary: 'Suunnitelma kattaa leikkaussalit ja päivystyksen.', source: 'hyvinvointialue' }, false, null, null],
  ['a fire a rescue department put out stays incident news though an engine is named', { title: 'Sammutusauto hälytettiin tulipaloon Lahdessa', summary: 'Pelastuslaitos sammutti palon nopeasti.', source: 'pelastustoimi' }, false, null, 'incident'],
];

function suite(name: string, make: () => Analyzer | null): void {
  describe(`scope rules and the title's subject (${name})`, () => {
    const analyzer = make();
    if (!analyzer) {
      it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
      return;
    }
    const tag = createTagger(taxonomy, { analyzer });
    it('adds internal security where police and rescue services meet, and says so', () => {
      const r = tag({ title: 'Poliisi ja pelastuslaitokset harjoittelivat suuronnettomuuden johtamista', summary: 'Harjoituksessa testattiin KEJO-järjestelmää.' });
      const together = r.evidence.find((e) => e.rule === 'scope' && e.term.startsWith('policing + '));
      expect(together?.goals).toEqual({ 'internal-security': 2 });
      expect(r.goals).toContain('internal-security');
      // Round three also wanted services listed (the older sets' generous labels); since round nine a further goal is
      // labelled only when the item is about it, and an exercise in leading a major accident together is the
      // authorities' cooperation: round twenty-five's major-accident term leaves internal security leading alone.
      expect(r.primary).toBe('internal-security');
    });
    it('lists no services beside the EU mechanism for fire-fighting aircraft: a sammutushelikopteri is no extinguisher (sammutin)', () => {
      // Round twenty-two: Snowball keys sammutin and sammutushelikopteri both sammut-; the extinguisher (a services term of
      // the rescue act's equipment rules) must not be read inside the aircraft.
      const heli = tag({ title: 'rescEU-varantoon kaksi uutta sammutushelikopteria', summary: 'Komissio rahoittaa helikopterit, jotka ovat jäsenmaiden käytettävissä.', source: 'eu' });
      expect(heli, JSON.stringify(heli.evidence)).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
      const plane = tag({ title: 'rescEU-sammutuskoneet palasivat Kreikasta', summary: 'Koneet olivat maastopalotehtävissä kaksi viikkoa.', source: 'eu' });
      expect(plane.goals, JSON.stringify(plane.evidence)).not.toContain('services');
      // The extinguisher itself stays the rescue services' own.
      const ext = tag({ title: 'Käsisammuttimien huoltovaatimukset muuttuvat', summary: 'Sisäministeriön asetus pelastustoimen laitteista tulee voimaan.' });
      expect(ext, JSON.stringify(ext.evidence)).toMatchObject({ relevant: true, primary: 'services' });
    });
    it('lists no services beside the reform for fire stations’ rents, investment plans and loans, nor beside civil protection without shelters', () => {
      // The README's labelling decisions: rents, sales and investment plans of fire stations are the reform alone; civil
      // protection (warning, evacuation) is internal security alone, and shelters carry services beside it.
      const rent = tag({ title: 'Kaupunki ja hyvinvointialue sopivat paloasemien vuokrista', summary: 'Uudet vuokrasopimukset ovat voimassa viisi vuotta.' });
      expect(rent, JSON.stringify(rent.evidence)).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
      const hyra = tag({ title: 'Hyrorna för brandstationerna i Borgå ses över', summary: 'Staden och välfärdsområdet förhandlar om nya hyresavtal.', lang: 'sv' });
      expect(hyra, JSON.stringify(hyra.evidence)).toMatchObject({ relevant: true, goals: ['welfare-reform'] });
      const plan = tag({ title: 'Hyvinvointialueen investointisuunnitelma: uusi paloasema Kokkolaan', summary: 'Aluevaltuusto käsittelee suunnitelmaa syyskuussa.' });
      expect(plan.goals, JSON.stringify(plan.evidence)).toEqual(['welfare-reform']);
      // Round fifteen: a loan authorisation is the reform's money as a rent is, whatever fire station it would build.
      const loan = tag({ title: 'Aluehallitus esittää lainanottovaltuuden korotusta uusien paloasemien rakentamiseen', summary: 'Ministeriö päättää korotuksesta.' });
      expect(loan, JSON.stringify(loan.evidence)).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
      const lån = tag({ title: 'Områdesstyrelsen begär lånefullmakt för en ny brandstation i Vörå', summary: 'Ministeriet beslutar om höjningen.', lang: 'sv' });
      expect(lån, JSON.stringify(lån.evidence)).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
      const programme = tag({ title: 'Väestönsuojelun kehittämisohjelma: varoittaminen ja evakuointi uudistetaan', summary: 'Sisäministeriö asetti ohjelmalle ohjausryhmän.' });
      expect(programme.goals, JSON.stringify(programme.evidence)).toEqual(['internal-security']);
      const program = tag({ title: 'Utvecklingsprogram för befolkningsskyddet: varning och evakuering förnyas', summary: 'Inrikesministeriet tillsatte en styrgrupp.', lang: 'sv' });
      expect(program.goals, JSON.stringify(program.evidence)).toEqual(['internal-security']);
      const shelters = tag({ title: 'Väestönsuojien rakentamisvelvollisuus selvitetään', summary: 'Selvitys koskee uusia asuinrakennuksia.' });
      expect(shelters.goals, JSON.stringify(shelters.evidence)).toEqual(expect.arrayContaining(['internal-security', 'services']));
      // A shelter in the title names the rescue services whatever the civil-protection words in the summary add to the
      // leading goal (the goal ratio alone dropped them).
      const skyddsrum = tag({ title: 'Kravet på skyddsrum i nya bostadshus lättas', summary: 'Ändringen gäller befolkningsskyddet under undantagsförhållanden; räddningsmyndigheten övervakar skyddsrummen.', lang: 'sv' });
      expect(skyddsrum.goals, JSON.stringify(skyddsrum.evidence)).toEqual(expect.arrayContaining(['internal-security', 'services']));
    });
    it('lists a further goal only when the title speaks for it: the summary’s rescue services are a mention', () => {
      const summary = 'Valtuudet koskevat sairaaloita. Pelastustoimen ja pelastuslaitosten paloasemat rakennetaan samoilla valtuuksilla.';
      const about = tag({ title: 'Hyvinvointialueiden lainanottovaltuudet vahvistettiin', summary });
      expect(about.scores.services, JSON.stringify(about.evidence)).toBeGreaterThanOrEqual(taxonomy.thresholds.goal);
      expect(about).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
      // An actor in the title (pelastuslaitos: who acts) does not speak for a further goal either; since round twenty-nine
      // neither do the fire stations a welfare area's loans build: what its money buys (round29.test.ts).
      const actor = tag({ title: 'Hyvinvointialueiden ja pelastuslaitosten lainanottovaltuudet vahvistettiin', summary });
      expect(actor).toMatchObject({ primary: 'welfare-reform', goals: ['welfare-reform'] });
      const both = tag({ title: 'Hyvinvointialueiden ja paloasemien lainanottovaltuudet vahvistettiin', summary });
      expect(both).toMatchObject({ primary: 'welfare-reform', goals: ['welfare-reform'] });
    });
    // Round seventeen (eval-2027-10 as a dev set): reworded from its kinds, not its items.
    it.each([
      ['Pohjois-Savon pelastuslaitoksen uusi johtokeskus valmistui', 'Johtokeskuksesta johdetaan laajat onnettomuudet ja häiriötilanteet.', 'fi'],
      ['Ny ledningscentral för räddningsverket i Österbotten', 'Från ledningscentralen leds omfattande olyckor och störningar.', 'sv'],
      ['Rajavartiolaitoksen virka-apu pelastuslaitokselle: uusi toimintamalli', 'Malli kuvaa, miten pelastuslaitos pyytää virka-apua saaristossa.', 'fi'],
      ['Palvelunestohyökkäys pelastuslaitoksen tietoverkkoon torjuttiin', 'Verkon suojausta parannetaan.', 'fi'],
    ] as const)('command centres, executive assistance and attacks on the networks are internal security: %s', (title, summary, lang) => {
      expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    });
    // Round nineteen (eval-2027-11 as a dev set): reworded from its kinds, not its items. What a cooperation named in the
    // title happens at (an oil spill, a forest fire) is where, not a further subject; an act the title names still is.
    it.each([
      ['Rajavartiolaitos ja pelastuslaitokset harjoittelivat öljyntorjuntaa Saaristomerellä', 'Harjoituksessa testattiin yhteistä johtamista ja viestintää.', 'fi'],
      ['Gränsbevakningsväsendet och räddningsverket övade oljebekämpning i skärgården', 'Övningen testade den gemensamma ledningen.', 'sv'],
      ['Puolustusvoimien virka-apu pelastuslaitoksille maastopaloissa: ohje päivitetään', 'Ohje kuvaa, miten virka-apua pyydetään.', 'fi'],
    ] as const)('a cooperation named in the title is internal security alone, whatever it happens at: %s', (title, summary, lang) => {
      const r = tag({ title, summary, lang });
      expect(r, JSON.stringify(r.evidence)).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    });
    // Round twenty (eval-2027-10 to -12 as dev sets): reworded from their kinds, not their items. The EU civil protection
    // mechanism with the rescue services is their cooperation, as the police's is; what it acts at is where.
    it.each([
      ['Pelastuspalvelumekanismi: suomalaiset maastopaloasiantuntijat avuksi Kanadaan', 'Asiantuntijat tulevat kolmesta pelastuslaitoksesta.', 'fi'],
      ['Civilskyddsmekanismen: finländska experter på terrängbränder till Kanada', 'Experterna kommer från tre räddningsverk.', 'sv'],
      ['rescEU-kalustoon uusia sammutuslentokoneita Välimeren maille', 'Pelastuslaitosten lentäjät koulutetaan käyttämään koneita.', 'fi'],
    ] as const)('the EU civil protection mechanism with the rescue services is internal security alone, whatever it acts at: %s', (title, summary, lang) => {
      const r = tag({ title, summary, lang });
      expect(r, JSON.stringify(r.evidence)).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    });
    // Round twenty: the police's and the rescue services' money named in one title is listed apart, not a cooperation.
    it.each([
      ['Poliisin ja pelastustoimen toimintamenot lisätalousarviossa', 'Lisäys kattaa palkankorotukset.', 'fi'],
      ['Anslagen för polisen och räddningsväsendet i tilläggsbudgeten', 'Ökningen täcker lönehöjningarna.', 'sv'],
    ] as const)('the police\'s and the rescue services\' appropriations in one title are the rescue services\' funding, no cooperation: %s', (title, summary, lang) => {
      const r = tag({ title, summary, lang, source: 'intermin' });
      expect(r, JSON.stringify(r.evidence)).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
      expect(r.evidence.some((e) => e.rule === 'scope' && e.term.startsWith('policing apart')), JSON.stringify(r.evidence)).toBe(true);
    });
    it('police and rescue services named together with no money in the title are still their cooperation', () => {
      const r = tag({ title: 'Poliisin ja pelastuslaitoksen yhteinen tilannekeskus aloitti', summary: 'Keskuksen toiminta rahoitetaan talousarviosta.', source: 'intermin' });
      expect(r.primary, JSON.stringify(r.evidence)).toBe('internal-security');
    });
    // Round twenty: field command (kenttäjohtaminen, fältledning) is the command systems' work; första insats is ensivaste.
    it.each([
      ['Kenttäjohtamisen uudet päätelaitteet jaetaan pelastuslaitoksille', 'Laitteet toimitetaan keväällä.', 'fi'],
      ['Räddningsverken skaffar nya terminaler för fältledning', 'Terminalerna levereras på våren.', 'sv'],
    ] as const)('field command\'s terminals are internal security: %s', (title, summary, lang) => {
      const r = tag({ title, summary, lang });
      expect(r, JSON.stringify(r.evidence)).toMatchObject({ relevant: true, primary: 'internal-security', goals: ['internal-security'] });
    });
    it('a welfare area\'s first-response (första insats) contracts are the reform\'s EMS, not welfare-area care', () => {
      const r = tag({ title: 'Välfärdsområdet ingår avtal om första insats med avtalsbrandkårer', summary: 'Avtalen gäller i fem år.', lang: 'sv', source: 'hyvinvointialue' });
      expect(r, JSON.stringify(r.evidence)).toMatchObject({ relevant: true, primary: 'welfare-reform' });
      expect(r.evidence.some((e) => e.rule === 'scope' && e.term.startsWith('welfare-area')), JSON.stringify(r.evidence)).toBe(false);
    });
    it('the regional state administrative agency (aluehallintovirasto) is no welfare-area administration', () => {
      const r = tag({ title: 'Aluehallintoviraston ja pelastuslaitoksen valmiusharjoitus', summary: 'Harjoituksessa testattiin johtamista.' });
      expect(r.evidence.filter((e) => e.term === 'hallinto'), JSON.stringify(r.evidence)).toEqual([]);
      expect(r.goals).toEqual(['internal-security']);
    });
    it('a rescue department preparing (varautuu) for power cuts is preparedness, and a gas store (varasto) is not', () => {
      const r = tag({ title: 'Pelastuslaitos varautuu pitkiin sähkökatkoihin', summary: 'Paloasemille hankitaan varavoimaa.' });
      expect(r, JSON.stringify(r.evidence)).toMatchObject({ relevant: true, primary: 'internal-security' });
      const store = tag({ title: 'Nestekaasuvarastojen valvontaa tehostetaan', summary: 'Tukes ja pelastusviranomaiset tarkastavat varastoja.' });
      expect(store.scores['internal-security'], JSON.stringify(store.evidence)).toBe(0);
    });
    it('a cooperation whose title names an act lists the act\'s goal too', () => {
      const r = tag({ title: 'Rajavartiolaitos ja pelastuslaitokset: meripelastuslain muutos selkeyttää työnjakoa', summary: 'Muutos tarkentaa vastuita avomerellä.' });
      expect(r.goals, JSON.stringify(r.evidence)).toEqual(expect.arrayContaining(['internal-security', 'services']));
    });
    it.each([
      ['Hyvinvointialue myy paloaseman kaupungille', 'Kiinteistön kauppahinta on 1,2 miljoonaa euroa.', 'fi'],
      ['Välfärdsområdet säljer brandstationen till staden', 'Fastighetens köpesumma är 1,2 miljoner euro.', 'sv'],
      ['Brandstationen i Vasa övergår i välfärdsområdets ägo', 'Staden och välfärdsområdet är överens.', 'sv'],
    ] as const)('a fire station sold or changing owner is the reform\'s property: %s', (title, summary, lang) => {
      expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
    });
    it.each([
      ['Palontutkinnan havainnot kootaan yhteen', 'Havainnoista opitaan.', 'fi'],
      ['Palontutkinta-aineisto avataan tutkijoille', 'Aineistosta opitaan.', 'fi'],
      ['Brandutredningarnas resultat sammanställs', 'Resultaten används i arbetet.', 'sv'],
    ] as const)('fire investigation is the rescue services\' own, however the word is written, with no source: %s', (title, summary, lang) => {
      expect(tag({ title, summary, lang })).toMatchObject({ relevant: true, primary: 'services' });
    });
    it('a welfare area\'s deficit is the reform\'s, however the care costs grew, with no source', () => {
      expect(tag({ title: 'Hyvinvointialueen tilinpäätös: alijäämä 60 miljoonaa euroa', summary: 'Erikoissairaanhoidon menot kasvoivat.', lang: 'fi' }))
        .toMatchObject({ relevant: true, primary: 'welfare-reform', goals: ['welfare-reform'] });
    });
    it('a welfare area selling a hospital is not relevant (a sale adds next to nothing)', () => {
      expect(tag({ title: 'Hyvinvointialue myy sairaalakiinteistön kunnalle', summary: 'Myynti pienentää kuluja.', lang: 'fi', source: 'hyvinvointialue' }).relevant).toBe(false);
    });
    // A known miss of the primary-goal model: the rules alone keep the rescue services' own funding theirs.
    it.fails('the rescue services’ funding in a ministry’s administrative branch stays services with the model', () => {
      const item = { title: 'Inrikesministeriets förvaltningsområde: räddningsväsendets finansiering oförändrad', summary: 'Polisen får mer pengar.', lang: 'sv' as const, source: 'intermin' };
      expect(createTagger(taxonomy, { analyzer, primary: null })(item).primary).toBe('services');
      expect(tag(item).primary).toBe('services');
    });
    it.each(cases)('%s', (_why, item, relevant, primary, scope) => {
      const r = tag(item);
      const explained = JSON.stringify(r.evidence);
      expect(r.relevant, explained).toBe(relevant);
      if (primary) expect(r.primary, explained).toBe(primary);
      if (scope) expect(r.evidence.some((e) => e.rule === 'scope' && e.term.startsWith(`${scope} `)), explained).toBe(true);
      if (relevant) expect(r.evidence.some((e) => e.rule === 'scope' && e.term.includes('×')), explained).toBe(false);
    });
  });
}

suite('Snowball', () => createSnowballAnalyzer());
suite('Voikko', () => (voikkoForTests('scope rules with Voikko') ? createAnalyzer('auto') : null));
