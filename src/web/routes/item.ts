// One item (/items/:id): its text, why it was tagged, its statement request's recipients and answers, its
// versions and changes, its matter with the matter's other items, and the reviews made on it.
import type { RequestHandler } from 'express';
import type { Lang } from '../../model.js';
import type { Evidence } from '../../tag/types.js';
import { describeEvent } from '../../present/events.js';
import { evidenceList, positiveMatches } from '../../present/evidence.js';
import { jointReasonText } from '../../present/joint-reason.js';
import { stageName } from '../../present/stage-names.js';
import { hasWord, word } from '../../present/words-web.js';
import { isCandidateOn } from '../../store/candidates.js';
import { getItem, latestReview, matterHead, matterItems, listItemEvents, listItemVersions, listReviews, readItemIds, type ItemDetail } from '../../store/index.js';
import type { PageContext } from './context.js';
import { deadlineView, escapeHtml, kindLabel, languageLabel, markText, phraseRanges, rowView, summaryAbove } from './present.js';
import { viewer } from './viewer.js';
import { bodyKey, keptBodies } from '../kept-bodies.js';
import { decimal, wholeNumber } from '../../app/format.js';
import { httpUrl, pageLang } from './form-helpers.js';
import { parseId } from '../../parse/id.js';
import { PAGE_SIZE } from './items.js';

/** A link target only when it is an absolute http(s) URL (the one check, `httpUrl`); anything else is no link. */
export function safeHref(url: string | null | undefined): string | null {
  return httpUrl(url) || null;
}

const points = (goals: Record<string, number>, label: (g: string) => string) =>
  Object.entries(goals).map(([g, n]) => `${label(g)} ${n > 0 ? '+' : ''}${decimal(Math.round(n * 100) / 100)}`).join(', ');

/** A stored code (a rule, a field, an identifier's type) in words, or as it is when the dictionary has no word for it. */
const named = (lang: Lang, prefix: string, code: string) => (hasWord(`${prefix}.${code}`) ? word(lang, `${prefix}.${code}`) : code);

/** An evidence's term in words where it is a stored code: a kind's or a scope's weighting ("incident ×0.3"). */
function codeNamed(e: Evidence, lang: Lang, scopes: Record<string, string>): string {
  const factor = (term: string) => term.replace(/ ×([\d.]+)$/, (_, n: string) => ` ×${decimal(n)}`);
  if (e.rule === 'kind') return factor(e.term.replace(/^\S+(?= ×)/, (k) => kindLabel(k, lang)));
  if (e.rule === 'scope') return factor(e.term.replace(/^\S+(?= ×)/, (id) => scopes[id] ?? id));
  return e.term;
}

/** The primary-goal model's choice ("internal-security p 0.85") in words: the goal's name and its probability. */
function modelChoice(term: string, label: (g: string) => string): string {
  const m = /^(\S+) p ([\d.]+)$/.exec(term);
  return m ? `${label(m[1])} (p = ${decimal(m[2])})` : term;
}

/**
 * What the page says of an item the tag stage made a joint-response candidate, by the rule every list of candidates
 * reads (isCandidateOn) on `today` (a Helsinki date): one now, one until its deadline passed, or one that no list holds
 * (its deadline is not known, or a reviewer judged it not relevant). The word's key.
 */
function jointState(item: ItemDetail, today?: string): string {
  if (today === undefined || isCandidateOn({ joint: true, relevant: item.relevant, deadline: item.deadline }, today)) return 'item.joint';
  if (item.relevant === false) return 'item.jointRejected';
  return item.deadline === null ? 'item.jointNoDeadline' : 'item.jointPast';
}

/** The tagger's reasons in words, and the words it matched marked in the title and summary; `today` as jointState reads it. */
export function whyTagged(item: ItemDetail, label: (g: string) => string, lang: Lang = 'fi', scopes: Record<string, string> = {}, today?: string) {
  if (!item.tags) return null;
  const evidence = evidenceList(item.tags.evidence);
  const matched = (field: Evidence['field']) => positiveMatches(evidence, field).map((e) => e.match);
  return {
    relevant: item.tags.relevant,
    primary: item.tags.primary ? label(item.tags.primary) : null,
    scores: Object.entries(item.tags.scores).sort((a, b) => b[1] - a[1])
      .map(([g, n]) => ({ name: label(g), score: decimal(Math.round(n * 100) / 100), listed: item.tags!.goals.some((x) => x.goal === g) })),
    titleHtml: markText(item.title, phraseRanges(item.title, matched('title'))),
    summaryHtml: item.summary ? markText(item.summary, phraseRanges(item.summary, matched('summary'))) : null,
    reasons: evidence.map((e) => ({
      rule: named(lang, 'rule', e.rule), term: e.rule === 'model' ? modelChoice(e.term, label) : codeNamed(e, lang, scopes), field: e.field ? named(lang, 'field', e.field) : null, match: e.match ?? null,
      points: points(e.goals ?? {}, label) || word(lang, e.rule === 'kind' || e.rule === 'scope' ? 'rule.scales' : e.rule === 'model' ? 'rule.chooses' : 'rule.blocks'), negative: Object.values(e.goals ?? {}).some((n) => n < 0),
    })),
    joint: item.tags.joint, jointText: item.tags.joint ? word(lang, jointState(item, today)) : null, jointReason: item.tags.jointReason && jointReasonText(item.tags.jointReason, lang, { goal: label, kind: (k) => kindLabel(k, lang) }), taxonomyVersion: item.tags.taxonomyVersion, taggedAt: item.tags.taggedAt,
  };
}

/** A matter title's language when it is not the page's (the title is one of its items' titles: store MatterHead's titleLanguage). */
export function titleLang(m: { titleLanguage: string | null }, lang: Lang): string | null {
  return m.titleLanguage && m.titleLanguage !== lang ? m.titleLanguage : null;
}

export function itemPage(ctx: PageContext): RequestHandler {
  // An item's body changes only with the data and the day, and shows whether the person has read it: kept per data
  // version (kept-bodies.ts) for each read state. Its title is kept beside it for the layout.
  const bodies = keptBodies(ctx.deps.db);
  return (req, res) => {
    const id = parseId(req.params.id);
    const lang = pageLang(res.locals);
    const notFound = () => void res.status(404).render('pages/not-found', { title: word(lang, 'item.notFoundTitle'), what: word(lang, 'item.notFound', { id: String(req.params.id) }) });
    if (id === undefined) return notFound();
    const who = viewer(res);
    const isRead = who.user ? readItemIds(ctx.deps.db, who.user.id, [id]).has(id) : false;
    const key = bodyKey(res, ctx.rows(lang).today, isRead ? 'read' : 'unread');
    // A kept body keeps its item's title (the layout's); an item not found is never kept, so it is looked up again.
    const title = bodies.meta(res, key);
    const item = title === undefined ? getItem(ctx.deps.db, id) : undefined;
    if (title === undefined && !item) return notFound();
    bodies.render(res, 'pages/item', key, { title: `${title ?? item!.title} – Lakivahti`, ...who, isRead }, () => itemModel(item!, lang), item?.title);
  };

  function itemModel(item: ItemDetail, lang: Lang) {
    const rows = ctx.rows(lang);
    const label = rows.goalLabel;
    const matter = item.matter === null ? undefined : matterHead(ctx.deps.db, item.matter, rows.today);
    // Its other items, a page of them at most, oldest first as the matter's page lists them (a matter of 10,000 items was every one).
    const others = matter && matterItems(ctx.deps.db, matter.id, { limit: PAGE_SIZE + 1 }).items.filter((m) => m.id !== item.id).slice(0, PAGE_SIZE);
    return {
      item: {
        ...rowView(item, rows), href: safeHref(item.url), url: item.url,
        kind: kindLabel(item.kind, lang), language: languageLabel(item.language, lang),
        // Sanitized when the item was stored (normalize/sanitize.ts, an allowlist): the only HTML rendered as it is.
        contentHtml: item.contentHtml, summary: summaryAbove(item.summary, item.contentHtml), stage: item.stage,
        firstSeenAt: item.firstSeenAt, changedAt: item.changedAt, version: item.version,
        // A date more than a day after the item was first seen, kept as the source gave it (it is listed by first seen).
        publishedGiven: item.publishedGiven,
        identifiers: item.allIdentifiers.map((i) => ({ type: named(lang, 'idtype', i.type), value: i.value, role: named(lang, 'idrole', i.role ?? 'mention') })),
      },
      // What the review form acts on: the item's number, its goal ids (checked in the form) and its latest review ('none'
      // when it has none), so a decision made on what another has since reviewed is refused, not stored over it.
      reviewTarget: { id: item.id, goals: item.goals, seen: String(latestReview(ctx.deps.db, item.id)?.id ?? 'none') },
      why: whyTagged(item, label, lang, ctx.deps.scopeLabels?.[lang], rows.today),
      consultation: item.consultation && {
        distribution: item.consultation.distribution,
        answered: item.consultation.answered,
        waiting: item.consultation.distribution.filter((d) => !item.consultation!.answered.includes(d)),
      },
      versions: listItemVersions(ctx.deps.db, item.id).reverse().map((v) => ({ ...v, deadline: deadlineView(v.deadline, rows.today, lang)?.date ?? null })),
      events: listItemEvents(ctx.deps.db, item.id).reverse().map((e) => ({ at: e.at, text: describeEvent(e, lang) })),
      matter: matter && {
        id: matter.id, titleHtml: escapeHtml(matter.title), lang: titleLang(matter, lang), stage: stageName(matter.stage, lang),
        deadline: deadlineView(matter.deadline, rows.today, lang), identifiers: matter.identifiers,
        others: others!.map((m) => rowView(m, rows)),
        more: matter.total - 1 > others!.length ? word(lang, 'item.othersMore', { n: wholeNumber(matter.total) }) : null,
      },
      reviews: listReviews(ctx.deps.db, item.id).reverse().map((r) => ({
        ...r, goals: r.goals.map(label), rejected: r.rejected.map(label), primary: r.primary ? label(r.primary) : null,
      })),
    };
  }
}
