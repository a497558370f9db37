// Change events of a matter: what moved between its stored summary and the one its items give now. Pure: the
// store records them (src/store/matters.ts) and src/present/matter-events.ts words them.
import type { MatterStage, MatterSummary } from './stage.js';

/**
 * A kind of change to a matter: an item joined it (old NULL, new its title) or left it (old its title, new NULL: a
 * reviewer split it off), or its stage, statement deadline or title moved.
 */
export type MatterEventType = 'item' | 'stage' | 'deadline' | 'title';

/** One change, as stored: old and new values (stage names, ISO dates, titles), and the item that showed it. */
export interface MatterChange {
  type: MatterEventType;
  old: string | null;
  new: string | null;
  /** The item that showed the new value (for a deadline or title gone, none). */
  itemId: number | null;
}

/** A change as stored, with when it was recorded (the clock of the run or relink that saw it). */
export interface MatterEvent extends MatterChange {
  at: string;
}

/** What a matter's summary was when last stored (its stored columns). */
export interface StoredSummary {
  title: string;
  stage: MatterStage | null;
  deadline: string | null;
}

/**
 * The changes from a stored summary to a new one: the stage (the latest reached), the statement deadline and the
 * title, in that order. A matter never summarised before (stored with an empty title: made in this transaction)
 * has no changes: it is new as a whole.
 */
export function summaryChanges(before: StoredSummary, after: MatterSummary): MatterChange[] {
  if (before.title === '') return [];
  const out: MatterChange[] = [];
  if (before.stage !== after.stage) {
    const shown = after.stages.find((s) => s.stage === after.stage);
    out.push({ type: 'stage', old: before.stage, new: after.stage, itemId: shown?.item ?? null });
  }
  if (before.deadline !== after.deadline) out.push({ type: 'deadline', old: before.deadline, new: after.deadline, itemId: after.deadlineItem });
  if (before.title !== after.title) out.push({ type: 'title', old: before.title, new: after.title, itemId: after.titleItem });
  return out;
}
