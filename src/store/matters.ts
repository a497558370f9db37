// The matters table's write side: linking items into matters through their self and about identifiers.
import { prepared, type Db } from './db.js';
import { fromSignature } from './tags.js';
import { groupItems, placeGroups, type Linkable, type Placement } from '../link/group.js';
import { joinKey } from '../link/keys.js';
import { correctKeys, type Correction } from '../link/corrections.js';
import { summarizeMatter, type MatterMember, type MatterSummary } from '../link/stage.js';
import { summaryChanges, type MatterChange, type MatterEvent, type StoredSummary } from '../link/events.js';
import { helsinkiDate } from '../parse/dates.js';
import { followMergedMatter } from './subscriptions.js';
import { dataVersion } from './data-version.js';

/** Helsinki's day of an instant, kept for the last instant asked: a flush summarises every matter it touched at one. */
let lastNow = '';
let lastDay = '';
const dayOf = (now: string): string => (now === lastNow ? lastDay : ((lastDay = helsinkiDate(now)), (lastNow = now), lastDay));

/** Links the items of one run as they are saved, inside the run's transaction. */
export interface Linker {
  /**
   * The matter a new item (named by no correction) with these join keys goes into, before it is inserted: one lookup
   * per join key for the matters holding it, that one or a new one. Null when the keys reach two or more matters:
   * the item is then inserted in none, and link() joins them once its identifiers are written.
   */
  matterFor(keys: string[], now: string): number | null;
  /** Record that a new item was inserted into the matter matterFor() gave (a join event, unless the matter is new). */
  joined(itemId: number, matter: number, title: string, now: string): void;
  /** Put an item whose identifiers were just saved into its matter (joining, merging or splitting matters). */
  link(itemId: number, now: string): void;
  /** Note that an item's fields changed, so its matter's title, stage and deadline are derived again. */
  touch(itemId: number): void;
  /** Derive again the title, stage and deadline of every matter touched since the last flush. */
  flush(now: string): void;
}

/** The signature of an item's stated identifiers (written with its item by the item saver, see toStore), and back. */
export { fromSignature, linkSignature } from './tags.js';

/** The columns linking reads of an item, its matter first; toMember makes a member of such a raw row. */
const MEMBER_COLUMNS = 'matter_id, id, source_id, kind, title, sort_key, deadline, stage, language, in_force, link_keys, stage_days';

/** A raw row of MEMBER_COLUMNS as a member: its stated identifiers from the signature stored beside it. */
function toMember(row: unknown[]): MatterMember {
  const [, id, source, kind, title, at, deadline, stage, language, inForce, keys, days] = row;
  const stageDays = days ? JSON.parse(days as string) as MatterMember['stageDays'] : null;
  return { id, source, kind, title, at, deadline, stage, language, inForce, stageDays, identifiers: fromSignature(keys as string | null) } as MatterMember;
}

/** The items of a matter as linking reads them (only their self and about identifiers). */
export function matterMembers(db: Db, matterId: number): MatterMember[] {
  return (prepared(db, `SELECT ${MEMBER_COLUMNS} FROM items WHERE matter_id = ? ORDER BY id`).raw(true).all(matterId) as unknown[][]).map(toMember);
}

/** What linking one item asks: each is one index lookup (exported for the query-plan tests). */
export const LINK_SQL = {
  keysOf: `SELECT type || ' ' || value FROM item_identifiers WHERE item_id = ? AND role <> 'mention'`,
  holders: `SELECT item_id FROM item_identifiers WHERE type = ? AND value = ? AND role <> 'mention'`,
  inMatter: 'SELECT id FROM items WHERE matter_id = ?',
  matterOf: 'SELECT matter_id AS m FROM items WHERE id = ?',
  correctionsByItem: 'SELECT id, kind, item, other FROM matter_corrections WHERE item = ?',
  correctionsByOther: 'SELECT id, kind, item, other FROM matter_corrections WHERE other = ?',
  // The matters of the items holding one join key, except items split off by a reviewer (they join nothing so).
  mattersHolding: `SELECT i.matter_id FROM item_identifiers ii JOIN items i ON i.id = ii.item_id
    WHERE ii.type = ? AND ii.value = ? AND ii.role <> 'mention' AND i.matter_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM matter_corrections c WHERE c.item = ii.item_id AND c.kind = 'split')`,
  // Matters whose statute is in force by the given day (YYYY-MM-DD) but whose stage does not say so yet.
  comingIntoForce: `SELECT id FROM matters WHERE in_force IS NOT NULL AND stage IS NOT 'in-force' AND in_force <= ?`,
};

/** People's corrections naming an item (as either of a merge's items, or split off): two index lookups. */
function correctionsReader(db: Db): (item: number) => Correction[] {
  const byItem = prepared(db, LINK_SQL.correctionsByItem);
  const byOther = prepared(db, LINK_SQL.correctionsByOther);
  return (item) => [...(byItem.all(item) as Correction[]), ...(byOther.all(item) as Correction[])];
}

/**
 * Remove a matter. Its number is never given again: the table's key is AUTOINCREMENT (migration 026), as `matter N`,
 * links and corrections naming a merged-away number would otherwise mean another matter.
 */
function removeMatter(db: Db, id: number): boolean {
  return prepared(db, 'DELETE FROM matters WHERE id = ?').run(id).changes > 0;
}

/** Statements shared by the linker and relinkAll. */
function statements(db: Db) {
  return {
    matterOf: prepared(db, LINK_SQL.matterOf).pluck(),
    setMatter: prepared(db, 'UPDATE items SET matter_id = ? WHERE id = ?'),
    create: prepared(db, "INSERT INTO matters (title, created_at, updated_at) VALUES ('', ?, ?)"),
  };
}

/** What recording a matter's change events asks: index lookups (exported for the query-plan tests). */
export const EVENT_SQL = {
  insert: 'INSERT INTO matter_events (matter_id, type, old_value, new_value, at, item_id) VALUES (?, ?, ?, ?, ?, ?)',
  latest: 'SELECT old_value AS old, new_value AS new FROM matter_events WHERE matter_id = ? AND type = ? ORDER BY id DESC LIMIT 1',
  // The latest join (old NULL) or leave (new NULL) of one item in one matter: through the item's events (a few), not
  // the matter's item events (as many as it has items), hence the unary plus on matter_id.
  membership: `SELECT old_value AS old FROM matter_events WHERE item_id = ? AND +matter_id = ? AND type = 'item' ORDER BY id DESC LIMIT 1`,
  move: 'UPDATE matter_events SET matter_id = ? WHERE matter_id = ?',
  title: 'SELECT title FROM items WHERE id = ?',
};

/**
 * Record a change of a matter, unless it is already the latest of its kind there (an item joins a matter once until
 * it leaves, and leaves it once until it joins again): so deriving the same change again (relink, a run seen twice)
 * records nothing new.
 */
function recordEvent(db: Db, matterId: number, c: MatterChange, now: string): void {
  if (c.type === 'item') {
    if (c.itemId === null) return;
    const last = prepared(db, EVENT_SQL.membership).get(c.itemId, matterId) as { old: string | null } | undefined;
    // A join is an event with no old value, a leave one with no new value.
    if (last && (last.old === null) === (c.old === null)) return;
  } else {
    const last = prepared(db, EVENT_SQL.latest).get(matterId, c.type) as { old: string | null; new: string | null } | undefined;
    if (last && last.old === c.old && last.new === c.new) return;
  }
  prepared(db, EVENT_SQL.insert).run(matterId, c.type, c.old, c.new, now, c.itemId);
}

/** How applyPlacement makes a matter and names a joining item (relinkAll has both at hand; the linker asks SQL). */
interface PlacementOptions {
  /** Matters made in this transaction: items moving into them are not news. */
  fresh?: ReadonlySet<number>;
  /** Make the matter of placements[i]; default an empty row that summarize fills. */
  create?: (i: number) => number;
  titleOf?: (item: number) => string;
}

/**
 * Write where groups go: new matters made, items moved, matters no group kept removed; returns the matters placed
 * (placed[i] is placements[i]'s) and those made. An item moving into a matter that existed before this transaction
 * (not in `fresh`) is recorded as joining it; a matter that is gone hands its events to the matter its items went to.
 */
function applyPlacement(db: Db, placements: Placement[], old: Map<number, number | null>, now: string, opts: PlacementOptions = {}):
  { placed: number[]; made: number[] } {
  const st = statements(db);
  const fresh = opts.fresh ?? new Set<number>();
  const create = opts.create ?? (() => Number(st.create.run(now, now).lastInsertRowid));
  const titleOf = opts.titleOf ?? ((id: number) => prepared(db, EVENT_SQL.title).pluck().get(id) as string);
  const placed: number[] = [];
  const made: number[] = [];
  const placedIn = new Map<number, number>();
  placements.forEach((p, i) => {
    const matter = p.matter ?? create(i);
    if (p.matter === null) made.push(matter);
    placed.push(matter);
    const news = p.matter !== null && !fresh.has(matter);
    for (const id of p.items) {
      placedIn.set(id, matter);
      if (old.get(id) === matter) continue;
      st.setMatter.run(matter, id);
      if (news) recordEvent(db, matter, { type: 'item', old: null, new: titleOf(id), itemId: id }, now);
    }
  });
  // Items left with no stated identifiers belong to no matter; matters no group kept are gone.
  for (const [id, m] of old) if (m !== null && !placedIn.has(id)) st.setMatter.run(null, id);
  const kept = new Set(placed);
  // Each matter gone, and where one of its items went: its events follow, and so do the subscriptions that followed
  // it (else they fell silent when a bridging item joined it to an older matter); with none, they go with it.
  const gone = new Map<number, number | undefined>();
  for (const [id, m] of old) if (m !== null && !kept.has(m) && gone.get(m) === undefined) gone.set(m, placedIn.get(id));
  for (const [m, to] of gone) {
    if (to !== undefined) {
      prepared(db, EVENT_SQL.move).run(to, m);
      followMergedMatter(db, m, to);
    }
    removeMatter(db, m);
  }
  return { placed, made };
}

/** A matter's stored derived columns. */
type StoredRow = StoredSummary & { stageAt: string | null; stages: string; inForce: string | null };

/** Whether a matter's stored columns already say what its summary says. */
const sameSummary = (was: StoredRow, s: MatterSummary): boolean => was.title === s.title && was.stage === s.stage
  && was.stageAt === s.stageAt && was.deadline === s.deadline && was.inForce === s.inForce && was.stages === JSON.stringify(s.stages);

/** Derive a matter's stored fields again from its items and record what changed; true when something did (a matter left empty is removed). */
function summarize(db: Db, matterId: number, now: string, known?: MatterSummary, was?: StoredRow): boolean {
  const stored = was ?? prepared(db, 'SELECT title, stage, stage_at AS stageAt, deadline, stages, in_force AS inForce FROM matters WHERE id = ?').get(matterId) as
    StoredRow | undefined;
  if (!stored) return false;
  let s = known;
  if (!s) {
    const members = matterMembers(db, matterId);
    if (!members.length) return removeMatter(db, matterId);
    s = summarizeMatter(members, dayOf(now));
  }
  if (sameSummary(stored, s)) return false;
  prepared(db, 'UPDATE matters SET title = ?, stage = ?, stage_at = ?, deadline = ?, stages = ?, in_force = ?, updated_at = ? WHERE id = ?')
    .run(s.title, s.stage, s.stageAt, s.deadline, JSON.stringify(s.stages), s.inForce, now, matterId);
  for (const c of summaryChanges(stored, s)) recordEvent(db, matterId, c, now);
  return true;
}

/** A matter's change events, oldest first. */
export function matterEvents(db: Db, matterId: number): MatterEvent[] {
  return prepared(db, `SELECT type, old_value AS old, new_value AS new, at, item_id AS itemId FROM matter_events
    WHERE matter_id = ? ORDER BY id`).all(matterId) as MatterEvent[];
}

/**
 * A linker over an open transaction. Linking an item reads its component through the identifier index (the items
 * sharing its keys, theirs in turn) and its former matter's items (which may split): lookups, never a scan.
 */
export function createLinker(db: Db): Linker {
  const st = statements(db);
  const keysOf = prepared(db, LINK_SQL.keysOf).pluck();
  const holders = prepared(db, LINK_SQL.holders).pluck();
  const inMatter = prepared(db, LINK_SQL.inMatter).pluck();
  const correctionsOf = correctionsReader(db);
  const touched = new Set<number>();
  // Matters made by this linker: new as a whole, so no change events until the next transaction.
  const fresh = new Set<number>();
  const mattersHolding = prepared(db, LINK_SQL.mattersHolding).pluck();
  const insertEvent = prepared(db, EVENT_SQL.insert);
  // The one matter holding a join key, for keys this linker has already placed: a big matter's items are then not
  // read again for each new item that joins it, and items of the run whose identifiers are not written yet are
  // found. Only link() moves items between matters, so it forgets them all (its caller writes identifiers first).
  const placedKeys = new Map<string, number>();
  const linker: Linker = {
    matterFor(keys, now) {
      const ms = new Set<number>();
      for (const k of keys) {
        const known = placedKeys.get(k);
        if (known !== undefined) {
          ms.add(known);
          continue;
        }
        const at = k.indexOf(' ');
        for (const m of mattersHolding.all(k.slice(0, at), k.slice(at + 1)) as number[]) ms.add(m);
      }
      // Stored matters are the groups of their items' corrected keys, so a new item touching one matter joins it
      // as it is (what link() would find, without reading the matter's items); touching two it merges them.
      if (ms.size > 1) return null;
      const [held] = ms;
      const matter = held ?? Number(st.create.run(now, now).lastInsertRowid);
      for (const k of keys) placedKeys.set(k, matter);
      if (held === undefined) fresh.add(matter);
      touched.add(matter);
      return matter;
    },
    joined(itemId, matter, title, now) {
      if (!fresh.has(matter)) insertEvent.run(matter, 'item', null, title, now, itemId); // a new item has no events yet
    },
    link(itemId, now) {
      placedKeys.clear();
      const first = st.matterOf.get(itemId) as number | null;
      const queue = [itemId, ...(first === null ? [] : (inMatter.all(first) as number[]))];
      const members: Linkable[] = [];
      const old = new Map<number, number | null>();
      const corrections = new Map<number, Correction>();
      while (queue.length) {
        const id = queue.pop()!;
        if (old.has(id)) continue;
        old.set(id, st.matterOf.get(id) as number | null);
        const keys = keysOf.all(id) as string[];
        members.push({ id, keys });
        for (const k of keys) {
          const at = k.indexOf(' ');
          for (const h of holders.all(k.slice(0, at), k.slice(at + 1)) as number[]) if (!old.has(h)) queue.push(h);
        }
        // People's corrections: a merge reaches its other item (whatever identifiers say).
        for (const c of correctionsOf(id)) {
          corrections.set(c.id, c);
          for (const o of [c.item, c.other]) if (o !== null && !old.has(o)) queue.push(o);
        }
      }
      const sorted = [...corrections.values()].sort((a, b) => a.id - b.id);
      const groups = groupItems(correctKeys(members, sorted));
      const { placed, made } = applyPlacement(db, placeGroups(groups, (id) => old.get(id) ?? null), old, now, { fresh });
      for (const m of made) fresh.add(m);
      for (const m of placed) touched.add(m);
    },
    touch(itemId) {
      const m = st.matterOf.get(itemId) as number | null;
      if (m !== null) touched.add(m);
    },
    flush(now) {
      // Matters whose statute has come into force since they were last derived move on too.
      for (const m of comingIntoForce(db, now)) touched.add(m);
      for (const m of touched) summarize(db, m, now);
      touched.clear();
    },
  };
  return linker;
}

/** Matters whose statute is in force on the Helsinki day of `now` but whose stage does not say so yet. */
const comingIntoForce = (db: Db, now: string): number[] => prepared(db, LINK_SQL.comingIntoForce).pluck().all(dayOf(now)) as number[];

/**
 * Move every matter whose statute's day of entry into force has come (by `now`, Helsinki's day) to "in force",
 * recording the stage event once: a second call on the same or a later day moves nothing. For the daily job and for
 * `crawl`, whose runs may store nothing (a day may pass with no run linking anything). Returns the matters moved.
 */
export function moveIntoForce(db: Db, now: string): number[] {
  return db.transaction(() => comingIntoForce(db, now).filter((m) => summarize(db, m, now)))();
}

/** What relinking all items did (or would do). */
export interface RelinkReport {
  /** Matters after relinking. */
  matters: number;
  /** Items whose matter changed. */
  moved: number;
  created: number;
  removed: number;
  /** Matters whose title, stage or deadline changed. */
  resummarized: number;
}

/**
 * Every item as linking reads it, with its matter now: one flat read of the items, their stated identifiers taken
 * from the signature stored beside them (items.link_keys, written with item_identifiers in the same transaction).
 */
function readAllMembers(db: Db): { members: Map<number, MatterMember>; old: Map<number, number | null> } {
  const members = new Map<number, MatterMember>();
  const old = new Map<number, number | null>();
  // Raw rows (arrays): 100,000 items as objects, or a JSON array of identifiers each, cost more than the reading itself.
  for (const row of prepared(db, `SELECT ${MEMBER_COLUMNS} FROM items`).raw(true).iterate() as Iterable<unknown[]>) {
    const m = toMember(row);
    members.set(m.id, m);
    old.set(m.id, row[0] as number | null);
  }
  return { members, old };
}

/** What relinking reads and derives: the report, and what writing it needs. */
export interface RelinkPlan {
  report: RelinkReport;
  members: Map<number, MatterMember>;
  old: Map<number, number | null>;
  stored: Map<number, StoredRow>;
  placements: Placement[];
  summaries: MatterSummary[];
  /** changed[i]: placements[i]'s matter is new or its summary differs from the stored one. */
  changed: boolean[];
  /** The database's version when it was read (dataVersion): another connection's commit since moves it. */
  version: string;
}

/**
 * Read every item, correction and matter and derive where each item goes and what each matter says: the same matters
 * in any order and on every run. Reads only (a read-only connection will do), in one read transaction: the items,
 * corrections and matters as one commit left them. Everything is read in two passes and each matter is summarised
 * once, in memory.
 */
export function planRelink(db: Db, now: string): RelinkPlan {
  return db.transaction(() => readPlan(db, now))();
}

function readPlan(db: Db, now: string): RelinkPlan {
  // First, so that the version is the one of the snapshot the reads below see.
  const version = dataVersion(db);
  const { members, old } = readAllMembers(db);
  const corrections = prepared(db, 'SELECT id, kind, item, other FROM matter_corrections ORDER BY id').all() as Correction[];
  const groups = groupItems(correctKeys([...members.values()].map((m) => ({ id: m.id, keys: m.identifiers.map(joinKey) })), corrections));
  const stored = new Map((prepared(db, 'SELECT id, title, stage, stage_at AS stageAt, deadline, stages, in_force AS inForce FROM matters').all() as
    (StoredRow & { id: number })[]).map((m) => [m.id, m]));
  const placements = placeGroups(groups, (id) => old.get(id) ?? null);
  const today = helsinkiDate(now);
  const summaries = placements.map((p) => summarizeMatter(p.items.map((id) => members.get(id)!), today));
  const changed = placements.map((p, i) => {
    const was = p.matter === null ? undefined : stored.get(p.matter);
    return !was || !sameSummary(was, summaries[i]);
  });
  const kept = new Set(placements.map((p) => p.matter).filter((m) => m !== null));
  let moved = 0;
  for (const p of placements) for (const id of p.items) if (p.matter === null || old.get(id) !== p.matter) moved++;
  const grouped = new Set(groups.flat());
  for (const [id, m] of old) if (m !== null && !grouped.has(id)) moved++;
  const report: RelinkReport = {
    matters: placements.length,
    moved,
    created: placements.filter((p) => p.matter === null).length,
    removed: [...stored.keys()].filter((m) => !kept.has(m)).length,
    resummarized: changed.filter(Boolean).length,
  };
  return { report, members, old, stored, placements, summaries, changed, version };
}

/** How many times relink reads its plan again outside the write lock when other connections keep committing. */
export const RELINK_RETRIES = 1;

/** How applyRelink reads again when another connection has committed since its plan was read. */
export interface RelinkOptions {
  /** Reads outside the write lock before one inside it (RELINK_RETRIES). */
  retries?: number;
  /** Called after each read again (the first is the caller's): its number (2, 3, …) and whether it held the lock. */
  onRead?: (read: { n: number; locked: boolean }) => void;
}

/**
 * Write what a plan says differs from the stored matters; returns the report of what was written. The write takes the
 * lock first (BEGIN IMMEDIATE). When another connection (a crawl) has committed since the plan was read, its items may
 * join or split what the plan grouped: the lock is given back at once, the plan dropped and read again outside the
 * lock (a crawl or a reviewer's save goes on meanwhile), up to `retries` times; only when writers keep committing
 * through every one of those reads is it read inside the lock, where nothing can commit before the write. One write
 * transaction, so readers never see matters half rebuilt. A plan with nothing to change takes no lock at all: the
 * relink then stands before any commit since its read. A plan dropped is no longer referenced here (nor by relinkAll),
 * but V8 need not collect it before the next read has grown the heap: each read more may add its size (some 140 MB
 * at 100,000 items, bench/HISTORY.md session 44), hence a single read outside the lock.
 */
export function applyRelink(db: Db, plan: RelinkPlan, now: string, { retries = RELINK_RETRIES, onRead }: RelinkOptions = {}): RelinkReport {
  let current: RelinkPlan | undefined = plan;
  plan = undefined as unknown as RelinkPlan; // this frame's reference to it goes with `current`'s
  for (let n = 2; current; n++) {
    const r = current.report;
    if (r.moved + r.created + r.removed + r.resummarized === 0) return r;
    const read = current;
    const written = db.transaction(() => (dataVersion(db) === read.version ? writePlan(db, read, now) : undefined)).immediate();
    if (written) return written;
    current = undefined;
    if (n - 1 > retries) break;
    current = planRelink(db, now);
    onRead?.({ n, locked: false });
  }
  // Writers kept committing: read where none can.
  return db.transaction(() => {
    const locked = readPlan(db, now);
    onRead?.({ n: retries + 2, locked: true });
    return writePlan(db, locked, now);
  }).immediate();
}

function writePlan(db: Db, plan: RelinkPlan, now: string): RelinkReport {
  const { members, old, stored, placements, summaries, changed } = plan;
  // A new matter is made with its summary: new as a whole, it has no events.
  const insert = prepared(db, `INSERT INTO matters (title, stage, stage_at, deadline, stages, in_force, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const create = (i: number) => {
    const s = summaries[i];
    return Number(insert.run(s.title, s.stage, s.stageAt, s.deadline, JSON.stringify(s.stages), s.inForce, now, now).lastInsertRowid);
  };
  const { placed } = applyPlacement(db, placements, old, now, { create, titleOf: (id) => members.get(id)!.title });
  placements.forEach((p, i) => {
    if (p.matter !== null && changed[i]) summarize(db, placed[i], now, summaries[i], stored.get(p.matter));
  });
  // Matters no item points at any more are removed too (their numbers kept as given).
  prepared(db, 'DELETE FROM matters WHERE id NOT IN (SELECT matter_id FROM items WHERE matter_id IS NOT NULL)').run();
  return plan.report;
}

/**
 * Rebuild every join from the stored identifiers (planRelink, then applyRelink): a second run changes nothing. With
 * `dryRun` nothing is written and the report says what a real run would change.
 */
export function relinkAll(db: Db, now: string, { dryRun = false, ...options }: RelinkOptions & { dryRun?: boolean } = {}): RelinkReport {
  if (dryRun) return planRelink(db, now).report;
  // The plan is handed over without a name here, so that applyRelink holds its only reference.
  return applyRelink(db, planRelink(db, now), now, options);
}

/**
 * Why a correction cannot be made, as data: the present layer words it in a reader's language
 * (src/present/correction-error.ts), the CLI shows the English message.
 */
export type CorrectionRefusal =
  | { code: 'merge-self'; matter: number }
  | { code: 'no-matter'; matter: number }
  | { code: 'no-item'; item: number }
  | { code: 'not-in-matter'; item: number; matter: number; actual: number | null }
  | { code: 'only-item'; item: number; matter: number }
  | { code: 'no-reviewer' };

function refusalMessage(r: CorrectionRefusal): string {
  switch (r.code) {
    case 'merge-self': return `cannot merge matter ${r.matter} with itself`;
    case 'no-matter': return `no matter ${r.matter}`;
    case 'no-item': return `no item ${r.item}`;
    case 'not-in-matter': return `item ${r.item} is not in matter ${r.matter} (${r.actual === null ? 'it is in no matter' : `it is in matter ${r.actual}`})`;
    case 'only-item': return `item ${r.item} is the only item of matter ${r.matter}: nothing to split`;
    case 'no-reviewer': return '--reviewer NAME is required: a correction says who made it';
  }
}

/** A correction a reviewer asked for that cannot be made (unknown matter or item, item not in it, …). */
export class CorrectionError extends Error {
  constructor(readonly refusal: CorrectionRefusal) {
    super(refusalMessage(refusal));
    this.name = 'CorrectionError';
  }
}

/** Who made a correction, when, and why. */
export interface CorrectionBy {
  reviewer: string;
  note?: string | null;
  now: string;
}

/** A correction as stored and shown: the history of people's merges and splits. */
export interface StoredCorrection extends Correction {
  matter: number | null;
  otherMatter: number | null;
  reviewer: string;
  note: string | null;
  at: string;
}

function itemsOfMatter(db: Db, matterId: number): number[] {
  if (!prepared(db, 'SELECT 1 FROM matters WHERE id = ?').get(matterId)) throw new CorrectionError({ code: 'no-matter', matter: matterId });
  return prepared(db, LINK_SQL.inMatter).pluck().all(matterId) as number[];
}

function record(db: Db, kind: 'merge' | 'split', item: number, other: number | null, matter: number, otherMatter: number | null, by: CorrectionBy): number {
  if (!by.reviewer.trim()) throw new CorrectionError({ code: 'no-reviewer' });
  return Number(prepared(db, `INSERT INTO matter_corrections (kind, item, other, matter, other_matter, reviewer, note, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(kind, item, other, matter, otherMatter, by.reviewer.trim(), by.note?.trim() || null, by.now).lastInsertRowid);
}

/** Throws a CorrectionError when matters `a` and `b` cannot be merged; reads only. Returns their items. */
export function checkMerge(db: Db, a: number, b: number): { fromA: number[]; fromB: number[] } {
  if (a === b) throw new CorrectionError({ code: 'merge-self', matter: a });
  return { fromA: itemsOfMatter(db, a), fromB: itemsOfMatter(db, b) };
}

/** Throws a CorrectionError when the item cannot be split off the matter; reads only. Returns the matter's items. */
export function checkSplit(db: Db, matterId: number, itemId: number): number[] {
  const members = itemsOfMatter(db, matterId);
  if (!prepared(db, 'SELECT 1 FROM items WHERE id = ?').get(itemId)) throw new CorrectionError({ code: 'no-item', item: itemId });
  if (!members.includes(itemId)) {
    const actual = prepared(db, LINK_SQL.matterOf).pluck().get(itemId) as number | null;
    throw new CorrectionError({ code: 'not-in-matter', item: itemId, matter: matterId, actual: actual ?? null });
  }
  if (members.length === 1) throw new CorrectionError({ code: 'only-item', item: itemId, matter: matterId });
  return members;
}

/**
 * Merge matter `b` into matter `a`: stored as a join between their first items (kept by every later linking), `a`
 * keeps its number and `b` is gone, and the subscriptions that followed `b` follow the merged matter (`followers`:
 * how many). Returns the correction's id.
 */
export function mergeMatters(db: Db, a: number, b: number, by: CorrectionBy): { correction: number; matter: number; moved: number; followers: number } {
  return db.transaction(() => {
    const { fromA, fromB } = checkMerge(db, a, b);
    const first = (ids: number[]) => ids.reduce((x, y) => Math.min(x, y));
    const correction = record(db, 'merge', first(fromA), first(fromB), a, b, by);
    prepared(db, 'UPDATE items SET matter_id = ? WHERE matter_id = ?').run(a, b);
    // B's items joined A, as items joining through identifiers do; then A takes over B's history (as when identifiers
    // join two matters: the joins first, so B's record of its own items joining B does not hide them).
    const title = prepared(db, EVENT_SQL.title).pluck();
    for (const id of fromB) recordEvent(db, a, { type: 'item', old: null, new: title.get(id) as string, itemId: id }, by.now);
    prepared(db, EVENT_SQL.move).run(a, b);
    removeMatter(db, b);
    const linker = createLinker(db);
    linker.link(first(fromA), by.now);
    linker.flush(by.now);
    const matter = prepared(db, LINK_SQL.matterOf).pluck().get(fromA[0]) as number;
    return { correction, matter, moved: fromB.length, followers: followMergedMatter(db, b, matter) };
  })();
}

/**
 * Split one item off its matter into a matter of its own: stored as a rule that the item's identifiers join it to
 * nothing from now on (not even items that arrive later). Only the item leaves: if it was what held the rest
 * together, merges recorded with the same reviewer keep the rest one matter. The matter keeps its number.
 */
export function splitItem(db: Db, matterId: number, itemId: number, by: CorrectionBy): { correction: number; matter: number; kept: number[] } {
  return db.transaction(() => {
    const members = checkSplit(db, matterId, itemId);
    const correction = record(db, 'split', itemId, null, matterId, null, by);
    // What the rest would become without the item, with every correction so far (this split included).
    const rest = members.filter((id) => id !== itemId);
    const keysOf = prepared(db, LINK_SQL.keysOf).pluck();
    const correctionsOf = correctionsReader(db);
    const seen = new Map<number, Correction>();
    for (const id of members) for (const c of correctionsOf(id)) seen.set(c.id, c);
    const groups = groupItems(correctKeys(rest.map((id) => ({ id, keys: keysOf.all(id) as string[] })), [...seen.values()].sort((x, y) => x.id - y.id)));
    const kept: number[] = [];
    for (const g of groups.slice(1)) {
      kept.push(record(db, 'merge', groups[0][0], g[0], matterId, matterId,
        { ...by, note: `pidetään yhdessä, kun asiakirja #${itemId} erotettiin (korjaus ${correction})` }));
    }
    prepared(db, 'UPDATE items SET matter_id = NULL WHERE id = ?').run(itemId);
    // The matter records the item leaving it (its title as the old value, no new one).
    recordEvent(db, matterId, { type: 'item', old: prepared(db, EVENT_SQL.title).pluck().get(itemId) as string, new: null, itemId }, by.now);
    const linker = createLinker(db);
    linker.link(itemId, by.now);
    linker.touch(rest[0]);
    linker.flush(by.now);
    return { correction, matter: prepared(db, LINK_SQL.matterOf).pluck().get(itemId) as number, kept };
  })();
}

/**
 * The matter a reviewer's merge took matter `gone` into, as it stands now (the matter the merge's item of `gone` is in,
 * or its item of the other matter, after any later merge), or undefined when no merge took it: a link to a
 * merged-away matter (an older digest's, a bookmark) then still leads to the matter. An item split off after the merge
 * says nothing of where the matter went (it left it): `gone` led to that item's matter of its own once a second
 * reviewer split it, while the merge's other items stayed together. Joins the crawl's linker made leave no record of
 * the number that went.
 */
export function mergedInto(db: Db, gone: number): number | undefined {
  return (prepared(db, `SELECT i.matter_id FROM matter_corrections c JOIN items i ON i.id IN (c.other, c.item)
    WHERE c.kind = 'merge' AND c.other_matter = ? AND i.matter_id IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM matter_corrections s WHERE s.kind = 'split' AND s.item = i.id AND s.id > c.id)
    ORDER BY c.id DESC, i.id = c.other DESC LIMIT 1`).pluck().get(gone) as number | undefined) ?? undefined;
}

/** The corrections that concern a matter: those naming one of its items, and the splits made from it. */
export function matterCorrections(db: Db, matterId: number): StoredCorrection[] {
  return prepared(db, `SELECT id, kind, item, other, matter, other_matter AS otherMatter, reviewer, note, created_at AS at
    FROM matter_corrections WHERE item IN (SELECT id FROM items WHERE matter_id = ?) OR other IN (SELECT id FROM items WHERE matter_id = ?)
      OR (kind = 'split' AND matter = ?) ORDER BY id`).all(matterId, matterId, matterId) as StoredCorrection[];
}
