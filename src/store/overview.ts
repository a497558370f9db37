// What the overview page reads: joint-response deadlines, arrivals per goal and week, matters that moved a stage.
import { limitRows, prepared, type Db } from './db.js';
import { untilChanged } from './data-version.js';
import { listRowSelect, readListRows, type ListRow } from './items.js';

/** A place in the deadline order of joint-response candidates: after this deadline and item. */
export interface JointCursor {
  deadline: string;
  id: number;
}

/**
 * Joint-response candidates whose deadline is between `from` and `to` (YYYY-MM-DD, both inclusive), nearest first;
 * an item a reviewer marked not relevant is left out; `after` continues a list; `identifiers: false` and
 * `summaries: false` read none (see readListRows and listRowSelect). Read through items_by_joint (deadline) WHERE joint = 1.
 */
export function listJointDeadlines(db: Db, from: string, to: string, limit = 100, after?: JointCursor, opts: { identifiers?: boolean; summaries?: boolean } = {}): ListRow[] {
  return (after
    ? readListRows(db, `${listRowSelect('items i INDEXED BY items_by_joint', opts)}
        WHERE i.joint = 1 AND i.deadline BETWEEN ? AND ? AND (i.deadline, i.id) > (?, ?) AND COALESCE(r.relevant, 1) = 1
        ORDER BY i.deadline, i.id ${limitRows(limit)}`, [from, to, after.deadline, after.id], opts)
    : readListRows(db, `${listRowSelect('items i INDEXED BY items_by_joint', opts)}
        WHERE i.joint = 1 AND i.deadline BETWEEN ? AND ? AND COALESCE(r.relevant, 1) = 1
        ORDER BY i.deadline, i.id ${limitRows(limit)}`, [from, to], opts)).rows;
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
 * week ends at `end`), counted per goal (a reviewer's goals win). The tagger's goals are counted from the list index
 * and the goals index alone; only the few reviewed items of those weeks are read row by row to put their
 * reviewers' goals in place of the tagger's.
 */
export function countWeeklyArrivals(db: Db, starts: string[], end: string): WeekCounts[] {
  if (!starts.length) return [];
  const week = `CASE ${starts.slice(1).map((_, n) => `WHEN i.sort_key < ? THEN ${n}`).join(' ')} ELSE ${starts.length - 1} END`;
  const bounds = [...starts.slice(1)];
  const range = [starts[0], end];
  const weeks: WeekCounts[] = starts.map((start) => ({ start, total: 0, goals: {} }));
  const add = (n: number, goal: string, c: number) => (weeks[n].goals[goal] = (weeks[n].goals[goal] ?? 0) + c);
  for (const r of prepared(db, `SELECT ${week} AS n, count(*) AS c FROM items i INDEXED BY items_by_sort
      WHERE i.sort_key >= ? AND i.sort_key < ? GROUP BY n`).all(...bounds, ...range) as { n: number; c: number }[])
    weeks[r.n].total = r.c;
  for (const r of prepared(db, `SELECT ${week} AS n, g.goal, count(*) AS c FROM items i INDEXED BY items_by_sort
      JOIN item_goals g INDEXED BY item_goals_by_rank ON g.item_id = i.id
      WHERE i.sort_key >= ? AND i.sort_key < ? GROUP BY n, g.goal`).all(...bounds, ...range) as { n: number; goal: string; c: number }[])
    add(r.n, r.goal, r.c);
  const reviewed = prepared(db, `SELECT ${week} AS n, r.relevant, r.goals,
      (SELECT json_group_array(goal) FROM item_goals WHERE item_id = i.id) AS machine
    FROM items i INDEXED BY items_reviewed_sort JOIN reviews r ON r.id = i.latest_review_id
    WHERE i.latest_review_id IS NOT NULL AND i.sort_key >= ? AND i.sort_key < ?`).all(...bounds, ...range) as
    { n: number; relevant: number; goals: string; machine: string }[];
  for (const r of reviewed) {
    for (const g of JSON.parse(r.machine) as string[]) add(r.n, g, -1);
    if (r.relevant === 1) for (const g of JSON.parse(r.goals) as string[]) add(r.n, g, 1);
  }
  for (const w of weeks) for (const g of Object.keys(w.goals)) if (w.goals[g] === 0) delete w.goals[g];
  return weeks;
}

/** How many joint-response candidates have their deadline between `from` and `to` (an index range count). */
export function countJointDeadlines(db: Db, from: string, to: string): number {
  return prepared(db, `SELECT count(*) FROM items i LEFT JOIN reviews r ON r.id = i.latest_review_id
    WHERE i.joint = 1 AND i.deadline BETWEEN ? AND ? AND COALESCE(r.relevant, 1) = 1`).pluck().get(from, to) as number;
}

/** countJointDeadlines answered once per range until the database changes (the overview's buckets, the board's totals). */
export function jointDeadlineCounter(db: Db): (from: string, to: string) => number {
  const counts = untilChanged(db, () => new Map<string, number>());
  return (from, to) => {
    const known = counts();
    const key = `${from} ${to}`;
    let n = known.get(key);
    if (n === undefined) known.set(key, (n = countJointDeadlines(db, from, to)));
    return n;
  };
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
  /** The language of the item its title comes from. */
  language: string | null;
}

/** Matters whose current stage was reached at or after `since`, latest first (read through matters_by_stage_at). */
export function listMovedMatters(db: Db, since: string, limit = 20): MovedMatter[] {
  return prepared(db, `SELECT m.id, m.title, m.stage, m.stage_at AS stageAt, m.deadline,
      (SELECT count(*) FROM items WHERE matter_id = m.id) AS items,
      (SELECT language FROM items WHERE matter_id = m.id AND title = m.title LIMIT 1) AS language
    FROM matters m WHERE m.stage_at >= ? ORDER BY m.stage_at DESC, m.id DESC ${limitRows(limit)}`).all(since) as MovedMatter[];
}

/** How many items each source has stored (kept in source_item_counts: counted up per saved batch, down by a trigger; see migrations 008 and 012). */
export function countItemsBySource(db: Db): Map<string, number> {
  return new Map((prepared(db, 'SELECT source_id AS id, items FROM source_item_counts').all() as { id: string; items: number }[]).map((r) => [r.id, r.items]));
}
