// The iCalendar feed of statement deadlines (Outlook, Google, Apple). Who may read it is decided where it is mounted;
// its name is in the requester's language (a feed token's owner's, since calendar programs send no cookies).
import type { Lang } from '../../model.js';
import type { RequestHandler } from 'express';
import ical from 'ical-generator';
import { helsinkiDate } from '../../parse/dates.js';
import { eachDeadlinePage, type ItemRow } from '../../store/index.js';
import type { PageContext } from './context.js';
import { safeHref } from './item.js';
import { word } from '../../present/words-web.js';
import { itemLang } from '../../present/item-lang.js';
import { filterOf, origin, requesterLang } from './output-request.js';
import { inParts, sendInParts, type Entries } from './output-parts.js';

const CALENDAR_ITEMS = 1_000;
/** Deadlines this many days past stay in the calendar, so a person sees what just closed. */
const CALENDAR_PAST_DAYS = 60;

/** iCalendar's events: from the first BEGIN:VEVENT line to the line end after the last END:VEVENT. */
const calendarEvents: Entries = (doc) => {
  const first = doc.indexOf('\r\nBEGIN:VEVENT\r\n');
  return first < 0 ? undefined : [first + 2, doc.lastIndexOf('END:VEVENT\r\n') + 'END:VEVENT\r\n'.length];
};

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
