// Learning from reviewers: per-feature goal weights (word stems and taxonomy terms) fitted to their decisions.
import type { Analyzer } from './analyze.js';
import { createTaggerCore, type ItemReading } from './tagger.js';
import type { GoalId, LearnedWeights, ReviewDecision, Taxonomy } from './types.js';

/** Tuning knobs for learnWeights; the defaults suit tens to thousands of decisions. */
export interface LearnOptions {
  analyzer?: Analyzer;
  /** Passes over the decisions. */
  epochs?: number;
  /** Share of the gap to the target score closed per correction. */
  rate?: number;
  /** How far past a threshold a score must be to count as right. */
  margin?: number;
  /** Largest absolute weight of one feature for one goal. */
  cap?: number;
}

/**
 * Fit weights so that the tagger (rules + weights) agrees with the reviewers: an error-driven
 * perceptron; each correction is spread over the item's features in proportion to how often they
 * recur across decisions, so that what a kind of item has in common carries the correction.
 */
export function learnWeights(taxonomy: Taxonomy, decisions: ReviewDecision[], options: LearnOptions = {}): LearnedWeights {
  const core = createTaggerCore(taxonomy, { analyzer: options.analyzer });
  const epochs = options.epochs ?? 12;
  const rate = options.rate ?? 0.6;
  const margin = options.margin ?? 1;
  const cap = options.cap ?? 4;
  const th = taxonomy.thresholds;
  const goalIds = taxonomy.goals.map((g) => g.id);
  const learned: LearnedWeights = { analyzer: core.analyzer.name, taxonomyVersion: taxonomy.version, decisions: decisions.length, weights: {} };

  const readings: ItemReading[] = decisions.map((d) => core.read(d.item));
  const df = new Map<string, number>();
  for (const r of readings) for (const f of r.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);

  for (let epoch = 0; epoch < epochs; epoch++) {
    let errors = 0;
    decisions.forEach((d, i) => {
      const reading = readings[i];
      const result = core.finish(d.item, reading, learned);
      for (const g of goalIds) {
        const want = d.relevant && d.confirmed.includes(g) ? 'high' : !d.relevant || d.rejected.includes(g) ? 'low' : null;
        if (want === null) continue;
        const score = result.scores[g];
        const high = Math.max(th.relevant, th.goal) + margin;
        const low = Math.max(0, Math.min(th.relevant, th.goal) - margin);
        const gap = want === 'high' ? high - score : low - score;
        if ((want === 'high' && gap <= 0) || (want === 'low' && gap >= 0)) continue;
        errors++;
        // The kind factor scales scores after weights are added; undo it for the update.
        const kindFactor = reading.kind ? (taxonomy.kinds[reading.kind] ?? 1) : 1;
        let norm = 0;
        // Features shared by several decisions (what a kind of item has in common) take most of the step.
        const share = (f: string): number => (df.get(f) ?? 1) ** 2;
        for (const [f, fw] of reading.features) norm += share(f) * fw * fw;
        if (norm === 0) continue;
        for (const [f, fw] of reading.features) {
          const step = (rate * gap * share(f) * fw) / (norm * kindFactor);
          const row = (learned.weights[f] ??= {});
          row[g] = clamp((row[g] ?? 0) + step, cap);
        }
      }
    });
    if (errors === 0) break;
  }
  // Drop negligible weights so the stored model stays small and explanations stay readable.
  for (const [f, row] of Object.entries(learned.weights)) {
    for (const g of Object.keys(row) as GoalId[]) if (Math.abs(row[g]) < 0.01) delete row[g];
    if (Object.keys(row).length === 0) delete learned.weights[f];
    else for (const g of Object.keys(row)) row[g] = Math.round(row[g] * 1000) / 1000;
  }
  return learned;
}

const clamp = (v: number, cap: number): number => Math.max(-cap, Math.min(cap, v));
