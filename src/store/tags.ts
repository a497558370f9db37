// Tags on items (the tagger's verdict, kept separate from reviewers' decisions) and what retagging reads.
import { prepared, type Db } from './db.js';
import type { Consultation, ItemKind, ItemTags, Lang, TaggedItem } from '../model.js';

/** The items columns that hold a verdict, in the order tagValues() gives them. */
export const TAG_COLUMNS = ['relevant', 'primary_goal', 'scores', 'evidence', 'joint', 'joint_reason', 'taxonomy_version', 'tagged_at', 'search_terms'];

/** "relevant = ?, primary_goal = ?, …" for UPDATE statements. */
export const TAG_ASSIGNMENTS = TAG_COLUMNS.map((c) => `${c} = ?`).join(', ');

/** A verdict as the store takes it: the scores and the evidence, which are only stored, as their JSON text. */
export type StoredVerdict = Omit<ItemTags, 'scores' | 'evidence'> & { scores: string; evidence: string };

/** An item on its way into the store (see toStore). */
export type ItemToStore = Omit<TaggedItem, 'tags'> & { tags: StoredVerdict | null };

export const storedVerdict = (tags: ItemTags): StoredVerdict =>
  ({ ...tags, scores: JSON.stringify(tags.scores), evidence: JSON.stringify(tags.evidence) });

/**
 * An item with its verdict's stored text made once, where it was tagged: sent to the writer thread, a string is one
 * memory copy, where the evidence's many small objects were walked by the structured clone on both threads.
 */
export const toStore = (item: TaggedItem): ItemToStore => (item.tags ? { ...item, tags: storedVerdict(item.tags) } : { ...item, tags: null });

/** A verdict as positional statement values (see TAG_COLUMNS); positional binding is the fast path. */
export function tagValues(tags: StoredVerdict | null, searchTerms: string, now: string): unknown[] {
  if (!tags) return [null, null, null, null, 0, null, null, null, searchTerms];
  return [
    Number(tags.relevant), tags.primary, tags.scores, tags.evidence,
    tags.joint ? 1 : 0, tags.jointReason, tags.taxonomyVersion, now, searchTerms,
  ];
}

/** A writer of item goals (best first) for filtering; `replace` clears the item's earlier goals. */
export function goalWriter(db: Db): (itemId: number, tags: Pick<ItemTags, 'goals'> | null, replace: boolean) => void {
  const drop = prepared(db, 'DELETE FROM item_goals WHERE item_id = ?');
  const add = prepared(db, 'INSERT INTO item_goals (item_id, goal, score, rank) VALUES (?, ?, ?, ?)');
  return (itemId, tags, replace) => {
    if (replace) drop.run(itemId);
    tags?.goals.forEach((g, i) => add.run(itemId, g.goal, g.score, i + 1));
  };
}

/** What the tagger reads of a stored item, plus its current verdict (for retag). */
export interface StoredForTagging {
  id: number;
  sourceId: string;
  title: string;
  summary: string;
  language: Lang;
  kind: ItemKind;
  organisation: string | null;
  deadline: string | null;
  consultation: Consultation | null;
  relevant: boolean | null;
  goals: string[];
  taxonomyVersion: string | null;
}

/** Every stored item, in id order, as the tagger needs it. */
export function listItemsForTagging(db: Db): StoredForTagging[] {
  const rows = prepared(db, `SELECT i.id, i.source_id AS sourceId, i.title, i.summary, i.language, i.kind, i.organisation, i.deadline,
        i.consultation, i.relevant, i.taxonomy_version AS taxonomyVersion,
        (SELECT json_group_array(goal) FROM (SELECT goal FROM item_goals WHERE item_id = i.id ORDER BY rank)) AS goals
      FROM items i ORDER BY i.id`)
    .all() as (Omit<StoredForTagging, 'consultation' | 'goals' | 'relevant'> & { consultation: string | null; goals: string; relevant: number | null })[];
  return rows.map((r) => ({
    ...r,
    consultation: r.consultation ? (JSON.parse(r.consultation) as Consultation) : null,
    goals: JSON.parse(r.goals) as string[],
    relevant: r.relevant === null ? null : r.relevant === 1,
  }));
}

/** Apply many verdicts in one transaction (retag); reviewers' decisions are separate and untouched. */
export function saveTagsMany(db: Db, updates: { id: number; tags: ItemTags | null; searchTerms: string }[], now: string): void {
  const update = prepared(db, `UPDATE items SET ${TAG_ASSIGNMENTS} WHERE id = ?`);
  const goals = goalWriter(db);
  db.transaction(() => {
    for (const u of updates) {
      update.run(...tagValues(u.tags && storedVerdict(u.tags), u.searchTerms, now), u.id);
      goals(u.id, u.tags, true);
    }
  })();
}
