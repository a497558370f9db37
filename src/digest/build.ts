// Building a digest: a pure function of the stored data (new items, matter events, open rounds) and whom it is for.
import type { DigestData, DigestItem, DigestRange, DraftEntry, OpenRound, Section } from '../store/digests.js';
import type { Follows } from '../store/subscriptions.js';
import { describeMatterEvent } from '../present/matter-events.js';
import { evidenceList, positiveMatches } from '../present/evidence.js';
import { finnishDate } from '../parse/dates.js';
import { organisationKey, organisationKeys } from '../app/organisations.js';
import { itemLang } from '../present/item-lang.js';
import { byCodeUnit } from '../collate.js';
import type { Lang } from '../model.js';
import { itemSources } from '../present/item-sources.js';

export interface RespondEntry {
  ref: string;
  matter: number | null;
  item: number;
  title: string;
  deadline: string;
  organisation: string | null;
  owner: string | null;
  status: OpenRound['status'];
  internalDeadline: string | null;
  /** The title's language where it is not the message's (a Finnish statement request in a Swedish digest). */
  titleLang?: Lang;
}

export interface MovedEntry {
  ref: string;
  matter: number;
  title: string;
  /** The change in words, e.g. "Lausuntojen määräaika muuttui: 15.3.2026 → 29.3.2026". */
  text: string;
  at: string;
  /** The matter title's language where it is not the message's. */
  titleLang?: Lang;
}

export interface NewEntry {
  ref: string;
  item: number;
  title: string;
  url: string | null;
  source: string;
  organisation: string | null;
  published: string | null;
  matter: number | null;
  /** One line on why it matters: its goals, the words that matched, a joint-response deadline. */
  why: string;
  /** The title's language where it is not the message's ("sv" in a Finnish digest), for its lang attribute. */
  titleLang?: Lang;
}

export interface GoalGroup {
  goal: string;
  label: string;
  items: NewEntry[];
  /** How many more new items of this goal there were than a message shows (the web view lists them all). */
  more: number;
}

/** At most this many new items per goal in one message: a digest is read, not searched. */
export const PER_GOAL = 25;

/** What one recipient gets; rendered by src/mail/render.ts. */
export interface Digest {
  kind: 'network' | 'personal';
  lang: Lang;
  periodStart: string;
  periodEnd: string;
  intro: string | null;
  /** The introduction's language where it is not the message's (the Finnish one to a Swedish recipient). */
  introLang?: Lang;
  respond: RespondEntry[];
  moved: MovedEntry[];
  groups: GoalGroup[];
  /** Nothing moved and nothing new arrived (open rounds alone are not news). */
  empty: boolean;
}

export interface BuildInput {
  data: DigestData;
  lang: Lang;
  /** Goal id → label in the recipient's language. */
  labels: Record<string, string>;
  periodStart: string;
  periodEnd: string;
  /** A personal subscription's filter; absent for the network digest. */
  follows?: Follows;
  /** Items a personal subscription's saved search finds (read by the store, passed in). */
  searchHits?: ReadonlySet<number>;
  /** Source id → the source's name, as the message names it (an id it lacks is shown as it is). */
  sourceNames?: Readonly<Record<string, string>>;
}

const OTHER = { fi: 'Muut seuraamasi', sv: 'Övrigt du följer' };
const WHY = {
  fi: { goals: 'Tavoitteet', words: 'osumat', joint: 'yhteisen lausunnon ehdokas, määräaika', none: 'seuraamasi' },
  sv: { goals: 'Mål', words: 'träffar', joint: 'kandidat för ett gemensamt utlåtande, remisstid', none: 'du följer det' },
};

/** One line on why an item matters: its goals, up to five words that matched, and a joint-response deadline. */
export function whyLine(item: Pick<DigestItem, 'goals' | 'evidence' | 'joint' | 'deadline'>, labels: Record<string, string>, lang: Lang): string {
  const w = WHY[lang];
  const words = [...new Set(positiveMatches(evidenceList(item.evidence)).map((e) => e.match.toLowerCase()))].slice(0, 5);
  const parts = [item.goals.length ? `${w.goals}: ${item.goals.map((g) => labels[g] ?? g).join(', ')}` : w.none];
  if (words.length) parts.push(`${w.words}: ${words.join(', ')}`);
  if (item.joint && item.deadline) parts.push(`${w.joint} ${finnishDate(item.deadline)}`);
  return parts.join('; ');
}

const overlaps = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

const followsOrganisation = (name: string | null, f: Follows) => {
  if (name === null || !f.organisations.length) return false;
  const keys = organisationKeys(name);
  return f.organisations.some((o) => keys.includes(organisationKey(o)));
};

function followsItem(item: DigestItem, f: Follows, hits: ReadonlySet<number> | undefined): boolean {
  return (item.relevant !== false && overlaps(item.goals, f.goals)) || f.sources.includes(item.source)
    || followsOrganisation(item.organisation, f)
    || (item.matter !== null && f.matters.includes(item.matter)) || !!hits?.has(item.id);
}

/** `{ titleLang }` when a title's language (Finnish or Swedish) is not the message's, for its lang attribute. */
function otherLang(language: string | undefined, lang: Lang): { titleLang?: Lang } {
  const own = itemLang(language, lang);
  return own !== lang ? { titleLang: own } : {};
}

/**
 * New items newest first as the web lists them: by their date (published, else when first seen), then by number. Items
 * are numbered in the order a source lists them, often newest first, so their numbers alone do not say which is newer.
 */
const newestFirst = (a: DigestItem, b: DigestItem) =>
  byCodeUnit(b.published ?? b.firstSeenAt, a.published ?? a.firstSeenAt) || b.id - a.id;

/**
 * A press release reached through several feeds once (see ItemRow.sameAs): as its first stored item when that is among
 * them, else as the first of its copies; the entry names every source carrying it. Not at all when its first item was
 * before the recipient's range (firstBefore) and would have been in their digest then (`sent`): a copy crawled later
 * is new to the range, the release is not.
 */
function onePerRelease(items: DigestItem[], sent: (first: DigestItem) => boolean): DigestItem[] {
  const firsts = new Set(items.filter((i) => !i.sameAs).map((i) => i.id));
  const copied = new Set<number>();
  return items.filter((i) => {
    if (!i.sameAs) return true;
    if (firsts.has(i.sameAs) || copied.has(i.sameAs)) return false;
    // The first item as it was: its source the first of the sources the copy names, its id the copy's sameAs.
    if (i.firstBefore && sent({ ...i, id: i.sameAs, source: itemSources(i)[0], sameAs: null })) return false;
    copied.add(i.sameAs);
    return true;
  });
}

/** Build the digest for one recipient: the network's (no `follows`) or a personal subscription's. */
export function buildDigest(input: BuildInput): Digest {
  const { data, lang, labels, follows: f, searchHits, sourceNames } = input;
  const respond = data.rounds
    .filter((r) => !f || (r.matter !== null && f.matters.includes(r.matter)) || overlaps(r.goals, f.goals)
      || followsOrganisation(r.organisation, f))
    .map((r): RespondEntry => ({ ref: r.matter === null ? `item:${r.item}` : `matter:${r.matter}`, matter: r.matter, item: r.item,
      title: r.title, deadline: r.deadline, organisation: r.organisation, owner: r.owner, status: r.status, internalDeadline: r.internalDeadline,
      ...otherLang(r.language, lang) }));
  const moved = data.events
    .filter((e) => (f ? f.matters.includes(e.matter) || overlaps(e.goals, f.goals) : e.goals.length > 0))
    .map((e): MovedEntry => ({ ref: `event:${e.id}`, matter: e.matter, title: e.matterTitle, text: describeMatterEvent(e, lang), at: e.at,
      ...otherLang(e.matterTitleLang ?? undefined, lang) }));
  const follows = (i: DigestItem) => (f ? followsItem(i, f, searchHits) : i.relevant === true);
  const items = onePerRelease(data.items.filter(follows), follows).sort(newestFirst);
  const groups = new Map<string, GoalGroup>();
  for (const goal of Object.keys(labels)) groups.set(goal, { goal, label: labels[goal], items: [], more: 0 });
  // Newest first (sorted above), so that a capped group shows the latest, the first of the web list its link opens.
  for (const i of items) {
    const goal = i.primary && labels[i.primary] ? i.primary : (i.goals.find((g) => labels[g]) ?? '');
    if (!groups.has(goal)) groups.set(goal, { goal, label: OTHER[lang], items: [], more: 0 });
    const group = groups.get(goal)!;
    if (group.items.length >= PER_GOAL) {
      group.more++;
      continue;
    }
    group.items.push({
      ref: `item:${i.id}`, item: i.id, title: i.title, url: i.url, organisation: i.organisation,
      source: itemSources(i).map((s) => sourceNames?.[s] ?? s).join(', '),
      published: i.published, matter: i.matter, why: whyLine(i, labels, lang),
      ...otherLang(i.language, lang),
    });
  }
  const nonEmpty = [...groups.values()].filter((g) => g.items.length);
  return {
    kind: f ? 'personal' : 'network', lang, periodStart: input.periodStart, periodEnd: input.periodEnd, intro: null,
    respond, moved, groups: nonEmpty, empty: !moved.length && !nonEmpty.length,
  };
}

/** A digest's entries as a draft stores them: each section in its order. */
export function draftEntries(d: Digest): Omit<DraftEntry, 'removed'>[] {
  return [
    ...d.respond.map((e, position) => ({ section: 'respond' as Section, ref: e.ref, goal: null, position })),
    ...d.moved.map((e, position) => ({ section: 'moved' as Section, ref: e.ref, goal: null, position })),
    ...d.groups.flatMap((g) => g.items).map((e, position) => ({
      section: 'new' as Section, ref: e.ref, position, goal: d.groups.find((g) => g.items.includes(e))!.goal,
    })),
  ];
}

/**
 * The digest as the secretariat edited it: only the draft's entries that were not removed, in the draft's order,
 * with its introduction. Entries built now but not in the draft (a round opened since) are left out.
 */
export function applyDraft(d: Digest, entries: DraftEntry[], intro: string | null, introSv: string | null = null): Digest {
  const keep = <T extends { ref: string }>(section: Section, list: T[]): T[] => {
    const pos = new Map(entries.filter((e) => e.section === section && !e.removed).map((e) => [e.ref, e.position]));
    return list.filter((e) => pos.has(e.ref)).sort((a, b) => pos.get(a.ref)! - pos.get(b.ref)!);
  };
  const groups = d.groups.map((g) => ({ ...g, items: keep('new', g.items) })).filter((g) => g.items.length);
  const moved = keep('moved', d.moved);
  // A Swedish recipient gets the Swedish introduction; without one, the Finnish one, marked as Finnish.
  const own = d.lang === 'sv' && introSv ? { intro: introSv } : { intro, ...(d.lang === 'sv' && intro ? { introLang: 'fi' as const } : {}) };
  return { ...d, ...own, respond: keep('respond', d.respond), moved, groups, empty: !moved.length && !groups.length };
}

/** Positions of the loaded items by what a subscription can follow: built once, so that no subscriber scans them all. */
export interface ItemIndex {
  goal: Map<string, number[]>;
  source: Map<string, number[]>;
  organisation: Map<string, number[]>;
  matter: Map<number, number[]>;
  id: Map<number, number>;
}

export function indexItems(items: readonly DigestItem[]): ItemIndex {
  const x: ItemIndex = { goal: new Map(), source: new Map(), organisation: new Map(), matter: new Map(), id: new Map() };
  const add = <K>(m: Map<K, number[]>, k: K, n: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(n);
  items.forEach((i, n) => {
    for (const g of i.goals) add(x.goal, g, n);
    add(x.source, i.source, n);
    if (i.organisation !== null) for (const k of organisationKeys(i.organisation)) add(x.organisation, k, n);
    if (i.matter !== null) add(x.matter, i.matter, n);
    x.id.set(i.id, n);
  });
  return x;
}

/** The loaded items a subscription may follow, in their loaded order: a superset that buildDigest filters exactly. */
export function candidateItems(items: readonly DigestItem[], x: ItemIndex, f: Follows, hits?: ReadonlySet<number>): DigestItem[] {
  const at = new Set<number>();
  const take = <K>(m: Map<K, number[]>, keys: readonly K[]) => keys.forEach((k) => m.get(k)?.forEach((n) => at.add(n)));
  take(x.goal, f.goals);
  take(x.source, f.sources);
  take(x.organisation, f.organisations.map(organisationKey));
  take(x.matter, f.matters);
  hits?.forEach((id) => (x.id.has(id) ? at.add(x.id.get(id)!) : undefined));
  return [...at].sort((a, b) => a - b).map((n) => items[n]);
}

/**
 * The part of loaded data one subscriber's range covers (data loaded once for the widest range of many), a press release's
 * copy marked firstBefore when its first item was before the range (see onePerRelease).
 */
export function sliceData(data: DigestData, r: Pick<DigestRange, 'fromItemId' | 'fromEventId' | 'coveredAt' | 'reachBack'>): DigestData {
  return {
    items: data.items.filter((i) => i.firstSeenAt >= r.reachBack && (i.id > r.fromItemId || i.firstSeenAt > r.coveredAt))
      .map((i) => (i.sameAs && i.sameAsSeenAt !== undefined && i.sameAsSeenAt !== null && !(i.sameAs > r.fromItemId || i.sameAsSeenAt > r.coveredAt)
        ? { ...i, firstBefore: true } : i)),
    events: data.events.filter((e) => e.at >= r.reachBack && (e.id > r.fromEventId || e.at > r.coveredAt)),
    rounds: data.rounds,
  };
}
