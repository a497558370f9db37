// Tags on items (the tagger's verdict, kept separate from reviewers' decisions) and what retagging reads.
import { insertRows, prepared, type Db } from './db.js';
import type { Consultation, Identifier, ItemForTagging, ItemTags, TaggedItem } from '../model.js';

/** The items columns that hold a verdict, in the order tagValues() gives them. */
export const TAG_COLUMNS = ['relevant', 'primary_goal', 'scores', 'evidence', 'joint', 'joint_reason', 'taxonomy_version', 'tagged_at', 'search_terms'];

/** "relevant = ?, primary_goal = ?, …" for UPDATE statements. */
export const TAG_ASSIGNMENTS = TAG_COLUMNS.map((c) => `${c} = ?`).join(', ');

/**
 * A verdict as the store takes it: the scores and the evidence, which are only stored, as their JSON text; the goals
 * (best first) too, which the item saver writes for a whole batch in one statement (see goalRows).
 */
export type StoredVerdict = Omit<ItemTags, 'scores' | 'evidence' | 'goals'> & { scores: string; evidence: string; goals: string };

/**
 * An item on its way into the store (see toStore): the fields the item saver stores or compares, with what it stores of
 * its identifiers made already: their signature (see linkSignature) and their rows as JSON text,
 * [{"type", "value", "role"?}, …]. The identifiers themselves and the source (the saver's own) are left behind.
 */
export type ItemToStore = Omit<TaggedItem, 'tags' | 'identifiers' | 'sourceId' | 'inForce' | 'stageDays' | 'releaseKey'> & {
  inForce: string | null; stageDays: string | null; releaseKey: string | null; tags: StoredVerdict | null; signature: string; identifierRows: string;
};

export const storedVerdict = (tags: ItemTags): StoredVerdict =>
  ({ ...tags, scores: JSON.stringify(tags.scores), evidence: JSON.stringify(tags.evidence), goals: JSON.stringify(tags.goals) });

/**
 * An item with its verdict's stored text made once, where it was tagged: sent to the writer thread, a string is one
 * memory copy, where the evidence's many small objects were walked by the structured clone on both threads. Its
 * identifiers' signature and rows are made here too, so that the item saver's add walks no list of the item's: lists
 * come as arrays of several kinds (empty, filtered, sorted, cloned), and one its optimised code had not seen made V8
 * throw away and compile again the whole of add (see test/store/saver-recompile.test.ts). Written out field by field:
 * every item the saver gets has the one shape (see batch.ts, which sends these fields in this order).
 */
export const toStore = (item: TaggedItem): ItemToStore => ({
  key: item.key, hash: item.hash, guid: item.guid, url: item.url, title: item.title, summary: item.summary,
  contentHtml: item.contentHtml, published: item.published, updated: item.updated, deadline: item.deadline,
  language: item.language, organisation: item.organisation, kind: item.kind, stage: item.stage,
  consultation: item.consultation, inForce: item.inForce ?? null, tags: item.tags ? storedVerdict(item.tags) : null,
  searchTerms: withStatedIdentifiers(item.searchTerms, item.identifiers), signature: linkSignature(item.identifiers), identifierRows: JSON.stringify(item.identifiers),
  stageDays: item.stageDays ?? null, releaseKey: item.releaseKey ?? null,
});

/**
 * The signature of an item's stated identifiers, one "role type value" a line (the role, then the join key of
 * link/keys.ts, written out here: a crawl of 304s, which loads this file, loads no link module), sorted; stored as
 * items.link_keys.
 */
export function linkSignature(ids: Identifier[]): string {
  let lines: string[] | null = null;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    if (i.role === 'self' || i.role === 'about') (lines ??= []).push(`${i.role} ${i.type} ${i.value}`);
  }
  if (lines === null) return '';
  return lines.length === 1 ? lines[0] : lines.sort().join('\n');
}

/** The stated identifiers a signature stands for (none for NULL: an item not linked since roles existed). */
export function fromSignature(signature: string | null): Identifier[] {
  if (!signature) return [];
  return signature.split('\n').map((line) => {
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    return { role: line.slice(0, a) as Identifier['role'], type: line.slice(a + 1, b) as Identifier['type'], value: line.slice(b + 1) };
  });
}

/** A parliament document's identifier as stored ("HE 196/2026 vp"), which a search finds as the identifier. */
const PARLIAMENT_ID = /^[A-Za-zÄÖäö]+ \d+\/\d{4} vp$/;

/**
 * An item's search terms (tag/index-terms.ts) followed by the parliament documents' identifiers it states (role self
 * or about) as written ("HE 207/2016 vp"): a search for one (tag/index-terms.ts identifierQuery, which reads
 * search_terms too) finds an item that states it only in its fields (Hankeikkuna's heNumerot), not in its title or
 * summary. One written in the text as well is there twice, which finds nothing more.
 */
export function withStatedIdentifiers(searchTerms: string, ids: readonly { type: string; value: string; role?: string | null }[]): string {
  let out = searchTerms;
  for (let k = 0; k < ids.length; k++) {
    const i = ids[k];
    if ((i.role === 'self' || i.role === 'about') && PARLIAMENT_ID.test(i.value)) out += ` ${i.value}`;
  }
  return out;
}

/** A verdict as positional statement values (see TAG_COLUMNS); positional binding is the fast path. */
export function tagValues(tags: StoredVerdict | null, searchTerms: string, now: string): unknown[] {
  const out: unknown[] = [];
  putTagValues(out, 0, tags, searchTerms, now);
  return out;
}

/** tagValues written into `out` from `at` (the item saver's insert fills one list of its values, see item-saver.ts). */
export function putTagValues(out: unknown[], at: number, tags: StoredVerdict | null, searchTerms: string, now: string): void {
  out[at] = tags ? Number(tags.relevant) : null;
  out[at + 1] = tags ? tags.primary : null;
  out[at + 2] = tags ? tags.scores : null;
  out[at + 3] = tags ? tags.evidence : null;
  out[at + 4] = tags?.joint ? 1 : 0;
  out[at + 5] = tags ? tags.jointReason : null;
  out[at + 6] = tags ? tags.taxonomyVersion : null;
  out[at + 7] = tags ? now : null;
  out[at + 8] = searchTerms;
}

/**
 * A writer of item goals for a batch of items (see StoredVerdict): add() notes an item's goals, write() stores those
 * noted with insertRows (a statement per 64 goals rather than one per goal: 8,000 for 200 feeds of 20 items). The
 * goals are read from their JSON text, not from the tagger's objects: those, inlined into the item saver's add, came
 * as arrays of kinds its optimised code had not seen and made V8 throw it away and compile it again; JSON.parse
 * makes every list alike.
 */
export function goalRows(db: Db): { add(itemId: number, tags: StoredVerdict | null): void; write(): void } {
  // Item id, goal, score and rank (its place in the list), … (see insertRows).
  const pending: unknown[] = [];
  return {
    add: (itemId, tags) => {
      if (!tags || tags.goals === '[]') return;
      const goals = JSON.parse(tags.goals) as { goal: string; score: number }[];
      for (let k = 0; k < goals.length; k++) pending.push(itemId, goals[k].goal, goals[k].score, k + 1);
    },
    write: () => {
      if (!pending.length) return;
      insertRows(db, 'INSERT INTO item_goals (item_id, goal, score, rank)', 4, pending);
      pending.length = 0;
    },
  };
}

/** A writer of item goals (best first) for filtering, one item at a time (retag); `replace` clears its earlier goals. */
export function goalWriter(db: Db): (itemId: number, tags: Pick<ItemTags, 'goals'> | null, replace: boolean) => void {
  const drop = prepared(db, 'DELETE FROM item_goals WHERE item_id = ?');
  const add = prepared(db, 'INSERT INTO item_goals (item_id, goal, score, rank) VALUES (?, ?, ?, ?)');
  return (itemId, tags, replace) => {
    if (replace) drop.run(itemId);
    if (!tags) return;
    const goals = tags.goals;
    for (let i = 0; i < goals.length; i++) add.run(itemId, goals[i].goal, goals[i].score, i + 1);
  };
}

/** What the tagger reads of a stored item, plus its current verdict (for retag). */
export interface StoredForTagging extends ItemForTagging {
  id: number;
  relevant: boolean | null;
  goals: string[];
  taxonomyVersion: string | null;
  /** The item's version as read: a verdict for it is saved only while it is still this one (saveTagsMany). */
  version: number;
  /** Its stated identifiers' signature as read (items.link_keys): saveTagsMany writes them after its search terms. */
  linkKeys: string | null;
}

/**
 * Stored items in id order, as the tagger needs them: those of `ids`, or a page of at most `limit` after id `after`
 * (retag reads a page at a time, so that its memory holds a page, not the database).
 */
export function listItemsForTagging(db: Db, which: { ids: number[] } | { after: number; limit: number }): StoredForTagging[] {
  const rows = prepared(db, `SELECT i.id, i.source_id AS sourceId, i.title, i.summary, i.language, i.kind, i.organisation, i.deadline,
        i.consultation, i.relevant, i.taxonomy_version AS taxonomyVersion, i.version, i.link_keys AS linkKeys,
        (SELECT json_group_array(goal) FROM (SELECT goal FROM item_goals WHERE item_id = i.id ORDER BY rank)) AS goals
      FROM items i WHERE ${'ids' in which ? 'i.id IN (SELECT value FROM json_each(?))' : 'i.id > ?'} ORDER BY i.id LIMIT ?`)
    .all(...('ids' in which ? [JSON.stringify(which.ids), -1] : [which.after, which.limit])) as (Omit<StoredForTagging, 'consultation' | 'goals' | 'relevant'> & { consultation: string | null; goals: string; relevant: number | null })[];
  return rows.map((r) => ({
    ...r,
    consultation: r.consultation ? (JSON.parse(r.consultation) as Consultation) : null,
    goals: JSON.parse(r.goals) as string[],
    relevant: r.relevant === null ? null : r.relevant === 1,
  }));
}

/**
 * Apply verdicts in one transaction (retag gives a page of items at a time: the write lock is held for a page); reviewers'
 * decisions are separate and untouched. An update with `read` (the item as listItemsForTagging read it) is saved only
 * while the item is still that version with those stated identifiers: a crawl may have stored a new version (and its
 * verdict) since the verdict was made from the old text, or stated identifiers derived anew on an unchanged version
 * (the item saver's touch). Its search terms get the parliament identifiers it states (withStatedIdentifiers), taken
 * from the signature read with the page, so that the transaction only writes (without `read`, they are written as given).
 * Returns the ids of those left as they were.
 */
export function saveTagsMany(db: Db, updates: { id: number; read?: Pick<StoredForTagging, 'version' | 'linkKeys'>; tags: ItemTags | null; searchTerms: string }[], now: string): number[] {
  const update = prepared(db, `UPDATE items SET ${TAG_ASSIGNMENTS} WHERE id = ? AND (? IS NULL OR (version = ? AND link_keys IS ?))`);
  const goals = goalWriter(db);
  const moved: number[] = [];
  // IMMEDIATE: the write lock is waited for (busy_timeout) before the page's first statement. A deferred transaction
  // that read before another writer committed cannot then take it (SQLITE_BUSY_SNAPSHOT, "database is locked" at once):
  // when the page's first statement read the stated identifiers, a review or a crawl beside a retag made it fail
  // (retag-lock.test).
  db.transaction(() => {
    for (const u of updates) {
      const version = u.read?.version ?? null;
      const linkKeys = u.read?.linkKeys ?? null;
      const searchTerms = linkKeys === null ? u.searchTerms : withStatedIdentifiers(u.searchTerms, fromSignature(linkKeys));
      if (update.run(...tagValues(u.tags && storedVerdict(u.tags), searchTerms, now), u.id, version, version, linkKeys).changes === 0) moved.push(u.id);
      else goals(u.id, u.tags, true);
    }
  }).immediate();
  return moved;
}
