// Format-specific parser output (rss-parser, feedsmith) → RawItem; these shapes never leave parse/.
import type { parseFeed as feedsmithParse } from 'feedsmith';
import type { Lang, RawItem } from '../model.js';

type Obj = Record<string, unknown>;
/** rss-parser's output with our customFields: loose, because feeds are. */
export interface RssParserFeed {
  language?: unknown;
  'dc:language'?: unknown;
  items?: Obj[];
}
type FeedsmithResult = ReturnType<typeof feedsmithParse>;

/** A non-empty trimmed string from a parser value (string, xml2js `{_: …}`, feedsmith `{value: …}`, array). */
export function str(value: unknown): string | undefined {
  if (Array.isArray(value)) return str(value[0]);
  if (typeof value === 'string') return value.trim() || undefined;
  if (value && typeof value === 'object') return str((value as Obj)._ ?? (value as Obj).value);
  return undefined;
}

/** "fi" or "sv" from a language tag such as "fi-FI" or "sv"; null for anything else. */
export function lang(value: unknown): Lang | null {
  const tag = str(value)?.toLowerCase();
  return tag?.startsWith('fi') ? 'fi' : tag?.startsWith('sv') ? 'sv' : null;
}

/** An RSS author "noreply@vn.fi (Sisäministeriö)" names the organisation in parentheses. */
function authorName(value: unknown): string | undefined {
  const s = str(value);
  const m = s ? /^\S+@\S+\s*\((.+)\)$/.exec(s) : null;
  return m ? m[1].trim() : s;
}

export const isHttp = (s: string | undefined): s is string => !!s && /^https?:\/\//i.test(s);

/** Drop undefined fields so RawItems compare cleanly (a plain loop: this runs once per item). */
function compact(item: RawItem): RawItem {
  const out: Record<string, unknown> = {};
  for (const key in item) {
    const value = item[key as keyof RawItem];
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out as unknown as RawItem;
}

/** The language rss-parser's output gives the whole feed, for items that do not name their own. */
export function feedLanguage(feed: RssParserFeed): Lang | null {
  return lang(feed.language) ?? lang(feed['dc:language']);
}

/**
 * Map rss-parser's output; `atom` tells Atom entries from RSS items (rss-parser reuses `content`). `feedLang`
 * overrides the feed's own when a streamed batch's feed fields are not complete yet.
 */
export function fromRssParser(feed: RssParserFeed, atom = false, feedLang = feedLanguage(feed)): RawItem[] {
  return (feed.items ?? []).map((it) => {
    const guid = str(it.guid) ?? str(it.id) ?? str(it['rdf:about']);
    // rss-parser copies an RSS <description> into `content`; nested markup only survives there.
    const summary = atom ? str(it.summary) : (str(it.description) ?? str(it.content) ?? str(it.summary));
    return compact({
      guid,
      url: str(it.link) ?? (isHttp(guid) ? guid : undefined),
      title: str(it.title) ?? '',
      summary,
      content: str(it['content:encoded']) ?? (atom ? str(it.content) : undefined),
      // Raw strings, not rss-parser's isoDate: parse/dates reads offset-less times as Helsinki time.
      published: str(it.published) ?? (atom ? undefined : str(it.pubDate)) ?? str(it['dc:date']) ?? str(it.updated),
      updated: atom ? str(it.updated) : undefined,
      organisation: str(it['dc:creator']) ?? authorName(it.creator) ?? authorName(it.author),
      language: lang(it['dc:language']) ?? feedLang,
    });
  });
}

/** The Atom link a reader follows: rel="alternate" (or no rel), else the first. */
function atomLink(links: unknown): string | undefined {
  if (!Array.isArray(links)) return undefined;
  const all = links as Obj[];
  const alt = all.find((l) => !l.rel || l.rel === 'alternate') ?? all[0];
  return str(alt?.href);
}

/** Map feedsmith's lenient output (used only when rss-parser rejected the document). */
export function fromFeedsmith(result: FeedsmithResult): RawItem[] {
  if (result.format === 'json') throw new Error('a JSON feed, not RSS, Atom or RDF');
  const feed = result.feed as Obj & { dc?: Obj };
  const feedLang = lang(feed.language) ?? lang(feed.dc?.languages);
  const entries = (result.format === 'atom' ? feed.entries : feed.items) as Obj[] | undefined;
  return (entries ?? []).map((raw) => {
    const it = raw as Obj & { dc?: Obj; content?: Obj; rdf?: Obj; authors?: Obj[] | string[] };
    const atom = result.format === 'atom';
    const guid = str(atom ? it.id : (it.guid ?? it.rdf?.about));
    const author = it.authors?.[0];
    return compact({
      guid,
      url: (atom ? atomLink(it.links) : str(it.link)) ?? (isHttp(guid) ? guid : undefined),
      title: str(it.title) ?? '',
      summary: atom ? str(it.summary) : str(it.description),
      content: atom ? str(it.content) : str(it.content?.encoded),
      published: str(it.published) ?? str(it.pubDate) ?? str(it.dc?.dates) ?? str(it.updated),
      updated: atom ? str(it.updated) : undefined,
      organisation: str(it.dc?.creators) ?? authorName(typeof author === 'object' ? author?.name : author),
      language: lang(it.dc?.languages) ?? feedLang,
    });
  });
}
