// Hankeikkuna (government project register): POST kohteet/haku, cursor-paged by nextSearchAfter.
// Shapes follow the real answer in test/fixtures/sources/hankeikkuna/hankeikkuna-kohteet-haku.sample.json.
import type { OptionSpec, RawItem, SourceDef, SourceModule } from '../model.js';
import { parseError } from '../errors.js';
import { heIdentifier } from '../parse/identifiers.js';
import { option } from './options.js';
import { declaredOptions } from './declared.js';

const MINISTRIES: Record<string, string> = {
  VNK: 'Valtioneuvoston kanslia', UM: 'Ulkoministeriö', OM: 'Oikeusministeriö', SM: 'Sisäministeriö',
  PLM: 'Puolustusministeriö', VM: 'Valtiovarainministeriö', OKM: 'Opetus- ja kulttuuriministeriö',
  MMM: 'Maa- ja metsätalousministeriö', LVM: 'Liikenne- ja viestintäministeriö', LM: 'Liikenneministeriö',
  TEM: 'Työ- ja elinkeinoministeriö', STM: 'Sosiaali- ja terveysministeriö', YM: 'Ympäristöministeriö',
};

const OPTIONS: Record<string, OptionSpec> = declaredOptions.hankeikkuna;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** A localized value ({fi, sv, en}, any of them possibly null, or a plain string) in the source's language, else any. */
function localized(v: unknown, lang: string): string | null {
  if (!isObject(v)) return str(v);
  for (const key of [lang, 'fi', 'sv', 'en']) if (str(v[key])) return str(v[key]);
  return null;
}

/** One search hit as an item; throws a parse error naming the hit when the fields are not there. */
function toItem(row: unknown, n: number, def: SourceDef, template: string): RawItem {
  const kohde = isObject(row) && isObject(row.kohde) ? row.kohde : null;
  const tunnus = str(kohde?.tunnus);
  if (!kohde || !tunnus) throw parseError(`hankeikkuna: result ${n} has no kohde.tunnus`);
  const title = localized(kohde.nimi, def.language);
  if (!title) throw parseError(`hankeikkuna: result ${n} (${tunnus}) has no kohde.nimi`);
  const r = row as Json;
  const he = isObject(r.lainsaadanto) && isObject(r.lainsaadanto.heTiedot) ? r.lainsaadanto.heTiedot : {};
  const etapit = list(r.etapit);
  // Self-reported schedule: the latest comment round's end (etappi tyyppi LAUSUNTOKIERROS) is the deadline.
  const ends = etapit
    .filter((e) => e.tyyppi === 'LAUSUNTOKIERROS')
    .map((e) => str(e.loppu))
    .filter((d): d is string => d !== null)
    .sort();
  // HE numbers come as "207/2016", "256/2017 vp" or "HE 311/2022": all name the same kind of matter.
  const heNumbers = strings(he.heNumerot).map(heIdentifier).filter((h): h is string => h !== null);
  // Parliament's replies come as "219/2016" or "EV 21/2017"; statute numbers (skNumerot) as "1312/2016".
  const evNumbers = strings(he.evNumerot).map((e) => (/^\s*\d/.test(e) ? `EV ${e.trim()}` : e));
  // Milestone names ("Hallituksen esitys HE 188/2017", "Lausuntokierros") are the project's own timeline.
  const milestones = etapit
    .map((e) => [localized(e.nimi, def.language), [str(e.alku), str(e.loppu)].filter(Boolean).join('–')].filter(Boolean).join(' '))
    .filter(Boolean);
  return {
    guid: str(kohde.uuid) ?? tunnus,
    url: template.replace('{tunnus}', encodeURIComponent(tunnus)),
    title,
    summary: localized(kohde.tiivistelma, def.language) ?? localized(kohde.kuvaus, def.language),
    content: milestones.length ? milestones.join('\n') : null,
    published: str(kohde.julkaisuaika) ?? str(kohde.muokattu),
    updated: str(kohde.muokattu),
    deadline: ends.at(-1) ?? null,
    organisation: MINISTRIES[/^[A-Z]+/.exec(tunnus)?.[0] ?? ''] ?? null,
    stage: str(kohde.valmisteluvaihe) ?? str(kohde.tila),
    // The project code is its own; its diary numbers, bills, parliament's replies and statutes are what it states it led to.
    identifiers: [tunnus],
    about: [...new Set([...strings(kohde.asianumerot), ...heNumbers, ...evNumbers, ...strings(he.skNumerot)])],
  };
}

const hankeikkuna: SourceModule = {
  options: OPTIONS,
  async collect(def, ctx) {
    const query = option<Json>(OPTIONS, def.options, 'query');
    const maxPages = option<number>(OPTIONS, def.options, 'maxPages');
    const template = option<string>(OPTIONS, def.options, 'projectPage');
    const items: RawItem[] = [];
    const seen = new Set<string>();
    let searchAfter: unknown;
    let n = 0;
    for (let page = 0; page < maxPages; page++) {
      // The cursor goes back exactly as it came (the API sends a JSON-encoded string).
      const body = JSON.stringify(searchAfter === undefined ? query : { ...query, searchAfter });
      const res = await ctx.fetch(def.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body,
      });
      if (/^\s*</.test(res.body))
        throw parseError('hankeikkuna: the server returned an HTML page where the JSON search result was expected');
      let data: unknown;
      try {
        data = JSON.parse(res.body);
      } catch {
        throw parseError('hankeikkuna: the search result is not valid JSON');
      }
      if (!isObject(data) || !Array.isArray(data.result)) throw parseError('hankeikkuna: the search result has no "result" list');
      let fresh = 0;
      for (const row of data.result) {
        const item = toItem(row, ++n, def, template);
        if (seen.has(item.guid!)) continue;
        seen.add(item.guid!);
        items.push(item);
        fresh++;
      }
      const next = data.nextSearchAfter;
      // Stop on a short page, a missing cursor, or a cursor that did not move (nothing new came back).
      const short = typeof query.size === 'number' && data.result.length < query.size;
      if (short || fresh === 0 || next == null || JSON.stringify(next) === JSON.stringify(searchAfter)) break;
      searchAfter = next;
    }
    return items;
  },
};

export default hankeikkuna;
