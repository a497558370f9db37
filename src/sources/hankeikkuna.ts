// Hankeikkuna (government project register): POST kohteet/haku, cursor-paged by nextSearchAfter.
import type { RawItem, SourceDef, SourceModule } from '../model.js';
import { parseError } from '../errors.js';

/** Legislative projects out for comment, newest change first (request shape as in hilliaho/kukasaataa). */
const DEFAULT_QUERY = {
  tyyppi: ['LAINSAADANTO'],
  valmisteluvaihe: ['LAUSUNTOMENETTELY'],
  size: 100,
  sort: [{ field: 'kohde.muokattu', order: 'DESC' }],
};
const PROJECT_PAGE = 'https://valtioneuvosto.fi/hanke?tunnus={tunnus}';
const MINISTRIES: Record<string, string> = {
  VNK: 'Valtioneuvoston kanslia', UM: 'Ulkoministeriö', OM: 'Oikeusministeriö', SM: 'Sisäministeriö',
  PLM: 'Puolustusministeriö', VM: 'Valtiovarainministeriö', OKM: 'Opetus- ja kulttuuriministeriö',
  MMM: 'Maa- ja metsätalousministeriö', LVM: 'Liikenne- ja viestintäministeriö', TEM: 'Työ- ja elinkeinoministeriö',
  STM: 'Sosiaali- ja terveysministeriö', YM: 'Ympäristöministeriö',
};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

/** A localized value ({fi, sv, en} or a plain string) in the source's language, else any language. */
function localized(v: unknown, lang: string): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (!isObject(v)) return null;
  for (const key of [lang, 'fi', 'sv', 'en']) if (typeof v[key] === 'string' && (v[key] as string).trim()) return (v[key] as string).trim();
  return null;
}

/** One search hit as an item; throws a parse error naming the hit when the fields are not there. */
function toItem(row: unknown, n: number, def: SourceDef): RawItem {
  const kohde = isObject(row) && isObject(row.kohde) ? row.kohde : null;
  const tunnus = typeof kohde?.tunnus === 'string' ? kohde.tunnus : null;
  if (!kohde || !tunnus) throw parseError(`hankeikkuna: result ${n} has no kohde.tunnus`);
  const title = localized(kohde.nimi, def.language);
  if (!title) throw parseError(`hankeikkuna: result ${n} (${tunnus}) has no kohde.nimi`);
  const r = row as Json;
  const he = isObject(r.lainsaadanto) && isObject(r.lainsaadanto.heTiedot) ? r.lainsaadanto.heTiedot : {};
  // Self-reported schedule: the latest LAUSUNTOKIERROS etappi's end is the comment deadline.
  const ends = (Array.isArray(r.etapit) ? r.etapit : [])
    .filter((e): e is Json => isObject(e) && (e.etappiTyyppi ?? e.tyyppi) === 'LAUSUNTOKIERROS')
    .map((e) => e.etappiLoppu ?? e.loppu)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  const template = typeof def.options.projectPage === 'string' ? def.options.projectPage : PROJECT_PAGE;
  const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);
  return {
    guid: str(kohde.uuid) ?? tunnus,
    url: template.replace('{tunnus}', encodeURIComponent(tunnus)),
    title,
    summary: localized(kohde.kuvaus, def.language) ?? localized(kohde.tiivistelma, def.language),
    published: str(kohde.julkaisuaika) ?? str(kohde.muokattu),
    updated: str(kohde.muokattu),
    deadline: ends.at(-1) ?? null,
    organisation: MINISTRIES[/^[A-Z]+/.exec(tunnus)?.[0] ?? ''] ?? null,
    stage: str(kohde.valmisteluvaihe),
    identifiers: [...new Set([tunnus, ...strings(kohde.asianumerot), ...strings(he.heNumerot)])],
  };
}

const hankeikkuna: SourceModule = {
  async collect(def, ctx) {
    const query: Json = { ...DEFAULT_QUERY, ...(isObject(def.options.query) ? def.options.query : {}) };
    const mp = def.options.maxPages;
    const maxPages = typeof mp === 'number' && Number.isInteger(mp) && mp >= 1 ? mp : 2;
    const items: RawItem[] = [];
    const seen = new Set<string>();
    let searchAfter: unknown;
    let n = 0;
    for (let page = 0; page < maxPages; page++) {
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
        const item = toItem(row, ++n, def);
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
