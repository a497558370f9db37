// A reviewer's decision on an item, the one path the CLI's `review` and the web workbench share: checked, stored
// with who and when, and so learned from (the tag stage relearns when reviewsVersion changes).
import { getItem, insertReview, latestReview, type Db } from '../store/index.js';
import { controlCharacter, controlProblem } from './control-chars.js';

/**
 * Why a decision was not recorded: the item is not there, a value is wrong (a goal, none, no reviewer), or `conflict`:
 * the item was reviewed after the person's form showed it (another tab, another reviewer, a form sent again).
 */
export type ReviewProblem = 'missing' | 'unknownGoal' | 'noGoal' | 'noReviewer' | 'control' | 'conflict';

/** A decision that cannot be recorded: the message says which, `problem` and `values` say it for other languages. */
export class ReviewError extends Error {
  constructor(message: string, readonly problem: ReviewProblem, readonly values: Record<string, string> = {}) {
    super(message);
    this.name = 'ReviewError';
  }

  /** The item is not there (a failure), not a mistake in the decision. */
  get missing(): boolean {
    return this.problem === 'missing';
  }
}

export interface Decision {
  itemId: number;
  reviewer: string;
  relevant: boolean;
  /** The goals the item concerns (when relevant), best first. */
  goals: string[];
  note?: string | null;
  /**
   * The item's latest review when the person saw it (null: none): a later one is a conflict, so a decision made on
   * what someone has since changed is not stored over it. Undefined: not checked (the CLI states a decision outright).
   */
  seen?: number | null;
}

/** Record the decision; `known` is the taxonomy's goal ids. Returns the review's id and the goals it rejected. */
export function recordReview(db: Db, known: string[], d: Decision): { id: number; rejected: string[] } {
  const unknown = d.goals.filter((g) => !known.includes(g));
  if (unknown.length) throw new ReviewError(`unknown goal "${unknown[0]}" (goals: ${known.join(', ')})`, 'unknownGoal', { goal: unknown[0] });
  if (d.relevant && !d.goals.length) throw new ReviewError('a relevant item needs at least one goal', 'noGoal');
  const reviewer = d.reviewer.trim();
  if (!reviewer) throw new ReviewError('every decision records who made it', 'noReviewer');
  // An escape or a line break in a name, an escape in a note: stored as typed, it reached every terminal and page.
  for (const [option, value, lines] of [['--reviewer', reviewer, false], ['--note', d.note ?? '', true]] as const) {
    const c = controlCharacter(value, { lines });
    if (c) throw new ReviewError(controlProblem(option, value, { lines })!, 'control', { field: option.slice(2), code: c.code, at: String(c.at) });
  }
  const item = getItem(db, d.itemId);
  if (!item) throw new ReviewError(`no item with id ${d.itemId}`, 'missing');
  const latest = d.seen === undefined ? undefined : latestReview(db, d.itemId);
  if (latest && latest.id !== d.seen)
    throw new ReviewError(`item ${d.itemId} was reviewed since (${latest.reviewer}, ${latest.at})`, 'conflict', { reviewer: latest.reviewer, at: latest.at });
  // Goals the tagger gave that the reviewer left out are rejections the learner uses.
  const tagged = item.tags?.goals.map((g) => g.goal) ?? [];
  const rejected = d.relevant ? tagged.filter((g) => !d.goals.includes(g)) : known;
  const id = insertReview(db, { itemId: d.itemId, reviewer, relevant: d.relevant, goals: d.relevant ? d.goals : [], rejected, note: d.note?.trim() || null });
  return { id, rejected };
}
