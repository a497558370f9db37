// The relevance model (bench/relevance-model.ts fits and judges it): a regularised logistic regression on the rules' own
// reading of an item (what the rules scored and how far from the threshold, which terms hit in which field, the scope
// rules that cut, the item's kind, source and language), bounded by the rules: it may make relevant only an item the
// rules read some goal point in, and may drop a rules-relevant item only below a low probability.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { candidates, choose, shippedOnce, type PrimaryModel } from './primary-model.js';
import type { ItemReading } from './tagger.js';
import { shippedTaxonomyPath } from './taxonomy-file.js';
import type { GoalId, TagInput, TagResult, Taxonomy } from './types.js';

/** How the model's probability may overturn the rules. */
export interface RelevanceBounds {
  /** A rules-irrelevant item with some goal point becomes relevant at this probability or above (above 1: never). */
  addAt: number;
  /** A rules-relevant item is dropped below this probability (0: never). */
  dropAt: number;
  /**
   * When set, an item is added only when the weights of its own evidence terms (the `ev:` features: which terms hit, by
   * rule and field) sum above this: the shape of the rules' reading alone (a title point, a score near the threshold,
   * its language) adds nothing.
   */
  evidenceAbove?: number;
}

/** Weights for one analyzer and the bounds they act within. */
export interface RelevanceModel {
  taxonomyVersion: string;
  weights: Record<string, number>;
  bounds: RelevanceBounds;
  /** The features the weights were fitted on (absent: `reading`). */
  features?: FeatureSet;
}

/** feeds/relevance-model.json. */
export interface RelevanceModelFile {
  /** The taxonomy whose rules' readings the model is applied to. */
  taxonomyVersion: string;
  options: RelevanceBounds & { l2: number; support: number; training: string; features?: FeatureSet };
  /** The labelled sets it was fitted on, each with the commit whose rules read it. */
  sets: [string, string][];
  /** Per analyzer name (snowball, voikko): feature → weight. */
  weights: Record<string, Record<string, number>>;
}

/** A reading as any commit's tagger gives it (older ones lack fields added since: absent is empty). */
export type AnyReading = Partial<ItemReading> & Pick<ItemReading, 'evidence'>;

const bucket = (x: number, cuts: number[], names: string[]): string => {
  for (let i = 0; i < cuts.length; i++) if (x < cuts[i]) return names[i];
  return names[cuts.length];
};

/** The top goal score as a share of the relevant threshold, in steps. */
const SCORE_CUTS = [0.01, 0.35, 0.7, 1, 1.5, 2.5];
const SCORE_NAMES = ['0', '<0.35', '<0.7', '<1', '<1.5', '<2.5', '>=2.5'];

/**
 * Which features describe an item. `reading` (sessions 50–51): the shape of the rules' reading (the score, how many goals
 * score, the title's point, language, kind, source, the reading's flags) shared by every item beside its evidence terms;
 * fitted mostly on items the rules find relevant, the shape alone gave a rules-irrelevant item with a title term p ≈ 0.7.
 * `own` (session 52): no language; a goal counts as scoring only with a real point (at least the second score step, not
 * a context word's 0.05); and on an item the rules leave out, the shape is its own feature (`not&…`), weighed only by
 * what the left-out items' labels say, so the item's evidence terms must carry it. `terms` (session 52): as `own`, but a
 * left-out item has no shape at all: only the intercept and its own evidence terms (`ev:`) speak for it.
 */
export type FeatureSet = 'reading' | 'own' | 'terms';

/**
 * The features of an item as the rules read it: `stems` adds the analyzer's word keys of the title (and, marked, the
 * other fields), which say what the rules' terms do not.
 */
export function relevanceFeatures(
  item: { source?: string | null; lang?: string | null },
  reading: AnyReading,
  result: Pick<TagResult, 'relevant' | 'scores' | 'kind'>,
  relevant: number,
  titleFactor: number,
  stems = false,
  set: FeatureSet = 'reading',
): string[] {
  const own = set !== 'reading';
  const out = ['bias', result.relevant ? 'rules:relevant' : 'rules:not'];
  // The shape of the reading: on `own` features, an item the rules leave out has its own.
  const shape = !own || result.relevant ? (f: string) => out.push(f) : set === 'terms' ? () => 0 : (f: string) => out.push(`not&${f}`);
  const scores = Object.values(result.scores);
  const top = Math.max(0, ...scores);
  const ratio = top / relevant;
  shape(`top:${bucket(ratio, SCORE_CUTS, SCORE_NAMES)}`);
  const point = own ? SCORE_CUTS[1] * relevant : 0;
  shape(`goals>0:${Math.min(3, scores.filter((s) => s > point).length)}`);
  const scale = reading.scale ?? 1;
  if (scale < 1) {
    shape('scope:cut');
    if (top / scale >= relevant) shape('scope:cut-below');
  }
  const kind = result.kind ?? reading.kind;
  if (kind) shape(`kind:${kind}`);
  if (item.source) shape(`source:${item.source}`);
  if (item.lang && !own) out.push(`lang:${item.lang}`);
  if (reading.anchored) shape('anchored');
  for (const flag of ['about', 'first', 'doer', 'headline', 'cooperation'] as const) if (reading[flag]?.length) shape(`reading:${flag}`);
  if (reading.budget) shape('reading:budget');
  const title = reading.title ? Math.max(0, ...Object.values(reading.title)) : 0;
  shape(title > 0 ? 'title:points' : 'title:none');
  for (const e of reading.evidence) {
    const pts = Object.values(e.goals as Record<GoalId, number>).reduce((a, b) => a + b, 0);
    const sign = pts > 0 ? '+' : pts < 0 ? '-' : '0';
    shape(`rule:${e.rule}${sign}`);
    out.push(`ev:${e.rule}:${e.term}`);
    if (e.field) out.push(`ev:${e.rule}:${e.term}@${e.field[0]}`);
  }
  if (stems && reading.features) reading.features.forEach((f, key) => out.push(f >= titleFactor ? `stem:${key}@t` : `stem:${key}`));
  return [...new Set(out)];
}

/** P(relevant) of a feature list under `weights` (a feature the weights lack weighs nothing). */
export function relevanceProbability(weights: Record<string, number>, features: string[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) z += weights[features[i]] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** What the item's own evidence terms (`ev:` features) weigh under `weights`. */
export function evidenceWeight(weights: Record<string, number>, features: string[]): number {
  let z = 0;
  for (let i = 0; i < features.length; i++) if (features[i].startsWith('ev:')) z += weights[features[i]] ?? 0;
  return z;
}

/**
 * The rules' result with the model's say on relevance, within the bounds: relevant at `addAt` only with some goal point
 * (its one goal `goal` chooses among those with a point, default the one with most points: listing every goal with a
 * point cost goal precision), dropped below `dropAt`. Otherwise the result as it was.
 */
export function applyRelevanceModel<R extends Pick<TagResult, 'relevant' | 'scores' | 'goals' | 'primary'>>(
  bounds: RelevanceBounds,
  p: number,
  result: R,
  { evidence = Infinity, goal = (pointed) => pointed[0] }: { evidence?: number; goal?: (pointed: GoalId[]) => GoalId } = {},
): R {
  if (result.relevant) {
    if (p >= bounds.dropAt) return result;
    return { ...result, relevant: false, goals: [], primary: null };
  }
  const pointed = Object.keys(result.scores).filter((g) => result.scores[g] > 0).sort((a, b) => result.scores[b] - result.scores[a]);
  if (!pointed.length || p < bounds.addAt || (bounds.evidenceAbove !== undefined && !(evidence > bounds.evidenceAbove))) return result;
  const g = pointed.length > 1 ? goal(pointed) : pointed[0];
  return { ...result, relevant: true, goals: [g], primary: g };
}

/**
 * The rules' result with the model's say, as the tagger applies it: only an item the rules read some goal point in is
 * weighed (and none learned weights reach), and one the model turns says so in its evidence. An item it makes relevant is about the goal the primary-goal
 * model (`primary`, when there is one) chooses among those with a point, not merely the one with most points.
 */
export function applyShippedRelevance(model: RelevanceModel, taxonomy: Taxonomy, input: TagInput, reading: ItemReading, result: TagResult, primary?: PrimaryModel | null): TagResult {
  if (result.relevant ? model.bounds.dropAt <= 0 : model.bounds.addAt > 1) return result;
  // An item the reviewers' learned weights reach is theirs: a kind they rejected stays out (learn.test).
  if (result.evidence.some((e) => e.rule === 'learned')) return result;
  let top = 0;
  for (const g in result.scores) if (result.scores[g] > top) top = result.scores[g];
  if (top <= 0) return result;
  const features = relevanceFeatures(input, reading, result, taxonomy.thresholds.relevant, taxonomy.fields.title, false, model.features);
  const p = relevanceProbability(model.weights, features);
  const out = applyRelevanceModel(model.bounds, p, result, {
    evidence: evidenceWeight(model.weights, features),
    goal: primary ? () => choose(primary.weights, candidates(reading, result, 0, taxonomy.fields.title)).goal : undefined,
  });
  if (out !== result) out.evidence = [...result.evidence, { rule: 'model', term: `${out.relevant ? 'relevant' : 'not relevant'} p ${p.toFixed(2)}`, goals: {} }];
  return out;
}

/** The shipped model file (feeds/relevance-model.json beside the shipped taxonomy). */
export function shippedRelevanceModelPath(): string {
  return join(dirname(shippedTaxonomyPath()), 'relevance-model.json');
}

/** Read and check a model file; throws naming the problem. */
export function readRelevanceModelFile(path: string): RelevanceModelFile {
  const f = JSON.parse(readFileSync(path, 'utf8')) as RelevanceModelFile;
  if (typeof f?.taxonomyVersion !== 'string' || typeof f.options?.addAt !== 'number' || typeof f.options?.dropAt !== 'number' || typeof f.weights !== 'object' || f.weights === null) {
    throw new Error(`${path}: not a relevance model (taxonomyVersion, options.addAt, options.dropAt and weights expected)`);
  }
  return f;
}

/**
 * The relevance model for a taxonomy and analyzer, or null (the rules alone) with the reason: a model fits only the
 * taxonomy version it was fitted for. `file` defaults to the shipped one, read once (null: none).
 */
export function relevanceModelFor(taxonomy: Taxonomy, analyzer: string, file?: RelevanceModelFile | null): { model: RelevanceModel | null; reason: string } {
  const f = file === undefined ? shippedOnce(shippedRelevanceModelPath(), readRelevanceModelFile, 'relevance model') : file;
  if (!f) return { model: null, reason: 'no relevance model file' };
  if (f.taxonomyVersion !== taxonomy.version) {
    const where = file === undefined ? ` ${shippedRelevanceModelPath()}` : '';
    return { model: null, reason: `the relevance model${where} was fitted for taxonomy ${f.taxonomyVersion}, not ${taxonomy.version}: the rules alone decide relevance (refit with npm run model:relevance)` };
  }
  const weights = f.weights[analyzer];
  if (!weights) return { model: null, reason: `the relevance model has no weights for ${analyzer}: the rules alone decide relevance` };
  return { model: { taxonomyVersion: f.taxonomyVersion, weights, bounds: { addAt: f.options.addAt, dropAt: f.options.dropAt, ...(f.options.evidenceAbove !== undefined ? { evidenceAbove: f.options.evidenceAbove } : {}) }, ...(f.options.features ? { features: f.options.features } : {}) }, reason: '' };
}
