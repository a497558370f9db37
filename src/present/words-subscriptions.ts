// The words of the subscriptions page and its form's refusals, the outputs for other tools (CSV columns, feed and
// calendar titles), marking read, the sources' refusals and the fresh database's page, in Finnish and Swedish. Part
// of the one dictionary (words-web.ts spreads them in).
import type { Lang } from '../model.js';

export const SUBSCRIPTION_WORDS = {
  'subs.title': { fi: 'Sähköpostitilaukset – Lakivahti', sv: 'E-postprenumerationer – Lakivahti' },
  'subs.editTitle': { fi: 'Tilauksen {id} muokkaus – Lakivahti', sv: 'Redigering av prenumeration {id} – Lakivahti' },
  'subs.heading': { fi: 'Sähköpostitilaukset', sv: 'E-postprenumerationer' },
  'subs.lead': {
    fi: 'Verkoston viikkokatsaus ja omat katsaukset: uudet asiakirjat seuraamistasi tavoitteista, lähteistä, organisaatioista, asioista tai hausta, sekä seuraamiesi asioiden vaiheet ja määräaikojen muutokset. Jokaisessa viestissä on linkki, josta tilauksen voi perua yhdellä napsautuksella.',
    sv: 'Nätverkets veckosammandrag och egna sammandrag: nya dokument om de mål, källor, organisationer och ärenden du följer eller din sökning, samt skedena och ändrade tidsfrister i ärendena du följer. Varje meddelande har en länk med vilken prenumerationen kan avslutas med ett klick.',
  },
  'subs.mine': { fi: 'Omat tilauksesi', sv: 'Dina prenumerationer' },
  'subs.none': { fi: 'Sinulla ei ole tilauksia.', sv: 'Du har inga prenumerationer.' },
  'subs.editHeading': { fi: 'Tilauksen {id} muokkaus', sv: 'Redigering av prenumeration {id}' },
  'subs.new': { fi: 'Uusi tilaus', sv: 'Ny prenumeration' },
  'subs.editNote': {
    fi: 'Muutokset koskevat tilauksen seuraavaa viestiä: jo lähetettyä ei lähetetä uudelleen, eikä mitään jää väliin.',
    sv: 'Ändringarna gäller prenumerationens nästa meddelande: det som redan har skickats skickas inte igen, och ingenting faller bort.',
  },
  'subs.notSaved': { fi: 'Tilausta ei tallennettu:', sv: 'Prenumerationen sparades inte:' },
  'subs.email': { fi: 'Vastaanottajan sähköpostiosoite', sv: 'Mottagarens e-postadress' },
  'subs.kind': { fi: 'Tilauksen laji', sv: 'Typ av prenumeration' },
  'subs.network': { fi: 'Verkoston viikkokatsaus', sv: 'Nätverkets veckosammandrag' },
  'subs.kindNetwork': { fi: 'verkoston viikkokatsaus', sv: 'nätverkets veckosammandrag' },
  'subs.kindOwn': { fi: 'oma katsaus', sv: 'eget sammandrag' },
  'subs.ownChoose': { fi: 'Oma katsaus (valitse alta, mitä seuraat)', sv: 'Eget sammandrag (välj nedan vad du följer)' },
  'subs.kindFixed': {
    fi: '(lajia ei voi vaihtaa: lopeta tilaus ja tee uusi).',
    sv: '(typen kan inte ändras: avsluta prenumerationen och gör en ny).',
  },
  'subs.organisations': { fi: 'Organisaatiot', sv: 'Organisationer' },
  'subs.otherOrganisation': { fi: 'Muu organisaatio (nimi tarkalleen)', sv: 'Annan organisation (exakt namn)' },
  'subs.organisation': { fi: 'Organisaatio (nimi tarkalleen)', sv: 'Organisation (exakt namn)' },
  'subs.matterNumbers': { fi: 'Asioiden numerot (pilkuin eroteltuina)', sv: 'Ärendenas nummer (åtskilda med kommatecken)' },
  'subs.search': { fi: 'Tallennettu haku', sv: 'Sparad sökning' },
  'subs.every': { fi: 'Kuinka usein (oma katsaus)', sv: 'Hur ofta (eget sammandrag)' },
  'every.immediately': { fi: 'heti', sv: 'genast' },
  'every.daily': { fi: 'päivittäin', sv: 'dagligen' },
  'every.weekly': { fi: 'viikoittain', sv: 'varje vecka' },
  'subs.langFi': { fi: 'suomi', sv: 'finska (suomi)' },
  'subs.langSv': { fi: 'ruotsi (svenska)', sv: 'svenska' },
  'subs.save': { fi: 'Tallenna muutokset', sv: 'Spara ändringarna' },
  'subs.cancelEdit': { fi: 'Peruuta muokkaus', sv: 'Avbryt redigeringen' },
  'subs.subscribe': { fi: 'Tilaa', sv: 'Prenumerera' },
  'subs.others': { fi: 'Muiden tilaukset', sv: 'Andras prenumerationer' },
  'subs.othersCaption': { fi: 'Kaikki muut voimassa olevat tilaukset', sv: 'Alla andra gällande prenumerationer' },
  'subs.noOthers': { fi: 'Muilla ei ole tilauksia.', sv: 'Andra har inga prenumerationer.' },
  'subs.what': { fi: 'Mitä', sv: 'Vad' },
  'subs.when': { fi: 'Milloin', sv: 'När' },
  'subs.matters': { fi: 'Asiat', sv: 'Ärenden' },
  'subs.matter': { fi: 'asia {n}', sv: 'ärende {n}' },
  'subs.searchIs': { fi: 'Haku', sv: 'Sökning' },
  'subs.edit': { fi: 'Muokkaa', sv: 'Redigera' },
  'subs.which': { fi: 'tilausta {id}', sv: 'prenumeration {id}' },
  'subs.end': { fi: 'Lopeta tilaus', sv: 'Avsluta prenumerationen' },
  'subs.resume': { fi: 'Jatka tilausta', sv: 'Återuppta prenumerationen' },
  // Refusals and messages.
  'subs.othersOnly': { fi: 'Vain ylläpitäjä voi tehdä tilauksia muille osoitteille.', sv: 'Bara en administratör kan göra prenumerationer för andra adresser.' },
  'subs.hasNetwork': { fi: '{email} saa jo verkoston viikkokatsauksen.', sv: '{email} får redan nätverkets veckosammandrag.' },
  'subs.noSuch': { fi: 'Sinulla ei ole tilausta numero {id}.', sv: 'Du har ingen prenumeration nummer {id}.' },
  'subs.resumeAdmin': { fi: 'Vain ylläpitäjä voi jatkaa keskeytettyä tilausta.', sv: 'Bara en administratör kan återuppta en pausad prenumeration.' },
  'subs.ended': {
    fi: 'Tilaus {id} on päättynyt, joten sitä ei voi muokata. Tee uusi tilaus.',
    sv: 'Prenumeration {id} har avslutats, så den kan inte redigeras. Gör en ny prenumeration.',
  },
  'subs.saved': { fi: 'Tilaus {id} tallennettu.', sv: 'Prenumeration {id} har sparats.' },
  'subs.mergedMatter': {
    fi: 'Asia {asked} on yhdistetty asiaan {into}, joten tilaus seuraa asiaa {into}.',
    sv: 'Ärende {asked} har slagits samman med ärende {into}, så prenumerationen följer ärende {into}.',
  },
  'subs.unknownOrganisation': {
    fi: 'Yksikään tallennettu asiakirja ei vielä mainitse organisaatiota {names}. Sitä seurataan kirjoitetussa muodossa (kirjainkoosta riippumatta); tarkista nimen kirjoitusasu organisaatioluettelosta.',
    sv: 'Inget sparat dokument nämner ännu organisationen {names}. Den följs som den skrevs (oberoende av versaler); kontrollera stavningen mot listan över organisationer.',
  },

  // The subscription form's refusals (src/app/subscription-form.ts names the key; the CLI says it in English).
  'subForm.noEmail': { fi: 'Anna vastaanottajan sähköpostiosoite.', sv: 'Ange mottagarens e-postadress.' },
  'subForm.badEmail': { fi: '"{email}" ei ole sähköpostiosoite.', sv: '"{email}" är inte en e-postadress.' },
  'subForm.every': { fi: 'Tuntematon lähetystiheys "{every}".', sv: 'Okänd frekvens "{every}".' },
  'subForm.lang': { fi: 'Kielen on oltava suomi tai ruotsi (nyt "{lang}").', sv: 'Språket ska vara finska eller svenska (nu "{lang}").' },
  'subForm.networkFollows': {
    fi: 'Verkoston viikkokatsaus on koko verkoston katsaus: sille ei valita tavoitteita, lähteitä, organisaatioita, asioita eikä hakua.',
    sv: 'Nätverkets veckosammandrag gäller hela nätverket: för det väljs inga mål, källor, organisationer, ärenden eller sökning.',
  },
  'subForm.networkEvery': {
    fi: 'Verkoston katsaus lähtee kerran viikossa; sen tiheyttä ei voi valita.',
    sv: 'Nätverkets sammandrag skickas en gång i veckan; frekvensen kan inte väljas.',
  },
  'subForm.follows': {
    fi: 'Valitse, mitä seuraat: vähintään yksi tavoite, lähde, organisaatio, asia tai haku.',
    sv: 'Välj vad du följer: minst ett mål, en källa, en organisation, ett ärende eller en sökning.',
  },
  'subForm.emailInvisible': {
    fi: 'Sähköpostiosoitteessa on näkymätön muotoilumerkki (U+{code}, {at}. merkki), esimerkiksi verkkosivulta tai asiakirjasta kopioitu; kirjoita osoite uudelleen.',
    sv: 'E-postadressen innehåller ett osynligt formateringstecken (U+{code}, tecken {at}), till exempel kopierat från en webbsida eller ett dokument; skriv adressen på nytt.',
  },
  'subForm.goal': { fi: 'Tuntematon tavoite "{goal}".', sv: 'Okänt mål "{goal}".' },
  'subForm.source': { fi: 'Tuntematon lähde "{source}".', sv: 'Okänd källa "{source}".' },
  'subForm.matterNumber': { fi: 'Asia annetaan numerona (nyt "{matter}").', sv: 'Ett ärende anges med sitt nummer (nu "{matter}").' },
  'subForm.noMatter': { fi: 'Asiaa numero {matter} ei ole.', sv: 'Det finns inget ärende nummer {matter}.' },
  'subForm.controlSearch': {
    fi: 'Haussa on ohjausmerkki (U+{code}, {at}. merkki); kirjoita haku yhdelle riville ilman ohjausmerkkejä.',
    sv: 'Sökningen innehåller ett styrtecken (U+{code}, tecken {at}); skriv sökningen på en rad utan styrtecken.',
  },
  'subForm.controlOrganisation': {
    fi: 'Organisaation nimessä on ohjausmerkki (U+{code}, {at}. merkki); kirjoita nimi yhdelle riville ilman ohjausmerkkejä.',
    sv: 'Organisationens namn innehåller ett styrtecken (U+{code}, tecken {at}); skriv namnet på en rad utan styrtecken.',
  },
  'subForm.organisationLength': {
    fi: 'Organisaation nimi on {length} merkkiä pitkä; nimi saa olla enintään {max} merkkiä.',
    sv: 'Organisationens namn är {length} tecken långt; namnet får vara högst {max} tecken.',
  },
  'subForm.search': {
    fi: 'Haussa "{search}" ei ole haettavia sanoja, tai se on yli 200 merkkiä pitkä.',
    sv: 'Sökningen "{search}" har inga ord att söka efter, eller så är den längre än 200 tecken.',
  },

  // Marking read, and the sources' refusals.
  'reads.tooMany': { fi: 'Kerralla voi merkitä luetuksi enintään {max} asiakirjaa.', sv: 'Högst {max} dokument kan markeras som lästa på en gång.' },
  'reads.badId': { fi: 'Asiakirjan numero "{raw}" ei kelpaa.', sv: 'Dokumentnumret "{raw}" är ogiltigt.' },
  'reads.readOnly': {
    fi: 'Tietokantaan ei voi nyt kirjoittaa, joten luetuksi merkintää ei voi tallentaa.',
    sv: 'Databasen kan inte skrivas till just nu, så markeringen som läst kan inte sparas.',
  },
  'reads.one': { fi: 'Merkitty luetuksi.', sv: 'Markerat som läst.' },
  'reads.many': { fi: '{n} asiakirjaa merkitty luetuiksi.', sv: '{n} dokument markerade som lästa.' },
  'sources.unknown': { fi: 'Lähdettä "{id}" ei ole määritelty.', sv: 'Källan "{id}" har inte definierats.' },
  'sources.pausedFirst': { fi: 'Lähde {name} on keskeytetty; jatka sen hakua ensin.', sv: 'Källan {name} är pausad; återuppta hämtningen först.' },
  'sources.noCrawls': {
    fi: 'Hakuja ei ajeta tällä palvelimella (ajastus on pois päältä tai tietokantaan ei voi kirjoittaa).',
    sv: 'Hämtningar körs inte på den här servern (schemat är avstängt eller databasen kan inte skrivas till).',
  },
  'sources.stopping': {
    fi: 'Hakua ei voitu aloittaa, koska palvelin on pysähtymässä.',
    sv: 'Hämtningen kunde inte startas eftersom servern håller på att stanna.',
  },

  // The outputs for other tools: the CSV's columns (in this order) and the feeds' and calendar's titles.
  'csv.id': { fi: 'numero', sv: 'nummer' },
  'csv.title': { fi: 'otsikko', sv: 'rubrik' },
  'csv.source': { fi: 'lähde', sv: 'källa' },
  'csv.organisation': { fi: 'organisaatio', sv: 'organisation' },
  'csv.published': { fi: 'julkaistu', sv: 'publicerad' },
  'csv.deadline': { fi: 'määräaika', sv: 'tidsfrist' },
  'csv.goals': { fi: 'tavoitteet', sv: 'mål' },
  'csv.kind': { fi: 'tyyppi', sv: 'typ' },
  'csv.stage': { fi: 'asian vaihe', sv: 'ärendets skede' },
  'csv.language': { fi: 'kieli', sv: 'språk' },
  'csv.identifiers': { fi: 'tunnukset', sv: 'beteckningar' },
  'csv.link': { fi: 'linkki', sv: 'länk' },
  'csv.matter': { fi: 'asiakokonaisuus', sv: 'ärendehelhet' },
  'csv.file': { fi: 'lakivahti-asiakirjat.csv', sv: 'lakivahti-dokument.csv' },
  'feed.deadline': { fi: 'Määräaika {date}.', sv: 'Tidsfrist {date}.' },
  'feed.calendar': { fi: 'Lakivahti: lausuntojen määräajat', sv: 'Lakivahti: remisstider' },
  'feed.event': { fi: 'Määräaika: {title}', sv: 'Tidsfrist: {title}' },
  'matter.noSuch': { fi: 'Asiakokonaisuutta numero {id} ei ole.', sv: 'Det finns ingen ärendehelhet nummer {id}.' },

  // A fresh database: how to make the first administrator (no person is known yet).
  'setup.title': { fi: 'Ensimmäinen ylläpitäjä – Lakivahti', sv: 'Den första administratören – Lakivahti' },
  'setup.heading': { fi: 'Lakivahdissa ei ole vielä tunnuksia', sv: 'Lakivahti har ännu inga användarkonton' },
  'setup.lead': {
    fi: 'Oletustunnuksia ei ole. Luo ensimmäinen ylläpitäjä palvelimella komennolla:',
    sv: 'Det finns inga standardkonton. Skapa den första administratören på servern med kommandot:',
  },
  'setup.address': { fi: 'sinun.nimesi@example.fi', sv: 'ditt.namn@example.fi' },
  'setup.password': {
    fi: 'Komento kysyy salasanan (vähintään 12 merkkiä). Skriptissä salasanan voi antaa syötteenä:',
    sv: 'Kommandot frågar efter lösenordet (minst 12 tecken). I ett skript kan lösenordet ges som indata:',
  },
  'setup.variable': { fi: 'SALASANA', sv: 'LOSENORD' },
  'setup.then': { fi: 'Päivitä sitten tämä sivu ja kirjaudu sisään.', sv: 'Ladda sedan om den här sidan och logga in.' },
  'setup.others': { fi: 'Muut tunnukset luodaan samalla komennolla:', sv: 'Andra konton skapas med samma kommando:' },
  'setup.reviewer': { fi: '(juristi, voi tarkistaa ja muuttaa) tai', sv: '(jurist, kan granska och ändra) eller' },
  'setup.reader': { fi: '(pelastuslaitoksen lukija, voi vain katsella).', sv: '(läsare vid ett räddningsverk, kan bara titta).' },
} as const satisfies Record<string, Record<Lang, string>>;
