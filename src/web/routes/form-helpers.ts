// Handlebars helpers for the workbench's forms and the board.
import { BOARD_STATUSES, type BoardStatus } from '../../store/index.js';
import { BOARD_STATUS_LABELS } from '../../present/board-status.js';

export const STATUS_LABELS = BOARD_STATUS_LABELS.fi;

export const ROLE_LABELS: Record<string, string> = { admin: 'ylläpitäjä', reviewer: 'juristi', reader: 'lukija' };

/** A link from a feed or a person becomes an href only with an http(s) scheme (never javascript:, data:, …). */
export function httpUrl(url: unknown): string {
  if (typeof url !== 'string') return '';
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '';
  } catch {
    return '';
  }
}

export const formHelpers = {
  httpUrl,
  includes: (list: unknown, x: unknown) => Array.isArray(list) && list.includes(x),
  boardStatus: (s: unknown) => (typeof s === 'string' && s in STATUS_LABELS ? STATUS_LABELS[s as BoardStatus] : ''),
  roleLabel: (r: unknown) => (typeof r === 'string' ? (ROLE_LABELS[r] ?? r) : ''),
  /** The first argument that is set: lets a partial take its object by name or as its whole context. */
  either: (a: unknown, b: unknown) => a ?? b,
  concat: (...parts: unknown[]) => parts.slice(0, -1).map(String).join(''),
  statusOptions: () => BOARD_STATUSES.map((id) => ({ id, label: STATUS_LABELS[id] })),
};
