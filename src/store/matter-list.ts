// The matters table's read side: lists for `lakivahti matters`, one matter with its items, joins and mentions.
import { eachPage, prepared, type Db } from './db.js';
import { FTS_ITEM_ID } from './search-words.js';
import { listItems, type ItemRow } from './items.js';
import type { Consultation } from '../model.js';
import { matterCorrections, matterEvents, matterMembers, type StoredCorrection } from './matters.js';
import type { MatterEvent } from '../link/events.js';
import { explainJoins, type Join } from '../link/explain.js';
import type { MatterStage, MatterSummary, StageReached } from '../link/stage.js';
import { matterMentions } from './matters-page.js';
import { byFinnish } from '../collate.js';

/** A matter as listed: its derived fields, the identifiers people use, its items' goals and ids (oldest first). */
export interface MatterRow extends Omit<MatterSummary, 'titleItem' | 'deadlineItem'> {
  id: number;
  identifiers: string[];
  /** The union of its items' goals (a reviewer's decision wins over the tagger on each item). */
  goals: string[];
  items: number[];
  createdAt: string;
  updatedAt: string;
}

/** One matter in full: its items in time order, why they are joined, and the items that only mention it. */
export interface MatterDetail extends MatterRow {
  members: ItemRow[];
  joins: Join[];
  mentionedIn: ItemRow[];
  /** Who has answered its statement requests so far (lausuntopalvelu's participation pages), in name order. */
  answered: string[];
  /** People's merges and splits that concern it, oldest first (who, when, why). */
  corrections: StoredCorrection[];
  /** What changed since the matter was first stored (items joined, stage, deadline, title moved), oldest first. */
  events: MatterEvent[];
}

export interface MatterQuery {
  stage?: MatterStage;
  goal?: string;
  /** An FTS5 expression: matters with an item that matches. */
  match?: string;
  limit?: number;
}

/** Identifier kinds in the order people look for them; GUIDs and EDK codes only join. */
const SHOWN = ['he', 'ev', 'committee', 'diary', 'project', 'statute', 'kk', 'eu', 'celex', 'eli'];

type RawMatter = Omit<MatterRow, 'stages' | 'identifiers' | 'goals' | 'items'> & { stages: string };

const MATTER_COLUMNS = `m.id, m.title, m.stage, m.stage_at AS stageAt, m.deadline, m.stages, m.in_force AS inForce,
  m.created_at AS createdAt, m.updated_at AS updatedAt`;

/** A stored matter with its identifiers, goals and items (read through the items' matter index); `keys`: every identifier its items state. */
function fill(db: Db, m: RawMatter): MatterRow & { members: ItemRow[]; keys: [string, string][] } {
  const members = listItems(db, { matter: m.id, limit: 1_000_000 }).reverse();
  const keys = prepared(db, `SELECT DISTINCT ii.type, ii.value FROM items i JOIN item_identifiers ii ON ii.item_id = i.id
    WHERE i.matter_id = ? AND ii.role <> 'mention'`).raw(true).all(m.id) as [string, string][];
  const identifiers = keys.filter(([type]) => SHOWN.includes(type))
    .sort((a, b) => SHOWN.indexOf(a[0]) - SHOWN.indexOf(b[0]) || byFinnish(a[1], b[1])).map(([, value]) => value);
  const goals = [...new Set(members.flatMap((r) => r.goals))].sort();
  return { ...m, stages: JSON.parse(m.stages) as StageReached[], identifiers, goals, items: members.map((r) => r.id), members, keys };
}

/**
 * Matters, the one with the newest item first, read in one transaction: the list as one commit left it (eachMatter's
 * pages, read in reads of their own, can each see a commit the one before did not).
 */
export function listMatters(db: Db, q: MatterQuery = {}): MatterRow[] {
  return db.transaction(() => [...eachMatter(db, q)])();
}

/** How many matters a listing reads at once, each page in a read of its own. */
const MATTER_PAGE = 50;

/**
 * listMatters one matter at a time (`matters --json` holds a page, not all), with no read left open between pages
 * (eachPage): the matters listed when the listing began, in that order, each page of them read whole in one read (a
 * matter's items, identifiers and goals as one commit left them). A matter gone meanwhile (joined to another by a
 * crawl) is left out, and matters made after the listing began are not in it.
 */
export function* eachMatter(db: Db, q: MatterQuery = {}): Generator<MatterRow, void, undefined> {
  const rows = prepared(db, `SELECT ${MATTER_COLUMNS} FROM json_each(?) h CROSS JOIN matters m ON m.id = h.value ORDER BY h.key`);
  // A page's matters, items, identifiers and goals in one read.
  const readPage = db.transaction((page: number[]) => (rows.all(JSON.stringify(page)) as RawMatter[]).map((r) => {
    const { members: _, keys: __, ...m } = fill(db, r);
    return m;
  }));
  let given = 0;
  for (const page of eachPage(db, () => matterIds(db, q), MATTER_PAGE, readPage)) {
    for (const m of page) {
      if (q.goal && !m.goals.includes(q.goal)) continue;
      yield m;
      if (q.limit && ++given >= q.limit) return;
    }
  }
}

/** The ids of the matters a listing holds (all of them when a goal filters, which needs each matter's items), in its order. */
function matterIds(db: Db, q: MatterQuery): number[] {
  if (q.limit && q.limit <= MATTER_PAGE && !q.stage && !q.match && !q.goal) {
    const newest = newestMatterIds(db, q.limit);
    if (newest) return newest;
  }
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.stage) where.push('m.stage = ?'), args.push(q.stage);
  if (q.match)
    where.push(`m.id IN (SELECT matter_id FROM items WHERE matter_id IS NOT NULL AND id IN (SELECT ${FTS_ITEM_ID} FROM items_fts WHERE items_fts MATCH ?))`),
      args.push(q.match);
  return prepared(db, `SELECT m.id FROM matters m ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY (SELECT MAX(sort_key) FROM items WHERE matter_id = m.id) DESC, m.id DESC`).pluck().all(...args) as number[];
}

/** How many items newestMatterIds reads at most per matter asked for (a walk of 20 per matter costs ~3 µs each). */
const WALK_PER_MATTER = 20;

/**
 * The first `limit` matters of the whole list (a page of them at most), found by walking the items newest first (the
 * list's index) until the limit's matters and any that tie with the last of them are seen: the whole list's query
 * orders every matter by its newest item, reading each matter's items (50-60 ms at 20,000 matters), and a LIMIT on it
 * still did. A matter's first item in the walk is its newest. Undefined when the walk ends before an item older than the
 * last of them (fewer matters with items than the limit, an item-less matter being listed last; or more items than it
 * reads), for the whole list's query to answer.
 */
function newestMatterIds(db: Db, limit: number): number[] | undefined {
  const walk = prepared(db, `SELECT i.matter_id, i.sort_key FROM items i WHERE i.matter_id IS NOT NULL
    ORDER BY i.sort_key DESC, i.id DESC LIMIT ?`).raw();
  const newest = new Map<number, string>();
  let last: string | undefined;
  let seen = false;
  for (const [id, key] of walk.iterate(limit * WALK_PER_MATTER) as IterableIterator<[number, string]>) {
    if (last !== undefined && key < last) {
      seen = true;
      break;
    }
    if (newest.has(id)) continue;
    newest.set(id, key);
    if (newest.size === limit) last = key;
  }
  if (!seen) return undefined;
  // Matters whose newest items tie are in id order, newest first, as the whole list's ORDER BY has them.
  return [...newest].sort((a, b) => (a[1] === b[1] ? b[0] - a[0] : a[1] < b[1] ? 1 : -1)).slice(0, limit).map(([id]) => id);
}

/** One matter in full, or undefined when there is none with that id. */
export function getMatter(db: Db, id: number): MatterDetail | undefined {
  const row = prepared(db, `SELECT ${MATTER_COLUMNS} FROM matters m WHERE m.id = ?`).get(id) as RawMatter | undefined;
  if (!row) return undefined;
  const { keys, ...m } = fill(db, row);
  // Items that only mention one of the matter's identifiers: listed, never joined.
  const mentionedIn = matterMentions(db, { id, keys }, Number.MAX_SAFE_INTEGER).items;
  const consultations = prepared(db, `SELECT consultation FROM items WHERE matter_id = ? AND consultation IS NOT NULL`).pluck().all(id) as string[];
  const answered = [...new Set(consultations.flatMap((c) => (JSON.parse(c) as Consultation).answered))].sort(byFinnish);
  return { ...m, joins: explainJoins(matterMembers(db, id)), mentionedIn, answered, corrections: matterCorrections(db, id),
    events: matterEvents(db, id) };
}

/** The matters holding an identifier as an item's own or stated one (e.g. "HE 184/2026 vp"): none, one, or more after a split. */
export function mattersByIdentifier(db: Db, type: string, value: string): { id: number; title: string }[] {
  return prepared(db, `SELECT DISTINCT m.id, m.title FROM item_identifiers ii JOIN items i ON i.id = ii.item_id JOIN matters m ON m.id = i.matter_id
    WHERE ii.type = ? AND ii.value = ? AND ii.role <> 'mention' ORDER BY m.id`).all(type, value) as { id: number; title: string }[];
}
