// Fitting the primary-goal model (src/tag/primary-model.ts applies it; build-primary-model.ts writes the shipped file;
// primary-loso.ts measures it): a regularised conditional logit over the candidates' features, fitted on labelled sets.
import type { Candidates } from '../src/tag/primary-model.js';

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

/** A labelled example for a yes/no model: an item's goal's features and whether the goal is labelled. */
export interface BinaryExample {
  x: string[];
  y: 0 | 1;
}

/** Fit a logistic model (yes/no per example) as `fit` does: Adagrad on the log-likelihood, L2 `l2`, features with `support`. */
export function fitBinary(examples: BinaryExample[], options: { l2?: number; support?: number; steps?: number; rate?: number } = {}): Record<string, number> {
  const { l2 = 1, support = 3, steps = 300, rate = 0.5 } = options;
  const seen = new Map<string, number>();
  for (const { x } of examples) for (const f of new Set(x)) seen.set(f, (seen.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of seen) if (n >= support) index.set(f, index.size);
  const data = examples.map((e) => ({ y: e.y, x: e.x.map((f) => index.get(f)).filter((i): i is number => i !== undefined) }));
  const w = new Float64Array(index.size);
  const g = new Float64Array(index.size);
  const h = new Float64Array(index.size).fill(1e-8);
  const n = Math.max(1, data.length);
  for (let step = 0; step < steps; step++) {
    g.fill(0);
    for (const { y, x } of data) {
      const z = x.reduce((s, i) => s + w[i], 0);
      const d = 1 / (1 + Math.exp(-z)) - y;
      for (const i of x) g[i] += d / n;
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
