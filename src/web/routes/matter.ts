// One matter (/matters/:id): its stages in order with their dates, every item by source, the statement deadline,
// who has answered, why its items are joined, and the network's response status from the joint-response board.
import { leaveForLater } from '../bookkeeping.js';
import type { Lang } from '../../model.js';
import type { RequestHandler } from 'express';
import { describeJoin } from '../../link/explain.js';
import { MATTER_STAGES } from '../../link/stage.js';
import { STAGE_NAMES, stageName } from '../../present/stage-names.js';
import { BOARD_STATUS_LABELS } from '../../present/board-status.js';
import { describeMatterEvent } from '../../present/matter-events.js';
import { finnishDate } from '../../parse/dates.js';
import { boardAnchor, boardEntry, lastMatterVisit, matterChanges, matterChangesSince, matterHead, matterItems, matterMentions, mergedInto, recordMatterVisit,
  type BoardEntry, type Cursor, type ListRow, type MatterDetail, type MatterItemsRequest } from '../../store/index.js';
import { pageLang } from './form-helpers.js';
import { HttpError } from '../auth/index.js';
import { cursorValue, parseCursor } from './item-query.js';
import { PAGE_SIZE } from './items.js';
import { titleLang } from './item.js';
import type { PageContext } from './context.js';
import { deadlineView, escapeHtml, rowView, type RowContext } from './present.js';
import { feedNote, viewer } from './viewer.js';
import { word } from '../../present/words-web.js';
import { wholeNumber } from '../../app/format.js';
import { parseId } from '../../parse/id.js';

/**
 * Every stage in order, named in `lang`: reached ones with their date and the item that showed it; one before the
 * current stage that no item showed is passed (a statement round whose project no source listed), the rest not yet.
 */
export function timeline(m: Pick<MatterDetail, 'stages' | 'stage'>, lang: Lang = 'fi') {
  const now = MATTER_STAGES.indexOf(m.stage as (typeof MATTER_STAGES)[number]);
  return MATTER_STAGES.map((stage, n) => {
    const reached = m.stages.find((s) => s.stage === stage);
    return {
      label: STAGE_NAMES[lang][stage], reached: reached !== undefined, at: reached?.at ?? null, item: reached?.item ?? null,
      current: m.stage === stage, passed: reached === undefined && n < now,
    };
  });
}

/** A page of the matter's items grouped by source, each group oldest first, groups in the order their first item came. */
export function bySource(members: readonly ListRow[], rows: RowContext) {
  const groups = new Map<string, ReturnType<typeof rowView>[]>();
  for (const r of members) {
    const name = rows.sourceName(r.source);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(rowView(r, rows));
  }
  return [...groups].map(([source, items]) => ({ source, items }));
}

/** How many changes and mentioning items the page shows at once. */
const CHANGES_PAGE = 50;
const MENTIONS_SHOWN = 50;

/**
 * Which page of a matter the address asks for: the items after or before a cursor (the items list's, store Cursor) and
 * the changes before an event; a value that is no such place is refused naming its key (400), as the items list's is.
 */
function pageAsked(query: Record<string, unknown>, lang: Lang): { items: MatterItemsRequest; changesBefore?: number } {
  const badPage = (key: string): never => {
    throw new HttpError(400, word(lang, 'matter.badPage', { key }));
  };
  const one = (key: string): string | undefined => {
    const v = query[key];
    if (v === undefined || v === '') return undefined;
    return typeof v === 'string' ? v : badPage(key);
  };
  const cursor = (key: 'before' | 'after'): Cursor | undefined => {
    const v = one(key);
    return v === undefined ? undefined : parseCursor(v) ?? badPage(key);
  };
  const before = cursor('before');
  const after = before ? undefined : cursor('after');
  const changes = one('changes');
  const changesBefore = changes === undefined ? undefined : parseId(changes) ?? badPage('changes');
  return { items: { before, after, limit: PAGE_SIZE }, changesBefore };
}

/** The matter page's address with these places (the items' cursor, the changes' start), each kept unless replaced. */
function pageHref(id: number, places: { before?: Cursor; after?: Cursor; changes?: number }, anchor = ''): string {
  const p = new URLSearchParams();
  if (places.before) p.set('before', cursorValue(places.before));
  if (places.after) p.set('after', cursorValue(places.after));
  if (places.changes !== undefined) p.set('changes', String(places.changes));
  const q = p.toString();
  return `/matters/${id}${q ? `?${q}` : ''}${anchor}`;
}

/** The matter's recorded changes, newest first, worded in the person's language, each with the item that showed it; those after `since` (the person's previous visit) marked new. */
export function changes(m: Pick<MatterDetail, 'events'>, since?: string, lang: Lang = 'fi') {
  return newestFirst(m.events, since, lang);
}

/** A stored title set apart from the sentence around it (U+2068 first-strong isolate … U+2069), or null. */
const isolated = (title: string | null) => (title === null ? null : `\u2068${title}\u2069`);

/** Changes already newest first, worded in `lang`, those after `since` marked new. */
function newestFirst(events: MatterDetail['events'], since: string | undefined, lang: Lang) {
  return events.map((e) => ({
    at: e.at,
    // Each title isolated: between two right-to-left titles the quotes and the arrow took their direction, so chromium
    // showed `"NEW" → "OLD"` for a change from OLD to NEW (test/browser/matter-bidi.test.ts).
    text: describeMatterEvent(e.type === 'title' || e.type === 'item' ? { ...e, old: isolated(e.old), new: isolated(e.new) } : e, lang),
    item: e.itemId, isNew: since !== undefined && e.at > since,
  }));
}

/** The network's response in one line in `lang`, from the matter's entry on the joint-response board. */
export function responseStatus(b: BoardEntry, lang: Lang = 'fi'): string {
  const parts = [word(lang, 'matter.onBoard', { status: BOARD_STATUS_LABELS[lang][b.status] })];
  if (b.owner) parts.push(word(lang, 'matter.ownerIs', { who: b.owner }));
  if (b.internalDeadline) parts.push(word(lang, 'matter.internalIs', { date: finnishDate(b.internalDeadline) }));
  return `${parts.join(', ')}.`;
}

export function matterPage(ctx: PageContext): RequestHandler {
  return (req, res) => {
    const id = parseId(req.params.id);
    const lang = pageLang(res.locals);
    const rows = ctx.rows(lang);
    const m = id === undefined ? undefined : matterHead(ctx.deps.db, id, rows.today);
    if (!m) {
      // A matter a reviewer merged away: its old links (digests, bookmarks) lead to the matter it became.
      const into = id === undefined ? undefined : mergedInto(ctx.deps.db, id);
      if (into !== undefined && into !== id) return void res.redirect(302, `/matters/${into}`);
    }
    if (!m) return void res.status(404).render('pages/not-found', { title: word(lang, 'matter.notFoundTitle'), what: word(lang, 'matter.notFound', { id: String(req.params.id) }) });
    const asked = pageAsked(req.query as Record<string, unknown>, lang);
    const items = matterItems(ctx.deps.db, m.id, asked.items);
    const anchor = boardAnchor(ctx.deps.db, { matter: m.id });
    const board = anchor === undefined ? undefined : boardEntry(ctx.deps.db, anchor);
    // What changed since this person's previous visit is marked; then this visit is noted for the next one. A HEAD
    // (a link checker, a preview) is no visit: it would clear the marks the person has not seen.
    const who = viewer(res);
    const since = who.user ? lastMatterVisit(ctx.deps.db, who.user.id, m.id) : undefined;
    // Left for the next visit under another process's lock or a full disk: the page reads on (it was answered 503).
    if (who.user && !ctx.deps.readOnly && req.method === 'GET') leaveForLater(() => recordMatterVisit(ctx.deps.db, who.user!.id, m.id, ctx.now().toISOString()));
    const shown = matterChanges(ctx.deps.db, m.id, asked.changesBefore, CHANGES_PAGE);
    const listed = newestFirst(shown.events, since, lang);
    // Counted in the store only when every change shown is new and more are (a page of the newest would say too few).
    const fresh = since !== undefined && shown.older !== null && listed.every((c) => c.isNew) ? matterChangesSince(ctx.deps.db, m.id, since)
      : listed.filter((c) => c.isNew).length;
    const mentions = matterMentions(ctx.deps.db, m, MENTIONS_SHOWN);
    const cursors = { before: asked.items.before, after: asked.items.after };
    const itemPaging = m.total > PAGE_SIZE || (!items.items.length && m.total > 0) ? {
      note: word(lang, 'matter.itemCount', { n: wholeNumber(m.total), shown: PAGE_SIZE }),
      // Also from a place past either end (an old link after a split), where the page is empty.
      first: items.older || !items.items.length ? pageHref(m.id, { changes: asked.changesBefore }, '#docs') : null,
      older: items.older ? pageHref(m.id, { before: items.older, changes: asked.changesBefore }, '#docs') : null,
      newer: items.newer ? pageHref(m.id, { after: items.newer, changes: asked.changesBefore }, '#docs') : null,
      last: items.newest ? pageHref(m.id, { before: items.newest, changes: asked.changesBefore }, '#docs') : null,
    } : null;
    res.render('pages/matter', {
      title: `${m.title} – Lakivahti`, ...who,
      matter: {
        id: m.id, titleHtml: escapeHtml(m.title), lang: titleLang(m, lang), identifiers: m.identifiers, goals: m.goals.map(rows.goalLabel),
        stage: stageName(m.stage, lang), deadline: deadlineView(m.deadline, rows.today, lang), answered: m.answered,
        updatedAt: m.updatedAt, board,
      },
      timeline: timeline(m, lang),
      changes: listed,
      changePaging: asked.changesBefore !== undefined || shown.older !== null ? {
        newest: asked.changesBefore !== undefined ? pageHref(m.id, cursors, '#changes') : null,
        older: shown.older !== null ? pageHref(m.id, { ...cursors, changes: shown.older }, '#changes') : null,
      } : null,
      sinceVisit: since === undefined ? null : { at: since, count: fresh },
      groups: bySource(items.items, rows),
      itemPaging,
      mentionedIn: mentions.items.map((r) => rowView(r, rows)),
      mentionedMore: mentions.total > mentions.items.length ? word(lang, 'matter.mentionedMore', { shown: mentions.items.length, n: wholeNumber(mentions.total) }) : null,
      joins: m.joins.map(describeJoin),
      responseStatus: board ? responseStatus(board, lang) : null,
      // On the board without an entry, as the board lists candidates (the rule of `items --joint`).
      candidate: !board && m.candidate,
      feeds: { atom: `/feeds/matters/${m.id}.atom`, json: `/feeds/matters/${m.id}.json` },
      feedNote: feedNote(res, ctx.deps.db, `/feeds/matters/${m.id}.atom`),
    });
  };
}
