// A matter's stages, in the order legislation moves, each dated from the item that showed it; its title and deadline.
import { MATTER_STAGES, type Identifier, type ItemKind, type Lang, type MatterStage } from '../model.js';
import { byCodeUnit } from '../collate.js';
import { parseDate } from '../parse/dates.js';

export { MATTER_STAGES, type MatterStage };

/** What linking reads of an item in a matter. */
export interface MatterMember {
  id: number;
  source: string;
  kind: ItemKind;
  title: string;
  /** ISO instant: when the item was published, else when it was first seen. */
  at: string;
  deadline: string | null;
  /** The stage as the source names it ("Valiokuntakäsittely", "Käsittely päättynyt"). */
  stage: string | null;
  language: Lang;
  /** Its self and about identifiers (mentions play no part in a matter). */
  identifiers: Identifier[];
  /** A statute's entry into force (YYYY-MM-DD), as its text states it. */
  inForce?: string | null;
  /** The days (YYYY-MM-DD, Helsinki) a bill reached stages, as its source dates them (Item.stageDays). */
  stageDays?: Partial<Record<MatterStage, string>> | null;
}

/**
 * One stage a matter reached: when (an ISO instant; for "in force" its day, YYYY-MM-DD; null when only a stated
 * relation showed it) and through which item.
 */
export interface StageReached {
  stage: MatterStage;
  at: string | null;
  item: number;
}

/** What is stored of a matter beside its items. */
export interface MatterSummary {
  title: string;
  stage: MatterStage | null;
  stageAt: string | null;
  deadline: string | null;
  stages: StageReached[];
  /**
   * The day its statute comes (or came) into force: the earliest its statutes state. From that day on the matter is
   * in force, a stage dated by that day; before it the matter is published, in force on this day.
   */
  inForce: string | null;
  /** The item the title comes from, and the one whose deadline is the matter's (not stored: change events name them). */
  titleItem: number;
  deadlineItem: number | null;
}

const KIND_STAGE: Partial<Record<ItemKind, MatterStage>> = {
  project: 'preparation',
  'statement-request': 'statement-round',
  bill: 'government-proposal',
  'committee-report': 'committee',
  statute: 'statute-published',
};

/** A pattern matching any of the words (none is a pattern character), in either case. */
const anyOf = (...words: string[]): RegExp => new RegExp(words.join('|'), 'i');

// Eduskunta's processing stages of a bill by what they say, each name written once.
/** In committee. */
const COMMITTEE_WORDS = ['valiokunta', 'utskott'];
/** Any processing or reply (a plenary reading names its processing). */
const PROCESSING_WORDS = ['käsittely', 'behandl', 'vastaus', 'svar'];
/** A plenary reading after the committee's report. */
const READING_WORDS = ['ensimmäinen käsittely', 'toinen käsittely', 'första behandling', 'andra behandling'];
/** Parliament's reply. */
const REPLY_WORDS = ['eduskunnan vastaus', 'riksdagens svar'];
/** Processed to the end, with or without a reply. */
const ENDED_WORDS = ['päättynyt', 'käsitelty', 'avslutad', 'behandlad'];

/** Eduskunta's processing stage of a bill in committee. */
const IN_COMMITTEE = anyOf(...COMMITTEE_WORDS);
/** Eduskunta's processing stage of a bill processed to the end (parliament replied). */
const REPLIED = anyOf(...ENDED_WORDS, ...REPLY_WORDS);
/** Eduskunta's stages of a bill past committee: a plenary reading after the committee's report, parliament's reply. */
const PAST_COMMITTEE = anyOf(...READING_WORDS, ...REPLY_WORDS);
/**
 * Eduskunta's stage of a bill past its giving: in committee, in a plenary reading (any processing or reply it names,
 * which holds every reading and reply), processed to the end. Eduskunta dates a bill by its latest processing event, so
 * then the item's date is not the day the bill was given.
 */
const PAST_GIVING = anyOf(...COMMITTEE_WORDS, ...PROCESSING_WORDS, ...ENDED_WORDS);

/**
 * The stages one item shows: dated by the item itself (`at` null), by a day its source gives the stage (`at`, the
 * instant that day begins in Helsinki), or undated when only an identifier it states shows one.
 */
export function stagesOf(m: MatterMember): { stage: MatterStage; dated: boolean; at?: string }[] {
  const out: { stage: MatterStage; dated: boolean; at?: string }[] = [];
  const kindStage = KIND_STAGE[m.kind];
  // A bill in committee or later is dated by that processing, not by its giving (a referral debate is days after).
  if (kindStage) out.push({ stage: kindStage, dated: m.kind !== 'bill' || !m.stage || !PAST_GIVING.test(m.stage) });
  // A project's own schedule names its comment round (Hankeikkuna's LAUSUNTOKIERROS): the round is there, dated by
  // the statement request when one comes.
  if (m.kind === 'project' && m.deadline) out.push({ stage: 'statement-round', dated: false });
  // Eduskunta's processing stage of a bill: in committee, or processed to the end (parliament replied).
  if (m.kind === 'bill' && m.stage) {
    if (IN_COMMITTEE.test(m.stage)) out.push({ stage: 'committee', dated: true });
    // In a plenary reading or answered, it was in committee before (every bill is sent to one), undated unless dated.
    else if (PAST_COMMITTEE.test(m.stage)) out.push({ stage: 'committee', dated: false });
    if (REPLIED.test(m.stage)) out.push({ stage: 'parliament-reply', dated: true });
  }
  for (const i of m.identifiers) {
    // A reply or a statute the item names as its own is the stage itself; one it states it led to is undated, as is a
    // government proposal another kind of item states (a project's heNumerot, a statute's HE): numbered once given.
    if (i.type === 'he' && m.kind !== 'bill' && i.role === 'about') out.push({ stage: 'government-proposal', dated: false });
    if (i.type === 'ev') out.push({ stage: 'parliament-reply', dated: i.role === 'self' && !kindStage });
    if (i.type === 'committee' && m.kind !== 'committee-report') out.push({ stage: 'committee', dated: false });
    if (i.type === 'statute' && m.kind !== 'statute' && i.role === 'about') out.push({ stage: 'statute-published', dated: false });
  }
  // The days the source gives a bill's stages (given, sent to committee, answered) date them, whatever its stage now:
  // Helsinki dates as normalize checked them, read by the same reader (a date-only day is the instant it begins).
  if (m.kind === 'bill' && m.stageDays) {
    for (const stage of MATTER_STAGES) {
      const at = parseDate(m.stageDays[stage]);
      if (at) out.push({ stage, dated: true, at });
    }
  }
  return out;
}

/** Kinds whose title names a matter best, most authoritative first (the HE's, else the project's …). */
const TITLE_KINDS: ItemKind[] = ['bill', 'project', 'statement-request', 'statute', 'committee-report'];
const titleRank = (k: ItemKind): number => (TITLE_KINDS.includes(k) ? TITLE_KINDS.indexOf(k) : TITLE_KINDS.length);

/**
 * A matter's title, stage, deadline and stages from its items on the day `today` (YYYY-MM-DD, Helsinki): the same
 * for the same items in any order. Only the "in force" stage depends on the day.
 */
export function summarizeMatter(members: MatterMember[], today: string): MatterSummary {
  if (!members.length) throw new Error('a matter has at least one item');
  // Ties are broken by content, never by id or order, so linking in any order names the matter alike.
  const byTitle = [...members].sort((a, b) => titleRank(a.kind) - titleRank(b.kind) || (a.language === b.language ? 0 : a.language === 'fi' ? -1 : 1)
    || byCodeUnit(a.at, b.at) || byCodeUnit(a.title, b.title));
  const reached = new Map<MatterStage, StageReached>();
  for (const m of [...members].sort((a, b) => byCodeUnit(a.at, b.at) || byCodeUnit(a.title, b.title))) {
    for (const s of stagesOf(m)) {
      const at = s.at ?? (s.dated ? m.at : null);
      const had = reached.get(s.stage);
      // The earliest dated showing counts; an undated one only until a dated one comes.
      if (!had || (at !== null && (had.at === null || at < had.at))) reached.set(s.stage, { stage: s.stage, at, item: m.id });
    }
  }
  // In force from the earliest date a statute of the matter states (ties go to the earliest item, in any order).
  const statute = members.filter((m) => m.kind === 'statute' && m.inForce)
    .sort((a, b) => byCodeUnit(a.inForce!, b.inForce!) || byCodeUnit(a.at, b.at) || byCodeUnit(a.title, b.title))[0];
  if (statute && statute.inForce! <= today) reached.set('in-force', { stage: 'in-force', at: statute.inForce!, item: statute.id });
  const stages = MATTER_STAGES.filter((s) => reached.has(s)).map((s) => reached.get(s)!);
  const last = stages.at(-1) ?? null;
  // The latest deadline of the statement requests, else of the projects; ties go to the earliest item (any order).
  const byDeadline = (kind: ItemKind) => members.filter((m) => m.kind === kind && m.deadline)
    .sort((a, b) => byCodeUnit(b.deadline!, a.deadline!) || byCodeUnit(a.at, b.at) || byCodeUnit(a.title, b.title))[0];
  const deadline = byDeadline('statement-request') ?? byDeadline('project');
  return {
    title: byTitle[0].title,
    stage: last?.stage ?? null,
    stageAt: last?.at ?? null,
    deadline: deadline?.deadline ?? null,
    stages,
    inForce: statute?.inForce ?? null,
    titleItem: byTitle[0].id,
    deadlineItem: deadline?.id ?? null,
  };
}
