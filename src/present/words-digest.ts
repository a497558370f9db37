// The words of the network digest's page (/digest) and of delivery errors, in Finnish and Swedish. Part of the one
// dictionary (words-web.ts spreads them in); the e-mail's own words (section headings, deadline, owner) are in
// src/mail/words.ts and the page takes them from there.
import type { Lang } from '../model.js';

export const DIGEST_WORDS = {
  'digest.title': { fi: 'Viikkokatsaus – Lakivahti', sv: 'Veckosammandrag – Lakivahti' },
  'digest.heading': { fi: 'Verkoston viikkokatsaus', sv: 'Nätverkets veckosammandrag' },
  'digest.configError': {
    fi: 'Katsauksen asetuksissa on virhe, joten katsausta ei voi näyttää: {error}',
    sv: 'Inställningarna för sammandraget är felaktiga, så sammandraget kan inte visas: {error}',
  },
  'digest.settingsError': { fi: 'Katsauksen asetuksissa on virhe: {error}', sv: 'Inställningarna för sammandraget är felaktiga: {error}' },
  'digest.facts': { fi: 'Lähetyksen asetukset', sv: 'Inställningar för utskicket' },
  'digest.smtpSet': { fi: 'Sähköpostipalvelin on määritetty.', sv: 'E-postservern har angetts.' },
  'digest.smtpMissing': {
    fi: 'Sähköpostipalvelinta ei ole määritetty (SMTP_URL), joten mitään ei voi lähettää.',
    sv: 'Ingen e-postserver har angetts (SMTP_URL), så ingenting kan skickas.',
  },
  'digest.autoApprove': {
    fi: 'Luonnos lähtee ajastettuna <strong>hyväksymättäkin</strong> (LAKIVAHTI_DIGEST_AUTO_APPROVE=1).',
    sv: 'Utkastet skickas enligt schemat <strong>även utan godkännande</strong> (LAKIVAHTI_DIGEST_AUTO_APPROVE=1).',
  },
  'digest.waits': {
    fi: 'Hyväksymätön luonnos <strong>odottaa</strong>, kunnes ylläpitäjä hyväksyy sen (oletus).',
    sv: 'Ett utkast som inte har godkänts <strong>väntar</strong> tills en administratör godkänner det (standard).',
  },
  'digest.schedule': { fi: 'Ajastus (cron, Helsingin aikaa):', sv: 'Schema (cron, Helsingforstid):' },
  'digest.recipients': { fi: 'Vastaanottajia: {fi} suomeksi, {sv} ruotsiksi.', sv: 'Mottagare: {fi} på finska, {sv} på svenska.' },
  'digest.lastSent': { fi: 'Edellinen katsaus lähetettiin {at}.', sv: 'Föregående sammandrag skickades {at}.' },
  'digest.draftHeading': { fi: 'Katsaus {id}: luonnos', sv: 'Sammandrag {id}: utkast' },
  'digest.approvedHeading': { fi: 'Katsaus {id}: hyväksytty', sv: 'Sammandrag {id}: godkänt' },
  'digest.period': { fi: 'Ajalta {from} – {to}.', sv: 'Perioden {from} – {to}.' },
  'digest.approvedBy': {
    fi: 'Hyväksynyt {by} {at}; katsaus lähtee seuraavalla lähetyskerralla.',
    sv: 'Godkänt av {by} {at}; sammandraget skickas vid nästa utskick.',
  },
  'digest.notBeforeApproval': { fi: 'Luonnos ei lähde ennen hyväksyntää', sv: 'Utkastet skickas inte förrän det har godkänts' },
  'digest.exceptScheduled': { fi: ', paitsi ajastettuna', sv: ', utom enligt schemat' },
  'digest.unapprovedBy': { fi: 'Edellisen hyväksynnän perui {by} {at}.', sv: 'Det föregående godkännandet återtogs av {by} {at}.' },
  'digest.unapproveLead': {
    fi: 'Hyväksynnän voi perua, kunnes katsaus lähtee seuraavalla lähetyskerralla. Katsaus palaa luonnokseksi, jota voi muokata ja joka on hyväksyttävä uudelleen.',
    sv: 'Godkännandet kan återtas tills sammandraget skickas vid nästa utskick. Sammandraget blir då ett utkast igen, som kan redigeras och måste godkännas på nytt.',
  },
  'digest.unapprove': { fi: 'Peru hyväksyntä', sv: 'Återta godkännandet' },
  'digest.intro': { fi: 'Johdanto', sv: 'Inledning' },
  'digest.introLabel': {
    fi: 'Lyhyt johdanto katsauksen alkuun (vapaaehtoinen, enintään 4000 merkkiä)',
    sv: 'En kort inledning i början av sammandraget (frivillig, högst 4000 tecken)',
  },
  'digest.introSvLabel': {
    fi: 'Johdanto ruotsiksi ruotsinkielisille vastaanottajille (vapaaehtoinen, enintään 4000 merkkiä)',
    sv: 'Inledningen på svenska för de svenskspråkiga mottagarna (frivillig, högst 4000 tecken)',
  },
  'digest.introBothLanguages': {
    fi: 'Ruotsinkielisiä vastaanottajia on {n}: he saavat ruotsinkielisen johdannon, ja jos sitä ei ole, suomenkielisen.',
    sv: 'Det finns {n} svenskspråkiga mottagare: de får inledningen på svenska, och om den saknas, den finska.',
  },
  'digest.introSave': { fi: 'Tallenna johdanto', sv: 'Spara inledningen' },
  'digest.noIntro': { fi: 'Ei johdantoa.', sv: 'Ingen inledning.' },
  'digest.contents': { fi: 'Sisältö', sv: 'Innehåll' },
  'digest.removedNote': {
    fi: 'Poistettu kohta ei näy katsauksessa; sen voi palauttaa ennen hyväksyntää.',
    sv: 'En borttagen punkt visas inte i sammandraget; den kan återställas före godkännandet.',
  },
  'digest.removed': { fi: 'poistettu', sv: 'borttagen' },
  'digest.restore': { fi: 'Palauta', sv: 'Återställ' },
  'digest.up': { fi: 'Ylös', sv: 'Upp' },
  'digest.down': { fi: 'Alas', sv: 'Ned' },
  'digest.remove': { fi: 'Poista', sv: 'Ta bort' },
  'digest.noEntries': { fi: 'Ei kohtia.', sv: 'Inga punkter.' },
  'digest.approve': { fi: 'Hyväksy katsaus lähetettäväksi', sv: 'Godkänn sammandraget för utskick' },
  'digest.noDraft': { fi: 'Ei avointa luonnosta', sv: 'Inget öppet utkast' },
  'digest.nothingNew': {
    fi: 'Katsauksen ajalta ei ole tullut mitään uutta, joten luonnosta ei tehdä.',
    sv: 'Inget nytt har kommit under sammandragets period, så inget utkast görs.',
  },
  'digest.wouldHave': {
    fi: 'Jos luonnos tehtäisiin nyt, siinä olisi {respond}, {moved} ja {items}.',
    sv: 'Om utkastet gjordes nu skulle det innehålla {respond}, {moved} och {items}.',
  },
  'digest.countRespond': { fi: '{n} yhteistä vastausta vaativaa asiaa', sv: '{n} ärenden som kräver ett gemensamt svar' },
  'digest.countRespond.one': { fi: '1 yhteistä vastausta vaativa asia', sv: '1 ärende som kräver ett gemensamt svar' },
  'digest.countMoved': { fi: '{n} muutosta', sv: '{n} ändringar' },
  'digest.countMoved.one': { fi: '1 muutos', sv: '1 ändring' },
  'digest.countItems': { fi: '{n} uutta asiakirjaa', sv: '{n} nya dokument' },
  'digest.countItems.one': { fi: '1 uusi asiakirja', sv: '1 nytt dokument' },
  'digest.scheduled': {
    fi: 'Luonnos tehdään ajastettuna; sen voi tehdä myös nyt muokattavaksi.',
    sv: 'Utkastet görs enligt schemat; det kan också göras nu för att redigeras.',
  },
  'digest.makeDraft': { fi: 'Tee luonnos nyt', sv: 'Gör ett utkast nu' },
  'digest.preview': { fi: 'Esikatselu', sv: 'Förhandsvisning' },
  'digest.previewLead': { fi: 'Näin vastaanottajat näkevät katsauksen', sv: 'Så här ser sammandraget ut för mottagarna' },
  'digest.ifNow': { fi: ', jos se tehtäisiin nyt', sv: ', om det gjordes nu' },
  'digest.language': { fi: 'Kieli:', sv: 'Språk:' },
  'digest.previewOwn': { fi: 'Avaa esikatselu omalle sivulleen', sv: 'Öppna förhandsvisningen på en egen sida' },
  'digest.previewTitle': { fi: 'Katsauksen esikatselu ({in})', sv: 'Förhandsvisning av sammandraget ({in})' },
  'digest.sendTest': { fi: 'Lähetä testi itselleni ({email}, {in})', sv: 'Skicka ett test till mig själv ({email}, {in})' },
  'digest.noTest': {
    fi: 'Testiviestiä ei voi lähettää, koska sähköpostipalvelinta ei ole määritetty (SMTP_URL).',
    sv: 'Testmeddelandet kan inte skickas eftersom ingen e-postserver har angetts (SMTP_URL).',
  },
  'digest.failures': { fi: 'Epäonnistuneet lähetykset', sv: 'Misslyckade utskick' },
  'digest.failuresCaption': {
    fi: 'Viestit, joiden lähetys epäonnistui: uudelleen yritettävät ja luovutut',
    sv: 'Meddelanden som inte kunde skickas: de som försöks på nytt och de som har getts upp',
  },
  'digest.recipient': { fi: 'Vastaanottaja', sv: 'Mottagare' },
  'digest.attempts': { fi: 'Yrityksiä', sv: 'Försök' },
  'digest.lastError': { fi: 'Viimeisin virhe', sv: 'Senaste fel' },
  'digest.noFailures': { fi: 'Ei epäonnistuneita lähetyksiä.', sv: 'Inga misslyckade utskick.' },
  'digest.pausedCaption': {
    fi: 'Keskeytetyt tilaukset (osoitteeseen ei lähetetä, ennen kuin tilaus jatkuu)',
    sv: 'Pausade prenumerationer (ingenting skickas till adressen förrän prenumerationen återupptas)',
  },
  'digest.paused': { fi: 'Keskeytetty', sv: 'Pausad' },
  'digest.reason': { fi: 'Syy', sv: 'Orsak' },
  'digest.givenUp': { fi: 'luovuttu', sv: 'har getts upp' },
  'digest.retryAfter': { fi: 'uusi yritys {at} jälkeen', sv: 'nytt försök efter {at}' },
  // What the editor shows for an entry no digest built now has any more, and new items without a goal.
  'digest.goneMatter': { fi: 'Asia {n}', sv: 'Ärende {n}' },
  'digest.goneItem': { fi: 'Asiakirja #{n}', sv: 'Dokument #{n}' },
  'digest.goneChange': { fi: 'Muutos {n}', sv: 'Ändring {n}' },
  'digest.gone': { fi: 'ei enää saatavilla', sv: 'inte längre tillgänglig' },
  'digest.otherGoals': { fi: 'Muut', sv: 'Övriga' },

  // The digest's refusals and messages.
  'digest.viewOnly': {
    fi: 'Katsauksen luonnos näkyy vain sihteeristölle (ylläpitäjät) ja juristeille.',
    sv: 'Utkastet till sammandraget visas bara för sekretariatet (administratörerna) och juristerna.',
  },
  'digest.editOnly': {
    fi: 'Vain ylläpitäjä (sihteeristö) voi muokata, testata ja hyväksyä katsauksen.',
    sv: 'Bara en administratör (sekretariatet) kan redigera, testa och godkänna sammandraget.',
  },
  'digest.noSuch': { fi: 'Katsausta numero {id} ei ole.', sv: 'Det finns inget sammandrag nummer {id}.' },
  'digest.alreadySent': {
    fi: 'Katsaus {id} on jo lähetetty, eikä lähetettyä katsausta voi muuttaa.',
    sv: 'Sammandrag {id} har redan skickats, och ett skickat sammandrag kan inte ändras.',
  },
  'digest.alreadyApproved': {
    fi: 'Katsaus {id} on jo hyväksytty, joten sitä ei voi enää muokata. Peru hyväksyntä ensin.',
    sv: 'Sammandrag {id} har redan godkänts, så det kan inte längre redigeras. Återta godkännandet först.',
  },
  'digest.notApproved': { fi: 'Katsausta {id} ei ole hyväksytty.', sv: 'Sammandrag {id} har inte godkänts.' },
  'digest.nothingToDraft': {
    fi: 'Edellisen katsauksen jälkeen ei ole tullut mitään uutta, joten luonnosta ei tehty.',
    sv: 'Inget nytt har kommit sedan föregående sammandrag, så inget utkast gjordes.',
  },
  'digest.missingEntry': {
    fi: 'Lomakkeesta puuttui katsauksen kohta (osio ja viite).',
    sv: 'Formuläret saknade punkten i sammandraget (avsnitt och referens).',
  },
  'digest.noEntry': { fi: 'Katsauksessa {id} ei ole kohtaa {ref}.', sv: 'Sammandrag {id} har ingen punkt {ref}.' },
  'digest.unknownDo': {
    fi: 'Tuntematon toiminto "{what}" (ylös, alas, poista tai palauta).',
    sv: 'Okänd åtgärd "{what}" (upp, ned, ta bort eller återställ).',
  },
  'digest.badIntro': { fi: 'Kenttä "Johdanto" on annettu väärin.', sv: 'Fältet "Inledning" är felaktigt ifyllt.' },
  'digest.introTooLong': { fi: 'Johdannossa voi olla enintään 4000 merkkiä (nyt {n}).', sv: 'Inledningen får vara högst 4000 tecken (nu {n}).' },
  'digest.sentMeanwhile': {
    fi: 'Katsaus {id} ehdittiin jo lähettää, eikä lähetettyä katsausta voi muuttaa.',
    sv: 'Sammandrag {id} hann redan skickas, och ett skickat sammandrag kan inte ändras.',
  },
  'digest.unapproved': {
    fi: 'Katsauksen {id} hyväksyntä peruttiin: se on taas luonnos, jota voi muokata.',
    sv: 'Godkännandet av sammandrag {id} återtogs: det är åter ett utkast som kan redigeras.',
  },
  'digest.testFailed': {
    fi: 'Testiviestiä ei voitu lähettää osoitteeseen {email}: {why} ({technical})',
    sv: 'Testmeddelandet kunde inte skickas till {email}: {why} ({technical})',
  },
  'digest.unknownError': { fi: 'tuntematon virhe', sv: 'okänt fel' },
  'digest.testSent': { fi: 'Testiviesti ({in}) lähetettiin osoitteeseen {email}.', sv: 'Testmeddelandet ({in}) skickades till {email}.' },
  'lang.in.fi': { fi: 'suomeksi', sv: 'på finska' },
  'lang.in.sv': { fi: 'ruotsiksi', sv: 'på svenska' },

  // A delivery's stored error (SMTP's or the network's, in English) in words for people.
  'mailError.none': { fi: 'Ei virhettä tallennettu.', sv: 'Inget fel har sparats.' },
  'mailError.other': { fi: 'Viestin lähettäminen epäonnistui.', sv: 'Meddelandet kunde inte skickas.' },
  'mailError.accountDisabled': {
    fi: 'Vastaanottajan käyttäjätili on poistettu käytöstä: viestejä ei lähetetä, ennen kuin tili otetaan taas käyttöön.',
    sv: 'Mottagarens användarkonto är inaktiverat: inga meddelanden skickas förrän kontot tas i bruk igen.',
  },
  'mailError.cancelled': { fi: 'Tilaus peruttiin ennen kuin viesti ehdittiin lähettää.', sv: 'Prenumerationen avslutades innan meddelandet hann skickas.' },
  'mailError.unknownAddress': {
    fi: 'Vastaanottajan postipalvelin ei tunne osoitetta: osoite on kirjoitettu väärin tai se on poistunut käytöstä.',
    sv: 'Mottagarens e-postserver känner inte till adressen: adressen är felskriven eller har tagits ur bruk.',
  },
  'mailError.full': { fi: 'Vastaanottajan postilaatikko on täynnä.', sv: 'Mottagarens brevlåda är full.' },
  'mailError.rejected': {
    fi: 'Vastaanottajan postipalvelin hylkäsi viestin (esimerkiksi roskapostisuodatin tai palvelimen käytäntö).',
    sv: 'Mottagarens e-postserver avvisade meddelandet (till exempel ett skräppostfilter eller serverns regler).',
  },
  'mailError.auth': {
    fi: 'Kirjautuminen lähettävään postipalvelimeen epäonnistui: tarkista SMTP_URL:n käyttäjätunnus ja salasana.',
    sv: 'Inloggningen på den sändande e-postservern misslyckades: kontrollera användarnamnet och lösenordet i SMTP_URL.',
  },
  'mailError.temporary': {
    fi: 'Postipalvelin ei ottanut viestiä vastaan juuri nyt (tilapäinen virhe); lähetystä yritetään myöhemmin uudelleen.',
    sv: 'E-postservern tog inte emot meddelandet just nu (tillfälligt fel); det skickas på nytt senare.',
  },
  'mailError.permanent': { fi: 'Postipalvelin hylkäsi viestin pysyvästi.', sv: 'E-postservern avvisade meddelandet permanent.' },
  'mailError.refused': {
    fi: 'Postipalvelimeen ei saatu yhteyttä: palvelin ei ole käynnissä tai SMTP_URL on väärin.',
    sv: 'Ingen förbindelse med e-postservern: servern är inte i gång eller SMTP_URL är fel.',
  },
  'mailError.dns': { fi: 'Postipalvelimen nimeä ei löytynyt: tarkista SMTP_URL.', sv: 'E-postserverns namn hittades inte: kontrollera SMTP_URL.' },
  'mailError.timeout': { fi: 'Postipalvelin ei vastannut ajoissa.', sv: 'E-postservern svarade inte i tid.' },
  'mailError.tls': {
    fi: 'Yhteys postipalvelimeen katkesi tai suojattu yhteys epäonnistui.',
    sv: 'Förbindelsen med e-postservern bröts eller den skyddade förbindelsen misslyckades.',
  },
} as const satisfies Record<string, Record<Lang, string>>;
