// A reviewer's decision on an item, the one path the CLI's `review` and the web workbench share: checked, stored
// with who and when, and so learned from (the tag stage relearns when reviewsVersion changes).
import { getItem, insertReview, type Db } from '../store/index.js';

/** A decision that cannot be recorded (unknown item or goal, no goals): the message says which. */
export class ReviewError extends Error {
  /** `missing`: the item is not there (a failure), not a mistake in the decision. */
  constructor(message: string, readonly missing = false) {
    super(message);
    this.name = 'ReviewError';
  }
}

export interface Decision {
  itemId: number;
  reviewer: string;
  relevant: boolean;
  /** The goals the item concerns (when relevant), best first. */
  goals: string[];
  note?: string | null;
}

/** Record the decision; `known` is the taxonomy's goal ids. Returns the review's id and the goals it rejected. */
export function recordReview(db: Db, known: string[], d: Decision): { id: number; rejected: string[] } {
  const unknown = d.goals.filter((g) => !known.includes(g));
  if (unknown.length) throw new ReviewError(`unknown goal "${unknown[0]}" (goals: ${known.join(', ')})`);
  if (d.relevant && !d.goals.length) throw new ReviewError('a relevant item needs at least one goal');
  const reviewer = d.reviewer.trim();
  if (!reviewer) throw new ReviewError('every decision records who made it');
  const item = getItem(db, d.itemId);
  if (!item) throw new ReviewError(`no item with id ${d.itemId}`, true);
  // Goals the tagger gave that the reviewer left out are rejections the learner uses.
  const tagged = item.tags?.goals.map((g) => g.goal) ?? [];
  const rejected = d.relevant ? tagged.filter((g) => !d.goals.includes(g)) : known;
  const id = insertReview(db, { itemId: d.itemId, reviewer, relevant: d.relevant, goals: d.relevant ? d.goals : [], rejected, note: d.note?.trim() || null });
  return { id, rejected };
}
