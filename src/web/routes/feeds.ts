// Atom and JSON Feed of any items filter and of a matter, for feed readers. Who may read them is decided where they
// are mounted; their titles are in the requester's language (a feed token's owner's, since feed programs send no cookies).
import type { Lang } from '../../model.js';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { Feed } from 'feed';
import { finnishDate } from '../../parse/dates.js';
import { listFilteredItems, matterItems, matterTitle, type ItemRow } from '../../store/index.js';
import type { PageContext } from './context.js';
import { safeHref } from './item.js';
import { escapeHtml } from './present.js';
import { word } from '../../present/words-web.js';
import { itemLang } from '../../present/item-lang.js';
import { parseId } from '../../parse/id.js';
import { filterOf, origin, requesterLang, withoutToken } from './output-request.js';
import { inParts, sendInParts, type Entries } from './output-parts.js';

/** How many items a feed carries. */
export const FEED_ITEMS = 100;
/** A feed's entries are made and written this many at a time (the rows are one read of at most FEED_ITEMS). */
const FEED_PART = 25;

/**
 * An Atom or JSON Feed of `items`, each linking to its page here and to the original when that is http(s); `home` is
 * the page the feed is of (the filtered list, the matter). Atom requires an author of the feed (RFC 4287 4.1.1: the
 * W3C validator refuses a feed without one) and an id that stays when the person's token is renewed.
 */
function feedDocument(ctx: PageContext, req: Request, lang: Lang, format: 'atom' | 'json', title: string, items: ItemRow[], home: string): string {
  const base = origin(ctx, req);
  const self = `${base}${req.originalUrl}`;
  const feed = new Feed({
    // The feed's own <title> is text, which the library's XML writer escapes after turning every "&amp;" in it into
    // "&" first: a title whose text says "&amp;" (a source that escaped it twice) read as "&". Its ampersands escaped
    // here come out as written.
    title: format === 'atom' ? title.replaceAll('&', '&amp;') : title, id: `${base}${withoutToken(req.originalUrl)}`, link: `${base}${home}`, language: lang, generator: 'Lakivahti',
    author: { name: 'Lakivahti' }, updated: new Date(items[0]?.published ?? ctx.now().toISOString()),
    feedLinks: format === 'atom' ? { atom: self } : { json: self },
  });
  for (const r of items) {
    const page = `${base}/items/${r.id}`;
    const deadline = r.deadline ? ` ${word(lang, 'feed.deadline', { date: finnishDate(r.deadline) })}` : '';
    const date = new Date(r.published ?? ctx.now().toISOString());
    const description = `${ctx.sourceName(r.source, lang)}${r.organisation ? `, ${r.organisation}` : ''}.${deadline} ${r.summary}`.trim();
    feed.addItem({
      // The library writes the title and summary as Atom's type="html" and the summary as JSON Feed's content_html, in
      // CDATA sections it splits at the first "]]>" only. Stored text is text: escaped, "a < 5" and an escaped tag read
      // as written, and no "]]>" is left to end a section early (a title with two made the feed no XML).
      title: format === 'atom' ? escapeHtml(r.title) : r.title, id: page, link: safeHref(r.url) ?? page, date,
      // The date as published too (JSON Feed's date_published, Atom's published): readers sort and show that one.
      published: date, description: escapeHtml(description),
      category: r.goals.map((g) => ({ name: ctx.goalLabel(g, lang), term: g })),
    });
  }
  return format === 'atom' ? withLanguages(feed.atom1(), lang, items.map((r) => r.language)) : jsonFeedWithLanguages(feed.json1(), lang, items.map((r) => r.language));
}

/**
 * Write a feed `FEED_PART` entries at a time: each part's own document is made (as the whole was: the library builds
 * documents whole), and its entries are cut out of it; the head comes from the first part's, the end from the last's.
 */
function sendFeed(ctx: PageContext, req: Request, res: Response, next: NextFunction, lang: Lang, format: 'atom' | 'json', title: string, items: ItemRow[], home: string): void {
  const parts = Array.from({ length: Math.ceil(items.length / FEED_PART) }, (_, n) => items.slice(n * FEED_PART, (n + 1) * FEED_PART));
  const type = format === 'atom' ? 'application/atom+xml; charset=utf-8' : 'application/feed+json; charset=utf-8';
  const cut = format === 'atom' ? atomEntries : jsonFeedItems;
  sendInParts(req, res, next, () => res.type(type), inParts(parts, (rows) => feedDocument(ctx, req, lang, format, title, rows, home), cut, format === 'json' ? ',\n' : ''));
}

/**
 * Atom's entries: from the line of the first <entry> (with its xml:lang, withLanguages) to the line end after the last
 * </entry>. Only the entries' own text is in CDATA sections, so the head holds no "<entry" and nothing but the feed's
 * end follows the last "</entry>".
 */
const atomEntries: Entries = (doc) => {
  const first = doc.search(/<entry[ >]/);
  return first < 0 ? undefined : [doc.lastIndexOf('\n', first) + 1, doc.lastIndexOf('</entry>') + '</entry>\n'.length];
};

/** JSON Feed's items: inside the top level's "items" array (each item four spaces deeper; strings hold no line break). */
const jsonFeedItems: Entries = (doc) => {
  const open = '"items": [\n';
  const at = doc.indexOf(open);
  return at < 0 ? undefined : [at + open.length, doc.indexOf('\n    ]', at)];
};

/**
 * JSON Feed 1.1 with its languages, as the Atom has them: the feed in the requester's language and each item in its
 * own (a Swedish item in a Finnish feed is marked Swedish). The feed library writes version 1, which has no language;
 * 1.1 adds it, and `authors` beside 1.0's `author`, which 1.1 keeps for older readers.
 */
export function jsonFeedWithLanguages(json: string, feedLang: Lang, itemLangs: readonly string[]): string {
  const feed = JSON.parse(json) as Record<string, unknown> & { author?: unknown; items: Record<string, unknown>[] };
  const { version: _version, ...rest } = feed;
  const items = feed.items.map((item, n) => ({ ...item, language: itemLang(itemLangs[n], feedLang) }));
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1', ...rest, language: feedLang, ...(feed.author ? { authors: [feed.author] } : {}), items,
  }, null, 4);
}

/**
 * Atom with its languages marked (xml:lang, RFC 4287 2): the feed in the requester's language, each entry in its item's
 * (a Swedish item in a Finnish feed is read and hyphenated as Swedish), and an entry's goal labels, which are in the
 * requester's language, marked as such where the entry's differs. The feed library writes no xml:lang, so it is added
 * to its output, outside the CDATA sections that hold the titles and summaries.
 */
export function withLanguages(xml: string, feedLang: Lang, entryLangs: readonly string[]): string {
  let entry = -1;
  let inEntry: string | undefined;
  return xml.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/).map((part, i) => (i % 2 ? part : part.replace(/<feed |<entry>|<\/entry>|<category /g, (tag) => {
    if (tag === '<feed ') return `<feed xml:lang="${feedLang}" `;
    if (tag === '</entry>') return (inEntry = undefined), tag;
    if (tag === '<entry>') {
      const own = entryLangs[++entry];
      inEntry = itemLang(own, feedLang);
      return inEntry === own ? `<entry xml:lang="${own}">` : tag;
    }
    return inEntry !== undefined && inEntry !== feedLang ? `<category xml:lang="${feedLang}" ` : tag;
  }))).join('');
}

/** /feeds/items.atom and /feeds/items.json: the newest items of any filter. */
export function itemsFeed(ctx: PageContext, format: 'atom' | 'json'): RequestHandler {
  return (req, res, next) => {
    const lang = requesterLang(ctx, res);
    const filter = filterOf(ctx, req, res, lang);
    if (!filter) return;
    const goal = filter.goal ? `: ${ctx.goalLabel(filter.goal, lang)}` : '';
    const query = withoutToken(req.originalUrl).split('?')[1];
    sendFeed(ctx, req, res, next, lang, format, `Lakivahti${goal}`, listFilteredItems(ctx.deps.db, filter, FEED_ITEMS), `/items${query ? `?${query}` : ''}`);
  };
}

/** /feeds/matters/:id.atom and .json: a matter's items, newest first. */
export function matterFeed(ctx: PageContext, format: 'atom' | 'json'): RequestHandler {
  return (req, res, next) => {
    const id = parseId(req.params.id);
    const m = id === undefined ? undefined : matterTitle(ctx.deps.db, id);
    const lang = requesterLang(ctx, res);
    if (id === undefined || m === undefined) return void res.status(404).type('text/plain; charset=utf-8').send(`${word(lang, 'matter.noSuch', { id: String(req.params.id) })}\n`);
    // Its newest items only, read from the matter's end (a matter of 10,000 items was read whole for each request).
    sendFeed(ctx, req, res, next, lang, format, `Lakivahti: ${m}`, matterItems(ctx.deps.db, id, { newest: true, limit: FEED_ITEMS }).items.reverse(), `/matters/${id}`);
  };
}
