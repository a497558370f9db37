// Quality figures for a tagger over a labelled set (the benchmark and the quality test share them).
import type { GoalId, TagInput } from './types.js';
import { markTitleOnly } from './title-only.js';

/** One labelled item as in tagging-dev.jsonl. */
export interface LabelledItem extends TagInput {
  id: string;
  relevant: boolean;
  primary?: GoalId;
  goals?: GoalId[];
  joint?: boolean;
}

/** What a tagger or baseline predicts, as far as evaluation cares. */
export interface Prediction {
  relevant: boolean;
  goals: GoalId[];
  primary: GoalId | null;
}

/** Relevance precision/recall/F1, primary-goal hit and goal precision, with the misses listed. */
export interface Quality {
  n: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of truly relevant items whose primary goal is among the predicted goals. */
  primaryHit: number;
  /** Share of truly relevant items whose predicted primary is the labelled one (primary chosen). */
  primaryChosen: number;
  /** Share of predicted goals (on truly relevant items) that are among the right goals. */
  goalPrecision: number;
  /** Share of right goals (on truly relevant items) that were predicted; informational. */
  goalRecall: number;
  misses: string[];
}

/**
 * Parse a JSONL file's text into labelled items. `titleOnly`: the sources whose definitions say their items are their
 * title alone (config's titleOnlySources; a labelled item does not say it): their items are marked so, as the crawl marks them.
 */
export function parseLabelled(text: string, titleOnly: readonly string[]): LabelledItem[] {
  const marked = new Set(titleOnly);
  return text.split('\n').filter((l) => l.trim() !== '').map((l) => markTitleOnly(JSON.parse(l) as LabelledItem, marked));
}

/** Score predictions against labels. */
export function evaluate(items: LabelledItem[], predict: (item: LabelledItem) => Prediction): Quality {
  let tp = 0, fp = 0, fn = 0, hit = 0, chosen = 0, rel = 0, goalsRight = 0, goalsAll = 0, goalsGold = 0;
  const misses: string[] = [];
  for (const item of items) {
    const p = predict(item);
    if (p.relevant && item.relevant) tp++;
    else if (p.relevant) { fp++; misses.push(`${item.id} false positive: ${item.title}`); }
    else if (item.relevant) { fn++; misses.push(`${item.id} missed: ${item.title}`); }
    if (!item.relevant) continue;
    rel++;
    if (item.primary && p.primary === item.primary) chosen++;
    if (item.primary && p.goals.includes(item.primary)) hit++;
    else if (p.relevant) misses.push(`${item.id} primary ${item.primary} not in [${p.goals.join(', ')}]`);
    goalsGold += item.goals?.length ?? 0;
    for (const g of p.goals) {
      goalsAll++;
      if (item.goals?.includes(g)) goalsRight++;
      else misses.push(`${item.id} wrong goal ${g}`);
    }
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { n: items.length, precision, recall, f1, primaryHit: rel === 0 ? 0 : hit / rel, primaryChosen: rel === 0 ? 0 : chosen / rel, goalPrecision: goalsAll === 0 ? 0 : goalsRight / goalsAll, goalRecall: goalsGold === 0 ? 0 : goalsRight / goalsGold, misses };
}
