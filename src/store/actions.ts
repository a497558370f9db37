// The action log: every state change made in the web workbench, with who, when and what.
import { prepared, type Db } from './db.js';

export interface ActionInput {
  userId: number | null;
  email: string;
  /** What was done, e.g. 'review', 'board', 'merge', 'split', 'sign-in'. */
  action: string;
  /** What it was done to, e.g. 'item:12', 'matter:3', 'user:2'. */
  target: string;
  detail?: Record<string, unknown>;
  now: string;
}

export interface ActionRecord {
  id: number;
  at: string;
  email: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

export function logAction(db: Db, a: ActionInput): void {
  prepared(db, 'INSERT INTO action_log (at, user_id, email, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)')
    .run(a.now, a.userId, a.email, a.action, a.target, JSON.stringify(a.detail ?? {}));
}

/** The actions on one target, oldest first. */
export function listActions(db: Db, target: string): ActionRecord[] {
  return (prepared(db, 'SELECT id, at, email, action, target, detail FROM action_log WHERE target = ? ORDER BY id').all(target) as
    (Omit<ActionRecord, 'detail'> & { detail: string })[]).map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }));
}
