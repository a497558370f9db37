// One matter (/matters/:id): its stages in order with their dates, every item by source, the statement deadline,
// who has answered, why its items are joined, and the network's response status from the joint-response board.
import type { RequestHandler } from 'express';
import { describeJoin } from '../../link/explain.js';
import { MATTER_STAGES } from '../../link/stage.js';
import { STAGE_NAMES, stageName } from '../../present/stage-names.js';
import { BOARD_STATUS_LABELS } from '../../present/board-status.js';
import { describeMatterEvent } from '../../present/matter-events.js';
import { finnishDate } from '../../parse/dates.js';
import { boardAnchor, boardEntry, getMatter, lastMatterVisit, mergedInto, recordMatterVisit, type BoardEntry, type MatterDetail } from '../../store/index.js';
import { isCandidateOn } from '../../store/candidates.js';
import { pageLang } from './form-helpers.js';
import { titleLang } from './item.js';
import type { PageContext } from './context.js';
import { deadlineView, escapeHtml, rowView, type RowContext } from './present.js';
import { feedNote, viewer } from './viewer.js';
import { word, type Lang } from '../../present/words-web.js';
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

/** The matter's items grouped by source, each group oldest first, groups in the order their first item came; each row's stage is the matter's. */
export function bySource(m: MatterDetail, rows: RowContext) {
  const groups = new Map<string, ReturnType<typeof rowView>[]>();
  for (const r of m.members) {
    const name = rows.sourceName(r.source);
    if (!groups.has(name)) groups.set(name, []);
    groups.get(name)!.push(rowView({ ...r, matterStage: m.stage }, rows));
  }
  return [...groups].map(([source, items]) => ({ source, items }));
}

/** The matter's recorded changes, newest first, worded in the person's language, each with the item that showed it; those after `since` (the person's previous visit) marked new. */
export function changes(m: Pick<MatterDetail, 'events'>, since?: string, lang: Lang = 'fi') {
  return [...m.events].reverse().map((e) => ({ at: e.at, text: describeMatterEvent(e, lang), item: e.itemId, isNew: since !== undefined && e.at > since }));
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
    const id = parseId(req.params.id) ?? NaN;
    const m = Number.isSafeInteger(id) ? getMatter(ctx.deps.db, id) : undefined;
    const lang = pageLang(res.locals);
    if (!m) {
      // A matter a reviewer merged away: its old links (digests, bookmarks) lead to the matter it became.
      const into = Number.isSafeInteger(id) ? mergedInto(ctx.deps.db, id) : undefined;
      if (into !== undefined && into !== id) return void res.redirect(302, `/matters/${into}`);
    }
    if (!m) return void res.status(404).render('pages/not-found', { title: word(lang, 'matter.notFoundTitle'), what: word(lang, 'matter.notFound', { id: String(req.params.id) }) });
    const rows = ctx.rows(lang);
    const anchor = boardAnchor(ctx.deps.db, { matter: m.id });
    const board = anchor === undefined ? undefined : boardEntry(ctx.deps.db, anchor);
    // What changed since this person's previous visit is marked; then this visit is noted for the next one. A HEAD
    // (a link checker, a preview) is no visit: it would clear the marks the person has not seen.
    const who = viewer(res);
    const since = who.user ? lastMatterVisit(ctx.deps.db, who.user.id, m.id) : undefined;
    if (who.user && !ctx.deps.readOnly && req.method === 'GET') recordMatterVisit(ctx.deps.db, who.user.id, m.id, ctx.now().toISOString());
    const listed = changes(m, since, lang);
    const fresh = listed.filter((c) => c.isNew).length;
    res.render('pages/matter', {
      title: `${m.title} – Lakivahti`, ...who,
      matter: {
        id: m.id, titleHtml: escapeHtml(m.title), lang: titleLang(m, lang), identifiers: m.identifiers, goals: m.goals.map(rows.goalLabel),
        stage: stageName(m.stage, lang), deadline: deadlineView(m.deadline, rows.today, lang), answered: m.answered,
        updatedAt: m.updatedAt, board,
      },
      timeline: timeline(m, lang),
      changes: listed,
      sinceVisit: since === undefined ? null : { at: since, count: fresh },
      groups: bySource(m, rows),
      mentionedIn: m.mentionedIn.map((r) => rowView(r, rows)),
      joins: m.joins.map(describeJoin),
      responseStatus: board ? responseStatus(board, lang) : null,
      // On the board without an entry, as the board lists candidates (the rule of `items --joint`).
      candidate: !board && m.members.some((r) => isCandidateOn(r, rows.today)),
      feeds: { atom: `/feeds/matters/${m.id}.atom`, json: `/feeds/matters/${m.id}.json` },
      feedNote: feedNote(res, ctx.deps.db, `/feeds/matters/${m.id}.atom`),
    });
  };
}
