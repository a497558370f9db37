// A source's last status and its run's stored error (English, for operators) worded for people in Finnish or Swedish:
// the sources page, the overview and `lakivahti sources` say them the same way.
import { hasWord, word } from './words-web.js';
import type { Lang } from '../model.js';

/** A run's stored status code (null: never run) as a word; a code without one is shown as it is. */
export const statusWord = (status: string | null, lang: Lang = 'fi'): string =>
  status === null ? word(lang, 'status.never') : hasWord(`status.${status}`) ? word(lang, `status.${status}`) : status;

/** [pattern over the stored English error, its sentence in Finnish and Swedish]; the first that matches words it. */
const ERRORS: [RegExp, (m: RegExpExecArray) => Record<Lang, string>][] = [
  // First: an interrupted run's text ends with what the abort did to its request in brackets ("the connection …
  // closed before the whole response arrived"), which the rules below would take for the source's fault.
  [/^interrupted/, () => ({
    fi: 'Haku keskeytyi, koska ohjelma pysähtyi kesken haun.',
    sv: 'Hämtningen avbröts, eftersom programmet stannade mitt i hämtningen.',
  })],
  [/the disk holding .+ is full|database or disk is full/, () => ({
    fi: 'Tietokannan levy oli täynnä, joten haettua ei voitu tallentaa; haku yritetään myöhemmin uudelleen.',
    sv: 'Databasens disk var full, så det hämtade kunde inte sparas; hämtningen görs på nytt senare.',
  })],
  [/rate limiting us \(HTTP (\d+)\)/, () => ({
    fi: 'Palvelin pyysi hakemaan harvemmin; haetaan uudelleen myöhemmin.',
    sv: 'Servern bad oss hämta mer sällan; hämtningen görs på nytt senare.',
  })],
  [/temporarily unavailable/, () => ({
    fi: 'Palvelin on tilapäisesti poissa käytöstä.',
    sv: 'Servern är tillfälligt ur bruk.',
  })],
  [/answered HTTP 404/, () => ({
    fi: 'Osoitetta ei löytynyt palvelimelta (HTTP 404); lähteen osoite on ehkä muuttunut.',
    sv: 'Adressen hittades inte på servern (HTTP 404); källans adress har kanske ändrats.',
  })],
  [/answered HTTP 40[13]/, (m) => ({
    fi: `Palvelin ei antanut lukea sivua (${/HTTP \d+/.exec(m.input)![0]}).`,
    sv: `Servern tillät inte att sidan lästes (${/HTTP \d+/.exec(m.input)![0]}).`,
  })],
  [/answered HTTP 5\d\d/, (m) => ({
    fi: `Palvelimella on häiriö (${/HTTP \d+/.exec(m.input)![0]}).`,
    sv: `Servern har en störning (${/HTTP \d+/.exec(m.input)![0]}).`,
  })],
  [/answered HTTP (\d+)/, (m) => ({
    fi: `Palvelin vastasi virhekoodilla ${m[1]}.`,
    sv: `Servern svarade med felkoden ${m[1]}.`,
  })],
  [/DNS lookup failed|could not find the host/, () => ({
    fi: 'Palvelimen nimeä ei löytynyt: verkkoyhteys puuttuu tai osoite on väärä.',
    sv: 'Serverns namn hittades inte: nätverksförbindelsen saknas eller adressen är fel.',
  })],
  [/connection refused/, () => ({
    fi: 'Palvelin ei ottanut yhteyttä vastaan.',
    sv: 'Servern tog inte emot förbindelsen.',
  })],
  [/unreachable from here/, () => ({
    fi: 'Palvelimeen ei saada yhteyttä täältä (verkkoyhteys puuttuu?).',
    sv: 'Servern kan inte nås härifrån (saknas nätverksförbindelse?).',
  })],
  [/did not finish within|did not answer within|stopped sending|could not connect to .* within|took longer than/, () => ({
    fi: 'Palvelin ei vastannut ajoissa.',
    sv: 'Servern svarade inte i tid.',
  })],
  [/connection .* (was reset|closed before)/, () => ({
    fi: 'Yhteys katkesi kesken haun.',
    sv: 'Förbindelsen bröts mitt i hämtningen.',
  })],
  [/secure connection .* failed/, () => ({
    fi: 'Suojattu yhteys palvelimeen epäonnistui (varmenne tai TLS).',
    sv: 'Den skyddade förbindelsen till servern misslyckades (certifikat eller TLS).',
  })],
  [/larger than the/, () => ({
    fi: 'Vastaus oli suurempi kuin sallittu enimmäiskoko.',
    sv: 'Svaret var större än den tillåtna maximala storleken.',
  })],
  [/too many redirects|redirected to an invalid URL|without saying where to go/, () => ({
    fi: 'Palvelin ohjasi haun virheellisesti eteenpäin.',
    sv: 'Servern styrde hämtningen vidare på fel sätt.',
  })],
  [/refused to connect to|refused to fetch/, () => ({
    fi: 'Osoitetta ei haeta, koska se ei ole julkisessa verkossa tai se ei ole http(s)-osoite.',
    sv: 'Adressen hämtas inte, eftersom den inte finns i det offentliga nätet eller inte är en http(s)-adress.',
  })],
  [/not a valid URL/, () => ({
    fi: 'Lähteen osoite on virheellinen.',
    sv: 'Källans adress är felaktig.',
  })],
  [/no items found/, () => ({
    fi: 'Lähteestä ei löytynyt yhtään asiakirjaa; sivun rakenne tai rajapinta on ehkä muuttunut.',
    sv: 'Inga dokument hittades i källan; sidans struktur eller gränssnittet har kanske ändrats.',
  })],
  [/none of the items could be read/, () => ({
    fi: 'Yhtäkään lähteen asiakirjaa ei voitu lukea.',
    sv: 'Inget av källans dokument kunde läsas.',
  })],
  [/^parse:/, () => ({
    fi: 'Syötteen tai sivun sisältöä ei voitu lukea; sen muoto on ehkä muuttunut.',
    sv: 'Flödets eller sidans innehåll kunde inte läsas; formatet har kanske ändrats.',
  })],
  [/content encoding|decompressed|malformed HTTP/, () => ({
    fi: 'Palvelimen vastausta ei voitu lukea.',
    sv: 'Serverns svar kunde inte läsas.',
  })],
];

const FAILED: Record<Lang, string> = { fi: 'Haku epäonnistui.', sv: 'Hämtningen misslyckades.' };

/** The stored error of a run (English, for operators) as a sentence for people, in `lang`. */
export function plainError(error: string | null, lang: Lang = 'fi'): string {
  if (!error) return FAILED[lang];
  for (const [re, sentence] of ERRORS) {
    const m = re.exec(error);
    if (m) return sentence(m)[lang];
  }
  return FAILED[lang];
}
