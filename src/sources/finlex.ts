// Finlex open data: the JSON list of newest statutes, then each statute's Akoma Ntoso 3.0 document
// for its title, issue date and ELI.
import * as cheerio from 'cheerio';
import type { Lang, RawItem, SourceModule } from '../model.js';
import { parseError } from '../errors.js';
import { assertNoEntities } from '../parse/xml-guard.js';

const PUBLIC_PAGE = 'https://www.finlex.fi/fi/lainsaadanto/{year}/{number}';
const LANGS: Record<string, Lang> = { fin: 'fi', swe: 'sv' };

const isHtml = (body: string): boolean => /^\s*(<!doctype html|<html)/i.test(body);

/** The list body as its array of entries, or a parse error saying what it was instead. */
function parseList(body: string): unknown[] {
  if (isHtml(body)) throw parseError('finlex: the server returned an HTML page where the JSON statute list was expected');
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw parseError('finlex: the statute list is not valid JSON');
  }
  if (!Array.isArray(data)) throw parseError('finlex: the statute list is not a JSON array of {akn_uri, status}');
  return data;
}

/** Read one Akoma Ntoso document into an item; null when Finlex answered with an empty AknXmlList. */
function parseDocument(body: string, aknPath: string, status: string | null): RawItem | null {
  if (isHtml(body)) throw parseError(`finlex: the server returned an HTML page where the Akoma Ntoso document ${aknPath} was expected`);
  assertNoEntities(body);
  const $ = cheerio.load(body, { xml: true });
  const act = $('akomaNtoso').first();
  if (!act.length) {
    if ($('AknXmlList').length) return null;
    throw parseError(`finlex: ${aknPath} is not an Akoma Ntoso document`);
  }
  const m = /\/statute(?:-consolidated)?\/(\d{4})\/([^/@]+)\//.exec(aknPath);
  if (!m) throw parseError(`finlex: cannot read year and number from akn_uri ${aknPath}`);
  const [, year, number] = m;
  const title = act.find('docTitle').first().text().replace(/\s+/g, ' ').trim();
  if (!title) throw parseError(`finlex: document ${number}/${year} has no docTitle`);
  const eli =
    act.find('FRBRExpression > FRBRalias[name="eli"]').attr('value') ?? act.find('FRBRWork > FRBRalias[name="eli"]').attr('value');
  const language = LANGS[act.find('FRBRExpression > FRBRlanguage').attr('language') ?? ''];
  return {
    guid: aknPath,
    url: PUBLIC_PAGE.replace('{year}', year).replace('{number}', number),
    title,
    published: act.find('FRBRWork > FRBRdate[name="dateIssued"]').attr('date') ?? null,
    stage: status,
    identifiers: [`${number}/${year}`, ...(eli ? [eli] : [])],
    ...(language ? { language } : {}),
  };
}

const finlex: SourceModule = {
  options: { maxDocuments: { type: 'integer', min: 0, default: 10, description: 'documents fetched per run' } },
  async collect(def, ctx) {
    const res = await ctx.fetch(def.url, { headers: { Accept: 'application/json' } });
    if (res.notModified) return 'not-modified';
    const m = def.options.maxDocuments;
    const max = typeof m === 'number' && Number.isInteger(m) && m >= 0 ? m : 10;
    const items: RawItem[] = [];
    for (const [i, entry] of parseList(res.body).slice(0, max).entries()) {
      const e = entry as { akn_uri?: unknown; status?: unknown };
      if (typeof e?.akn_uri !== 'string' || !e.akn_uri.includes('/akn/'))
        throw parseError(`finlex: list entry ${i + 1} has no akn_uri`);
      // akn_uri is a full opendata.finlex.fi URL; keep its path but stay on def.url's host (the demo mirror).
      const abs = new URL(e.akn_uri, def.url);
      const docUrl = new URL(abs.pathname + abs.search, def.url).href;
      const aknPath = abs.pathname.slice(abs.pathname.indexOf('/akn/'));
      // A failing document fails the run: skipping it would hide it behind the list's next 304.
      const doc = await ctx.fetch(docUrl, { headers: { Accept: 'application/xml' } });
      const item = parseDocument(doc.body, aknPath, typeof e.status === 'string' ? e.status : null);
      if (item) items.push(item);
      else ctx.note(`finlex: ${aknPath} returned an empty AknXmlList (not yet in the open-data API?); skipped`);
    }
    return items;
  },
};

export default finlex;
