// One item (/items/:id): its text, why it was tagged, its statement request's recipients and answers, its
// versions and changes, its matter with the matter's other items, and the reviews made on it.
import type { RequestHandler } from 'express';
import type { Evidence } from '../../tag/types.js';
import { describeEvent } from '../../present/events.js';
import { evidenceList, positiveMatches } from '../../present/evidence.js';
import { STAGE_LABELS, type MatterStage } from '../../link/stage.js';
import { getItem, getMatter, listItemEvents, listItemVersions, listReviews, readItemIds, type ItemDetail } from '../../store/index.js';
import type { PageContext } from './context.js';
import { deadlineView, escapeHtml, KIND_LABELS, LANGUAGE_LABELS, markText, phraseRanges, rowView } from './present.js';
import { viewer } from './viewer.js';
import { swedishFacts } from './swedish.js';
import { httpUrl } from './form-helpers.js';

const RULES: Record<Evidence['rule'], string> = {
  term: 'termi', phrase: 'fraasi', context: 'tukitermi', negative: 'vähentävä termi', 'false-friend': 'harhaanjohtava sana',
  prior: 'lähteen painotus', kind: 'asiakirjatyypin painotus', learned: 'opittu tarkistuksista', scope: 'rajaussääntö',
  about: 'liittyvä asia',
};
const FIELDS: Record<string, string> = { title: 'otsikko', summary: 'tiivistelmä', source: 'lähde', organisation: 'organisaatio' };
const ID_TYPES: Record<string, string> = {
  he: 'hallituksen esitys', committee: 'valiokunnan asiakirja', ev: 'eduskunnan vastaus', ptk: 'täysistunnon pöytäkirja',
  eu: 'EU-asia', kk: 'kirjallinen kysymys', diary: 'diaarinumero', project: 'hanketunnus', edk: 'EDK-tunnus',
  statute: 'säädösnumero', eli: 'ELI-tunniste', celex: 'CELEX-numero', lausuntopalvelu: 'lausuntopalvelun tunniste',
};
const ROLES: Record<string, string> = { self: 'oma tunnus', about: 'asia, johon se liittyy', mention: 'mainitaan tekstissä' };

/** A link target only when it is an absolute http(s) URL (the one check, `httpUrl`); anything else is no link. */
export function safeHref(url: string | null | undefined): string | null {
  return httpUrl(url) || null;
}

const points = (goals: Record<string, number>, label: (g: string) => string) =>
  Object.entries(goals).map(([g, n]) => `${label(g)} ${n > 0 ? '+' : ''}${Math.round(n * 100) / 100}`).join(', ');

/** The tagger's reasons in words, and the words it matched marked in the title and summary. */
export function whyTagged(item: ItemDetail, label: (g: string) => string) {
  if (!item.tags) return null;
  const evidence = evidenceList(item.tags.evidence);
  const matched = (field: Evidence['field']) => positiveMatches(evidence, field).map((e) => e.match);
  return {
    relevant: item.tags.relevant,
    primary: item.tags.primary ? label(item.tags.primary) : null,
    scores: Object.entries(item.tags.scores).sort((a, b) => b[1] - a[1])
      .map(([g, n]) => ({ name: label(g), score: Math.round(n * 100) / 100, listed: item.tags!.goals.some((x) => x.goal === g) })),
    titleHtml: markText(item.title, phraseRanges(item.title, matched('title'))),
    summaryHtml: item.summary ? markText(item.summary, phraseRanges(item.summary, matched('summary'))) : null,
    reasons: evidence.map((e) => ({
      rule: RULES[e.rule] ?? e.rule, term: e.term, field: e.field ? (FIELDS[e.field] ?? e.field) : null, match: e.match ?? null,
      points: points(e.goals ?? {}, label) || 'estää osuman', negative: Object.values(e.goals ?? {}).some((n) => n < 0),
    })),
    joint: item.tags.joint, jointReason: item.tags.jointReason, taxonomyVersion: item.tags.taxonomyVersion, taggedAt: item.tags.taggedAt,
  };
}

export function itemPage(ctx: PageContext): RequestHandler {
  return (req, res) => {
    const id = /^\d{1,15}$/.test(req.params.id as string) ? Number(req.params.id) : NaN;
    const item = Number.isSafeInteger(id) ? getItem(ctx.deps.db, id) : undefined;
    if (!item) return void res.status(404).render('pages/not-found', { title: 'Asiaa ei löydy – Lakivahti', what: `Asiaa numero ${String(req.params.id)} ei ole tallennettu.` });
    const rows = ctx.rows();
    const label = ctx.goalLabel;
    const matter = item.matter === null ? undefined : getMatter(ctx.deps.db, item.matter);
    const lang = item.language === 'sv' ? 'sv' : null;
    const who = viewer(res);
    res.render('pages/item', {
      title: `${item.title} – Lakivahti`, ...who,
      isRead: who.user ? readItemIds(ctx.deps.db, who.user.id, [item.id]).has(item.id) : false,
      item: {
        ...rowView(item, rows), lang, href: safeHref(item.url), url: item.url,
        kind: KIND_LABELS[item.kind] ?? item.kind, language: LANGUAGE_LABELS[item.language],
        // Sanitized when the item was stored (normalize/sanitize.ts, an allowlist): the only HTML rendered as it is.
        contentHtml: item.contentHtml, summary: item.summary, stage: item.stage,
        firstSeenAt: item.firstSeenAt, changedAt: item.changedAt, version: item.version,
        identifiers: item.allIdentifiers.map((i) => ({ type: ID_TYPES[i.type] ?? i.type, value: i.value, role: ROLES[i.role ?? 'mention'] })),
      },
      sv: lang === 'sv' ? swedishFacts(item, rows.today) : null,
      // What the review form acts on: the item's number and its goal ids (checked in the form).
      reviewTarget: { id: item.id, goals: item.goals },
      why: whyTagged(item, label),
      consultation: item.consultation && {
        distribution: item.consultation.distribution,
        answered: item.consultation.answered,
        waiting: item.consultation.distribution.filter((d) => !item.consultation!.answered.includes(d)),
      },
      versions: listItemVersions(ctx.deps.db, item.id).reverse().map((v) => ({ ...v, deadline: deadlineView(v.deadline, rows.today)?.date ?? null })),
      events: listItemEvents(ctx.deps.db, item.id).reverse().map((e) => ({ at: e.at, text: describeEvent(e, item.language) })),
      matter: matter && {
        id: matter.id, titleHtml: escapeHtml(matter.title), stage: matter.stage ? STAGE_LABELS[matter.stage as MatterStage] : null,
        deadline: deadlineView(matter.deadline, rows.today), identifiers: matter.identifiers,
        others: matter.members.filter((m) => m.id !== item.id).map((m) => rowView(m, rows)),
      },
      reviews: listReviews(ctx.deps.db, item.id).reverse().map((r) => ({
        ...r, goals: r.goals.map(label), rejected: r.rejected.map(label), primary: r.primary ? label(r.primary) : null,
      })),
    });
  };
}
