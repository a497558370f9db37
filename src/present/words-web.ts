// The web workbench's words in Finnish and Swedish, in one place: each person chooses their language on /account
// and the templates look words up with {{t "key"}} (placeholders as {{t "key" n=3}} → "{n}"). Item and matter
// titles stay in the language they were written in.
import type { Lang } from '../model.js';
import { BOARD_WORDS } from './words-board.js';
import { LIST_WORDS } from './words-lists.js';
import { DIGEST_WORDS } from './words-digest.js';
import { SUBSCRIPTION_WORDS } from './words-subscriptions.js';
import { shownControls } from '../shown-controls.js';

export const LANGS: readonly Lang[] = ['fi', 'sv'];

/** Whether a value names a language of the user interface. */
export const isLang = (x: unknown): x is Lang => x === 'fi' || x === 'sv';

export const WORDS = {
  ...LIST_WORDS,
  ...BOARD_WORDS,
  ...DIGEST_WORDS,
  ...SUBSCRIPTION_WORDS,
  // The layout and navigation.
  'layout.skip': { fi: 'Siirry pääsisältöön', sv: 'Hoppa till huvudinnehållet' },
  'layout.nav': { fi: 'Päävalikko', sv: 'Huvudmeny' },
  'nav.overview': { fi: 'Yleiskuva', sv: 'Översikt' },
  'nav.items': { fi: 'Asiakirjat', sv: 'Dokument' },
  'nav.board': { fi: 'Yhteisvastaukset', sv: 'Gemensamma svar' },
  'nav.sources': { fi: 'Lähteet', sv: 'Källor' },
  'nav.digest': { fi: 'Katsaus', sv: 'Sammandrag' },
  'nav.subscriptions': { fi: 'Tilaukset', sv: 'Prenumerationer' },
  'layout.signOut': { fi: 'Kirjaudu ulos', sv: 'Logga ut' },
  'layout.footer': {
    fi: 'Lakivahti – pelastuslaitosten kumppanuusverkoston lainsäädäntöseuranta',
    sv: 'Lakivahti – räddningsverkens partnerskapsnätverks lagstiftningsbevakning',
  },
  'role.admin': { fi: 'ylläpitäjä', sv: 'administratör' },
  'role.reviewer': { fi: 'juristi', sv: 'jurist' },
  'role.reader': { fi: 'lukija', sv: 'läsare' },

  // Signing in.
  'login.title': { fi: 'Kirjaudu sisään – Lakivahti', sv: 'Logga in – Lakivahti' },
  'login.heading': { fi: 'Kirjaudu sisään', sv: 'Logga in' },
  'login.lead': {
    fi: 'Lakivahti on verkoston juristien ja pelastuslaitosten käyttöön. Tunnuksen antaa ylläpitäjä.',
    sv: 'Lakivahti används av nätverkets jurister och räddningsverk. Användarkonton ges av administratören.',
  },
  'login.email': { fi: 'Sähköpostiosoite', sv: 'E-postadress' },
  'login.password': { fi: 'Salasana', sv: 'Lösenord' },
  'login.submit': { fi: 'Kirjaudu', sv: 'Logga in' },
  'login.other': { fi: 'På svenska', sv: 'Suomeksi' },
  'login.wrong': {
    fi: 'Sähköpostiosoite tai salasana on väärä, tai tunnus on poistettu käytöstä.',
    sv: 'E-postadressen eller lösenordet är fel, eller så har kontot stängts av.',
  },
  'login.limited': {
    fi: 'Liian monta epäonnistunutta kirjautumista. Yritä uudelleen {minutes} minuutin kuluttua.',
    sv: 'För många misslyckade inloggningar. Försök igen om {minutes} minuter.',
  },

  // The own account.
  'account.title': { fi: 'Oma tili – Lakivahti', sv: 'Mitt konto – Lakivahti' },
  'account.heading': { fi: 'Oma tili', sv: 'Mitt konto' },
  'account.language': { fi: 'Kieli', sv: 'Språk' },
  'account.languageLabel': { fi: 'Lakivahdin kieli', sv: 'Lakivahtis språk' },
  'account.languageSave': { fi: 'Tallenna kieli', sv: 'Spara språket' },
  'account.languageSaved': { fi: 'Kieli vaihdettu: suomi.', sv: 'Språket har ändrats: svenska.' },
  'lang.fi': { fi: 'suomi', sv: 'finska' },
  'lang.sv': { fi: 'ruotsi', sv: 'svenska' },
  'account.password': { fi: 'Salasana', sv: 'Lösenord' },
  'account.current': { fi: 'Nykyinen salasana', sv: 'Nuvarande lösenord' },
  'account.new': { fi: 'Uusi salasana', sv: 'Nytt lösenord' },
  'account.rule': {
    fi: 'Vähintään 12 merkkiä; mitkä tahansa merkit käyvät, myös välilyönnit. Yleisiä salasanoja ei hyväksytä. Salasanan hallintaohjelman käyttö on suositeltavaa.',
    sv: 'Minst 12 tecken; alla tecken duger, även mellanslag. Vanliga lösenord godkänns inte. Vi rekommenderar en lösenordshanterare.',
  },
  'account.again': { fi: 'Uusi salasana uudelleen', sv: 'Nytt lösenord igen' },
  'account.change': { fi: 'Vaihda salasana', sv: 'Byt lösenord' },
  'account.notChanged': { fi: 'Salasanaa ei vaihdettu.', sv: 'Lösenordet byttes inte.' },
  'account.wrongCurrent': { fi: 'Nykyinen salasana oli väärä.', sv: 'Det nuvarande lösenordet var fel.' },
  'account.tooManyWrong': {
    fi: 'Nykyinen salasana annettiin väärin liian monta kertaa. Salasanaa ei vaihdettu. Yritä uudelleen {minutes} minuutin kuluttua.',
    sv: 'Det nuvarande lösenordet angavs fel för många gånger. Lösenordet byttes inte. Försök igen om {minutes} minuter.',
  },
  'account.mismatch': { fi: 'Uudet salasanat eivät olleet samat.', sv: 'De nya lösenorden var inte likadana.' },
  'account.changed': {
    fi: 'Salasana vaihdettu. Muut istuntosi päätettiin; tämä jatkuu.',
    sv: 'Lösenordet har bytts. Dina andra sessioner avslutades; den här fortsätter.',
  },
  'account.tokens': { fi: 'Syötteiden tunnisteet', sv: 'Nycklar för flöden' },
  'account.tokensLead': {
    fi: 'Syötelukija ja kalenteri (esimerkiksi Outlook) eivät kirjaudu sisään. Niille annettavissa syöte- ja kalenteriosoitteissa on henkilökohtainen salainen tunniste. Jos osoite joutuu vääriin käsiin, peru tunniste.',
    sv: 'Flödesläsare och kalendrar (till exempel Outlook) loggar inte in. Flödes- och kalenderadresserna du ger dem innehåller en personlig hemlig nyckel. Om en adress hamnar i fel händer, återkalla nyckeln.',
  },
  'account.newToken': { fi: 'Uusi tunniste:', sv: 'Ny nyckel:' },
  // Between "?token=…" and "&token=…" on the new token's notice, and after it: a filtered feed's address has a query.
  'account.tokenOr': { fi: 'tai', sv: 'eller' },
  'account.tokenWhen': {
    fi: 'jos osoitteessa on jo kysymysmerkki (esimerkiksi /feeds/items.atom?goal=services&token=…)',
    sv: 'om adressen redan har ett frågetecken (till exempel /feeds/items.atom?goal=services&token=…)',
  },
  'account.tokenOnce': {
    fi: 'Tunniste näytetään vain nyt. Lisää se syöteosoitteen loppuun muodossa',
    sv: 'Nyckeln visas bara nu. Lägg till den i slutet av flödesadressen i formen',
  },
  'account.tokenLabel': { fi: 'Mihin tunniste tulee (vapaaehtoinen)', sv: 'Vad nyckeln används till (frivilligt)' },
  'account.tokenPlaceholder': { fi: 'esim. Outlook-kalenteri', sv: 't.ex. Outlook-kalendern' },
  'account.tokenCreate': { fi: 'Luo uusi tunniste', sv: 'Skapa en ny nyckel' },
  'account.tokensCaption': { fi: 'Tunnisteesi', sv: 'Dina nycklar' },
  'account.tokenUse': { fi: 'Käyttö', sv: 'Användning' },
  'account.tokenCreated': { fi: 'Luotu', sv: 'Skapad' },
  'account.tokenState': { fi: 'Tila', sv: 'Status' },
  'account.tokenNoLabel': { fi: 'ei kuvausta', sv: 'ingen beskrivning' },
  'account.tokenRevoked': { fi: 'peruttu', sv: 'återkallad' },
  'account.tokenRevoke': { fi: 'Peru', sv: 'Återkalla' },
  'account.tokenRevokeWhich': { fi: 'tunniste', sv: 'nyckeln' },
  'account.noLanguage': {
    fi: 'Kieltä "{language}" ei ole: valitse suomi (fi) tai ruotsi (sv).',
    sv: 'Språket "{language}" finns inte: välj finska (fi) eller svenska (sv).',
  },
  'account.noToken': { fi: 'Sinulla ei ole tällaista syötetunnistetta.', sv: 'Du har ingen sådan nyckel för flöden.' },
  'feedToken.refused': {
    fi: 'Syötetunniste on tuntematon, peruttu tai sen tunnus on poistettu käytöstä. Tee uusi tunniste Lakivahdin Oma tili -sivulla.',
    sv: 'Nyckeln för flöden är okänd, återkallad eller hör till ett konto som har stängts av. Skapa en ny nyckel på sidan Mitt konto i Lakivahti.',
  },
  'account.tokenRevokedSaid': {
    fi: 'Syötetunniste on peruttu: sitä käyttävät syötteet ja kalenterit eivät enää aukea.',
    sv: 'Nyckeln har återkallats: flöden och kalendrar som använder den öppnas inte längre.',
  },

  // The sources page.
  'sources.title': { fi: 'Lähteet – Lakivahti', sv: 'Källor – Lakivahti' },
  'sources.heading': { fi: 'Lähteet', sv: 'Källor' },
  'sources.configErrors': { fi: 'Virheelliset lähdemäärittelyt', sv: 'Felaktiga källdefinitioner' },
  'sources.caption': { fi: 'Lähteiden tila', sv: 'Källornas status' },
  'sources.source': { fi: 'Lähde', sv: 'Källa' },
  'sources.status': { fi: 'Tila', sv: 'Status' },
  'sources.lastRun': { fi: 'Viimeksi haettu', sv: 'Senast hämtad' },
  'sources.lastSuccess': { fi: 'Viimeksi onnistunut', sv: 'Senast lyckad' },
  'sources.next': { fi: 'Seuraava haku', sv: 'Nästa hämtning' },
  'sources.items': { fi: 'Asiakirjoja', sv: 'Dokument' },
  'sources.actions': { fi: 'Toimet', sv: 'Åtgärder' },
  'sources.unverified': { fi: 'osoitetta ei ole vahvistettu julkisesta lähteestä', sv: 'adressen har inte bekräftats av en offentlig källa' },
  'sources.failures': { fi: '{n} epäonnistunutta hakua peräkkäin', sv: '{n} misslyckade hämtningar i rad' },
  'sources.failures.one': { fi: '1 epäonnistunut haku', sv: '1 misslyckad hämtning' },
  'sources.technical': { fi: 'Tekninen kuvaus', sv: 'Teknisk beskrivning' },
  'sources.paused': { fi: 'keskeytetty', sv: 'pausad' },
  'sources.resume': { fi: 'Jatka hakua', sv: 'Återuppta hämtningen' },
  'sources.pause': { fi: 'Keskeytä', sv: 'Pausa' },
  'sources.crawl': { fi: 'Hae nyt', sv: 'Hämta nu' },
  'sources.pausedSaid': {
    fi: 'Lähde {name} on keskeytetty: sitä ei haeta ennen kuin se jatkuu.',
    sv: 'Källan {name} har pausats: den hämtas inte förrän den återupptas.',
  },
  'sources.resumedSaid': { fi: 'Lähteen {name} haku jatkuu aikataulun mukaan.', sv: 'Källan {name} hämtas igen enligt schemat.' },
  'sources.crawlSaid': {
    fi: 'Lähteen {name} haku aloitettiin. Päivitä sivu hetken kuluttua nähdäksesi tuloksen.',
    sv: 'Hämtningen av källan {name} har börjat. Ladda om sidan om en stund för att se resultatet.',
  },

  // The matter page.
  'matter.items': { fi: 'Asiakirjat', sv: 'Dokument' },
  'matter.matter': { fi: 'Asiakokonaisuus', sv: 'Ärendehelhet' },
  'matter.stage': { fi: 'vaihe', sv: 'skede' },
  'matter.deadline': { fi: 'Lausunnon määräaika', sv: 'Remisstid' },
  'matter.response': { fi: 'Verkoston vastaus', sv: 'Nätverkets svar' },
  // Not on the board: no entry, and no open joint-response candidate among its items.
  'matter.responseNone': { fi: 'Asia ei ole yhteisen vastauksen taululla.', sv: 'Ärendet finns inte på tavlan för gemensamma svar.' },
  // An open candidate is on the board without an entry: nobody has taken it up.
  'matter.responseCandidate': {
    fi: 'Yhteisvastausehdokas: asia on yhteisen vastauksen taululla, mutta sitä ei ole vielä otettu käsittelyyn eikä sille ole nimetty vastuuhenkilöä.',
    sv: 'Kandidat för gemensamt svar: ärendet finns på tavlan för gemensamma svar men har ännu inte tagits upp till behandling och ingen ansvarsperson har utsetts.',
  },
  'matter.stages': { fi: 'Vaiheet', sv: 'Skeden' },
  'matter.dateUnknown': { fi: 'päivämäärä ei tiedossa', sv: 'datum okänt' },
  'matter.document': { fi: 'asiakirja', sv: 'dokument' },
  'matter.notYet': { fi: 'ei vielä', sv: 'inte ännu' },
  'matter.passed': { fi: 'ohitettu; ei asiakirjaa tästä vaiheesta', sv: 'passerat; inget dokument från detta skede' },
  'matter.current': { fi: 'nykyinen vaihe', sv: 'nuvarande skede' },
  'matter.changes': { fi: 'Muutokset', sv: 'Ändringar' },
  'matter.sinceOne': { fi: '1 muutos', sv: '1 ändring' },
  'matter.sinceMany': { fi: '{n} muutosta', sv: '{n} ändringar' },
  'matter.sinceVisit': {
    fi: 'edellisen käyntisi ({at}) jälkeen; ne on merkitty sanalla',
    sv: 'sedan ditt förra besök ({at}); de är märkta med ordet',
  },
  'matter.new': { fi: 'uusi', sv: 'ny' },
  'matter.noneSince': { fi: 'Ei muutoksia edellisen käyntisi ({at}) jälkeen.', sv: 'Inga ändringar sedan ditt förra besök ({at}).' },
  'matter.firstVisit': {
    fi: 'Tämä on ensimmäinen käyntisi tällä sivulla: seuraavalla kerralla tässä kerrotaan, mikä on muuttunut sen jälkeen.',
    sv: 'Det här är ditt första besök på sidan: nästa gång står det här vad som har ändrats sedan dess.',
  },
  'matter.noChanges': { fi: 'Asiakokonaisuudelle ei ole kirjattu muutoksia.', sv: 'Inga ändringar har registrerats för ärendehelheten.' },
  'matter.answered': { fi: 'Lausunnon antaneet', sv: 'Har lämnat utlåtande' },
  'matter.bySource': { fi: 'Asiakirjat lähteittäin', sv: 'Dokument per källa' },
  'matter.whyJoined': { fi: 'Miksi asiakirjat on yhdistetty', sv: 'Varför dokumenten har förts samman' },
  'matter.mentioned': { fi: 'Mainittu myös', sv: 'Nämns också' },
  'matter.mentionedCaption': {
    fi: 'Asiakirjat, jotka vain mainitsevat asiakokonaisuuden tunnuksen',
    sv: 'Dokument som bara nämner ärendehelhetens beteckning',
  },
  // A matter of more items than a page shows (the list's own paging words are items.*).
  'matter.itemCount': {
    fi: 'Asiakokonaisuudessa on {n} asiakirjaa, vanhimmat ensin, {shown} sivulla kerrallaan.',
    sv: 'Ärendehelheten har {n} dokument, de äldsta först, {shown} per sida.',
  },
  'matter.olderChanges': { fi: 'Vanhemmat muutokset', sv: 'Äldre ändringar' },
  'matter.newestChanges': { fi: 'Uusimmat muutokset', sv: 'De senaste ändringarna' },
  'matter.changesPages': { fi: 'Muutosten sivut', sv: 'Ändringarnas sidor' },
  'matter.mentionedMore': { fi: 'Tässä {shown} uusinta; mainitsevia asiakirjoja on {n}.', sv: 'Här de {shown} senaste; dokumenten som nämner den är {n}.' },
  'matter.badPage': { fi: 'Sivun osoite ei kelpaa ({key}); aloita asiakokonaisuuden ensimmäiseltä sivulta.', sv: 'Sidans adress är ogiltig ({key}); börja från ärendehelhetens första sida.' },
  'matter.follow': { fi: 'Seuraa tätä asiakokonaisuutta', sv: 'Följ den här ärendehelheten' },
  'matter.atom': { fi: 'Atom-syöte', sv: 'Atom-flöde' },

  // The items table (list page, overview, an item's and a matter's other items).
  'table.item': { fi: 'Asiakirja', sv: 'Dokument' },
  'table.source': { fi: 'Lähde', sv: 'Källa' },
  'table.published': { fi: 'Julkaistu', sv: 'Publicerad' },
  'table.goals': { fi: 'Tavoitteet', sv: 'Mål' },
  'table.deadline': { fi: 'Määräaika', sv: 'Tidsfrist' },
  'table.stage': { fi: 'Asian vaihe', sv: 'Ärendets skede' },
  'table.unread': { fi: '(lukematon)', sv: '(oläst)' },
  'table.notRelevant': { fi: 'ei koske verkostoa', sv: 'gäller inte nätverket' },
  'table.reviewed': { fi: '(tarkistettu)', sv: '(granskad)' },
  'table.matter': { fi: 'asiakokonaisuus {n}', sv: 'ärendehelhet {n}' },
} as const satisfies Record<string, Record<Lang, string>>;

/** Whether the dictionary has the word `key` (for names looked up from stored values, such as an item's kind). */
export const hasWord = (key: string): boolean => Object.hasOwn(WORDS, key);

/**
 * The word `key` in `lang`, its {placeholders} filled from `values` (with `n` 1, its singular `KEY.one` where there is one);
 * an unknown key throws (a template's typo).
 */
export function word(lang: Lang, key: string, values: Record<string, unknown> = {}): string {
  const words = WORDS as Record<string, Record<Lang, string>>;
  const entry = words[key];
  if (!entry) throw new Error(`words-web: no word "${key}"`);
  // A count of one takes the word's singular, `KEY.one`, where it has one ("1 asiakirja", not "1 asiakirjaa").
  if ((values.n === 1 || values.n === '1') && words[`${key}.one`]) return word(lang, `${key}.one`, values);
  const text = entry[lang];
  // Most words have no placeholder: a template asks for dozens of them per page. A value is quoted with its control
  // characters shown (an address's `%00` or `%1B`, a right-to-left override), not passed on into the page, a plain-text
  // answer or a terminal.
  return text.includes('{') ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? shownControls(String(values[name])) : whole)) : text;
}
