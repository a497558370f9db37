// Lausuntopalvelu.fi statement requests: the OData v2 Atom feed of Proposals (paged by rel="next"),
// then each open request's participation page for its distribution list and who has answered.
import * as cheerio from '../parse/cheerio.js';
import type { OptionSpec, RawItem, SourceModule } from '../model.js';
import { option } from './options.js';
import { declaredOptions } from './declared.js';
import { parseError } from '../errors.js';
import { assertNoEntities } from '../parse/xml-guard.js';
import { helsinkiDate } from '../parse/dates.js';
import { readParticipation } from './lausuntopalvelu-page.js';

interface Proposal {
  id: string;
  item: RawItem;
  open: boolean;
}

/** The public site whose pages people read: item links never follow def.url (an API host, or the demo's mirror). */
const PUBLIC_SITE = 'https://www.lausuntopalvelu.fi';
const participationPath = (id: string): string => `/FI/Proposal/Participation?proposalId=${encodeURIComponent(id)}`;

const OPTIONS: Record<string, OptionSpec> = declaredOptions.lausuntopalvelu;

/** Parse one Atom page into proposals and the absolute URL of the next page, if any. */
function parsePage(body: string, pageUrl: string, offset: number, today: string) {
  if (/^\s*(<!doctype html|<html)/i.test(body))
    throw parseError('lausuntopalvelu: the server returned an HTML page where the OData Atom feed was expected');
  assertNoEntities(body);
  const $ = cheerio.load(body, { xml: true });
  const root = $.root().children().first();
  const rootName = root.get(0)?.name; // prop('tagName') would upper-case it
  if (rootName !== 'feed')
    throw parseError(`lausuntopalvelu: expected an Atom <feed> of Proposals, found <${rootName ?? 'nothing'}>`);
  const proposals: Proposal[] = root.children('entry').toArray().map((entry, i) => {
    const n = offset + i + 1;
    const props = $(entry).children('content').children('m\\:properties');
    if (!props.length) throw parseError(`lausuntopalvelu: entry ${n} has no m:properties`);
    const field = (name: string): string | null => {
      const el = props.children(`d\\:${name}`);
      if (!el.length || el.attr('m:null') === 'true') return null;
      return el.text().trim() || null;
    };
    const id = field('Id');
    if (!id) throw parseError(`lausuntopalvelu: entry ${n} has no d:Id`);
    // The Atom <title> is often empty in this feed; d:Name carries the title.
    const title = field('Name') ?? $(entry).children('title').text().trim();
    if (!title) throw parseError(`lausuntopalvelu: entry ${n} (${id}) has no d:Name`);
    const deadline = field('Deadline') ?? field('ClosingDate');
    const open = deadline !== null && deadline.slice(0, 10) >= today;
    const registerNumber = field('RegisterNumber');
    const item: RawItem = {
      guid: id,
      url: PUBLIC_SITE + participationPath(id),
      title,
      summary: field('Goals'),
      published: field('PublishedOn'),
      deadline,
      organisation: field('OrganizationName'),
      stage: deadline === null ? null : open ? 'Lausuntokierros käynnissä' : 'Lausuntokierros päättynyt',
      identifiers: [`lausuntopalvelu:${id}`, ...(registerNumber ? [registerNumber] : [])],
    };
    return { id, item, open };
  });
  const href = root.children('link[rel="next"]').attr('href');
  // The href is relative to the service root; resolving against the page URL gives the same place
  // (xml:base names the real host, which would lead the demo mirror astray). Paging never leaves the host.
  const next = href ? new URL(href, pageUrl) : null;
  return { proposals, next: next ? new URL(next.pathname + next.search, pageUrl).href : null };
}

const lausuntopalvelu: SourceModule = {
  options: OPTIONS,
  async collect(def, ctx) {
    const maxPages = option<number>(OPTIONS, def.options, 'maxPages');
    const maxDetailPages = option<number>(OPTIONS, def.options, 'maxDetailPages');
    const today = helsinkiDate(ctx.now);
    const proposals: Proposal[] = [];
    let url: string | null = def.url;
    for (let page = 0; url && page < maxPages; page++) {
      const res = await ctx.fetch(url, { headers: { Accept: 'application/atom+xml, application/xml' } });
      if (res.notModified) {
        if (page === 0) return 'not-modified';
        break;
      }
      const parsed = parsePage(res.body, res.url || url, proposals.length, today);
      proposals.push(...parsed.proposals);
      url = parsed.next;
    }
    // Sequential on purpose: one participation page at a time is the politeness prior art uses.
    for (const p of proposals.filter((x) => x.open).slice(0, maxDetailPages)) {
      try {
        // The page is read from def.url's host (the same site, or the demo's mirror); the item keeps the public link.
        const res = await ctx.fetch(new URL(participationPath(p.id), def.url).href, { headers: { Accept: 'text/html' } });
        const page = readParticipation(res.body);
        p.item.consultation = { distribution: page.distribution, answered: page.answered };
        if (page.registerNumber && !p.item.identifiers!.includes(page.registerNumber))
          p.item.identifiers!.push(page.registerNumber);
      } catch (err) {
        ctx.note(`lausuntopalvelu: participation page for ${p.id} could not be read: ${(err as Error).message}`);
      }
    }
    return proposals.map((p) => p.item);
  },
};

export default lausuntopalvelu;
