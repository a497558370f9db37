// Tags on items (the tagger's verdict, kept separate from reviewers' decisions) and what retagging reads.
import type { Db } from './db.js';
import type { Consultation, ItemKind, ItemTags, Lang } from '../model.js';

/** Write an item's verdict and search terms; called for new and changed items and by retag. */
export function saveTags(db: Db, itemId: number, tags: ItemTags | null, searchTerms: string, now: string): void {
  db.prepare(`UPDATE items SET relevant = @relevant, primary_goal = @primary, scores = @scores, evidence = @evidence,
      joint = @joint, joint_reason = @jointReason, taxonomy_version = @version, tagged_at = @now, search_terms = @terms
    WHERE id = @id`).run({
    id: itemId, now, terms: searchTerms,
    relevant: tags ? Number(tags.relevant) : null,
    primary: tags?.primary ?? null,
    scores: tags ? JSON.stringify(tags.scores) : null,
    evidence: tags ? JSON.stringify(tags.evidence) : null,
    joint: tags?.joint ? 1 : 0,
    jointReason: tags?.jointReason ?? null,
    version: tags?.taxonomyVersion ?? null,
  });
  db.prepare('DELETE FROM item_goals WHERE item_id = ?').run(itemId);
  const add = db.prepare('INSERT INTO item_goals (item_id, goal, score, rank) VALUES (?, ?, ?, ?)');
  tags?.goals.forEach((g, i) => add.run(itemId, g.goal, g.score, i + 1));
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

/** Apply many verdicts in one transaction (retag). */
export function saveTagsMany(db: Db, updates: { id: number; tags: ItemTags | null; searchTerms: string }[], now: string): void {
  db.transaction(() => {
    for (const u of updates) saveTags(db, u.id, u.tags, u.searchTerms, now);
  })();
}
