// The items list (/items): every filter, a search with its matches marked, newest first, a page at a time.
import type { RequestHandler } from 'express';
import Handlebars from 'handlebars';
import { ITEM_KINDS, type Lang } from '../../model.js';
import { MATTER_STAGES } from '../../link/stage.js';
import { isKeptPage, lastPageCursor, listItemPage, readItemIds, type ItemPage } from '../../store/index.js';
import { storedRowHtml } from '../item-table.js';
import type { PageContext } from './context.js';
import { cursorValue, parseItemQuery, queryString, type ParsedQuery } from './item-query.js';
import { kindLabel, languageLabel, markText } from './present.js';
import { stageName } from '../../present/stage-names.js';
import { organisationFilter, organisationKey } from '../../app/organisations.js';
import { word } from '../../present/words-web.js';
import { wholeNumber } from '../../app/format.js';
import { pageLang } from './form-helpers.js';
import { searchAlternatives, searchRanges } from './search-marks.js';
import { feedNote, viewer } from './viewer.js';
import { bodyKey, keptBodies, requestVersion } from '../kept-bodies.js';

export const PAGE_SIZE = 50;
const SNIPPET = 240;
/** A search lists at most this many of its matches, the newest stored (feed readers bound theirs too); the caption says so. */
export const SEARCH_CAP = 1000;
const esc = Handlebars.escapeExpression;
const CAP_TEXT = wholeNumber(SEARCH_CAP);

/**
 * A select's options as HTML, values and labels escaped as the template escapes them (built in one pass). An option
 * whose label is its value has no value attribute (HTML takes the label): the organisations' list is the form's longest.
 */
function options(values: readonly string[], label: (v: string) => string): string {
  let out = '';
  for (const v of values) {
    const l = label(v);
    out += l === v && isOwnValue(v) ? `<option>${esc(v)}</option>` : `<option value="${esc(v)}">${esc(l)}</option>`;
  }
  return out;
}

/** Whether an option's label reads as the same value (HTML strips and collapses the label's spaces). */
const isOwnValue = (v: string): boolean => v !== '' && v === v.trim().replace(/[ \t\n\f\r]+/g, ' ');

/** The chosen option marked in a select's options (the option's markup as `options` writes it). */
function choose(html: string, selected: string | undefined): string {
  if (selected === undefined) return html;
  for (const [option, chosen] of [[`<option value="${esc(selected)}">`, `<option value="${esc(selected)}" selected>`],
    [`<option>${esc(selected)}</option>`, `<option selected>${esc(selected)}</option>`]]) {
    const at = html.indexOf(option);
    if (at !== -1) return `${html.slice(0, at)}${chosen}${html.slice(at + option.length)}`;
  }
  return html;
}

type Selects = Record<'goals' | 'sources' | 'organisations' | 'kinds' | 'stages' | 'languages' | 'reviewed' | 'deadline', string>;

/**
 * Every select's options in one language, nothing chosen: built once per language and kept while the organisations
 * the items name stay the same (their list is read again after any write to the database, see untilChanged); the
 * other options come from the configuration. A page marks its chosen options in a copy (`choose`).
 */
const selectCache = new WeakMap<PageContext, { organisations: string[]; byLang: Map<Lang, Selects> }>();

function selects(ctx: PageContext, lang: Lang, version?: string): Selects {
  const organisations = ctx.known.organisations(version);
  let cache = selectCache.get(ctx);
  if (!cache || cache.organisations !== organisations) selectCache.set(ctx, (cache = { organisations, byLang: new Map() }));
  let html = cache.byLang.get(lang);
  if (!html) {
    const w = (key: string) => word(lang, key);
    const yesNo = (yes: string, no: string) => options(['kylla', 'ei'], (k) => (k === 'kylla' ? yes : no));
    html = {
      goals: options(ctx.known.goals, (g) => ctx.goalLabel(g, lang)),
      sources: options(ctx.known.sources, (id) => ctx.sourceName(id, lang)),
      organisations: options([...organisationFilter(organisations).values()].map((c) => c.name), (o) => o),
      kinds: options(ITEM_KINDS, (k) => kindLabel(k, lang)),
      stages: options(MATTER_STAGES, (s) => stageName(s, lang) ?? s),
      languages: options(['fi', 'sv'], (l) => languageLabel(l, lang)),
      reviewed: yesNo(w('items.reviewedYes'), w('items.reviewedNo')),
      deadline: yesNo(w('items.deadlineYes'), w('items.deadlineNo')),
    };
    cache.byLang.set(lang, html);
  }
  return html;
}

/**
 * The filter form's controls, with what is chosen now, in the page's language (the selects' options as HTML);
 * `version`: the page's data version (store dataVersion), at which the organisations are read.
 */
export function filterForm(ctx: PageContext, form: ParsedQuery['form'], lang: Lang = 'fi', version?: string) {
  const s = selects(ctx, lang, version);
  return {
    q: form.q ?? '',
    from: form.from ?? '',
    to: form.to ?? '',
    goals: choose(s.goals, form.goal),
    sources: choose(s.sources, form.source),
    organisations: choose(s.organisations, form.org && (organisationFilter(ctx.known.organisations(version)).get(organisationKey(form.org))?.name ?? form.org)),
    kinds: choose(s.kinds, form.kind),
    stages: choose(s.stages, form.stage),
    languages: choose(s.languages, form.lang),
    reviewed: choose(s.reviewed, form.reviewed),
    deadline: choose(s.deadline, form.deadline),
    unread: form.unread === '1',
  };
}

const SEEN_SEARCHES = 32;
const SEEN_WORDS = 10_000;
/** Per language (an item's own), each word's answer. */
type Seen = Map<string, Map<string, boolean>>;
/**
 * Each search's answers per word (marked or not) in each language, kept across requests for the search's next pages
 * and other people asking the same: analysing a word is the dear part of marking, and its answer depends only on the
 * word, its language and the search. The newest SEEN_SEARCHES searches are kept, each up to SEEN_WORDS words.
 */
const seenWords = new WeakMap<PageContext, Map<string, Seen>>();

function seenFor(ctx: PageContext, match: string): Seen {
  let searches = seenWords.get(ctx);
  if (!searches) seenWords.set(ctx, (searches = new Map()));
  let seen = searches.get(match);
  if (seen) searches.delete(match);
  else if (searches.size >= SEEN_SEARCHES) searches.delete(searches.keys().next().value!);
  if (!seen || [...seen.values()].reduce((n, words) => n + words.size, 0) > SEEN_WORDS) seen = new Map();
  searches.set(match, seen);
  return seen;
}

/**
 * The HTML of a page's rows, kept with the page while the store keeps it (listItemPage hands out the same page until
 * any write) for each language, day (days left) and read state: the rows are the same for every person, who differ
 * only in what they have read.
 */
const rowsHtml = new WeakMap<PageContext, WeakMap<ItemPage, Map<string, string>>>();

function keptRowsHtml(ctx: PageContext, page: ItemPage): Map<string, string> {
  let pages = rowsHtml.get(ctx);
  if (!pages) rowsHtml.set(ctx, (pages = new WeakMap()));
  let html = pages.get(page);
  if (!html) pages.set(page, (html = new Map()));
  return html;
}

/**
 * Which of a kept page's items each person has read, kept with the page: read marks are written, which moves the data
 * version, after which the store hands out a new page (listItemPage), so a kept page's marks hold while it is handed out.
 */
const readOnPage = new WeakMap<ItemPage, Map<number, Set<number>>>();

function readMarks(ctx: PageContext, page: ItemPage, userId: number): Set<number> {
  const read = () => readItemIds(ctx.deps.db, userId, page.items.map((r) => r.id));
  if (!isKeptPage(page)) return read();
  let marks = readOnPage.get(page);
  if (!marks) readOnPage.set(page, (marks = new Map()));
  let ids = marks.get(userId);
  if (!ids) marks.set(userId, (ids = read()));
  return ids;
}

export function itemsPage(ctx: PageContext): RequestHandler {
  // A kept page's body (the store keeps the page, see isKeptPage) is kept too, per data version, for each language,
  // role, address and day, the rows the person has read and their live feed tokens (kept-bodies.ts).
  const bodies = keptBodies(ctx.deps.db);
  return (req, res) => {
    // The data version is read once, before anything else of the page (app.ts reads it for the banner and the
    // session): its list, the organisations and the feed tokens are each kept per version (store/item-filter.ts).
    const version = requestVersion(res, ctx.deps.db);
    const lang = pageLang(res.locals);
    const known = { ...ctx.known, organisations: () => ctx.known.organisations(version) };
    const parsed = parseItemQuery(req.query as Record<string, unknown>, known, lang);
    const qs = queryString(parsed.form);
    const layout = { title: word(lang, 'items.title'), ...viewer(res), scripts: SCRIPTS };
    const note = feedNote(res, ctx.deps.db, `/feeds/items.atom${qs}`, version);
    const base = () => ({
      form: filterForm(ctx, parsed.form, lang, version), filtered: qs !== '',
      outputs: { atom: `/feeds/items.atom${qs}`, json: `/feeds/items.json${qs}`, csv: `/items.csv${qs}`, ics: `/feeds/deadlines.ics${qs}` },
      feedNote: note,
    });
    if (parsed.errors.length) return void res.status(400).render('pages/items', { ...layout, ...base(), errors: parsed.errors, items: [] });
    const who = layout.user;
    if (parsed.unread && who) parsed.filter.unreadBy = who.id;
    const page = listItemPage(ctx.deps.db, parsed.filter, { before: parsed.before, after: parsed.after, limit: PAGE_SIZE, searchCap: SEARCH_CAP,
      identifiers: false, summaries: parsed.filter.match !== undefined }, version);
    const rows = ctx.rows(lang);
    const read = who ? readMarks(ctx, page, who.id) : new Set<number>();
    // The rows read and the live tokens are what the body shows of the person (an unread-only list is the person's own).
    const key = isKeptPage(page) ? bodyKey(res, rows.today, `${note?.live ?? '-'} ${parsed.unread ? who?.id : ''} ${readOn(page, read)}`) : null;
    bodies.render(res, 'pages/items', key, layout, () => {
      const alts = parsed.filter.match ? searchAlternatives(parsed.filter.match) : [];
      const seen = parsed.filter.match ? seenFor(ctx, parsed.filter.match) : undefined;
      // A page the store does not keep is never asked for again: its rows' HTML is made and not kept.
      const html = isKeptPage(page) ? keptRowsHtml(ctx, page) : undefined;
      const items = page.items.map((r) => {
        const unread = !read.has(r.id);
        if (!html) return { id: r.id, unread, html: rowHtml(r, unread) };
        const key = `${lang} ${rows.today} ${unread ? 'u' : 'r'}${r.id}`;
        let h = html.get(key);
        if (h === undefined) html.set(key, (h = rowHtml(r, unread)));
        return { id: r.id, unread, html: h };
      });
      function rowHtml(r: (typeof page.items)[number], unread: boolean) {
        if (!alts.length || !seen) return storedRowHtml(r, rows, unread);
        const lang = r.language as Lang;
        const words = seen.get(lang) ?? seen.set(lang, new Map()).get(lang)!;
        const mark = (text: string) => markText(text, searchRanges(text, lang, alts, ctx.analyzer(), words));
        const summary = r.summary.length > SNIPPET ? `${r.summary.slice(0, SNIPPET).replace(/\s+\S*$/, '')} …` : r.summary;
        return storedRowHtml(r, rows, unread, mark(r.title), summary ? mark(summary) : undefined);
      }
      const unread = items.filter((i) => i.unread).map((i) => i.id);
      return {
        // The unread rows' ids in one field, comma-separated (50 fields were a fourteenth of the page).
        ...base(), items, unreadIds: unread.join(','), unreadCount: unread.length, caption: parsed.form.q ? word(lang, 'items.results', { q: parsed.form.q }) + (page.capped ? ` ${word(lang, 'items.capped', { n: CAP_TEXT })}` : '') : word(lang, 'items.newestFirst'),
        pagingNote: pagingNote(ctx, parsed, page, lang),
        paging: {
          first: parsed.before || parsed.after ? `/items${qs}` : null,
          newer: page.newer ? `/items${queryString(parsed.form, { after: cursorValue(page.newer) })}` : null,
          older: page.older ? `/items${queryString(parsed.form, { before: cursorValue(page.older) })}` : null,
        },
      };
    });
  };
}

const SCRIPTS = ['/static/keys.js'];

/**
 * What the page says when it was asked for a page the list does not have: past the last (an old `before` cursor, an
 * edited address) or before the first, or a page number (?page=999), with links to the first and the last page;
 * null otherwise, and when nothing matches at all (the list says there is nothing).
 */
function pagingNote(ctx: PageContext, parsed: ParsedQuery, page: ItemPage, lang: Lang): { text: string; first: string | null; last: string | null } | null {
  const pastEnd = page.items.length === 0 && (parsed.before !== undefined || parsed.after !== undefined);
  if (!pastEnd && parsed.pageNumber === undefined) return null;
  const last = lastPageCursor(ctx.deps.db, parsed.filter, SEARCH_CAP);
  if (!last) return null;
  const first = `/items${queryString(parsed.form)}`;
  const lastLink = `/items${queryString(parsed.form, { after: cursorValue(last) })}`;
  if (!pastEnd) return { text: word(lang, 'items.pageNumber', { page: parsed.pageNumber }), first: null, last: lastLink };
  return parsed.before ? { text: word(lang, 'items.pastEnd'), first, last: lastLink } : { text: word(lang, 'items.pastStart'), first, last: null };
}

/** The ids of a page's rows the person has read, as a key. */
function readOn(page: ItemPage, read: Set<number>): string {
  if (!read.size) return '';
  let out = '';
  for (const r of page.items) if (read.has(r.id)) out += `${r.id},`;
  return out;
}
