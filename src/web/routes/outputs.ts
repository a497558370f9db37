// Outputs for other tools: Atom and JSON Feed of any items filter and of a matter, an iCalendar feed of statement
// deadlines, and a CSV export of a filtered list. Who may read them is decided where they are mounted.
import type { Request, RequestHandler, Response } from 'express';
import { Feed } from 'feed';
import ical from 'ical-generator';
import { stringify } from 'csv-stringify/sync';
import { finnishDate, helsinkiDate } from '../../parse/dates.js';
import { getMatter, listDeadlines, listFilteredItems, type ItemRow } from '../../store/index.js';
import type { PageContext } from './context.js';
import { parseItemQuery } from './item-query.js';
import { safeHref } from './item.js';
import { kindLabel, languageLabel } from './present.js';
import { stageName } from '../../present/stage-names.js';

/** How many items a feed carries, and how many rows an export at most. */
export const FEED_ITEMS = 100;
export const CSV_ROWS = 10_000;
const CALENDAR_ITEMS = 1_000;
/** Deadlines this many days past stay in the calendar, so a person sees what just closed. */
const CALENDAR_PAST_DAYS = 60;

const origin = (req: Request) => `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`;

/** The filter of an output request, or a 400 in Finnish plain text naming each problem. */
function filterOf(ctx: PageContext, req: Request, res: Response) {
  const parsed = parseItemQuery(req.query as Record<string, unknown>, ctx.known);
  if (parsed.errors.length) {
    res.status(400).type('text/plain; charset=utf-8').send(parsed.errors.join('\n') + '\n');
    return undefined;
  }
  // Unread by whom: the signed-in person, or the owner of the feed token.
  const who = (res.locals.user ?? res.locals.feedUser) as { id: number } | undefined;
  if (parsed.unread && who) parsed.filter.unreadBy = who.id;
  return parsed.filter;
}

/** An Atom or JSON Feed of `items`, each linking to its page here and to the original when that is http(s). */
function renderFeed(ctx: PageContext, req: Request, res: Response, format: 'atom' | 'json', title: string, items: ItemRow[]): void {
  const base = origin(req);
  const self = `${base}${req.originalUrl}`;
  const feed = new Feed({
    title, id: self, link: `${base}/items`, language: 'fi', generator: 'Lakivahti',
    updated: new Date(items[0]?.published ?? ctx.now().toISOString()),
    feedLinks: format === 'atom' ? { atom: self } : { json: self },
  });
  for (const r of items) {
    const page = `${base}/items/${r.id}`;
    const deadline = r.deadline ? ` Määräaika ${finnishDate(r.deadline)}.` : '';
    feed.addItem({
      title: r.title, id: page, link: safeHref(r.url) ?? page, date: new Date(r.published ?? ctx.now().toISOString()),
      description: `${ctx.sourceName(r.source)}${r.organisation ? `, ${r.organisation}` : ''}.${deadline} ${r.summary}`.trim(),
      category: r.goals.map((g) => ({ name: ctx.goalLabel(g), term: g })),
    });
  }
  if (format === 'atom') res.type('application/atom+xml; charset=utf-8').send(feed.atom1());
  else res.type('application/feed+json; charset=utf-8').send(feed.json1());
}

/** /feeds/items.atom and /feeds/items.json: the newest items of any filter. */
export function itemsFeed(ctx: PageContext, format: 'atom' | 'json'): RequestHandler {
  return (req, res) => {
    const filter = filterOf(ctx, req, res);
    if (!filter) return;
    const goal = filter.goal ? `: ${ctx.goalLabel(filter.goal)}` : '';
    renderFeed(ctx, req, res, format, `Lakivahti${goal}`, listFilteredItems(ctx.deps.db, filter, FEED_ITEMS));
  };
}

/** /feeds/matters/:id.atom and .json: a matter's items, newest first. */
export function matterFeed(ctx: PageContext, format: 'atom' | 'json'): RequestHandler {
  return (req, res) => {
    const id = /^\d{1,15}$/.test(req.params.id as string) ? Number(req.params.id) : NaN;
    const m = Number.isSafeInteger(id) ? getMatter(ctx.deps.db, id) : undefined;
    if (!m) return void res.status(404).type('text/plain; charset=utf-8').send(`Asiakokonaisuutta numero ${String(req.params.id)} ei ole.\n`);
    renderFeed(ctx, req, res, format, `Lakivahti: ${m.title}`, [...m.members].reverse().slice(0, FEED_ITEMS));
  };
}

/** /feeds/deadlines.ics: statement deadlines of the filtered items as all-day events (Outlook, Google, Apple). */
export function deadlinesCalendar(ctx: PageContext): RequestHandler {
  return (req, res) => {
    const filter = filterOf(ctx, req, res);
    if (!filter) return;
    const base = origin(req);
    const from = helsinkiDate(new Date(ctx.now().getTime() - CALENDAR_PAST_DAYS * 86_400_000));
    const cal = ical({ name: 'Lakivahti: lausuntojen määräajat', prodId: { company: 'Lakivahti', product: 'Lakivahti', language: 'FI' } });
    for (const r of listDeadlines(ctx.deps.db, filter, from, CALENDAR_ITEMS)) {
      const start = new Date(`${r.deadline}T00:00:00Z`);
      cal.createEvent({
        id: `lakivahti-item-${r.id}`, allDay: true, start, end: new Date(start.getTime() + 86_400_000),
        summary: `Määräaika: ${r.title}`, url: `${base}/items/${r.id}`,
        description: [r.organisation, ctx.sourceName(r.source), safeHref(r.url)].filter(Boolean).join('\n'),
      });
    }
    res.type('text/calendar; charset=utf-8').send(cal.toString());
  };
}

/** A cell a spreadsheet would take for a formula (=, +, -, @) is written as text. */
const cell = (v: string | null | undefined): string => (v && /^[=+\-@\t\r]/.test(v) ? `'${v}` : (v ?? ''));

/** /items.csv: the filtered list as CSV (semicolons and a byte-order mark, as Excel in Finland reads it). */
export function itemsCsv(ctx: PageContext): RequestHandler {
  return (req, res) => {
    const filter = filterOf(ctx, req, res);
    if (!filter) return;
    const rows = listFilteredItems(ctx.deps.db, filter, CSV_ROWS).map((r) => [
      String(r.id), cell(r.title), cell(ctx.sourceName(r.source)), cell(r.organisation), r.published ?? '', r.deadline ?? '',
      cell(r.goals.map((g) => ctx.goalLabel(g)).join(', ')), kindLabel(r.kind), stageName(r.matterStage) ?? '',
      languageLabel(r.language), cell(r.identifiers.join(', ')), safeHref(r.url) ?? '', r.matter === null ? '' : String(r.matter),
    ]);
    const header = ['numero', 'otsikko', 'lähde', 'organisaatio', 'julkaistu', 'määräaika', 'tavoitteet', 'tyyppi', 'asian vaihe', 'kieli', 'tunnukset', 'linkki', 'asiakokonaisuus'];
    res.type('text/csv; charset=utf-8').attachment('lakivahti-asiat.csv')
      .send(stringify([header, ...rows], { bom: true, delimiter: ';', record_delimiter: 'windows' }));
  };
}
