// Tags on items (the tagger's verdict, kept separate from reviewers' decisions) and what retagging reads.
import type { Db } from './db.js';
import type { Consultation, ItemKind, ItemTags, Lang } from '../model.js';

/** The items columns that hold a verdict, as named parameters for INSERT and UPDATE statements. */
export const TAG_COLUMNS = `relevant = @relevant, primary_goal = @primary, scores = @scores, evidence = @evidence,
  joint = @joint, joint_reason = @jointReason, taxonomy_version = @taxonomyVersion, tagged_at = @taggedAt,
  search_terms = @searchTerms`;

/** A verdict as statement parameters (see TAG_COLUMNS). */
export function tagParams(tags: ItemTags | null, searchTerms: string, now: string) {
  return {
    relevant: tags ? Number(tags.relevant) : null,
    primary: tags?.primary ?? null,
    scores: tags ? JSON.stringify(tags.scores) : null,
    evidence: tags ? JSON.stringify(tags.evidence) : null,
    joint: tags?.joint ? 1 : 0,
    jointReason: tags?.jointReason ?? null,
    taxonomyVersion: tags?.taxonomyVersion ?? null,
    taggedAt: tags ? now : null,
    searchTerms,
  };
}

/** A writer of item goals (best first) for filtering; `replace` clears the item's earlier goals. */
export function goalWriter(db: Db): (itemId: number, tags: ItemTags | null, replace: boolean) => void {
  const drop = db.prepare('DELETE FROM item_goals WHERE item_id = ?');
  const add = db.prepare('INSERT INTO item_goals (item_id, goal, score, rank) VALUES (?, ?, ?, ?)');
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
  const rows = db
    .prepare(`SELECT i.id, i.source_id AS sourceId, i.title, i.summary, i.language, i.kind, i.organisation, i.deadline,
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
  const update = db.prepare(`UPDATE items SET ${TAG_COLUMNS} WHERE id = @id`);
  const goals = goalWriter(db);
  db.transaction(() => {
    for (const u of updates) {
      update.run({ id: u.id, ...tagParams(u.tags, u.searchTerms, now) });
      goals(u.id, u.tags, true);
    }
  })();
}
