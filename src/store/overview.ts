// What the overview page reads: joint-response deadlines, arrivals per goal and week, matters that moved a stage.
import { prepared, type Db } from './db.js';
import { listItems, type ItemRow } from './items.js';
import { withMatterStage } from './item-filter.js';

/**
 * Joint-response candidates whose deadline is between `from` and `to` (YYYY-MM-DD, both inclusive), nearest first;
 * an item a reviewer marked not relevant is left out. Read through items_by_joint (deadline) WHERE joint = 1.
 */
export function listJointDeadlines(db: Db, from: string, to: string, limit = 100): (ItemRow & { matterStage: string | null })[] {
  const ids = prepared(db, `SELECT i.id FROM items i LEFT JOIN reviews r ON r.id = i.latest_review_id
    WHERE i.joint = 1 AND i.deadline BETWEEN ? AND ? AND COALESCE(r.relevant, 1) = 1
    ORDER BY i.deadline, i.id LIMIT ?`).pluck().all(from, to, limit) as number[];
  const order = new Map(ids.map((id, n) => [id, n]));
  return withMatterStage(db, ids.length ? listItems(db, { ids, limit: ids.length }).sort((a, b) => order.get(a.id)! - order.get(b.id)!) : []);
}

/** How many items of each goal (and in all) were published in each week. */
export interface WeekCounts {
  /** ISO instant the week starts (Monday 00.00 Helsinki time). */
  start: string;
  total: number;
  goals: Record<string, number>;
}

/**
 * Items published (else first seen) in each week that starts at one of `starts` (ascending ISO instants; the last
 * week ends at `end`), counted per goal (a reviewer's goals win). Reads only the weeks' range of items_by_sort.
 */
export function countWeeklyArrivals(db: Db, starts: string[], end: string): WeekCounts[] {
  const count = prepared(db, `WITH picked AS (
      SELECT i.id, r.id AS rid, r.relevant AS rrel, r.goals AS rgoals
      FROM items i LEFT JOIN reviews r ON r.id = i.latest_review_id WHERE i.sort_key >= ? AND i.sort_key < ?
    )
    SELECT NULL AS goal, count(*) AS c FROM picked
    UNION ALL
    SELECT g.goal, count(*) FROM picked JOIN item_goals g ON g.item_id = picked.id WHERE picked.rid IS NULL GROUP BY g.goal
    UNION ALL
    SELECT j.value, count(*) FROM picked JOIN json_each(picked.rgoals) j WHERE picked.rid IS NOT NULL AND picked.rrel = 1
      GROUP BY j.value`);
  return starts.map((start, n) => {
    const week: WeekCounts = { start, total: 0, goals: {} };
    for (const r of count.all(start, starts[n + 1] ?? end) as { goal: string | null; c: number }[]) {
      if (r.goal === null) week.total = r.c;
      else week.goals[r.goal] = (week.goals[r.goal] ?? 0) + r.c;
    }
    return week;
  });
}

/** A matter that reached its current stage recently. */
export interface MovedMatter {
  id: number;
  title: string;
  stage: string | null;
  stageAt: string;
  deadline: string | null;
  /** How many items it holds. */
  items: number;
}

/** Matters whose current stage was reached at or after `since`, latest first (read through matters_by_stage_at). */
export function listMovedMatters(db: Db, since: string, limit = 20): MovedMatter[] {
  return prepared(db, `SELECT m.id, m.title, m.stage, m.stage_at AS stageAt, m.deadline,
      (SELECT count(*) FROM items WHERE matter_id = m.id) AS items
    FROM matters m WHERE m.stage_at >= ? ORDER BY m.stage_at DESC, m.id DESC LIMIT ?`).all(since, limit) as MovedMatter[];
}

/** How many items each source has stored (one pass over the source index's distinct keys, never over items). */
export function countItemsBySource(db: Db): Map<string, number> {
  const ids = prepared(db, 'SELECT id FROM sources').pluck().all() as string[];
  const count = prepared(db, 'SELECT count(*) FROM items WHERE source_id = ?').pluck();
  return new Map(ids.map((id) => [id, count.get(id) as number]));
}
