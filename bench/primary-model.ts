// A candidate primary-goal model, measured by primary-loso.ts and not shipped: which of the goals the rules find relevant
// an item is about, weighed from the rules' own reading (where each goal is named, by what kind of term) by a regularised
// conditional logit fitted on labelled sets.
import type { ItemReading } from '../src/tag/tagger.js';
import type { GoalId, TagResult } from '../src/tag/types.js';

/** A fitted model. */
export interface PrimaryModel {
  /** Taxonomy version the term features were read with: another taxonomy's terms are other features. */
  taxonomyVersion: string;
  /** Feature → weight; a feature the file does not list weighs nothing. */
  weights: Record<string, number>;
}

/** One item's candidates: each goal the rules find relevant, with its features. */
export interface Candidates {
  goals: GoalId[];
  features: string[][];
}

/** Fields the rules' reading gives, per goal: what the title is about, names first, heads, budgets, who acts. */
const READING_FLAGS = ['about', 'first', 'doer', 'headline', 'cooperation'] as const;

/**
 * The goals the model may choose among (those the rules score relevant, `relevant` points or more, and the rules'
 * primary) and the features of each: the rules' choice, where and how the reading names the goal, the item's kind, and
 * the taxonomy terms of the title crossed with the goal.
 */
export function candidates(reading: ItemReading, result: Pick<TagResult, 'primary' | 'goals' | 'scores'>, relevant: number, titleFactor: number): Candidates {
  const s = result.scores;
  const goals = Object.keys(s).filter((g) => (s[g] > 0 && s[g] >= relevant) || g === result.primary);
  let top = 0;
  let titleTop = 0;
  for (const g of goals) {
    top = Math.max(top, s[g]);
    titleTop = Math.max(titleTop, reading.title[g] ?? 0);
  }
  const titleTerms: string[] = [];
  for (const [key, f] of reading.features) if (key.startsWith('term:') && f >= titleFactor) titleTerms.push(key);
  const features = goals.map((g) => {
    const x = [`goal:${g}`];
    if (g === result.primary) x.push('rules-primary');
    if (result.goals.includes(g)) x.push('rules-listed');
    const share = top > 0 ? s[g] / top : 0;
    x.push(share >= 1 ? 'share:top' : share >= 0.7 ? 'share:near' : share >= 0.45 ? 'share:half' : 'share:low');
    const t = reading.title[g] ?? 0;
    if (t > 0) x.push(t >= titleTop ? 'title:top' : 'title:some');
    else if (t < 0) x.push('title:negative');
    if ((reading.topic[g] ?? 0) > 0) x.push('topic');
    for (const flag of READING_FLAGS) if (reading[flag].includes(g)) x.push(flag);
    if (reading.budget === g) x.push('budget');
    if (reading.kind) x.push(`kind:${reading.kind}>${g}`);
    for (const k of titleTerms) x.push(`${k}>${g}`);
    return x;
  });
  return { goals, features };
}

/** The candidate the model weighs highest, with its probability (a softmax over the candidates). */
export function choose(model: PrimaryModel, c: Candidates): { goal: GoalId; p: number } {
  const z = c.features.map((x) => x.reduce((sum, f) => sum + (model.weights[f] ?? 0), 0));
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const total = e.reduce((a, b) => a + b, 0);
  let best = 0;
  for (let i = 1; i < z.length; i++) if (z[i] > z[best]) best = i;
  return { goal: c.goals[best], p: e[best] / total };
}

/** A labelled example: an item's candidates and the index of its labelled primary among them. */
export interface Example {
  c: Candidates;
  gold: number;
}

/**
 * Fit weights by gradient descent on the conditional log-likelihood with an L2 penalty (`l2` per feature: strong
 * priors toward zero, so a feature few items show moves little), keeping only features at least `support` examples show.
 */
export function fit(examples: Example[], options: { l2?: number; support?: number; steps?: number; rate?: number } = {}): Record<string, number> {
  const { l2 = 1, support = 3, steps = 300, rate = 0.5 } = options;
  const seen = new Map<string, number>();
  for (const { c } of examples) for (const f of new Set(c.features.flat())) seen.set(f, (seen.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of seen) if (n >= support) index.set(f, index.size);
  const data = examples
    .filter((e) => e.c.goals.length > 1)
    .map((e) => ({ gold: e.gold, x: e.c.features.map((fs) => fs.map((f) => index.get(f)).filter((i): i is number => i !== undefined)) }));
  const w = new Float64Array(index.size);
  const g = new Float64Array(index.size);
  // Adagrad: features seen often settle, rare ones keep moving until the penalty holds them.
  const h = new Float64Array(index.size).fill(1e-8);
  const n = Math.max(1, data.length);
  for (let step = 0; step < steps; step++) {
    g.fill(0);
    for (const { gold, x } of data) {
      const z = x.map((fs) => fs.reduce((s, i) => s + w[i], 0));
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const total = e.reduce((a, b) => a + b, 0);
      for (let k = 0; k < x.length; k++) {
        const d = e[k] / total - (k === gold ? 1 : 0);
        for (const i of x[k]) g[i] += d / n;
      }
    }
    for (let i = 0; i < w.length; i++) {
      const grad = g[i] + (l2 / n) * w[i];
      h[i] += grad * grad;
      w[i] -= (rate * grad) / Math.sqrt(h[i]);
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of index) if (Math.abs(w[i]) >= 0.005) weights[f] = Math.round(w[i] * 1000) / 1000;
  return weights;
}
