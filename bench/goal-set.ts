// A goal-set candidate measured by bench:primary (`--goal-set`), not shipped: on an item the rules find relevant, whether
// each goal the rules gave points is one of its goals, weighed from the primary model's reading plus the goal's rank and
// score level by a logistic model (fitBinary in primary-model.ts) fitted on labelled sets, also as the rules read them
// before they were tuned on them. It swaps a listed goal for a better-supported unlisted one, keeping the count: never
// makes an item relevant or not, never lists fewer or more goals. Written in the runtime's shape (as applyPrimaryModel),
// so shipping it would be moving this file to src/tag/ and a hook in tagger.ts's finish.
import { candidates, type Candidates } from '../src/tag/primary-model.js';
import type { ItemReading } from '../src/tag/tagger.js';
import type { GoalId, TagResult, Taxonomy } from '../src/tag/types.js';

/** Weights for one analyzer, and by how much an unlisted goal's probability must exceed a listed one's to take its place. */
export interface GoalSetModel {
  weights: Record<string, number>;
  margin: number;
}

/** Each goal scoring above zero on a relevant item, with the primary model's features, its rank and its score's level. */
export function goalSetCandidates(reading: ItemReading, result: TagResult, taxonomy: Taxonomy): Candidates {
  const c = candidates(reading, result, Number.MIN_VALUE, taxonomy.fields.title);
  const ranked = [...c.goals].sort((a, b) => result.scores[b] - result.scores[a]);
  const th = taxonomy.thresholds;
  c.features = c.features.map((x, i) => {
    const s = result.scores[c.goals[i]];
    return [...x, 'bias', `rank:${Math.min(ranked.indexOf(c.goals[i]), 2)}`, `listed:${Math.min(result.goals.length, 3)}`, s >= th.goal ? 'score:goal' : s >= th.relevant ? 'score:relevant' : 'score:low'];
  });
  return c;
}

/** Each candidate's probability of being one of the item's goals. */
export function goalProbabilities(weights: Record<string, number>, c: Candidates): number[] {
  return c.features.map((x) => 1 / (1 + Math.exp(-x.reduce((t, f) => t + (weights[f] ?? 0), 0))));
}

/**
 * The rules' result with the goal-set model's swaps: while an unlisted goal is more probable than the least probable listed
 * one by the margin, it takes that one's place (the rules' order kept, swapped-in goals after; the first listed leads). The
 * evidence names each swap. A result the rules find not relevant is returned as it was.
 */
export function applyGoalSet(model: GoalSetModel, taxonomy: Taxonomy, reading: ItemReading, result: TagResult): TagResult {
  if (!result.relevant) return result;
  const c = goalSetCandidates(reading, result, taxonomy);
  if (c.goals.length <= result.goals.length) return result;
  const p = goalProbabilities(model.weights, c);
  const prob = (g: GoalId): number => p[c.goals.indexOf(g)] ?? 1;
  const keep = new Set(result.goals);
  const swaps: { added: GoalId; removed: GoalId }[] = [];
  for (const added of c.goals.filter((g) => !keep.has(g)).sort((a, b) => prob(b) - prob(a))) {
    const removed = [...keep].sort((a, b) => prob(a) - prob(b))[0];
    if (!(prob(added) > prob(removed) + model.margin)) break;
    keep.delete(removed);
    keep.add(added);
    swaps.push({ added, removed });
  }
  if (swaps.length === 0) return result;
  result.goals = [...result.goals, ...swaps.map((s) => s.added)].filter((g) => keep.has(g));
  result.primary = result.goals[0];
  for (const s of swaps) result.evidence.push({ rule: 'model', term: `${s.added} p ${prob(s.added).toFixed(2)} ${s.removed}`, goals: {} });
  return result;
}
