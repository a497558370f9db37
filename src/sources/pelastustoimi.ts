// pelastustoimi.fi/ajankohtaista: the "Uutiset ja tiedotteet" Liferay asset publisher. Its RSS
// (…/-/asset_publisher/<instance>/rss, Liferay's usual address) is tried first; when it does not answer
// with a feed, the page is read (src/sources/pelastustoimi-page.ts).
import type { OptionSpec, RawItem, SourceContext, SourceDef, SourceModule } from '../model.js';
import { looksLikeHtml, parseFeed } from '../parse/feed.js';
import { parseListing } from './pelastustoimi-page.js';
import { option } from './options.js';
import { declaredOptions } from './declared.js';

export { parseListing } from './pelastustoimi-page.js';

/** The page people read; links on it are resolved against this, never against the fetched copy. */
export const PUBLIC_PAGE = 'https://pelastustoimi.fi/ajankohtaista';

const OPTIONS: Record<string, OptionSpec> = declaredOptions.pelastustoimi;

/** Liferay's RSS address of an asset publisher on a page: <page>/-/asset_publisher/<instance>/rss. */
export const portletRss = (pageUrl: string, instance: string): string => {
  const u = new URL(pageUrl);
  return `${u.origin}${u.pathname.replace(/\/$/, '')}/-/asset_publisher/${instance}/rss`;
};

/** The portlet's feed items, or null (with a note) when the address does not answer with a feed that has items. */
async function fromRss(url: string, ctx: SourceContext): Promise<RawItem[] | null> {
  // Relative feed links are taken against the public page, never the fetched copy (the demo reads a mirror).
  try {
    const res = await ctx.fetch(url, { headers: { Accept: 'application/rss+xml, application/atom+xml' } });
    if (!res.body.trim() || looksLikeHtml(res.body)) throw new Error('an HTML page, not a feed');
    const items = await parseFeed(res.body, PUBLIC_PAGE);
    if (items.length) return items;
    throw new Error('a feed without items');
  } catch (err) {
    ctx.note(`pelastustoimi: the portlet's RSS ${url} gave ${(err as Error).message}; read the page instead`);
    return null;
  }
}

const pelastustoimi: SourceModule = {
  options: OPTIONS,
  async collect(def: SourceDef, ctx: SourceContext): Promise<RawItem[] | 'not-modified'> {
    const instance = option<string>(OPTIONS, def.options, 'instance');
    if (option<boolean>(OPTIONS, def.options, 'rss')) {
      const items = await fromRss(portletRss(def.url, instance), ctx);
      if (items) return items;
    }
    const res = await ctx.fetch(def.url, { headers: { Accept: 'text/html' } });
    if (res.notModified) return 'not-modified';
    return parseListing(res.body, PUBLIC_PAGE, instance, def);
  },
};

export default pelastustoimi;
