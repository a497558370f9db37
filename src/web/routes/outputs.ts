// Outputs for other tools: Atom and JSON Feed of any items filter and of a matter, an iCalendar feed of statement
// deadlines, and a CSV export of a filtered list. Who may read them is decided where they are mounted; their titles and
// column headers are in the requester's language (a feed token's owner's, since feed programs send no cookies).
import net from 'node:net';
import type { Lang } from '../../model.js';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Writable } from 'node:stream';
import { Feed } from 'feed';
import ical from 'ical-generator';
import { stringify } from 'csv-stringify/sync';
import { finnishDate, helsinkiDate } from '../../parse/dates.js';
import { activeUser, eachDeadlinePage, eachFilteredPage, listFilteredItems, matterItems, matterTitle, type ItemRow, type ListRow } from '../../store/index.js';
import type { PageContext } from './context.js';
import { parseItemQuery } from './item-query.js';
import { safeHref } from './item.js';
import { escapeHtml, kindLabel, languageLabel } from './present.js';
import { stageName } from '../../present/stage-names.js';
import { word } from '../../present/words-web.js';
import { itemLang } from '../../present/item-lang.js';
import type { SessionUser } from '../auth/index.js';
import { parseId } from '../../parse/id.js';
import { logRequestFailure } from '../request-log.js';
import { writeAndWait } from '../../stream-write.js';

/** How many items a feed carries, and how many rows an export at most. */
export const FEED_ITEMS = 100;
export const CSV_ROWS = 10_000;
const CALENDAR_ITEMS = 1_000;
/** Deadlines this many days past stay in the calendar, so a person sees what just closed. */
const CALENDAR_PAST_DAYS = 60;
/** A feed's entries are made and written this many at a time (the rows are one read of at most FEED_ITEMS). */
const FEED_PART = 25;

/**
 * Where the feeds' and the calendar's links lead: LAKIVAHTI_BASE_URL as serve read it at start (as the messages link),
 * else the address this connection reached serve at, by the scheme the trusted proxy says (req.protocol). Never the
 * request's Host or X-Forwarded-Host, which the client writes: whoever asked with `Host: evil.example` got a feed
 * linking there.
 */
function origin(ctx: PageContext, req: Request): string {
  const configured = ctx.deps.baseUrl ?? ctx.deps.mail?.baseUrl;
  if (configured) return configured;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `${req.protocol}://${net.isIPv6(address) ? `[${address}]` : address}:${req.socket.localPort}`;
}

/** The requester's language: the signed-in person's, or the feed token owner's as they chose it on /account. */
function requesterLang(ctx: PageContext, res: Response): Lang {
  const user = res.locals.user as SessionUser | undefined;
  if (user) return user.lang === 'sv' ? 'sv' : 'fi';
  const owner = res.locals.feedUser as SessionUser | undefined;
  return owner && activeUser(ctx.deps.db, owner.id)?.language === 'sv' ? 'sv' : 'fi';
}

/** The CSV's columns, in this order (a spreadsheet or a script reads them by position). */
export const CSV_COLUMNS = ['id', 'title', 'source', 'organisation', 'published', 'deadline', 'goals', 'kind', 'stage', 'language', 'identifiers', 'link', 'matter'] as const;

/** The filter of an output request, or a 400 in plain text in `lang` naming each problem. */
function filterOf(ctx: PageContext, req: Request, res: Response, lang: Lang) {
  const parsed = parseItemQuery(req.query as Record<string, unknown>, ctx.known, lang);
  if (parsed.errors.length) {
    res.status(400).type('text/plain; charset=utf-8').send(parsed.errors.join('\n') + '\n');
    return undefined;
  }
  // Unread by whom: the signed-in person, or the owner of the feed token.
  const who = (res.locals.user ?? res.locals.feedUser) as { id: number } | undefined;
  if (parsed.unread && who) parsed.filter.unreadBy = who.id;
  return parsed.filter;
}

/** `url` (a path with its query) without the personal feed token: what names the feed whoever's token reads it. */
function withoutToken(url: string): string {
  const [path, query = ''] = url.split('?', 2);
  const params = new URLSearchParams(query);
  params.delete('token');
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

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

/** Where a document's entries are, [start, end), or undefined when it has none. */
type Entries = (doc: string) => [number, number] | undefined;

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

/** iCalendar's events: from the first BEGIN:VEVENT line to the line end after the last END:VEVENT. */
const calendarEvents: Entries = (doc) => {
  const first = doc.indexOf('\r\nBEGIN:VEVENT\r\n');
  return first < 0 ? undefined : [first + 2, doc.lastIndexOf('END:VEVENT\r\n') + 'END:VEVENT\r\n'.length];
};

/**
 * A document a library builds whole, in parts: `render` makes the whole document of one part's rows, `entries` finds
 * its entries; the first part's head, every part's entries (`between` separating two parts'), the last part's end.
 * The first part is made before anything is yielded, so that a failing read or render is an error page. No rows: the
 * document of none, whole.
 */
function* inParts<T>(parts: Iterable<T[]>, render: (rows: T[]) => string, entries: Entries, between: string): Generator<string, void, undefined> {
  let end: string | undefined;
  for (const rows of parts) {
    const doc = render(rows);
    const at = entries(doc);
    if (!at) throw new Error('a part of the document has no entries');
    yield end === undefined ? doc.slice(0, at[1]) : `${between}${doc.slice(at[0], at[1])}`;
    end = doc.slice(at[1]);
  }
  yield end ?? render([]);
}

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

/** Content lines are folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
function fold(line: string): string {
  const out: string[] = [];
  let part = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (octets + n > (out.length ? 74 : 75)) out.push(part), (part = ''), (octets = 0);
    part += ch;
    octets += n;
  }
  return [...out, part].join('\r\n ');
}

/**
 * iCalendar with each event's title and description marked in its item's language (RFC 5545 3.2.10 LANGUAGE), so a
 * Swedish title in a Finnish calendar is read and hyphenated as Swedish; `eventLangs` in the order the events were
 * added. ical-generator writes no LANGUAGE, so it is added to its output, unfolded and folded again.
 */
export function withEventLanguages(ics: string, eventLangs: readonly Lang[]): string {
  let event = -1;
  let lang: Lang | undefined;
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n').map((line) => {
    if (line === 'BEGIN:VEVENT') lang = eventLangs[++event];
    else if (line === 'END:VEVENT') lang = undefined;
    else if (lang && /^(SUMMARY|DESCRIPTION)[:;]/.test(line)) return fold(line.replace(/^(SUMMARY|DESCRIPTION)/, `$1;LANGUAGE=${lang}`));
    return fold(line);
  }).join('\r\n');
}

/** /feeds/deadlines.ics: statement deadlines of the filtered items as all-day events (Outlook, Google, Apple). */
export function deadlinesCalendar(ctx: PageContext): RequestHandler {
  return (req, res, next) => {
    const lang = requesterLang(ctx, res);
    const filter = filterOf(ctx, req, res, lang);
    if (!filter) return;
    const base = origin(ctx, req);
    const from = helsinkiDate(new Date(ctx.now().getTime() - CALENDAR_PAST_DAYS * 86_400_000));
    // The calendar of one page of rows, whole; its events are cut out of it (inParts).
    const calendar = (rows: ItemRow[]) => {
      const cal = ical({ name: word(lang, 'feed.calendar'), prodId: { company: 'Lakivahti', product: 'Lakivahti', language: lang.toUpperCase() } });
      for (const r of rows) {
        const start = new Date(`${r.deadline}T00:00:00Z`);
        cal.createEvent({
          id: `lakivahti-item-${r.id}`, allDay: true, start, end: new Date(start.getTime() + 86_400_000),
          summary: word(lang, 'feed.event', { title: r.title }), url: `${base}/items/${r.id}`,
          description: [r.organisation, ctx.sourceName(r.source, lang), safeHref(r.url)].filter(Boolean).join('\n'),
        });
      }
      return withEventLanguages(cal.toString(), rows.map((r) => itemLang(r.language, lang)));
    };
    sendInParts(req, res, next, () => res.type('text/calendar; charset=utf-8'), inParts(eachDeadlinePage(ctx.deps.db, filter, from, CALENDAR_ITEMS), calendar, calendarEvents, ''));
  };
}

/** A cell a spreadsheet would take for a formula (=, +, -, @) is written as text. */
const cell = (v: string | null | undefined): string => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));

/** "yyyy-mm-dd hh:mm", Helsinki time: a time Excel reads as one (ISO UTC with its T and Z stays text), on the day the pages show. */
const SPREADSHEET_TIME = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
const spreadsheetTime = (iso: string | null): string => (iso && !Number.isNaN(Date.parse(iso)) ? SPREADSHEET_TIME.format(new Date(iso)) : (iso ?? ''));

/** /items.csv: the filtered list as CSV (semicolons and a byte-order mark, as Excel in Finland reads it). */
export function itemsCsv(ctx: PageContext): RequestHandler {
  return (req, res, next) => {
    const lang = requesterLang(ctx, res);
    const filter = filterOf(ctx, req, res, lang);
    if (!filter) return;
    const record = (r: ListRow): string[] => {
      const row: Record<(typeof CSV_COLUMNS)[number], string> = {
        id: String(r.id), title: cell(r.title), source: cell(ctx.sourceName(r.source, lang)), organisation: cell(r.organisation),
        published: spreadsheetTime(r.published), deadline: r.deadline ?? '', goals: cell(r.goals.map((g) => ctx.goalLabel(g, lang)).join(', ')),
        kind: kindLabel(r.kind, lang), stage: stageName(r.matterStage, lang) ?? '', language: languageLabel(r.language, lang),
        identifiers: cell(r.identifiers.join(', ')), link: safeHref(r.url) ?? '', matter: r.matter === null ? '' : String(r.matter),
      };
      return CSV_COLUMNS.map((c) => row[c]);
    };
    // The rows a page at a time (each a CSV of its own: csv-stringify quotes field by field, so the pages joined are
    // the whole list's CSV byte for byte); the first read before the answer begins, so a failing one is a page.
    const csv = (records: string[][], bom = false) => stringify(records, { bom, delimiter: ';', record_delimiter: 'windows' });
    const header = CSV_COLUMNS.map((c) => word(lang, `csv.${c}`));
    const pages = eachFilteredPage(ctx.deps.db, filter, CSV_ROWS);
    const chunks = (function* () {
      const first = pages.next();
      yield csv([header, ...(first.done ? [] : first.value.map(record))], true);
      for (const page of pages) yield csv(page.map(record));
    })();
    sendInParts(req, res, next, () => res.type('text/csv; charset=utf-8').attachment(word(lang, 'csv.file')), chunks);
  };
}

/**
 * Answer with `chunks`, written in turn (writePages), `head` setting the answer's type. The first is made before the
 * answer begins, so a failing read there is an error page; a failure after the headers cuts the answer, so that the download shows as
 * failed, not as a shorter document.
 */
function sendInParts(req: Request, res: Response, next: NextFunction, head: () => void, chunks: Iterator<string>): void {
  let first: IteratorResult<string>;
  try {
    first = chunks.next();
  } catch (err) {
    return next(err);
  }
  head();
  // A HEAD answer has no body (node drops what is written): its headers are the GET's, and the other parts, a calendar
  // of 1,000 events or 10,000 rows of CSV, are not made to be thrown away.
  if (req.method === 'HEAD') return void res.end();
  const rest = function* () {
    if (!first.done) yield first.value;
    for (let c = chunks.next(); !c.done; c = chunks.next()) yield c.value;
  };
  writePages(res, rest()).then(() => res.end(), (err: unknown) => {
    if (!res.headersSent) return next(err);
    logRequestFailure(req, err);
    res.destroy();
  });
}

/**
 * Write each of `chunks` in turn, the event loop free between them (setImmediate: requests that arrived meanwhile are
 * answered), and the next only once `out` has taken the last (writeAndWait), so a slow reader holds one chunk here, not
 * the whole export; ends early, unwritten, when `out` is gone (the reader went away, a write failed).
 */
export async function writePages(out: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!(await writeAndWait(out, chunk))) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
