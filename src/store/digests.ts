// What a digest is built from (new items, matter events, open statement rounds), and the network digest's drafts.
import { prepared, type Db } from './db.js';
import { FTS_ITEM_ID } from './search-words.js';
import { listItems, type ItemRow } from './items.js';
import { listJointDeadlines } from './overview.js';
import { listBoardEntries, type BoardStatus } from './board.js';
import { isCandidateOn } from './candidates.js';
import { byCodeUnit } from '../collate.js';

/** A new item as a digest shows it: the listed row plus when it arrived and the tagger's evidence. */
export interface DigestItem extends ItemRow {
  firstSeenAt: string;
  /** The tagger's evidence as stored (see tag/types.ts Evidence); [] when untagged. */
  evidence: unknown[];
  /** A copy's first item's first_seen_at (see ItemRow.sameAs), to tell whether an earlier digest's range held it. */
  sameAsSeenAt?: string | null;
  /** Set by sliceData: the copy's first item was before this recipient's range (see DigestRange), so maybe sent. */
  firstBefore?: boolean;
}

/** A stage change or deadline move of a matter. */
export interface DigestEvent {
  id: number;
  matter: number;
  matterTitle: string;
  /** The language of the item the matter's title comes from (null: not known). */
  matterTitleLang: string | null;
  type: 'stage' | 'deadline';
  old: string | null;
  new: string | null;
  at: string;
  /** The goals of the matter's relevant items (empty: nothing in it is relevant). */
  goals: string[];
}

/** A matter (or lone item) with an open statement round that needs a joint response, with the board's owner and status. */
export interface OpenRound {
  matter: number | null;
  /** The item it was found through (the earliest-deadline candidate, or the board entry's item). */
  item: number;
  title: string;
  deadline: string;
  organisation: string | null;
  goals: string[];
  owner: string | null;
  status: BoardStatus | null;
  internalDeadline: string | null;
  /** The language of the item its title comes from (absent: not known). */
  language?: string;
}

/** Where a digest starts and ends: items and events numbered above `from*` up to `to*`, or stored after `coveredAt`. */
export interface DigestRange {
  fromItemId: number;
  fromEventId: number;
  toItemId: number;
  toEventId: number;
  /** The previous digest's build time ('' when none). */
  coveredAt: string;
  /** Nothing first seen (or recorded) before this instant is included: the cap on how far back a digest reaches. */
  reachBack: string;
}

export interface DigestData {
  items: DigestItem[];
  events: DigestEvent[];
  rounds: OpenRound[];
}

/** The highest item and matter event numbers now: where a digest built now ends. */
export function currentHighWater(db: Db): { itemId: number; eventId: number } {
  return {
    itemId: (prepared(db, 'SELECT coalesce(max(id), 0) FROM items').pluck().get() as number),
    eventId: (prepared(db, 'SELECT coalesce(max(id), 0) FROM matter_events').pluck().get() as number),
  };
}

/** New items in the range, oldest first, with their reviewed goals and the tagger's evidence. */
export function listDigestItems(db: Db, r: DigestRange): DigestItem[] {
  const extra = prepared(db, `SELECT id, first_seen_at AS firstSeenAt, evidence,
      (SELECT f.first_seen_at FROM items f WHERE f.id = items.same_as) AS sameAsSeenAt FROM items
      WHERE first_seen_at >= ? AND id <= ? AND (id > ? OR first_seen_at > ?) ORDER BY id`)
    .all(r.reachBack, r.toItemId, r.fromItemId, r.coveredAt) as { id: number; firstSeenAt: string; evidence: string | null; sameAsSeenAt: string | null }[];
  if (!extra.length) return [];
  const rows = new Map(listItems(db, { ids: extra.map((e) => e.id), limit: extra.length }).map((row) => [row.id, row]));
  return extra.map((e) => ({ ...rows.get(e.id)!, firstSeenAt: e.firstSeenAt, evidence: e.evidence ? (JSON.parse(e.evidence) as unknown[]) : [],
    ...(e.sameAsSeenAt === null ? {} : { sameAsSeenAt: e.sameAsSeenAt }) }));
}

/** Stage changes and deadline moves of matters in the range, in the order they were recorded. */
export function listDigestEvents(db: Db, r: DigestRange): DigestEvent[] {
  const rows = prepared(db, `SELECT e.id, e.matter_id AS matter, m.title AS matterTitle, e.type, e.old_value AS old,
      e.new_value AS new, e.at,
      (SELECT i.language FROM items i WHERE i.matter_id = e.matter_id AND i.title = m.title ORDER BY i.id LIMIT 1) AS matterTitleLang,
      (SELECT json_group_array(DISTINCT g.goal) FROM items i JOIN item_goals g ON g.item_id = i.id
        WHERE i.matter_id = e.matter_id AND i.relevant = 1) AS goals
    FROM matter_events e JOIN matters m ON m.id = e.matter_id
    WHERE e.type IN ('stage', 'deadline') AND e.at >= ? AND e.id <= ? AND (e.id > ? OR e.at > ?) ORDER BY e.id`)
    .all(r.reachBack, r.toEventId, r.fromEventId, r.coveredAt) as (Omit<DigestEvent, 'goals'> & { goals: string })[];
  return rows.map((e) => ({ ...e, goals: JSON.parse(e.goals) as string[] }));
}

/**
 * Open statement rounds needing a joint response, nearest deadline first: joint-response candidates whose deadline
 * is today or later (one per matter), and board entries still being worked on whose deadline has not passed.
 */
export function listOpenRounds(db: Db, today: string, limit = 200): OpenRound[] {
  const board = listBoardEntries(db).filter((b) => ['new', 'review', 'drafting'].includes(b.status) && b.deadline && b.deadline >= today);
  const entryOf = (matter: number | null, item: number) => board.find((b) => (matter !== null && b.matter === matter) || b.itemId === item);
  const rounds = new Map<string, OpenRound>();
  for (const c of listJointDeadlines(db, today, '9999-12-31', limit)) {
    const key = c.matter === null ? `item:${c.id}` : `matter:${c.matter}`;
    if (rounds.has(key) || !c.deadline) continue;
    const b = entryOf(c.matter, c.id);
    rounds.set(key, {
      matter: c.matter, item: c.id, title: c.title, deadline: c.deadline, organisation: c.organisation, goals: c.goals, language: c.language,
      owner: b?.owner ?? null, status: b?.status ?? null, internalDeadline: b?.internalDeadline ?? null,
    });
  }
  for (const b of board) {
    const key = b.matter === null ? `item:${b.itemId}` : `matter:${b.matter}`;
    if (rounds.has(key)) continue;
    const [row] = listItems(db, { ids: [b.itemId], limit: 1 });
    rounds.set(key, {
      matter: b.matter, item: b.itemId, title: b.title, deadline: b.deadline!, organisation: row?.organisation ?? null,
      goals: row?.goals ?? [], owner: b.owner, status: b.status, internalDeadline: b.internalDeadline, language: b.language,
    });
  }
  return [...rounds.values()].sort((a, b) => byCodeUnit(a.deadline, b.deadline) || a.item - b.item).slice(0, limit);
}

/** Everything a digest over this range is built from (one read for all subscribers sharing the range's start). */
export function loadDigestData(db: Db, r: DigestRange, today: string): DigestData {
  // An item is called a joint-response candidate only while it is one on the day the digest is built (or sent).
  const items = listDigestItems(db, r).map((i) => (i.joint && !isCandidateOn(i, today) ? { ...i, joint: false } : i));
  return { items, events: listDigestEvents(db, r), rounds: listOpenRounds(db, today) };
}

// ---- The network digest's drafts ----

export type DigestStatus = 'draft' | 'approved' | 'sent';
export type Section = 'respond' | 'moved' | 'new';

/** What a stored digest or delivery covered: its period and the item and event numbers above `from*` up to `to*`. */
export interface CoveredSpan {
  periodStart: string;
  periodEnd: string;
  fromItemId: number;
  toItemId: number;
  fromEventId: number;
  toEventId: number;
}

export interface StoredDigest extends CoveredSpan {
  id: number;
  status: DigestStatus;
  intro: string | null;
  /** The introduction in Swedish, for Swedish recipients; null: they get `intro`. */
  introSv: string | null;
  builtAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  sentAt: string | null;
}

/** One entry of a draft: `ref` is 'matter:N', 'item:N' or 'event:N'; `goal` groups the new items. */
export interface DraftEntry {
  section: Section;
  ref: string;
  goal: string | null;
  position: number;
  removed: boolean;
}

const DIGEST_COLUMNS = `id, period_start AS periodStart, period_end AS periodEnd, from_item_id AS fromItemId,
  to_item_id AS toItemId, from_event_id AS fromEventId, to_event_id AS toEventId, status, intro, intro_sv AS introSv, built_at AS builtAt,
  approved_by AS approvedBy, approved_at AS approvedAt, sent_at AS sentAt`;

/** The draft or approved digest not yet sent, if any (there is at most one). */
export function openDigest(db: Db): StoredDigest | undefined {
  return prepared(db, `SELECT ${DIGEST_COLUMNS} FROM digests WHERE status <> 'sent'`).get() as StoredDigest | undefined;
}

/** The last digest sent, if any: the next one starts where it ended. */
export function lastSentDigest(db: Db): StoredDigest | undefined {
  return prepared(db, `SELECT ${DIGEST_COLUMNS} FROM digests WHERE status = 'sent' ORDER BY id DESC LIMIT 1`).get() as StoredDigest | undefined;
}

/** One digest by number. */
export function getDigest(db: Db, id: number): StoredDigest | undefined {
  return prepared(db, `SELECT ${DIGEST_COLUMNS} FROM digests WHERE id = ?`).get(id) as StoredDigest | undefined;
}

/** Store a new draft with its entries (positions as given); returns its number. */
export function insertDraft(db: Db, d: Pick<StoredDigest, 'periodStart' | 'periodEnd' | 'fromItemId' | 'toItemId' | 'fromEventId' | 'toEventId' | 'builtAt'>,
  entries: Omit<DraftEntry, 'removed'>[]): number {
  return db.transaction(() => {
    const id = Number(prepared(db, `INSERT INTO digests (period_start, period_end, from_item_id, to_item_id, from_event_id,
        to_event_id, built_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(d.periodStart, d.periodEnd, d.fromItemId, d.toItemId, d.fromEventId, d.toEventId, d.builtAt).lastInsertRowid);
    const add = prepared(db, 'INSERT INTO digest_entries (digest_id, section, ref, goal, position) VALUES (?, ?, ?, ?, ?)');
    for (const e of entries) add.run(id, e.section, e.ref, e.goal, e.position);
    return id;
  })();
}

/** A draft's entries, in order within each section (removed ones included, marked). */
export function listDraftEntries(db: Db, digestId: number): DraftEntry[] {
  return (prepared(db, `SELECT section, ref, goal, position, removed FROM digest_entries WHERE digest_id = ?
      ORDER BY section, position, ref`).all(digestId) as (Omit<DraftEntry, 'removed'> & { removed: number })[])
    .map((e) => ({ ...e, removed: e.removed === 1 }));
}

/** Remove an entry from a draft, or put it back; false when the digest is no longer a draft or has no such entry. */
export function setEntryRemoved(db: Db, digestId: number, section: Section, ref: string, removed: boolean): boolean {
  return prepared(db, `UPDATE digest_entries SET removed = ? WHERE digest_id = ? AND section = ? AND ref = ?
      AND digest_id IN (SELECT id FROM digests WHERE status = 'draft')`).run(Number(removed), digestId, section, ref).changes > 0;
}

/** Put a section's entries of a draft in this order (refs not named keep their place after them). */
export function reorderEntries(db: Db, digestId: number, section: Section, refs: string[]): boolean {
  if (getDigest(db, digestId)?.status !== 'draft') return false;
  db.transaction(() => {
    const rest = listDraftEntries(db, digestId).filter((e) => e.section === section && !refs.includes(e.ref)).map((e) => e.ref);
    const set = prepared(db, 'UPDATE digest_entries SET position = ? WHERE digest_id = ? AND section = ? AND ref = ?');
    [...refs, ...rest].forEach((ref, n) => set.run(n, digestId, section, ref));
  })();
  return true;
}

/** Set a draft's introduction (null removes it), and given `introSv`, its Swedish one (null removes that). */
export function setIntro(db: Db, digestId: number, intro: string | null, introSv?: string | null): boolean {
  if (introSv !== undefined)
    return prepared(db, "UPDATE digests SET intro = ?, intro_sv = ? WHERE id = ? AND status = 'draft'").run(intro, introSv, digestId).changes > 0;
  return prepared(db, "UPDATE digests SET intro = ? WHERE id = ? AND status = 'draft'").run(intro, digestId).changes > 0;
}

/** Approve a draft for sending; false when it is not a draft. */
export function approveDigest(db: Db, digestId: number, by: string, now: string): boolean {
  return prepared(db, "UPDATE digests SET status = 'approved', approved_by = ?, approved_at = ? WHERE id = ? AND status = 'draft'")
    .run(by, now, digestId).changes > 0;
}

/** Take back an approval: the digest is a draft again, to edit and approve anew; false when it is not approved (a sent one never changes). */
export function unapproveDigest(db: Db, digestId: number): boolean {
  return prepared(db, "UPDATE digests SET status = 'draft', approved_by = NULL, approved_at = NULL WHERE id = ? AND status = 'approved'")
    .run(digestId).changes > 0;
}

/** Record that an approved digest was handed to its recipients' deliveries. */
export function markDigestSent(db: Db, digestId: number, now: string): void {
  prepared(db, "UPDATE digests SET status = 'sent', sent_at = ? WHERE id = ? AND status = 'approved'").run(now, digestId);
}

/** Items in the range that a saved search (an FTS5 expression, see tag/index-terms.ts searchQuery) finds. */
export function searchItemIds(db: Db, match: string, r: DigestRange): Set<number> {
  return new Set(prepared(db, `SELECT i.id FROM items i WHERE i.id IN (SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ?)
      AND i.first_seen_at >= ? AND i.id <= ? AND (i.id > ? OR i.first_seen_at > ?)`)
    .pluck().all(match, r.reachBack, r.toItemId, r.fromItemId, r.coveredAt) as number[]);
}
