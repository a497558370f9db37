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
  const data = examples.filter((e) => e.c.goals.length > 1).map((e) => ({ gold: e.gold, x: e.c.features.map((fs) => indexed(index, fs)) }));
  const n = Math.max(1, data.length);
  const w = new Float64Array(index.size);
  const g = new Float64Array(index.size);
  // Adagrad: features seen often settle, rare ones keep moving until the penalty holds them.
  const h = new Float64Array(index.size).fill(1e-8);
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
