// Finlex open data: the JSON list of newest statutes, then each statute's Akoma Ntoso 3.0 document
// for its title, issue date and ELI.
import * as cheerio from '../parse/cheerio.js';
import type { Lang, OptionSpec, RawItem, SourceModule } from '../model.js';
import { option } from './options.js';
import { declaredOptions } from './declared.js';
import { parseError } from '../errors.js';
import { assertNoEntities } from '../parse/xml-guard.js';
import { actsBroughtIntoForce, entryIntoForce } from '../parse/in-force.js';

/** The statute book page people read (the original as published); never the API or def.url's host. */
const PUBLIC_PAGE = 'https://www.finlex.fi/fi/lainsaadanto/saadoskokoelma/{year}/{number}';
const LANGS: Record<string, Lang> = { fin: 'fi', swe: 'sv' };
/** Finlex refuses `limit` above 10 with HTTP 400. */
const MAX_LIMIT = 10;

const OPTIONS: Record<string, OptionSpec> = declaredOptions.finlex;

const isHtml = (body: string): boolean => /^\s*(<!doctype html|<html)/i.test(body);

interface Entry {
  aknPath: string;
  status: string | null;
  year: number;
  number: number;
}

/** The list body as its entries: a JSON array of {akn_uri, status}, or the XML empty answer <AknXmlList><Results/></AknXmlList>. */
function parseList(body: string, page: number, offset: number): Entry[] {
  if (isHtml(body)) throw parseError('finlex: the server returned an HTML page where the JSON statute list was expected');
  if (/^\s*(<\?xml[^>]*>\s*)?<AknXmlList[\s>/]/.test(body)) {
    if (/<akn_uri|<akomaNtoso/i.test(body)) throw parseError(`finlex: list page ${page} came as XML with entries; ask for format=json`);
    return [];
  }
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    throw parseError('finlex: the statute list is not valid JSON');
  }
  if (!Array.isArray(data)) throw parseError('finlex: the statute list is not a JSON array of {akn_uri, status}');
  return data.map((entry, i) => {
    const e = entry as { akn_uri?: unknown; status?: unknown };
    const uri = typeof e?.akn_uri === 'string' ? e.akn_uri : '';
    const path = new URL(uri || 'x:', 'https://opendata.finlex.fi').pathname;
    const m = /\/akn\/fi\/act\/statute(?:-consolidated)?\/(\d{4})\/(\d+)[^/]*\/[^/]*@[^/]*$/.exec(path);
    if (!uri.includes('/akn/') || !m) throw parseError(`finlex: list entry ${offset + i + 1} has no akn_uri of a statute`);
    return { aknPath: path.slice(path.indexOf('/akn/')), status: typeof e.status === 'string' ? e.status : null, year: +m[1], number: +m[2] };
  });
}

/** An instant as the list's publishedSince wants it: ISO 8601 with a zone (a zoneless one is refused with 400). */
const since = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

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
  const [, year, suffixed] = m;
  const number = suffixed.replace(/-\d+$/, ''); // older statutes carry a file suffix: 123-001
  const title = act.find('docTitle').first().text().replace(/\s+/g, ' ').trim();
  if (!title) throw parseError(`finlex: document ${number}/${year} has no docTitle`);
  const eli =
    act.find('FRBRExpression > FRBRalias[name="eli"]').attr('value') ?? act.find('FRBRWork > FRBRalias[name="eli"]').attr('value');
  const language = LANGS[act.find('FRBRExpression > FRBRlanguage').attr('language') ?? ''];
  // Preparatory works: references to a government proposal by its AKN URI (…/akn/fi/doc/government-proposal/2026/184,
  // the form Finlex's open data gives proposals), anywhere in the document's href attributes.
  const about = new Set<string>();
  act.find('[href]').each((_, el) => {
    const m = /\/akn\/fi\/doc\/government-proposal\/(\d{4})\/(\d{1,5})(?![\d])/.exec($(el).attr('href') ?? '');
    if (m) about.add(`HE ${Number(m[2])}/${m[1]}`);
  });
  // The entry into force, from the act's closing provision (the originals carry no structured date): its
  // entryIntoForce container, else the body's last commencement sentence. Paragraph by paragraph, so that a
  // heading does not run into the sentence ("VoimaantuloTämä laki …"); a list's introduction and its items' numbers
  // are read with it ("Seuraavat lait tulevat voimaan …: 1) … laki (1101/2026); 2) …").
  const closing = act.find('hcontainer[name="entryIntoForce"]');
  const paragraphs = (at: ReturnType<typeof act.find>) =>
    at.find('p, listIntroduction, item > num, listWrapUp').map((_, p) => $(p).text()).get().join(' ');
  let inForce = entryIntoForce(paragraphs(closing.length ? closing : act.find('body')));
  // An entry-into-force decree ("Valtioneuvoston asetus … lain voimaantulosta", "Statsrådets förordning om
  // ikraftträdande av lagen …") is about the acts its sentences bring into force by number: stated, so it joins their
  // matter; the day it sets for them is the matter's (the decree's own day is usually the same, or earlier).
  const acts = /voimaantulosta|om ikraftträdande/i.test(title) ? actsBroughtIntoForce(paragraphs(act.find('body'))) : [];
  for (const a of acts) about.add(a.act);
  inForce = acts.map((a) => a.date).filter((d) => d !== null).sort()[0] ?? inForce;
  return {
    guid: aknPath,
    url: PUBLIC_PAGE.replace('{year}', year).replace('{number}', number),
    title,
    published: act.find('FRBRWork > FRBRdate[name="dateIssued"]').attr('date') ?? null,
    stage: status,
    identifiers: [`${number}/${year}`, ...(eli ? [eli] : [])],
    ...(about.size ? { about: [...about] } : {}),
    ...(inForce ? { inForce } : {}),
    ...(language ? { language } : {}),
  };
}

const finlex: SourceModule = {
  options: OPTIONS,
  async collect(def, ctx) {
    // Clients disagree about the list's default order, so none is relied on: the run asks for everything
    // published since its last success (less an overlap), pages through all of it, then picks by number.
    const hours = option<number>(OPTIONS, def.options, 'overlapHours');
    const from = ctx.lastSuccessAt
      ? new Date(ctx.lastSuccessAt.getTime() - hours * 3600_000)
      : new Date(ctx.now.getTime() - option<number>(OPTIONS, def.options, 'firstRunDays') * 86400_000);
    const base = new URL(def.url);
    const limit = Math.min(Number(base.searchParams.get('limit')) || MAX_LIMIT, MAX_LIMIT);
    base.searchParams.set('limit', String(limit));
    base.searchParams.set('publishedSince', since(from));
    const maxPages = option<number>(OPTIONS, def.options, 'maxPages');
    const entries = new Map<string, Entry>();
    for (let page = 1; page <= maxPages; page++) {
      base.searchParams.set('page', String(page));
      const res = await ctx.fetch(base.href, { headers: { Accept: 'application/json' } });
      const found = parseList(res.body, page, entries.size);
      for (const e of found) if (!entries.has(e.aknPath)) entries.set(e.aknPath, e);
      if (found.length < limit) break;
      if (page === maxPages) ctx.note(`finlex: more than ${maxPages} list pages since ${since(from)}; the rest were not read`);
    }
    const max = option<number>(OPTIONS, def.options, 'maxDocuments');
    // Statutes stored by an earlier run (the overlap, or the part of a window a capped run did read) are not read again.
    const all = [...entries.values()];
    const chosen = all.filter((e) => !ctx.known?.(e.aknPath)).sort((a, b) => b.year - a.year || b.number - a.number);
    if (chosen.length > max) {
      // The rest are not lost: an incomplete run leaves the last success where it was, so the next run asks for the
      // same window again and reads the statutes this one did not.
      const reason = `finlex: ${chosen.length} new statutes since ${since(from)}; the ${max} with the highest numbers were read, the rest follow in the next run`;
      if (ctx.incomplete) ctx.incomplete(reason);
      else ctx.note(reason);
    }
    const items: RawItem[] = [];
    for (const e of chosen.slice(0, max)) {
      // Documents are read from def.url's host (the API, or the demo's mirror), by the entry's path.
      const doc = await ctx.fetch(new URL(base.pathname.replace(/\/akn\/.*$/, '') + e.aknPath, def.url).href, {
        headers: { Accept: 'application/xml' },
      });
      // A failing document fails the run, so the window is asked again next time rather than lost.
      const item = parseDocument(doc.body, e.aknPath, e.status);
      if (item) items.push(item);
      else ctx.note(`finlex: ${e.aknPath} returned an empty AknXmlList (not yet in the open-data API?); skipped`);
    }
    return items;
  },
};

export default finlex;
