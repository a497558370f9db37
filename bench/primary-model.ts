// Fitting the primary-goal model (src/tag/primary-model.ts applies it; build-primary-model.ts writes the shipped file;
// primary-loso.ts measures it): a regularised conditional logit over the candidates' features, fitted on labelled sets.
import type { Candidates } from '../src/tag/primary-model.js';

/** A labelled example: an item's candidates and the index of its labelled primary among them. */
export interface Example {
  c: Candidates;
  gold: number;
}

interface FitOptions {
  l2?: number;
  support?: number;
  steps?: number;
  rate?: number;
}

/** Each feature at least `support` examples show, with its index. */
function indexFeatures(examples: string[][], support: number): Map<string, number> {
  const seen = new Map<string, number>();
  for (const x of examples) for (const f of new Set(x)) seen.set(f, (seen.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of seen) if (n >= support) index.set(f, index.size);
  return index;
}

/** The feature indexes of `x` that `index` keeps. */
const indexed = (index: Map<string, number>, x: string[]): number[] => x.map((f) => index.get(f)).filter((i): i is number => i !== undefined);

/**
 * Fit the conditional logit on the conditional log-likelihood by gradient descent with an L2 penalty (`l2` per feature,
 * default 1: strong priors toward zero, so a feature few examples show moves little), keeping only features at least
 * `support` examples show (default 3).
 */
export function fit(examples: Example[], options: FitOptions = {}): Record<string, number> {
  const { l2 = 1, steps = 300, rate = 0.5 } = options;
  const index = indexFeatures(examples.map((e) => e.c.features.flat()), options.support ?? 3);
  // Flat arrays: example d's candidates are start[d] .. start[d + 1] - 1, candidate k's features featOf[fromOf[k]] ..
  // featOf[fromOf[k + 1] - 1]. The same sums in the same order as over nested arrays (the same weights to the bit),
  // without fresh arrays per example and step.
  const data = examples.filter((e) => e.c.goals.length > 1);
  const start = new Int32Array(data.length + 1);
  const gold = new Int32Array(data.length);
  const from: number[] = [0];
  const feat: number[] = [];
  data.forEach((e, d) => {
    gold[d] = e.gold;
    for (const fs of e.c.features) {
      feat.push(...indexed(index, fs));
      from.push(feat.length);
    }
    start[d + 1] = from.length - 1;
  });
  const fromOf = Int32Array.from(from);
  const featOf = Int32Array.from(feat);
  const n = Math.max(1, data.length);
  const w = new Float64Array(index.size);
  const g = new Float64Array(index.size);
  const z = new Float64Array(Math.max(1, ...data.map((e) => e.c.features.length)));
  // Adagrad: features seen often settle, rare ones keep moving until the penalty holds them.
  const h = new Float64Array(index.size).fill(1e-8);
  for (let step = 0; step < steps; step++) {
    g.fill(0);
    for (let d = 0; d < data.length; d++) {
      const a = start[d];
      const b = start[d + 1];
      let max = -Infinity;
      for (let k = a; k < b; k++) {
        let s = 0;
        for (let f = fromOf[k]; f < fromOf[k + 1]; f++) s += w[featOf[f]];
        z[k - a] = s;
        if (s > max) max = s;
      }
      let total = 0;
      for (let k = 0; k < b - a; k++) total += z[k] = Math.exp(z[k] - max);
      for (let k = a; k < b; k++) {
        const dk = z[k - a] / total - (k - a === gold[d] ? 1 : 0);
        for (let f = fromOf[k]; f < fromOf[k + 1]; f++) g[featOf[f]] += dk / n;
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
