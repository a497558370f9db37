// The CSV export of a filtered list, for spreadsheets. Who may read it is decided where it is mounted; its column
// headers are in the requester's language (a feed token's owner's, since scripts send no cookies).
import type { RequestHandler } from 'express';
import { stringify } from 'csv-stringify/sync';
import { eachFilteredPage, type ListRow } from '../../store/index.js';
import type { PageContext } from './context.js';
import { safeHref } from './item.js';
import { kindLabel, languageLabel } from './present.js';
import { stageName } from '../../present/stage-names.js';
import { word } from '../../present/words-web.js';
import { filterOf, requesterLang } from './output-request.js';
import { sendInParts } from './output-parts.js';

/** How many rows an export carries at most. */
export const CSV_ROWS = 10_000;

/** The CSV's columns, in this order (a spreadsheet or a script reads them by position). */
export const CSV_COLUMNS = ['id', 'title', 'source', 'organisation', 'published', 'deadline', 'goals', 'kind', 'stage', 'language', 'identifiers', 'link', 'matter'] as const;

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
