// Eduskunta open API (api.eduskunta.fi/api/v1): recent government proposals and committee reports/statements.
// def.url is the /search endpoint; each query goes as GET ?q=<json> (the documented rate limit counts POSTs).
import type { RawItem, SourceContext, SourceDef, SourceModule } from '../model.js';
import { parseError } from '../errors.js';
import { documentItem, matterItem, type Document, type Matter } from './eduskunta-map.js';

/** Committees whose reports (…VM) and statements (…VL) are watched unless options.committees says otherwise. */
export const DEFAULT_COMMITTEES = ['HaV', 'StV', 'PeV', 'VaV', 'PuV'];

/** The search bodies sent: options.queries verbatim, else HE matters and the committees' VM/VL documents. */
export function searchQueries(options: Record<string, unknown>): object[] {
  if (Array.isArray(options.queries)) return options.queries as object[];
  const maxResults = typeof options.maxResults === 'number' ? options.maxResults : 50;
  const committees = Array.isArray(options.committees) ? (options.committees as string[]) : DEFAULT_COMMITTEES;
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
  ];
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
