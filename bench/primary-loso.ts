// Does the primary-goal choice carry to a set nobody tuned on? Leave-one-set-out and forward (older sets → newer) over
// the labelled dev sets: per set, the rules' primary hit and goal precision beside a candidate fitted on the other sets.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, voikkoAvailable, type Analyzer } from '../src/tag/analyze.js';
import { evaluate, type LabelledItem, type Prediction } from '../src/tag/evaluate.js';
import { fit } from './primary-model.js';
import { candidates, choose, type Candidates } from '../src/tag/primary-model.js';
import { createTaggerCore, type TaggerCore } from '../src/tag/tagger.js';
import { loadTaxonomy } from '../src/tag/taxonomy.js';
import { DEV_SETS, loadSets, root, SEALED_AT } from './labelled-sets.js';
import type { TagResult, Taxonomy } from '../src/tag/types.js';

/** Primary hit, goal precision and the share of relevant items whose chosen primary is the labelled one. */
export interface SetFigures {
  relevant: number;
  primaryHit: number;
  goalPrecision: number;
  primaryChosen: number;
}

/** A way to tag a set's items, given the sets it may learn from (none for the rules alone). */
export type Method = (train: LabelledItem[][]) => (item: LabelledItem) => Prediction;

/** Figures of `predict` on one set. */
export function figures(items: LabelledItem[], predict: (item: LabelledItem) => Prediction): SetFigures {
  const q = evaluate(items, predict);
  return { relevant: items.filter((i) => i.relevant).length, primaryHit: q.primaryHit, goalPrecision: q.goalPrecision, primaryChosen: q.primaryChosen };
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

/** How the model's choice enters the result: `replace` puts it in the rules' primary's place, `add` lists it first beside theirs. */
export interface ModelOptions {
  apply: 'replace' | 'add';
  /** The model overrides the rules only when its choice has at least this probability. */
  margin: number;
  l2?: number;
  support?: number;
  /** Candidates: the goals scoring at least this (default the taxonomy's relevant threshold: the goals the rules find relevant). */
  floor?: number;
  /** Leave out the features that say what the rules chose (rules-primary, rules-listed): the reading alone. */
  readingOnly?: boolean;
}

/** The candidate shipped in feeds/primary-model.json (build-primary-model.ts), the default measured here. */
export const SHIPPED_OPTIONS = { apply: 'replace', margin: 0.5, l2: 3, support: 3 } as const satisfies ModelOptions;

/** The rules' result and the model's candidates of an item, and the weights fitted on labelled sets, as `options` say. */
export function modelFitter(taxonomy: Taxonomy, analyzer: Analyzer, options: ModelOptions, core: TaggerCore = createTaggerCore(taxonomy, { analyzer })) {
  const cache = new Map<LabelledItem, { rules: Prediction; c: Candidates }>();
  const read = (item: LabelledItem): { rules: Prediction; c: Candidates } => {
    let r = cache.get(item);
    if (!r) {
      // Readings of older taggers (--history) may lack fields added since: absent is empty.
      const read = core.read(item);
      const reading = { ...read, about: read.about ?? [], first: read.first ?? [], doer: read.doer ?? [], headline: read.headline ?? [], cooperation: read.cooperation ?? [], budget: read.budget ?? null };
      const rules = core.finish(item, reading, null);
      const c = candidates(reading, rules, options.floor ?? taxonomy.thresholds.relevant, taxonomy.fields.title);
      if (options.readingOnly) c.features = c.features.map((x) => x.filter((f) => !f.startsWith('rules-')));
      cache.set(item, (r = { rules, c }));
    }
    return r;
  };
  const weights = (train: LabelledItem[][]): Record<string, number> => {
    const examples = train.flat().filter((i) => i.relevant && i.primary).map((i) => ({ i, r: read(i) }))
      .filter(({ r }) => r.rules.relevant)
      .map(({ i, r }) => ({ c: r.c, gold: r.c.goals.indexOf(i.primary!) }))
      .filter((e) => e.gold >= 0);
    return fit(examples, options);
  };
  return { read, weights };
}

/** The rules, with the primary goal chosen by a model fitted on the training sets' labels. */
export function modelMethod(taxonomy: Taxonomy, analyzer: Analyzer, options: ModelOptions, core?: TaggerCore): Method {
  const { read, weights } = modelFitter(taxonomy, analyzer, options, core);
  return (train) => {
    const w = weights(train);
    return (item) => {
      const { rules, c } = read(item);
      if (!rules.relevant || c.goals.length < 2) return rules;
      const { goal, p } = choose(w, c);
      if (goal === rules.primary || p < options.margin) return rules;
      if (rules.goals.includes(goal)) return { ...rules, primary: goal, goals: [goal, ...rules.goals.filter((g) => g !== goal)] };
      const rest = options.apply === 'add' ? rules.goals : rules.goals.filter((g) => g !== rules.primary);
      return { ...rules, primary: goal, goals: [goal, ...rest] };
    };
  };
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}`.padStart(5);
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Print one table: per set, each method's primary hit / goal precision / primary chosen, and their means. */
function table(title: string, names: string[], methods: [string, SetFigures[]][]): void {
  console.log(`\n${title}`);
  console.log(`  ${'set'.padEnd(13)} rel  ${methods.map(([m]) => `${m}: hit / goal prec / chosen`.padEnd(40)).join('')}`);
  names.forEach((name, i) => {
    const cells = methods.map(([, f]) => `${pct(f[i].primaryHit)} / ${pct(f[i].goalPrecision)} / ${pct(f[i].primaryChosen)}`.padEnd(40));
    console.log(`  ${name.padEnd(13)} ${String(methods[0][1][i].relevant).padStart(3)}  ${cells.join('')}`);
  });
  const m = methods.map(([, f]) => `${pct(mean(f.map((x) => x.primaryHit)))} / ${pct(mean(f.map((x) => x.goalPrecision)))} / ${pct(mean(f.map((x) => x.primaryChosen)))}`.padEnd(40));
  console.log(`  ${'mean'.padEnd(13)}      ${m.join('')}`);
}

/** The tagger's source at `commit` (src/ and feeds/ from git), compiled once into a temporary folder; its root. */
export function buildAt(commit: string): string {
  const dir = join(tmpdir(), `lakivahti-primary-${commit}`);
  if (existsSync(join(dir, 'dist', 'src', 'tag', 'tagger.js'))) return dir;
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['-C', root(), 'archive', commit, 'src', 'feeds', 'package.json'], { maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(root(), 'node_modules'), join(dir, 'node_modules'));
  const options = { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, esModuleInterop: true, skipLibCheck: true, resolveJsonModule: true, outDir: 'dist', rootDir: '.', types: ['node'] };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: options, include: ['src'] }));
  execFileSync(join(root(), 'node_modules', '.bin', 'tsc'), ['-p', join(dir, 'tsconfig.json')], { stdio: 'inherit' });
  return dir;
}

/**
 * Why the rules miss a relevant item's primary: not relevant, its goal without a point or below the relevant score, or
 * relevant but unlisted (only these a choice among the goals the rules find relevant can mend).
 */
function missKinds(items: LabelledItem[], tag: (i: LabelledItem) => TagResult, relevant: number): string {
  let off = 0, none = 0, low = 0, unlisted = 0;
  for (const i of items) {
    if (!i.relevant || !i.primary) continue;
    const r = tag(i);
    const s = r.scores[i.primary] ?? 0;
    if (!r.relevant) off++;
    else if (r.goals.includes(i.primary)) continue;
    else if (s >= relevant) unlisted++;
    else if (s > 0) low++;
    else none++;
  }
  return `${off} not relevant, ${none} without a point for it, ${low} below the relevant score, ${unlisted} relevant but unlisted`;
}

/** The set's figures by the rules it was sealed under, alone and with the model fitted on the sets before it. */
async function history(sets: [string, LabelledItem[]][], options: ModelOptions, analyzers: string[]): Promise<void> {
  for (const name of analyzers) {
    const rows: [string, SetFigures[]][] = [['rules then', []], ['candidate', []]];
    const why: string[] = [];
    for (const [set, commit] of SEALED_AT) {
      const dir = buildAt(commit);
      const old = {
        analyze: (await import(join(dir, 'dist', 'src', 'tag', 'analyze.js'))) as typeof import('../src/tag/analyze.js'),
        taxonomy: (await import(join(dir, 'dist', 'src', 'tag', 'taxonomy.js'))) as typeof import('../src/tag/taxonomy.js'),
        tagger: (await import(join(dir, 'dist', 'src', 'tag', 'tagger.js'))) as typeof import('../src/tag/tagger.js'),
      };
      const taxonomy = old.taxonomy.loadTaxonomy();
      const analyzer = old.analyze.createAnalyzer(name as 'auto' | 'snowball');
      const core = old.tagger.createTaggerCore(taxonomy, { analyzer });
      const at = sets.findIndex(([n]) => n === set);
      const before = sets.slice(0, at).map(([, s]) => s);
      const tag = (i: LabelledItem): TagResult => core.finish(i, core.read(i), null);
      rows[0][1].push(figures(sets[at][1], tag));
      rows[1][1].push(figures(sets[at][1], modelMethod(taxonomy, analyzer, options, core)(before)));
      why.push(`  ${set} (${commit}) primaries the rules then missed: ${missKinds(sets[at][1], tag, taxonomy.thresholds.relevant)}`);
    }
    table(`${name === 'auto' ? 'voikko' : name}: each set by the rules it was sealed under (the commit that sealed it: a set written after the rules), alone and with the candidate fitted on the sets before it as those rules read them`, SEALED_AT.map(([n]) => n), rows);
    for (const w of why) console.log(w);
  }
}

/** The first set the forward split tests: eval-2027-01, the first set sealed before its round's rules. */
export const FORWARD_FROM = DEV_SETS.indexOf('eval-2027-01');

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const taxonomy = loadTaxonomy();
  const sets = loadSets();
  const analyzers = [createAnalyzer('snowball'), ...(voikkoAvailable() ? [createAnalyzer('auto')] : [])];
  if (!voikkoAvailable()) console.log('!!! VOIKKO SKIPPED: libvoikko not found, only Snowball measured');
  console.log(`taxonomy ${taxonomy.version}; ${sets.length} dev sets, ${sets.reduce((n, [, s]) => n + s.length, 0)} items (sealed sets left out)`);
  console.log('figures in %: primary hit (labelled primary among the listed goals), goal precision, primary chosen (the listed primary is the labelled one)');
  // --options '{"apply":"add",…}' measures another candidate; --history-only skips the in-sample splits.
  const at = process.argv.indexOf('--options');
  const options: ModelOptions = { ...SHIPPED_OPTIONS, ...(at > 0 ? (JSON.parse(process.argv[at + 1]) as Partial<ModelOptions>) : {}) };
  console.log(`candidate: the rules' primary replaced by a conditional logit's choice among the goals the rules score relevant (${JSON.stringify(options)}), fitted on the other sets' labels`);
  if (!process.argv.includes('--history-only')) for (const analyzer of analyzers) {
    const rules = rulesMethod(taxonomy, analyzer);
    const model = modelMethod(taxonomy, analyzer, options);
    const names = sets.map(([n]) => n);
    table(`${analyzer.name}: leave one set out (the rules are in-sample on every set: each was tuned on)`, names, [['rules', leaveOneSetOut(sets, rules)], ['candidate', leaveOneSetOut(sets, model)]]);
    table(`${analyzer.name}: forward (fit on the sets written before; from ${DEV_SETS[FORWARD_FROM]})`, names.slice(FORWARD_FROM), [['rules', forward(sets, rules, FORWARD_FROM)], ['candidate', forward(sets, model, FORWARD_FROM)]]);
  }
  if (process.argv.includes('--no-history')) process.exit(0);
  await history(sets, options, analyzers.map((a) => (a.name === 'snowball' ? 'snowball' : 'auto')));
}
