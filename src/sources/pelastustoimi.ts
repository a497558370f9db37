// pelastustoimi.fi/ajankohtaista: the "Uutiset ja tiedotteet" Liferay asset publisher, scraped with cheerio.
// No feed is linked from the page; Liferay's …/-/asset_publisher/<instance>/rss is unverified, so we scrape.
import * as cheerio from 'cheerio';
import type { ItemKind, RawItem, SourceContext, SourceDef, SourceModule } from '../model.js';

/** The asset publisher instance holding the national releases (the side column holds regional news). */
export const DEFAULT_INSTANCE = 'OhmjWcEECQFH';

/** Every selector in one place. Entries must match exactly; inside an entry the title falls back to any heading link. */
export const SELECTORS = {
  portlet: (instance: string) => `[id^="p_p_id_"][id$="_INSTANCE_${instance}_"]`,
  entry: '.news-list__item',
  title: '.news-list__title a[href], h2 a[href], h3 a[href]',
  teaser: '.news-list__lead',
  type: '.news-list__type',
  publisher: '.news-list__publisher',
  date: '.news-list__date',
  meta: '.news-list__meta',
};

/** "D.M.YYYY H:MM" as shown in an entry's meta line (Finnish dates are not zero-padded). */
const DATE = /\b\d{1,2}\.\d{1,2}\.\d{4}\s+\d{1,2}[:.]\d{2}\b/;

const KINDS: Record<string, ItemKind> = { tiedote: 'press-release', uutinen: 'news', kolumni: 'news' };

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Parse the listing; a page without the portlet or its entries gives [] (the pipeline reports a layout change). */
export function parseListing(html: string, pageUrl: string, def: SourceDef): RawItem[] {
  const $ = cheerio.load(html);
  const instance = typeof def.options.instance === 'string' ? def.options.instance : DEFAULT_INSTANCE;
  const portlet = $(SELECTORS.portlet(instance)).first();
  const items: RawItem[] = [];
  portlet.find(SELECTORS.entry).each((_, el) => {
    const entry = $(el);
    const link = entry.find(SELECTORS.title).first();
    const title = clean(link.text());
    const href = link.attr('href');
    if (!title || !href) return;
    const type = clean(entry.find(SELECTORS.type).first().text());
    const publishers = entry
      .find(SELECTORS.publisher)
      .map((_, p) => clean($(p).text()))
      .get()
      .filter(Boolean);
    const date = clean(entry.find(SELECTORS.date).first().text()) || clean(entry.find(SELECTORS.meta).text()).match(DATE)?.[0];
    items.push({
      guid: null,
      url: new URL(href, pageUrl).href,
      title,
      summary: clean(entry.find(SELECTORS.teaser).first().text()) || null,
      published: date || null,
      language: def.language,
      organisation: publishers.length ? publishers.join(', ') : (def.organisation ?? null),
      // The entry type (Tiedote, Uutinen, Kolumni) only decides the kind: it is not a processing stage.
      kind: KINDS[type.toLowerCase()] ?? def.itemKind,
    });
  });
  return items;
}

const pelastustoimi: SourceModule = {
  options: { instance: { type: 'string', default: DEFAULT_INSTANCE, description: 'the asset publisher portlet instance' } },
  async collect(def: SourceDef, ctx: SourceContext): Promise<RawItem[] | 'not-modified'> {
    const res = await ctx.fetch(def.url, { headers: { Accept: 'text/html' } });
    if (res.notModified) return 'not-modified';
    return parseListing(res.body, res.url || def.url, def);
  },
};

export default pelastustoimi;
