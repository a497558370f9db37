// A source's health in plain Finnish: its stored error worded for people, and the one-line summary of them all.
import type { SourceDef } from '../../model.js';
import type { SourceState } from '../../store/index.js';
import { hasWord, word, type Lang } from '../../present/words-web.js';

/** [pattern over the stored English error, Finnish sentence]; the first that matches words it. */
const ERRORS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/rate limiting us \(HTTP (\d+)\)/, () => 'Palvelin pyysi hakemaan harvemmin; haetaan uudelleen myöhemmin.'],
  [/temporarily unavailable/, () => 'Palvelin on tilapäisesti poissa käytöstä.'],
  [/answered HTTP 404/, () => 'Osoitetta ei löytynyt palvelimelta (HTTP 404); lähteen osoite on ehkä muuttunut.'],
  [/answered HTTP 40[13]/, (m) => `Palvelin ei antanut lukea sivua (${/HTTP \d+/.exec(m.input)![0]}).`],
  [/answered HTTP 5\d\d/, (m) => `Palvelimella on häiriö (${/HTTP \d+/.exec(m.input)![0]}).`],
  [/answered HTTP (\d+)/, (m) => `Palvelin vastasi virhekoodilla ${m[1]}.`],
  [/DNS lookup failed|could not find the host/, () => 'Palvelimen nimeä ei löytynyt: verkkoyhteys puuttuu tai osoite on väärä.'],
  [/connection refused/, () => 'Palvelin ei ottanut yhteyttä vastaan.'],
  [/unreachable from here/, () => 'Palvelimeen ei saada yhteyttä täältä (verkkoyhteys puuttuu?).'],
  [/did not finish within|did not answer within|stopped sending|could not connect to .* within|took longer than/, () => 'Palvelin ei vastannut ajoissa.'],
  [/connection .* (was reset|closed before)/, () => 'Yhteys katkesi kesken haun.'],
  [/secure connection .* failed/, () => 'Suojattu yhteys palvelimeen epäonnistui (varmenne tai TLS).'],
  [/larger than the/, () => 'Vastaus oli suurempi kuin sallittu enimmäiskoko.'],
  [/too many redirects|redirected to an invalid URL|without saying where to go/, () => 'Palvelin ohjasi haun virheellisesti eteenpäin.'],
  [/refused to connect to|refused to fetch/, () => 'Osoitetta ei haeta, koska se ei ole julkisessa verkossa tai se ei ole http(s)-osoite.'],
  [/not a valid URL/, () => 'Lähteen osoite on virheellinen.'],
  [/no items found/, () => 'Lähteestä ei löytynyt yhtään kohdetta; sivun rakenne tai rajapinta on ehkä muuttunut.'],
  [/none of the items could be read/, () => 'Yhtäkään lähteen kohdetta ei voitu lukea.'],
  [/^interrupted/, () => 'Haku keskeytyi, koska ohjelma pysähtyi kesken haun.'],
  [/^parse:/, () => 'Syötteen tai sivun sisältöä ei voitu lukea; sen muoto on ehkä muuttunut.'],
  [/content encoding|decompressed|malformed HTTP/, () => 'Palvelimen vastausta ei voitu lukea.'],
];

/** The stored error of a run (English, for operators) as a sentence for people. */
export function plainError(error: string | null): string {
  if (!error) return 'Haku epäonnistui.';
  for (const [re, word] of ERRORS) {
    const m = re.exec(error);
    if (m) return word(m);
  }
  return 'Haku epäonnistui.';
}

export type Health = 'ok' | 'failing' | 'never';

/** A source as the health views show it. */
export interface SourceHealth {
  def: SourceDef;
  state: SourceState | undefined;
  health: Health;
  statusText: string;
  error: string | null;
}


/** Each defined source with its state, judged: failing when its last run failed, `never` when none has run. */
export function sourceHealth(defs: SourceDef[], states: SourceState[], lang: Lang = 'fi'): SourceHealth[] {
  const byId = new Map(states.map((s) => [s.id, s]));
  return defs.map((def) => {
    const state = byId.get(def.id);
    const status = state?.lastStatus ?? null;
    const health: Health = status === null ? 'never' : status === 'error' || status === 'interrupted' ? 'failing' : 'ok';
    return {
      def, state, health,
      statusText: status === null ? word(lang, 'status.never') : hasWord(`status.${status}`) ? word(lang, `status.${status}`) : status,
      error: health === 'failing' ? plainError(state!.lastError) : null,
    };
  });
}

/** "10/10 kunnossa" ("10/10 fungerar"), or which are failing and which have not run yet; never an all-clear that is not. */
export function healthLine(all: SourceHealth[], configErrors: number, lang: Lang = 'fi'): { text: string; ok: boolean } {
  const ok = all.filter((s) => s.health === 'ok').length;
  const failing = all.filter((s) => s.health === 'failing').map((s) => s.def.name);
  const never = all.filter((s) => s.health === 'never').length;
  const parts = [word(lang, 'health.ok', { ok, all: all.length })];
  if (failing.length) parts.push(word(lang, failing.length === 1 ? 'health.failingOne' : 'health.failingMany', { names: failing.join(', ') }));
  if (never) parts.push(word(lang, never === 1 ? 'health.neverOne' : 'health.neverMany', { n: never }));
  if (configErrors) parts.push(word(lang, 'health.configErrors', { n: configErrors }));
  return { text: parts.join('; '), ok: ok === all.length && all.length > 0 && configErrors === 0 };
}
