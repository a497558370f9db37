// The learning test: do reviewers' decisions on some items make the tagger better on items nobody reviewed?
import type { Analyzer } from '../src/tag/analyze.js';
import { evaluate, type LabelledItem, type Quality } from '../src/tag/evaluate.js';
import { learnWeights } from '../src/tag/learn.js';
import { createTagger } from '../src/tag/tagger.js';
import type { ReviewDecision, Taxonomy } from '../src/tag/types.js';

/** Figures on one held-out fold, without and with weights learned from the other folds. */
export interface FoldResult {
  before: Quality;
  after: Quality;
}

/** A reviewer's decision on a labelled item, as `lakivahti review` records it: the labels, and the tagger's wrong goals removed. */
export function reviewerDecision(item: LabelledItem, predicted: string[]): ReviewDecision {
  const goals = item.relevant ? (item.goals ?? (item.primary ? [item.primary] : [])) : [];
  return { item, relevant: item.relevant, confirmed: goals, rejected: predicted.filter((g) => !goals.includes(g)), primary: item.relevant ? (item.primary ?? null) : null };
}

/** k folds of a labelled set, each with the items reviewed (train) and the fold nobody reviewed (test): every k-th item. */
export function learningFolds(items: LabelledItem[], k = 5): { train: LabelledItem[]; test: LabelledItem[] }[] {
  return Array.from({ length: k }, (_, fold) => ({ train: items.filter((_, i) => i % k !== fold), test: items.filter((_, i) => i % k === fold) }));
}

/** k-fold cross-validation of learning: folds are every k-th item, so each kind of item spreads over the folds. */
export function crossValidateLearning(taxonomy: Taxonomy, analyzer: Analyzer, items: LabelledItem[], k = 5): FoldResult[] {
  const plain = createTagger(taxonomy, { analyzer });
  const results: FoldResult[] = [];
  for (const { train, test } of learningFolds(items, k)) {
    const decisions = train.map((item) => reviewerDecision(item, plain(item).goals));
    const learned = learnWeights(taxonomy, decisions, { analyzer });
    const taught = createTagger(taxonomy, { analyzer, learned });
    results.push({ before: evaluate(test, (i) => plain(i)), after: evaluate(test, (i) => taught(i)) });
  }
  return results;
}

/** Mean of a figure over folds, and its worst fold-wise change. */
export function summarise(results: FoldResult[], figure: 'f1' | 'primaryHit' | 'goalPrecision'): { before: number; after: number; worst: number } {
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    before: mean(results.map((r) => r.before[figure])),
    after: mean(results.map((r) => r.after[figure])),
    worst: Math.min(...results.map((r) => r.after[figure] - r.before[figure])),
  };
}

/** Unreviewed items whose relevance learning made right (fixed) or wrong (broke), over all folds. */
export function relevanceChanges(results: FoldResult[]): { fixed: number; broke: number } {
  const wrong = (q: Quality): Set<string> => new Set(q.misses.filter((m) => / (false positive|missed): /.test(m)).map((m) => m.split(' ')[0]));
  let fixed = 0;
  let broke = 0;
  for (const { before, after } of results) {
    const b = wrong(before);
    const a = wrong(after);
    for (const id of b) if (!a.has(id)) fixed++;
    for (const id of a) if (!b.has(id)) broke++;
  }
  return { fixed, broke };
}
