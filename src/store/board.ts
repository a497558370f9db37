// The joint-response board: matters (or lone items) people decided to answer together, with owner and status.
import { prepared, type Db } from './db.js';

/** new → under review → drafting → submitted (with the response's link) → closed, or no response. */
export const BOARD_STATUSES = ['new', 'review', 'drafting', 'submitted', 'closed', 'no-response'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

export interface BoardEntry {
  id: number;
  /** The item the entry names; its matter is whatever matter holds that item now. */
  itemId: number;
  matter: number | null;
  title: string;
  language: string;
  /** The statement deadline: the matter's, or the lone item's. */
  deadline: string | null;
  owner: string | null;
  internalDeadline: string | null;
  status: BoardStatus;
  responseUrl: string | null;
  updatedBy: string;
  updatedAt: string;
}

// CROSS JOIN keeps board_entries the outer loop: with few entries (or none) the planner would otherwise walk every
// item and look each up on the board (46 ms at 100,000 items).
const ENTRY_SQL = `SELECT b.id, b.item_id AS itemId, i.matter_id AS matter, COALESCE(m.title, i.title) AS title, i.language,
    COALESCE(m.deadline, i.deadline) AS deadline, b.owner, b.internal_deadline AS internalDeadline, b.status,
    b.response_url AS responseUrl, b.updated_by AS updatedBy, b.updated_at AS updatedAt
  FROM board_entries b CROSS JOIN items i ON i.id = b.item_id LEFT JOIN matters m ON m.id = i.matter_id`;

/** Every entry on the board, statement deadline first (none last). */
export function listBoardEntries(db: Db): BoardEntry[] {
  return prepared(db, `${ENTRY_SQL} ORDER BY COALESCE(m.deadline, i.deadline) IS NULL, COALESCE(m.deadline, i.deadline), b.internal_deadline IS NULL, b.internal_deadline, b.id`).all() as BoardEntry[];
}

/**
 * The item a board entry for this matter or item names: the one already on the board in its matter, else the
 * matter's first item (or the lone item itself). Undefined when there is no such matter or item.
 */
export function boardAnchor(db: Db, of: { matter: number } | { item: number }): number | undefined {
  const matter = 'matter' in of ? of.matter
    : (prepared(db, 'SELECT matter_id FROM items WHERE id = ?').get(of.item) as { matter_id: number | null } | undefined)?.matter_id;
  if (matter === undefined) return undefined;
  if (matter === null) return 'item' in of ? of.item : undefined;
  const existing = prepared(db, `SELECT b.item_id FROM board_entries b JOIN items i ON i.id = b.item_id WHERE i.matter_id = ?
    ORDER BY b.id LIMIT 1`).pluck().get(matter) as number | undefined;
  return existing ?? (prepared(db, 'SELECT MIN(id) FROM items WHERE matter_id = ?').pluck().get(matter) as number | null) ?? undefined;
}

/** The entry naming this item, if any. */
export function boardEntry(db: Db, itemId: number): BoardEntry | undefined {
  return prepared(db, `${ENTRY_SQL} WHERE b.item_id = ?`).get(itemId) as BoardEntry | undefined;
}

export interface BoardInput {
  itemId: number;
  owner: string | null;
  internalDeadline: string | null;
  status: BoardStatus;
  responseUrl: string | null;
  by: string;
  now: string;
}

/** Put an item (its matter) on the board, or change its entry. */
export function saveBoardEntry(db: Db, e: BoardInput): void {
  prepared(db, `INSERT INTO board_entries (item_id, owner, internal_deadline, status, response_url, created_by, created_at, updated_by, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (item_id) DO UPDATE SET owner = excluded.owner, internal_deadline = excluded.internal_deadline,
      status = excluded.status, response_url = excluded.response_url, updated_by = excluded.updated_by, updated_at = excluded.updated_at`)
    .run(e.itemId, e.owner, e.internalDeadline, e.status, e.responseUrl, e.by, e.now, e.by, e.now);
}
