// Reviewers' decisions on tags: stored with who and when, never overwritten by retagging.
import { prepared, type Db } from './db.js';
import type { Consultation, ItemForTagging } from '../model.js';

/** One decision as a reviewer made it. */
export interface ReviewInput {
  itemId: number;
  reviewer: string;
  relevant: boolean;
  /** Goals confirmed or added (best first); empty when not relevant. */
  goals: string[];
  /** Goals the reviewer removed. */
  rejected: string[];
  primary?: string | null;
  note?: string | null;
  at?: string;
}

/** An item's latest decision: its id, who and when (undefined when it has none). */
export function latestReview(db: Db, itemId: number): { id: number; reviewer: string; at: string } | undefined {
  return prepared(db, 'SELECT r.id, r.reviewer, r.at FROM items i JOIN reviews r ON r.id = i.latest_review_id WHERE i.id = ?')
    .get(itemId) as { id: number; reviewer: string; at: string } | undefined;
}

/** The latest decision's id of each of these items that has one, in one statement (a page of rows, each with a form). */
export function latestReviewIds(db: Db, itemIds: number[]): Map<number, number> {
  if (!itemIds.length) return new Map();
  const rows = prepared(db, 'SELECT id, latest_review_id FROM items WHERE id IN (SELECT value FROM json_each(?)) AND latest_review_id IS NOT NULL')
    .raw(true).all(JSON.stringify(itemIds)) as [number, number][];
  return new Map(rows);
}

/**
 * Record a decision; throws if the item does not exist. A press release reached through several feeds (see
 * ItemRow.sameAs) is one release: the decision is recorded on each of its items, and the id returned is the one on
 * the item named.
 */
export function insertReview(db: Db, r: ReviewInput): number {
  const exists = prepared(db, 'SELECT 1 FROM items WHERE id = ?').get(r.itemId);
  if (!exists) throw new Error(`no item with id ${r.itemId}`);
  const insert = prepared(db, `INSERT INTO reviews (item_id, reviewer, at, relevant, goals, rejected, primary_goal, note)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const at = r.at ?? new Date().toISOString();
  const values = [r.reviewer, at, Number(r.relevant), JSON.stringify(r.goals), JSON.stringify(r.rejected), r.primary ?? r.goals[0] ?? null, r.note ?? null];
  const id = Number(insert.run(r.itemId, ...values).lastInsertRowid);
  for (const other of releaseCopies(db, r.itemId)) insert.run(other, ...values);
  return id;
}

/**
 * The other items of the release an item is one of (its first stored item and that one's copies; none if it is no copy).
 * Here, not in items.ts: a crawl, which reads the reviews to learn from, loads no item reader.
 */
export const RELEASE_COPIES_SQL = `SELECT g.id FROM items i JOIN items g ON g.id = coalesce(i.same_as, i.id) OR g.same_as = coalesce(i.same_as, i.id)
  WHERE i.id = ? AND i.kind = 'press-release' AND g.id <> i.id`;
const releaseCopies = (db: Db, itemId: number): number[] => prepared(db, RELEASE_COPIES_SQL).pluck().all(itemId) as number[];

/** The latest decision per item, with the item's text, for learning. */
export interface ReviewedItem extends Omit<ReviewRecord, 'id' | 'note'>, ItemForTagging {
  itemId: number;
  /** The item's own identifier ("type value", the least if several): a document's language versions share it. */
  selfIdentifier: string | null;
}

/** Each reviewed item's latest decision (earlier ones stay in the table as history). */
export function listLatestReviews(db: Db): ReviewedItem[] {
  const rows = prepared(db, `SELECT r.item_id AS itemId, r.reviewer, r.at, r.relevant, r.goals, r.rejected, r.primary_goal AS "primary",
        i.title, i.summary, i.source_id AS sourceId, i.language, i.kind, i.organisation, i.deadline, i.consultation,
        (SELECT MIN(ii.type || ' ' || ii.value) FROM item_identifiers ii WHERE ii.item_id = i.id AND ii.role = 'self') AS selfIdentifier
      FROM items i JOIN reviews r ON r.id = i.latest_review_id
      -- A release reached through several feeds is learnt from once: from its first stored item when that is reviewed.
      WHERE i.same_as IS NULL OR NOT EXISTS (SELECT 1 FROM items f WHERE f.id = i.same_as AND f.latest_review_id IS NOT NULL)
      ORDER BY r.at, r.id`)
    .all() as (Omit<ReviewedItem, 'relevant' | 'goals' | 'rejected' | 'consultation'> & {
      relevant: number; goals: string; rejected: string; consultation: string | null;
    })[];
  return rows.map((r) => ({
    ...r,
    relevant: r.relevant === 1,
    goals: JSON.parse(r.goals) as string[],
    rejected: JSON.parse(r.rejected) as string[],
    consultation: r.consultation ? (JSON.parse(r.consultation) as Consultation) : null,
  }));
}

/** One stored decision, as an item's history shows it. */
export interface ReviewRecord {
  id: number;
  reviewer: string;
  at: string;
  relevant: boolean;
  goals: string[];
  rejected: string[];
  primary: string | null;
  note: string | null;
}

/** Every decision on one item, oldest first (the last one counts). */
export function listReviews(db: Db, itemId: number): ReviewRecord[] {
  return (prepared(db, `SELECT id, reviewer, at, relevant, goals, rejected, primary_goal AS "primary", note
      FROM reviews WHERE item_id = ? ORDER BY at, id`).all(itemId) as (Omit<ReviewRecord, 'relevant' | 'goals' | 'rejected'> & {
    relevant: number; goals: string; rejected: string;
  })[]).map((r) => ({
    ...r, relevant: r.relevant === 1, goals: JSON.parse(r.goals) as string[], rejected: JSON.parse(r.rejected) as string[],
  }));
}

/** Changes whenever a decision is added, so a running process knows to learn again. */
export function reviewsVersion(db: Db): string {
  const r = prepared(db, 'SELECT count(*) AS n, COALESCE(max(id), 0) AS last FROM reviews').get() as { n: number; last: number };
  return `${r.n}:${r.last}`;
}
