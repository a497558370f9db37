// The words of the joint-response board, the review actions and their messages, the feed-token note and the error
// pages, in Finnish and Swedish. Part of the one dictionary (words-web.ts spreads them in).
import type { Lang } from '../model.js';

export const BOARD_WORDS = {
  // The board.
  'board.title': { fi: 'Yhteisvastausten taulu – Lakivahti', sv: 'Tavlan för gemensamma svar – Lakivahti' },
  'board.heading': { fi: 'Yhteisvastausten taulu', sv: 'Tavlan för gemensamma svar' },
  'board.lead': {
    fi: 'Lausuntopyynnöt, joihin verkoston kannattaa vastata yhdessä, ja asiat, jotka on otettu yhteiseen käsittelyyn.',
    sv: 'Remisser som nätverket bör besvara gemensamt och ärenden som har tagits upp till gemensam behandling.',
  },
  'board.top': { fi: 'Taulun alkuun', sv: 'Till tavlans början' },
  'board.topRest': {
    fi: 'myöhässä olevat, tällä viikolla erääntyvät ja taululle otetut asiat.',
    sv: 'försenade ärenden, ärenden som förfaller den här veckan och ärenden på tavlan.',
  },
  'board.glance': { fi: 'Tilanne', sv: 'Läget' },
  'board.overdue': { fi: 'myöhässä', sv: 'försenade' },
  'board.soon': { fi: 'erääntyy 7 päivän sisällä', sv: 'förfaller inom 7 dagar' },
  'board.open': { fi: 'avoinna', sv: 'öppna' },
  'board.captionLater': { fi: 'Seuraavat yhteisvastausehdokkaat, lähin määräaika ensin', sv: 'Följande kandidater för gemensamt svar, närmaste tidsfrist först' },
  'board.captionOpen': { fi: 'Avoimet yhteisvastaukset, lähin määräaika ensin', sv: 'Öppna gemensamma svar, närmaste tidsfrist först' },
  'board.deadline': { fi: 'Määräaika', sv: 'Tidsfrist' },
  'board.matter': { fi: 'Asia', sv: 'Ärende' },
  'board.owner': { fi: 'Vastuuhenkilö', sv: 'Ansvarsperson' },
  'board.internal': { fi: 'Sisäinen määräaika', sv: 'Intern tidsfrist' },
  'board.status': { fi: 'Tila', sv: 'Status' },
  'board.actions': { fi: 'Toimet', sv: 'Åtgärder' },
  'board.noDeadline': { fi: 'ei määräaikaa', sv: 'ingen tidsfrist' },
  'board.deadlineUnknown': { fi: 'määräaika ei tiedossa', sv: 'tidsfristen okänd' },
  'board.captionUnknown': {
    fi: 'Yhteisvastausehdokkaat, joiden määräaika ei ole tiedossa: tarkista määräaika lausuntopyynnöstä',
    sv: 'Kandidater för gemensamt svar vars tidsfrist är okänd: kontrollera tidsfristen i remissen',
  },
  'board.overdueBadge': { fi: 'myöhässä', sv: 'försenat' },
  // The same seven days as the glance's count ("erääntyy 7 päivän sisällä") and the lists' "7 pv jäljellä" (at most
  // seven days left), not the calendar week the overview's "tällä viikolla" means: on a Friday a deadline next
  // Wednesday is within 7 days but not this week.
  'board.weekBadge': { fi: '7 päivän sisällä', sv: 'inom 7 dagar' },
  'board.matterNo': { fi: 'asia {n}', sv: 'ärende {n}' },
  'board.itemNo': { fi: 'asiakirja #{n}', sv: 'dokument #{n}' },
  'board.candidate': { fi: 'yhteisvastausehdokas', sv: 'kandidat för gemensamt svar' },
  'board.noOwner': { fi: 'ei nimetty', sv: 'inte utsedd' },
  'board.notOn': { fi: 'ei taululla', sv: 'inte på tavlan' },
  'board.edit': { fi: 'Muokkaa', sv: 'Redigera' },
  'board.legendItem': { fi: 'Yhteisvastaus, asiakirja #{n}', sv: 'Gemensamt svar, dokument #{n}' },
  'board.legendMatter': { fi: 'Yhteisvastaus, asia {n}', sv: 'Gemensamt svar, ärende {n}' },
  'board.pages': { fi: 'Taulun sivut', sv: 'Tavlans sidor' },
  'board.empty': {
    fi: 'Taululla ei ole avoimia asioita, eikä avoimia lausuntopyyntöjä, joihin verkoston kannattaisi vastata yhdessä.',
    sv: 'Tavlan har inga öppna ärenden och det finns inga öppna remisser som nätverket borde besvara gemensamt.',
  },
  'board.done': { fi: 'Käsitellyt', sv: 'Behandlade' },
  'board.response': { fi: 'vastaus', sv: 'svaret' },
  'board.badPage': { fi: 'Sivun osoite ei kelpaa; aloita taulun alusta.', sv: 'Sidans adress är ogiltig; börja från tavlans början.' },
  'board.url': { fi: 'Linkki lähetettyyn vastaukseen', sv: 'Länk till det skickade svaret' },
  'board.responseLink': { fi: 'Vastauksen linkki', sv: 'Länken till svaret' },
  'board.save': { fi: 'Tallenna taululle', sv: 'Spara på tavlan' },

  // Reviewing an item, and merging and splitting matters.
  'review.legend': { fi: 'Tavoitteet, joita asiakirja #{n} koskee', sv: 'Mål som dokument #{n} gäller' },
  'review.note': { fi: 'Huomautus (vapaaehtoinen)', sv: 'Anmärkning (frivilligt)' },
  'review.noteField': { fi: 'Huomautus', sv: 'Anmärkning' },
  'review.save': { fi: 'Tallenna tavoitteet', sv: 'Spara målen' },
  'review.notRelevant': { fi: 'Ei koske verkostoa', sv: 'Berör inte nätverket' },
  'correct.summary': { fi: 'Yhdistä tai erota asioita', sv: 'Slå samman ärenden eller bryt ut dokument' },
  'correct.mergeLabel': { fi: 'Yhdistä tähän asiaan asia numero', sv: 'Numret på ärendet som ska slås samman med det här' },
  'correct.mergeField': { fi: 'Yhdistettävä asia', sv: 'Ärendet som ska slås samman' },
  'correct.reason': { fi: 'Perustelu (vapaaehtoinen)', sv: 'Motivering (frivilligt)' },
  'correct.reasonField': { fi: 'Perustelu', sv: 'Motivering' },
  'correct.merge': { fi: 'Yhdistä', sv: 'Slå samman' },
  'correct.splitLabel': { fi: 'Erota asiasta asiakirja numero', sv: 'Numret på dokumentet som ska brytas ut till ett eget ärende' },
  'correct.splitField': { fi: 'Erotettava asiakirja', sv: 'Dokumentet som ska brytas ut' },
  'correct.split': { fi: 'Erota', sv: 'Bryt ut' },

  // What the actions say, done or refused.
  'action.forbidden': {
    fi: 'Sinulla ei ole oikeutta muuttaa tietoja. Lukijan tunnuksella voi vain katsella.',
    sv: 'Du har inte rätt att ändra uppgifter. Med ett läsarkonto kan du bara titta.',
  },
  'action.readOnly': {
    fi: 'Tietokantaan ei voi nyt kirjoittaa, joten muutoksia ei voi tallentaa.',
    sv: 'Databasen kan inte skrivas till just nu, så ändringar kan inte sparas.',
  },
  'action.badField': { fi: 'Kenttä "{label}" on annettu väärin.', sv: 'Fältet "{label}" är felaktigt ifyllt.' },
  'action.tooLong': { fi: 'Kentässä "{label}" voi olla enintään {max} merkkiä.', sv: 'Fältet "{label}" får innehålla högst {max} tecken.' },
  'action.control': {
    fi: 'Kentässä "{label}" on ohjausmerkki (U+{code}, {at}. merkki); kirjoita se ilman ohjausmerkkejä.',
    sv: 'Fältet "{label}" innehåller ett styrtecken (U+{code}, tecken {at}); skriv det utan styrtecken.',
  },
  'action.noItem': { fi: 'Asiakirjaa #{id} ei ole.', sv: 'Dokument #{id} finns inte.' },
  'action.noMatter': { fi: 'Asiaa {id} ei ole.', sv: 'Ärende {id} finns inte.' },
  'action.number': { fi: 'Anna kenttään "{label}" numero (nyt "{raw}").', sv: 'Ange ett nummer i fältet "{label}" (nu "{raw}").' },
  'action.unknownStatus': { fi: 'Tuntematon tila "{status}".', sv: 'Okänd status "{status}".' },
  'action.badDate': {
    fi: 'Sisäinen määräaika "{raw}" ei ole päivämäärä (esim. 15.1.2027).',
    sv: 'Den interna tidsfristen "{raw}" är inte ett datum (t.ex. 15.1.2027).',
  },
  'action.badUrl': {
    fi: 'Vastauksen linkin on alettava http:// tai https:// (nyt "{raw}").',
    sv: 'Länken till svaret måste börja med http:// eller https:// (nu "{raw}").',
  },
  'action.needUrl': { fi: 'Lähetetylle vastaukselle tarvitaan linkki vastaukseen.', sv: 'Ett skickat svar behöver en länk till svaret.' },
  'action.unknownGoal': { fi: 'Tuntematon tavoite "{goal}".', sv: 'Okänt mål "{goal}".' },
  'action.chooseGoal': {
    fi: 'Valitse vähintään yksi tavoite, tai merkitse asiakirja verkostolle kuulumattomaksi.',
    sv: 'Välj minst ett mål, eller markera att dokumentet inte berör nätverket.',
  },
  'action.noReviewer': { fi: 'Tarkistukselta puuttuu tekijä.', sv: 'Granskningen saknar granskare.' },
  'action.boardConflict': {
    fi: 'Taulun riviä ({what}) on muutettu sen jälkeen, kun lomake avattiin ({by}, {at}), joten muutostasi ei tallennettu. Katso rivin nykyiset tiedot taululta ja tallenna muutoksesi uudelleen, jos se on yhä tarpeen.',
    sv: 'Raden ({what}) på tavlan har ändrats sedan formuläret öppnades ({by}, {at}), så din ändring sparades inte. Se radens aktuella uppgifter på tavlan och spara din ändring på nytt om den fortfarande behövs.',
  },
  'action.reviewConflict': {
    fi: 'Asiakirjaa #{id} on tarkistettu sen jälkeen, kun lomake avattiin ({reviewer}, {at}), joten tätä tarkistusta ei tallennettu. Katso uusin tarkistus asiakirjan sivulta ja tallenna omasi uudelleen, jos se on yhä tarpeen.',
    sv: 'Dokument #{id} har granskats sedan formuläret öppnades ({reviewer}, {at}), så den här granskningen sparades inte. Se den senaste granskningen på dokumentets sida och spara din egen på nytt om den fortfarande behövs.',
  },
  'action.reviewed': {
    fi: 'Tarkistus tallennettu: asiakirjan #{id} tavoitteet on vahvistettu.',
    sv: 'Granskningen har sparats: målen för dokument #{id} har bekräftats.',
  },
  'action.reviewedNot': { fi: 'Tarkistus tallennettu: asiakirja #{id} ei koske verkostoa.', sv: 'Granskningen har sparats: dokument #{id} berör inte nätverket.' },
  'action.boardSaved': {
    fi: 'Yhteisvastauksen tiedot tallennettu ({what}: {status}).',
    sv: 'Uppgifterna om det gemensamma svaret har sparats ({what}: {status}).',
  },
  'action.merged': { fi: 'Asiat {a} ja {b} yhdistettiin asiaksi {c}.', sv: 'Ärendena {a} och {b} slogs samman till ärende {c}.' },
  'action.split': { fi: 'Asiakirja #{item} erotettiin asiasta {id}.', sv: 'Dokument #{item} bröts ut ur ärende {id}.' },
  'action.cannotMerge': { fi: 'Asioita ei voitu yhdistää: {why}.', sv: 'Ärendena kunde inte slås samman: {why}.' },
  'action.cannotSplit': { fi: 'Asiakirjaa ei voitu erottaa: {why}.', sv: 'Dokumentet kunde inte brytas ut: {why}.' },
  // Why the store refused a merge or split (src/present/correction-error.ts maps its English messages to these).
  'refusal.mergeSelf': { fi: 'asiaa {id} ei voi yhdistää itseensä', sv: 'ärende {id} kan inte slås samman med sig självt' },
  'refusal.noMatter': { fi: 'asiaa {id} ei ole', sv: 'ärende {id} finns inte' },
  'refusal.noItem': { fi: 'asiakirjaa #{item} ei ole', sv: 'dokument #{item} finns inte' },
  'refusal.inNoMatter': { fi: 'asiakirja #{item} ei kuulu asiaan {id} eikä mihinkään muuhunkaan asiaan', sv: 'dokument #{item} hör inte till ärende {id} och inte heller till något annat ärende' },
  'refusal.inOtherMatter': { fi: 'asiakirja #{item} ei kuulu asiaan {id} vaan asiaan {other}', sv: 'dokument #{item} hör inte till ärende {id} utan till ärende {other}' },
  'refusal.onlyItem': { fi: 'asiakirja #{item} on asian {id} ainoa asiakirja, joten erotettavaa ei ole', sv: 'dokument #{item} är det enda dokumentet i ärende {id}, så det finns inget att bryta ut' },
  'refusal.noReviewer': { fi: 'korjauksesta on kerrottava, kuka sen teki', sv: 'en rättelse ska ange vem som gjorde den' },

  // A matter's response on the board, and a matter that is not there.
  'matter.onBoard': { fi: 'Yhteisen vastauksen taululla: {status}', sv: 'På tavlan för gemensamma svar: {status}' },
  'matter.ownerIs': { fi: 'vastuuhenkilö {who}', sv: 'ansvarsperson {who}' },
  'matter.internalIs': { fi: 'sisäinen määräaika {date}', sv: 'intern tidsfrist {date}' },
  'matter.notFoundTitle': { fi: 'Asiakokonaisuutta ei löydy – Lakivahti', sv: 'Ärendehelheten finns inte – Lakivahti' },
  'matter.notFound': { fi: 'Asiakokonaisuutta numero {id} ei ole.', sv: 'Ärendehelhet nummer {id} finns inte.' },

  // How a feed program or a calendar reads an output.
  'feedNote.lead': {
    fi: 'Syötelukija ja kalenteri eivät kirjaudu sisään: lisää osoitteen loppuun henkilökohtainen tunnisteesi, esimerkiksi',
    sv: 'Flödesläsare och kalendrar loggar inte in: lägg till din personliga nyckel i slutet av adressen, till exempel',
  },
  'feedNote.token': { fi: 'TUNNISTE', sv: 'NYCKEL' },
  'feedNote.liveOne': {
    fi: 'Sinulla on 1 voimassa oleva tunniste; tunniste näytetään vain luotaessa, joten uuden saat ja vanhan perut',
    sv: 'Du har 1 giltig nyckel. En nyckel visas bara när den skapas, så du skapar en ny och återkallar en gammal',
  },
  'feedNote.liveMany': {
    fi: 'Sinulla on {n} voimassa olevaa tunnistetta; tunniste näytetään vain luotaessa, joten uuden saat ja vanhan perut',
    sv: 'Du har {n} giltiga nycklar. En nyckel visas bara när den skapas, så du skapar en ny och återkallar en gammal',
  },
  'feedNote.none': { fi: 'Tunnisteen saat', sv: 'Du kan skapa en nyckel' },
  'feedNote.account': { fi: 'Oma tili -sivulla', sv: 'på sidan Mitt konto' },

  // The error pages.
  'error.title': { fi: 'Virhe', sv: 'Fel' },
  'error.request': { fi: 'Pyyntöä ei voitu käsitellä.', sv: 'Begäran kunde inte behandlas.' },
  'error.unreadableAddress': {
    fi: 'Sivun osoitteen kohdan "{part}" prosenttikoodaus ei tuota kelvollisia UTF-8-merkkejä, joten kohtaa ei voi lukea. Osoite on ehkä tehty vanhalla merkistöllä (Latin-1); kirjoita haku tai osoite uudelleen.',
    sv: 'Procentkodningen i delen "{part}" av sidans adress ger inga giltiga UTF-8-tecken, så delen kan inte läsas. Adressen har kanske skapats med en äldre teckenkodning (Latin-1); skriv sökningen eller adressen på nytt.',
  },
  'error.method': {
    fi: 'Tämä sivu ei ota vastaan {method}-pyyntöä (vain {allow}).',
    sv: 'Den här sidan tar inte emot en {method}-begäran (bara {allow}).',
  },
  'error.tooLarge': {
    fi: 'Lomake oli liian suuri (enintään {size}), joten mitään ei tallennettu. Lyhennä tekstiä ja lähetä lomake uudelleen.',
    sv: 'Formuläret var för stort (högst {size}), så ingenting sparades. Korta texten och skicka formuläret igen.',
  },
  'error.headersTooLarge': {
    fi: 'Sivun osoite tai pyynnön otsakkeet ovat liian pitkät (yli {size}). Lyhennä osoitetta, esimerkiksi hakua, ja yritä uudelleen.',
    sv: 'Sidans adress eller begärans rubriker är för långa (över {size}). Korta adressen, till exempel sökningen, och försök igen.',
  },
  'auth.formExpired': {
    fi: 'Lomakkeen tarkiste puuttui tai oli vanhentunut (esimerkiksi kirjauduit välillä uudelleen toisessa välilehdessä), joten lomaketta ei tallennettu. Lataa sivu uudelleen ja tee muutos sitten uudelleen.',
    sv: 'Formulärets kontrollkod saknades eller hade gått ut (du loggade till exempel in på nytt i en annan flik), så formuläret sparades inte. Ladda om sidan och gör sedan ändringen på nytt.',
  },
  'auth.sessionEnded': {
    fi: 'Istuntosi oli päättynyt, joten lomaketta ei tallennettu. Kirjaudu uudelleen ja tee muutos sitten uudelleen.',
    sv: 'Din session hade gått ut, så formuläret sparades inte. Logga in igen och gör sedan ändringen på nytt.',
  },
  'error.busy': {
    fi: 'Tietokanta on juuri varattu (toinen ohjelma, esimerkiksi haku, tallentaa siihen), joten mitään ei tallennettu. Lähetä lomake uudelleen hetken kuluttua.',
    sv: 'Databasen är upptagen just nu (ett annat program, till exempel en hämtning, sparar i den), så ingenting sparades. Skicka formuläret igen om en stund.',
  },
  // A write the database's file refused (store/write-failure.ts): nothing was saved, and sending the form again soon
  // does not help until someone frees the disk or mends the file.
  'error.unwritable.disk-full': {
    fi: 'Tallennus ei onnistunut: levy, jolla tietokanta on, on täynnä, joten mitään ei tallennettu. Lähetä lomake uudelleen, kun levyllä on taas tilaa. Kopioi kirjoittamasi teksti talteen.',
    sv: 'Det gick inte att spara: disken där databasen finns är full, så ingenting sparades. Skicka formuläret igen när det finns utrymme på disken. Kopiera texten du skrev och spara den.',
  },
  'error.unwritable.io-error': {
    fi: 'Tallennus ei onnistunut: tietokantaan kirjoittaminen epäonnistui (levyvirhe tai tiedostokoon raja), joten mitään ei tallennettu. Ylläpitäjä näkee syyn palvelimen lokista. Kopioi kirjoittamasi teksti talteen.',
    sv: 'Det gick inte att spara: det gick inte att skriva till databasen (diskfel eller gräns för filstorlek), så ingenting sparades. Administratören ser orsaken i serverns logg. Kopiera texten du skrev och spara den.',
  },
  'error.unwritable.read-only': {
    fi: 'Tallennus ei onnistunut: tietokantaan ei ole kirjoitusoikeutta, joten mitään ei tallennettu. Ylläpitäjä näkee syyn palvelimen lokista. Kopioi kirjoittamasi teksti talteen.',
    sv: 'Det gick inte att spara: databasen får inte skrivas, så ingenting sparades. Administratören ser orsaken i serverns logg. Kopiera texten du skrev och spara den.',
  },
  'error.notSaved': { fi: 'Mitään ei tallennettu.', sv: 'Ingenting sparades.' },
  'error.server': {
    fi: 'Sivua ei voitu näyttää palvelimen virheen vuoksi. Virheen tiedot on kirjattu palvelimen lokiin.',
    sv: 'Sidan kunde inte visas på grund av ett serverfel. Uppgifterna om felet har förts in i serverns logg.',
  },
  'error.home': { fi: 'Etusivulle', sv: 'Till startsidan' },
  'error.back': { fi: 'Takaisin lomakkeeseen', sv: 'Tillbaka till formuläret' },
  'error.typed': { fi: 'Kirjoittamasi teksti (kopioi se lomakkeeseen):', sv: 'Texten du skrev (kopiera den till formuläret):' },
  'notFound.title': { fi: 'Sivua ei löydy', sv: 'Sidan finns inte' },
  'notFound.short': { fi: 'Ei löydy', sv: 'Finns inte' },
} as const satisfies Record<string, Record<Lang, string>>;
