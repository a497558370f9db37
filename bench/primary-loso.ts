// Does the primary-goal choice carry to a set nobody tuned on? Leave-one-set-out and forward (older sets → newer) over
// the labelled dev sets: per set, the rules' primary hit and goal precision beside a candidate fitted on the other sets.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, voikkoAvailable, type Analyzer } from '../src/tag/analyze.js';
import { evaluate, parseLabelled, type LabelledItem, type Prediction } from '../src/tag/evaluate.js';
import { createTaggerCore } from '../src/tag/tagger.js';
import { loadTaxonomy } from '../src/tag/taxonomy.js';
import type { Taxonomy } from '../src/tag/types.js';

/**
 * The dev sets in the order they were written (the forward split reads it): every labelled set bench/tagging.ts does not
 * seal. Not hard-heldout, eval-2026-12 or eval-2028-12 (sealed), nor any set sealed after this file was written.
 */
export const DEV_SETS = [
  'dev', 'heldout', 'unseen', 'fresh', 'hard-dev', 'round3-dev', 'eval-2027-01', 'round4-dev',
  'eval-2027-02', 'eval-2027-03', 'eval-2027-04', 'eval-2027-05', 'eval-2027-06', 'eval-2027-07', 'eval-2027-08',
  'eval-2027-09', 'eval-2027-10', 'eval-2027-11', 'eval-2027-12', 'eval-2028-01', 'eval-2028-02', 'eval-2028-03',
  'eval-2028-04', 'eval-2028-05', 'eval-2028-06', 'eval-2028-07', 'eval-2028-08', 'eval-2028-09', 'eval-2028-10',
  'eval-2028-11',
] as const;

/** Primary hit, goal precision and the share of relevant items whose chosen primary is the labelled one. */
export interface SetFigures {
  relevant: number;
  primaryHit: number;
  goalPrecision: number;
  primaryChosen: number;
}

/** A way to tag a set's items, given the sets it may learn from (none for the rules alone). */
export type Method = (train: LabelledItem[][]) => (item: LabelledItem) => Prediction;

function root(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'test', 'fixtures', 'tag'))) return dir;
    dir = dirname(dir);
  }
  return resolve('.');
}

/** Load the dev sets by name from test/fixtures/tag. */
export function loadDevSets(names: readonly string[] = DEV_SETS): [string, LabelledItem[]][] {
  const dir = join(root(), 'test', 'fixtures', 'tag');
  return names.map((n) => [n, parseLabelled(readFileSync(join(dir, `${n}.jsonl`), 'utf8'))]);
}

/** Figures of `predict` on one set. */
export function figures(items: LabelledItem[], predict: (item: LabelledItem) => Prediction): SetFigures {
  const q = evaluate(items, predict);
  const rel = items.filter((i) => i.relevant);
  const chosen = rel.filter((i) => predict(i).primary === i.primary).length;
  return { relevant: rel.length, primaryHit: q.primaryHit, goalPrecision: q.goalPrecision, primaryChosen: rel.length ? chosen / rel.length : 0 };
}

/** Leave-one-set-out: each set tagged by `method` fitted on all the others. */
export function leaveOneSetOut(sets: [string, LabelledItem[]][], method: Method): SetFigures[] {
  return sets.map(([, items], i) => figures(items, method(sets.filter((_, j) => j !== i).map(([, s]) => s))));
}

/** Forward: each set from `from` on tagged by `method` fitted on the sets written before it only. */
export function forward(sets: [string, LabelledItem[]][], method: Method, from: number): SetFigures[] {
  return sets.slice(from).map(([, items], k) => figures(items, method(sets.slice(0, from + k).map(([, s]) => s))));
}

/** The rules alone (the current tagger): learns nothing from the other sets. */
export function rulesMethod(taxonomy: Taxonomy, analyzer: Analyzer): Method {
  const core = createTaggerCore(taxonomy, { analyzer });
  const cache = new Map<LabelledItem, Prediction>();
  const tag = (item: LabelledItem): Prediction => {
    let p = cache.get(item);
    if (!p) cache.set(item, (p = core.finish(item, core.read(item), null)));
    return p;
  };
  return () => tag;
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}`.padStart(5);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Print one table: per set, each method's primary hit / goal precision / primary chosen, and their means. */
function table(title: string, names: string[], methods: [string, SetFigures[]][]): void {
  console.log(`\n${title}`);
  console.log(`  ${'set'.padEnd(13)} rel  ${methods.map(([m]) => `${m}: hit / goal prec / chosen`.padEnd(34)).join('')}`);
  names.forEach((name, i) => {
    const cells = methods.map(([, f]) => `${pct(f[i].primaryHit)} / ${pct(f[i].goalPrecision)} / ${pct(f[i].primaryChosen)}`.padEnd(34));
    console.log(`  ${name.padEnd(13)} ${String(methods[0][1][i].relevant).padStart(3)}  ${cells.join('')}`);
  });
  const m = methods.map(([, f]) => `${pct(mean(f.map((x) => x.primaryHit)))} / ${pct(mean(f.map((x) => x.goalPrecision)))} / ${pct(mean(f.map((x) => x.primaryChosen)))}`.padEnd(34));
  console.log(`  ${'mean'.padEnd(13)}      ${m.join('')}`);
}

/** The first set the forward split tests: eval-2027-01, the first set sealed before its round's rules. */
export const FORWARD_FROM = DEV_SETS.indexOf('eval-2027-01');

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const taxonomy = loadTaxonomy();
  const sets = loadDevSets();
  const analyzers = [createAnalyzer('snowball'), ...(voikkoAvailable() ? [createAnalyzer('auto')] : [])];
  if (!voikkoAvailable()) console.log('!!! VOIKKO SKIPPED: libvoikko not found, only Snowball measured');
  console.log(`taxonomy ${taxonomy.version}; ${sets.length} dev sets, ${sets.reduce((n, [, s]) => n + s.length, 0)} items (sealed sets left out)`);
  console.log('figures in %: primary hit (labelled primary among the listed goals), goal precision, primary chosen (the listed primary is the labelled one)');
  for (const analyzer of analyzers) {
    const rules = rulesMethod(taxonomy, analyzer);
    const names = sets.map(([n]) => n);
    table(`${analyzer.name}: leave one set out (rules are in-sample on every set: each was tuned on)`, names, [['rules', leaveOneSetOut(sets, rules)]]);
    table(`${analyzer.name}: forward (fit on the sets written before; from ${DEV_SETS[FORWARD_FROM]})`, names.slice(FORWARD_FROM), [['rules', forward(sets, rules, FORWARD_FROM)]]);
  }
}
