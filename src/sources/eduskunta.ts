// Eduskunta open API (api.eduskunta.fi/api/v1): recent government proposals and committee reports/statements.
// def.url is the /search endpoint; each query goes as GET ?q=<json> (the documented rate limit counts POSTs).
import type { OptionSpec, RawItem, SourceContext, SourceDef, SourceModule } from '../model.js';
import { parseError } from '../errors.js';
import { documentItem, matterItem, type Document, type Matter } from './eduskunta-map.js';
import { option } from './options.js';
import { declaredOptions } from './declared.js';

const OPTIONS: Record<string, OptionSpec> = declaredOptions.eduskunta;

/**
 * The only top-level fields the module reads, per search category. A hit otherwise embeds the whole record
 * (a matter ≈ 164,000 characters, a document with its fullText ≈ 69,000), so a page of 50 would near the
 * 10 MB size cap. `fields: {operation: "include"|"exclude", list}` is how public clients select fields
 * (atvilkman/datalla-vaaleihin-2027, "verified against the live API").
 */
export const FIELDS: Record<string, string[]> = {
  valtiopaivaasia: [
    'eduskuntatunnus', 'asiakirjatyyppikoodi', 'nimeke', 'tila', 'viimeisinKasittelyvaihe', 'viimeisinJulkaisuajankohta',
    'kasittelyt', 'keskeisetAsiakirjat', 'asiasanat',
  ],
  asiakirja: [
    'edktunnus', 'eduskuntatunnus', 'asiakirjatyyppikoodi', 'asiakirjatyyppinimi', 'nimeketeksti', 'valiokuntanimi',
    'laadintapvm', 'kielikoodi', 'viimeisinJulkaisuajankohta',
  ],
};

/** A search body with the field selection for its category added, unless it brings its own. */
function selectFields(query: Record<string, unknown>): Record<string, unknown> {
  const list = FIELDS[String(query.category)];
  return list && query.fields === undefined ? { ...query, fields: { operation: 'include', list } } : query;
}

/** The search bodies sent: options.queries, else HE matters and the committees' VM/VL documents; each asks only for the fields read. */
export function searchQueries(options: Record<string, unknown>): object[] {
  const own = option<Record<string, unknown>[] | undefined>(OPTIONS, options, 'queries');
  if (own) return own.map(selectFields);
  const maxResults = option<number>(OPTIONS, options, 'maxResults');
  const committees = option<string[]>(OPTIONS, options, 'committees');
  const newestFirst = [{ property: 'laadintapvm', ascending: false }];
  return [
    {
      category: 'valtiopaivaasia',
      langCode: 'fi',
      maxResults,
      startFromIndex: 0,
      expression: { and: [{ property: 'asiakirjatyyppikoodi.fi', match: 'HE' }] },
      sort: newestFirst,
    },
    {
      category: 'asiakirja',
      maxResults,
      startFromIndex: 0,
      expression: {
        and: [
          { property: 'kielikoodi', match: 'fi' },
          { or: committees.flatMap((c) => ['M', 'L'].map((s) => ({ property: 'asiakirjatyyppikoodi', match: c + s }))) },
        ],
      },
      sort: newestFirst,
    },
  ].map(selectFields);
}

/** The URL of one GET search: def.url plus ?q=, percent-encoded with encodeURIComponent. */
export function searchUrl(def: SourceDef, query: object): string {
  const u = new URL(def.url);
  return `${u.origin}${u.pathname}?q=${encodeURIComponent(JSON.stringify(query))}`;
}

interface SearchResponse {
  results?: { valtiopaivaasia?: Matter; asiakirja?: Document }[];
}

/** Parse a search response, refusing the HTML pages a WAF, CAPTCHA or error page would send. */
export function parseSearch(body: string, contentType: string | null): SearchResponse {
  if (/^\s*</.test(body) || /html/i.test(contentType ?? ''))
    throw parseError('the server returned an HTML page where JSON was expected');
  let data: unknown;
  try {
    data = JSON.parse(body.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw parseError(`the search response is not valid JSON (${(err as Error).message})`);
  }
  if (!data || typeof data !== 'object' || !Array.isArray((data as SearchResponse).results))
    throw parseError('the search response has no "results" list');
  return data as SearchResponse;
}

const eduskunta: SourceModule = {
  options: OPTIONS,
  async collect(def: SourceDef, ctx: SourceContext): Promise<RawItem[] | 'not-modified'> {
    const items: RawItem[] = [];
    const seen = new Set<string>();
    for (const query of searchQueries(def.options)) {
      const res = await ctx.fetch(searchUrl(def, query), { headers: { Accept: 'application/json' } });
      if (res.notModified) return 'not-modified';
      for (const [i, r] of parseSearch(res.body, res.contentType).results!.entries()) {
        let item: RawItem | null;
        if (r?.valtiopaivaasia) item = matterItem(r.valtiopaivaasia, def);
        else if (r?.asiakirja) item = documentItem(r.asiakirja, def);
        else throw parseError(`search result ${i + 1} has neither "valtiopaivaasia" nor "asiakirja"`);
        if (item && !seen.has(item.guid!)) {
          seen.add(item.guid!);
          items.push(item);
        }
      }
    }
    return items;
  },
};

export default eduskunta;
