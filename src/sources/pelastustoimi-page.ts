// pelastustoimi.fi/ajankohtaista as HTML: a Liferay asset publisher read by what such a portlet always has,
// never by CSS class names (those on the live page are not known): the portlet's id, its entry links and
// the "D.M.YYYY H:MM" date on each entry's meta line ("Tiedote sisäministeriö Pelastustoimi, 12.6.2025 12:48").
import * as cheerio from '../parse/cheerio.js';
import type { AnyNode, Element } from 'domhandler';
import type { ItemKind, RawItem, SourceDef } from '../model.js';

/** A date with its time, as on the meta line (Finnish dates are not zero-padded). */
const DATE_TIME = /(?<![\d.])(\d{1,2}\.\d{1,2}\.\d{4})\s+(\d{1,2}[:.]\d{2})(?!\d)/g;
const HAS_DATE = new RegExp(DATE_TIME.source);
const KINDS: Record<string, ItemKind> = { tiedote: 'press-release', uutinen: 'news', kolumni: 'news', blogi: 'news' };
/** The category every entry of this publisher carries, last before the date. */
const CATEGORIES = new Set(['pelastustoimi']);
/** Publishers the site runs together ("Pelastusopistosisäministeriö"); other names are kept whole. */
const PUBLISHERS = /sisäministeriö|Pelastusopisto|Hätäkeskuslaitos|Suomen Pelastusalan Keskusjärjestö|(?:[\p{Lu}][\p{L}-]*\s+)?pelastuslaitos/giu;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Links that move around the page (paging, RSS, "show all") rather than to an entry. */
const isNavigation = (href: string): boolean => /^(?:#|javascript:|mailto:)|[?&]p_p_id=|\/rss(?:$|\?)|_cur=|[?&]delta=/i.test(href);

/** The text nodes under an element, each trimmed, skipping `skip` subtrees: separate elements stay separate tokens. */
function textNodes(el: AnyNode, skip: AnyNode[] = []): string[] {
  const out: string[] = [];
  const walk = (n: AnyNode): void => {
    if (skip.includes(n)) return;
    if (n.type === 'text') {
      const t = clean((n as unknown as { data: string }).data);
      if (t) out.push(t);
    } else if ('children' in n && n.type !== 'script' && n.type !== 'style') (n as Element).children.forEach(walk);
  };
  walk(el);
  return out;
}

/** Split a publisher token at known names ("Pelastusopistosisäministeriö" → two); unknown text stays one name. */
function publishersIn(token: string): string[] {
  const out: string[] = [];
  let at = 0;
  for (const m of token.matchAll(PUBLISHERS)) {
    if (clean(token.slice(at, m.index))) out.push(clean(token.slice(at, m.index)));
    out.push(m[0]);
    at = m.index! + m[0].length;
  }
  if (clean(token.slice(at))) out.push(clean(token.slice(at)));
  return out;
}

/** Read a meta line's tokens: entry type, publishers and the date (the category is dropped). */
export function readMeta(tokens: string[]): { type: string | null; publishers: string[]; date: string | null } {
  const line = tokens.join('\n');
  const last = [...line.matchAll(DATE_TIME)].at(-1);
  const head = last ? line.slice(0, last.index) : line;
  const nodes = head.split('\n').map((t) => t.replace(/^[\s,]+|[\s,]+$/g, '')).filter(Boolean);
  // Separate elements give one token each; a plain text line ("Tiedote sisäministeriö Pelastustoimi,") gives words.
  const single = nodes.length <= 1;
  const parts = single ? (nodes[0] ?? '').split(' ').filter(Boolean) : nodes;
  const type = parts.length && KINDS[parts[0].toLowerCase()] ? parts.shift()! : null;
  if (parts.length && CATEGORIES.has(parts.at(-1)!.toLowerCase())) parts.pop();
  const names = single ? (parts.length ? [parts.join(' ')] : []) : parts;
  return { type, publishers: names.flatMap(publishersIn), date: last ? `${last[1]} ${last[2].replace('.', ':')}` : null };
}

/** Parse the listing; a page without the portlet or its dated entries gives [] (the pipeline reports a layout change). */
export function parseListing(html: string, publicPage: string, instance: string, def: SourceDef): RawItem[] {
  const $ = cheerio.load(html);
  // Liferay wraps every portlet in an element whose id ends "_INSTANCE_<instance>_" (p_p_id_…).
  const portlet = $('[id]')
    .filter((_, el) => new RegExp(`_INSTANCE_${instance}_?$`).test($(el).attr('id')!))
    .first();
  if (!portlet.length) return [];
  const root = portlet.get(0)!;
  const items: RawItem[] = [];
  const done = new Set<string>();
  const hrefOf = (el: AnyNode): string => ($(el).attr('href') ?? '').trim();
  const isEntryLink = (el: AnyNode): boolean => !!clean($(el).text()) && !isNavigation(hrefOf(el));
  portlet.find('a[href]').each((_, a) => {
    const href = hrefOf(a);
    const title = clean($(a).text());
    if (!isEntryLink(a) || done.has(href)) return;
    // The entry is the nearest ancestor that holds a date and no link to another entry.
    let entry: Element | null = null;
    for (let el = a.parent as Element | null; el && el !== root; el = el.parent as Element | null) {
      if ($(el).find('a[href]').filter((_, b) => isEntryLink(b) && hrefOf(b) !== href).length) break;
      if (HAS_DATE.test($(el).text())) {
        entry = el;
        break;
      }
    }
    if (!entry) return;
    done.add(href);
    // The meta line: from the innermost element holding the date, out to the first one with more text than the date.
    let meta = $(entry).find('*').filter((_, el) => HAS_DATE.test($(el).text())).last().get(0) ?? entry;
    while (meta !== entry && textNodes(meta).join(' ').replace(DATE_TIME, '').trim() === '' && !$(meta.parent!).find(a).length)
      meta = meta.parent as Element;
    const titleLinks = $(entry).find('a[href]').filter((_, b) => hrefOf(b) === href).toArray();
    const teaser = textNodes(entry, [meta, ...titleLinks]).join(' ');
    const line = readMeta(textNodes(meta));
    items.push({
      guid: null,
      // Resolved against the public page, never the fetched URL (the demo reads a local mirror).
      url: new URL(href, publicPage).href,
      title,
      summary: teaser || null,
      published: line.date,
      language: def.language,
      organisation: line.publishers.length ? line.publishers.join(', ') : (def.organisation ?? null),
      // The entry type (Tiedote, Uutinen, Kolumni) only decides the kind: it is not a processing stage.
      kind: (line.type && KINDS[line.type.toLowerCase()]) || def.itemKind,
    });
  });
  return items;
}
