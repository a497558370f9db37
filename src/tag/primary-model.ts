// The primary-goal model (feeds/primary-model.json, built by `npm run model:primary`): which of the goals the rules find
// relevant an item is about, weighed from the rules' own reading (where each goal is named, by what kind of term) by a
// conditional logit fitted on the labelled sets. It reorders the rules' goals only: never makes an item relevant, never
// adds a goal (the tagger then puts the rules' former lead to the further-goal test, see `finish` in tagger.ts). Fitting
// lives in bench/primary-model.ts; this file only reads and applies the weights.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ItemReading } from './tagger.js';
import { shippedTaxonomyPath } from './taxonomy-file.js';
import { note as stderrNote } from '../stderr-line.js';
import type { GoalId, TagResult, Taxonomy } from './types.js';

/** Weights for one analyzer (its stems are its features). */
export interface PrimaryModel {
  /** Taxonomy version the term features were read with: another taxonomy's terms are other features. */
  taxonomyVersion: string;
  /** Feature → weight; a feature the file does not list weighs nothing. */
  weights: Record<string, number>;
  /** The model's choice replaces the rules' primary only with at least this probability. */
  margin: number;
}

/** feeds/primary-model.json. */
export interface PrimaryModelFile {
  taxonomyVersion: string;
  /** The taxonomy's goals, in order, when it was fitted. */
  goals: GoalId[];
  options: { apply: 'replace'; margin: number; l2: number; support: number };
  /** The labelled sets it was fitted on. */
  sets: string[];
  /** Per analyzer name (snowball, voikko): feature → weight. */
  weights: Record<string, Record<string, number>>;
}

/** One item's candidates: each goal the rules find relevant, with its features. */
export interface Candidates {
  goals: GoalId[];
  features: string[][];
}

/** Fields the rules' reading gives, per goal: what the title is about, names first, heads, budgets, who acts. */
const READING_FLAGS = ['about', 'first', 'doer', 'headline', 'cooperation'] as const;

/** Receives one candidate's features in order (see `eachFeature`). */
interface FeatureSink {
  /** The next candidate begins. */
  next(): void;
  /** A feature named in full. */
  add(feature: string): void;
  /** `goal:${goal}`. */
  goal(goal: GoalId): void;
  /** `${head}>${goal}`: a term or the item's kind crossed with the goal. */
  cross(head: string, goal: GoalId): void;
}

/**
 * The goals the model may choose among (those the rules score relevant, `relevant` points or more, and the rules'
 * primary) and the features of each, in order, given to `sink`: the rules' choice, where and how the reading names the
 * goal, the item's kind, and the taxonomy terms of the title crossed with the goal. Index loops and forEach, not for-of:
 * see tagger.ts on the optimising compiler.
 */
function eachFeature(reading: ItemReading, result: Pick<TagResult, 'primary' | 'goals' | 'scores'>, relevant: number, titleFactor: number, sink: FeatureSink): GoalId[] {
  const s = result.scores;
  const goals = Object.keys(s).filter((g) => (s[g] > 0 && s[g] >= relevant) || g === result.primary);
  let top = 0;
  let titleTop = 0;
  for (let i = 0; i < goals.length; i++) {
    const g = goals[i];
    top = Math.max(top, s[g]);
    titleTop = Math.max(titleTop, reading.title[g] ?? 0);
  }
  const titleTerms: string[] = [];
  reading.features.forEach((f, key) => {
    if (key.startsWith('term:') && f >= titleFactor) titleTerms.push(key);
  });
  const kind = reading.kind ? `kind:${reading.kind}` : '';
  for (let i = 0; i < goals.length; i++) {
    const g = goals[i];
    sink.next();
    sink.goal(g);
    if (g === result.primary) sink.add('rules-primary');
    if (result.goals.includes(g)) sink.add('rules-listed');
    const share = top > 0 ? s[g] / top : 0;
    sink.add(share >= 1 ? 'share:top' : share >= 0.7 ? 'share:near' : share >= 0.45 ? 'share:half' : 'share:low');
    const t = reading.title[g] ?? 0;
    if (t > 0) sink.add(t >= titleTop ? 'title:top' : 'title:some');
    else if (t < 0) sink.add('title:negative');
    if ((reading.topic[g] ?? 0) > 0) sink.add('topic');
    for (let f = 0; f < READING_FLAGS.length; f++) if (reading[READING_FLAGS[f]].includes(g)) sink.add(READING_FLAGS[f]);
    if (reading.budget === g) sink.add('budget');
    if (kind) sink.cross(kind, g);
    for (let k = 0; k < titleTerms.length; k++) sink.cross(titleTerms[k], g);
  }
  return goals;
}

/** The candidates with their features as strings (what bench:primary fits on). */
export function candidates(reading: ItemReading, result: Pick<TagResult, 'primary' | 'goals' | 'scores'>, relevant: number, titleFactor: number): Candidates {
  const features: string[][] = [];
  let x: string[] = [];
  const goals = eachFeature(reading, result, relevant, titleFactor, {
    next: () => features.push((x = [])),
    add: (f) => x.push(f),
    goal: (g) => x.push(`goal:${g}`),
    cross: (head, g) => x.push(`${head}>${g}`),
  });
  return { goals, features };
}

/** A model's weights split for lookup without building the feature's name: `goal:` features by goal, crossed ones by head, then goal. */
interface WeightTable {
  goal: Map<string, number>;
  cross: Map<string, Map<string, number>>;
}

const tables = new WeakMap<Record<string, number>, WeightTable>();

function tableOf(weights: Record<string, number>): WeightTable {
  let t = tables.get(weights);
  if (t) return t;
  t = { goal: new Map(), cross: new Map() };
  for (const [key, w] of Object.entries(weights)) {
    if (key.startsWith('goal:')) t.goal.set(key.slice(5), w);
    const cut = key.lastIndexOf('>');
    if (cut < 0) continue;
    const head = key.slice(0, cut);
    let byGoal = t.cross.get(head);
    if (!byGoal) t.cross.set(head, (byGoal = new Map()));
    byGoal.set(key.slice(cut + 1), w);
  }
  tables.set(weights, t);
  return t;
}

/**
 * Each candidate's summed weight, feature by feature in `eachFeature`'s order as `choose` sums them (the same figure to
 * the bit), with no feature's name built: per item, the names were most of what the model allocated.
 */
class Scorer implements FeatureSink {
  readonly z: number[] = [];
  constructor(
    private readonly weights: Record<string, number>,
    private readonly table: WeightTable,
  ) {}
  next(): void {
    this.z.push(0);
  }
  add(feature: string): void {
    this.z[this.z.length - 1] += this.weights[feature] ?? 0;
  }
  goal(goal: GoalId): void {
    this.z[this.z.length - 1] += this.table.goal.get(goal) ?? 0;
  }
  cross(head: string, goal: GoalId): void {
    // A goal with '>' in its name would split otherwise: looked up by its whole name (the taxonomy's goals have none).
    const w = goal.includes('>') ? this.weights[`${head}>${goal}`] : this.table.cross.get(head)?.get(goal);
    this.z[this.z.length - 1] += w ?? 0;
  }
}

/** The candidate the model weighs highest, with its probability (a softmax over the candidates). */
export function choose(weights: Record<string, number>, c: Candidates): { goal: GoalId; p: number } {
  return best(c.goals, c.features.map((x) => x.reduce((sum, f) => sum + (weights[f] ?? 0), 0)));
}

/** The goal of the highest sum, the first of equals, with its softmax probability. */
function best(goals: GoalId[], z: number[]): { goal: GoalId; p: number } {
  const max = Math.max(...z);
  let total = 0;
  for (const v of z) total += Math.exp(v - max);
  let b = 0;
  for (let i = 1; i < z.length; i++) if (z[i] > z[b]) b = i;
  return { goal: goals[b], p: Math.exp(z[b] - max) / total };
}

/**
 * The rules' result with the model's primary: on a relevant item with two or more candidates, when the model's choice
 * is listed and has at least the margin's probability, it leads the goals (nothing added or removed) and the evidence
 * says so. Otherwise the result as it was. `given` candidates default to the goals the rules find relevant (bench:primary passes others).
 * `moved`, when given, receives the probability of a choice that moved the primary.
 */
export function applyPrimaryModel(
  model: PrimaryModel,
  taxonomy: Taxonomy,
  reading: ItemReading,
  result: TagResult,
  given?: Candidates,
  moved?: { p: number },
): TagResult {
  if (!result.relevant || result.goals.length < 2) return result;
  let chosen: { goal: GoalId; p: number };
  if (given) {
    if (given.goals.length < 2) return result;
    chosen = choose(model.weights, given);
  } else {
    const scorer = new Scorer(model.weights, tableOf(model.weights));
    const goals = eachFeature(reading, result, taxonomy.thresholds.relevant, taxonomy.fields.title, scorer);
    if (goals.length < 2) return result;
    chosen = best(goals, scorer.z);
  }
  const { goal, p } = chosen;
  if (goal === result.primary || p < model.margin || !result.goals.includes(goal)) return result;
  result.primary = goal;
  result.goals = [goal, ...result.goals.filter((g) => g !== goal)];
  result.evidence.push({ rule: 'model', term: `${goal} p ${p.toFixed(2)}`, goals: {} });
  if (moved) moved.p = p;
  return result;
}

/** The shipped model file (feeds/primary-model.json beside the shipped taxonomy). */
export function shippedPrimaryModelPath(): string {
  return join(dirname(shippedTaxonomyPath()), 'primary-model.json');
}

const said = new Set<string>();

/** Read and check a model file; throws naming the problem. */
export function readPrimaryModelFile(path: string): PrimaryModelFile {
  const f = JSON.parse(readFileSync(path, 'utf8')) as PrimaryModelFile;
  if (typeof f?.taxonomyVersion !== 'string' || !Array.isArray(f.goals) || typeof f.options?.margin !== 'number' || typeof f.weights !== 'object') {
    throw new Error(`${path}: not a primary-goal model (taxonomyVersion, goals, options.margin and weights expected)`);
  }
  return f;
}

/**
 * The model for a taxonomy and analyzer, or null (the rules alone) with the reason: a model fits only the taxonomy
 * version and goals it was fitted on. `file` defaults to the shipped one (null: none). createTagger tells the reason
 * once on stderr for a taxonomy read from a file.
 */
export function primaryModelFor(taxonomy: Taxonomy, analyzer: string, file?: PrimaryModelFile | null): { model: PrimaryModel | null; reason: string } {
  const f = file === undefined ? shippedOnce(shippedPrimaryModelPath(), readPrimaryModelFile, 'primary-goal model') : file;
  if (!f) return { model: null, reason: 'no primary-goal model file' };
  const goals = taxonomy.goals.map((g) => g.id).join(',');
  if (f.taxonomyVersion !== taxonomy.version || f.goals.join(',') !== goals) {
    return { model: null, reason: `the primary-goal model was fitted on taxonomy ${f.taxonomyVersion} (${f.goals.join(', ')}), not ${taxonomy.version} (${goals.split(',').join(', ')}): the rules alone choose the main goal` };
  }
  const weights = f.weights[analyzer];
  if (!weights) return { model: null, reason: `the primary-goal model has no weights for ${analyzer}: the rules alone choose the main goal` };
  return { model: { taxonomyVersion: f.taxonomyVersion, weights, margin: f.options.margin }, reason: '' };
}

/** The last shipped file read, per model (its reader): a path it was not read from is read again. */
const shipped = new Map<(path: string) => unknown, { path: string; file: unknown }>();

/**
 * A model file shipped beside the taxonomy (feeds/primary-model.json, feeds/relevance-model.json), read once per path
 * with `read`: null when there is none, or when it cannot be read, which is told once (`what` not used: …).
 */
export function shippedOnce<T>(path: string, read: (path: string) => T, what: string): T | null {
  const kept = shipped.get(read);
  if (kept?.path === path) return kept.file as T | null;
  let file: T | null = null;
  try {
    file = existsSync(path) ? read(path) : null;
  } catch (err) {
    tell(`${what} not used: ${(err as Error).message}`);
  }
  shipped.set(read, { path, file });
  return file;
}

/** Write a note on stderr once per thread, as `lakivahti COMMAND: note`. */
export function tell(note: string): void {
  if (said.has(note)) return;
  said.add(note);
  stderrNote(note);
}
