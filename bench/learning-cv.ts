// The learning test: do reviewers' decisions on some items make the tagger better on items nobody reviewed?
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, voikkoAvailable, type Analyzer } from '../src/tag/analyze.js';
import { evaluate, type LabelledItem, type Quality } from '../src/tag/evaluate.js';
import { learnWeights } from '../src/tag/learn.js';
import { createTagger } from '../src/tag/tagger.js';
import { loadTaxonomy } from '../src/tag/taxonomy.js';
import type { ReviewDecision, Taxonomy } from '../src/tag/types.js';
import { loadSet, root, SEALED, SEALED_AT } from './labelled-sets.js';

/** Figures on one held-out fold, without and with weights learned from the other folds. */
export interface FoldResult {
  before: Quality;
  after: Quality;
}

/** A reviewer's decision on a labelled item, as `lakivahti review` records it: the labels, and the tagger's wrong goals removed. */
export function reviewerDecision(item: LabelledItem, predicted: string[]): ReviewDecision {
  const goals = item.relevant ? (item.goals ?? (item.primary ? [item.primary] : [])) : [];
  return { item, relevant: item.relevant, confirmed: goals, rejected: predicted.filter((g) => !goals.includes(g)), primary: item.relevant ? (item.primary ?? null) : null };
}

/** k folds of a labelled set, each with the items reviewed (train) and the fold nobody reviewed (test): every k-th item. */
export function learningFolds(items: LabelledItem[], k = 5): { train: LabelledItem[]; test: LabelledItem[] }[] {
  return Array.from({ length: k }, (_, fold) => ({ train: items.filter((_, i) => i % k !== fold), test: items.filter((_, i) => i % k === fold) }));
}

/** k-fold cross-validation of learning: folds are every k-th item, so each kind of item spreads over the folds. */
export function crossValidateLearning(taxonomy: Taxonomy, analyzer: Analyzer, items: LabelledItem[], k = 5): FoldResult[] {
  // The rules' verdicts do not depend on the fold: each item is tagged by them once, not once per fold.
  const plain = createTagger(taxonomy, { analyzer });
  const ruled = new Map(items.map((item) => [item, plain(item)]));
  const results: FoldResult[] = [];
  for (const { train, test } of learningFolds(items, k)) {
    const decisions = train.map((item) => reviewerDecision(item, ruled.get(item)!.goals));
    const learned = learnWeights(taxonomy, decisions, { analyzer });
    const taught = createTagger(taxonomy, { analyzer, learned });
    results.push({ before: evaluate(test, (i) => ruled.get(i)!), after: evaluate(test, (i) => taught(i)) });
  }
  return results;
}

/** Mean of a figure over folds, and its worst fold-wise change. */
export function summarise(results: FoldResult[], figure: 'f1' | 'primaryHit' | 'goalPrecision'): { before: number; after: number; worst: number } {
  const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    before: mean(results.map((r) => r.before[figure])),
    after: mean(results.map((r) => r.after[figure])),
    worst: Math.min(...results.map((r) => r.after[figure] - r.before[figure])),
  };
}

/** Unreviewed items whose relevance learning made right (fixed) or wrong (broke), over all folds. */
export function relevanceChanges(results: FoldResult[]): { fixed: number; broke: number } {
  const wrong = (q: Quality): Set<string> => new Set(q.misses.filter((m) => / (false positive|missed): /.test(m)).map((m) => m.split(' ')[0]));
  let fixed = 0;
  let broke = 0;
  for (const { before, after } of results) {
    const b = wrong(before);
    const a = wrong(after);
    for (const id of b) if (!a.has(id)) fixed++;
    for (const id of a) if (!b.has(id)) broke++;
  }
  return { fixed, broke };
}

/** The taxonomy file of a commit (`git show`), loaded with today's code: the rules as they stood then. */
export function taxonomyAt(commit: string): Taxonomy {
  const dir = mkdtempSync(join(tmpdir(), 'lakivahti-taxonomy-'));
  try {
    writeFileSync(join(dir, 'taxonomy.yaml'), execFileSync('git', ['show', `${commit}:feeds/taxonomy.yaml`], { cwd: root() }));
    return loadTaxonomy(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Held-out relevance errors of one kind over all folds, before learning and after: how many there were, learning fixed and made. */
function errorsOf(results: FoldResult[], kind: 'false positive' | 'missed'): { was: number; fixed: number; made: number } {
  const ids = (q: Quality): Set<string> => new Set(q.misses.filter((m) => m.includes(` ${kind}: `)).map((m) => m.split(' ')[0]));
  const n = { was: 0, fixed: 0, made: 0 };
  for (const { before, after } of results) {
    const b = ids(before);
    const a = ids(after);
    n.was += b.size;
    for (const id of b) if (!a.has(id)) n.fixed++;
    for (const id of a) if (!b.has(id)) n.made++;
  }
  return n;
}

// The learning test where the rules meet a set they were not tuned on, as the crawl met its feed: each set by
// the taxonomy of the commit that sealed it (its baseline: today's code, the rules of then). The dev sets' learning test
// in bench:tagging reads every set with rules tuned on it, which leave few errors for reviewers to correct and almost no
// false positives within learning's bound; here the rules err as on unseen items, rejections have false positives to
// teach on, and a fold that falls shows a safeguard missing (session 49: three such folds, see learn.ts `reach`).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const sets = SEALED_AT.filter(([set]) => !SEALED.has(set));
  const analyzers = [createAnalyzer('snowball'), ...(voikkoAvailable() ? [createAnalyzer('auto')] : [])];
  if (!voikkoAvailable()) console.log('!!! VOIKKO SKIPPED: libvoikko not found, only Snowball measured');
  console.log(`learning test at sealing: ${sets.length} sets, each by the taxonomy of the commit that sealed it; 5 folds, reviewers' decisions on 4`);
  console.log('  (mean before → after, worst fold; held-out false positives and misses: how many, learning fixed / made)');
  const taxonomies = new Map(sets.map(([, commit]) => [commit, taxonomyAt(commit)]));
  for (const analyzer of analyzers) {
    const mean = { f1: [0, 0], primaryHit: [0, 0], goalPrecision: [0, 0] };
    const total = { fp: { was: 0, fixed: 0, made: 0 }, fn: { was: 0, fixed: 0, made: 0 } };
    for (const [set, commit] of sets) {
      const folds = crossValidateLearning(taxonomies.get(commit)!, analyzer, loadSet(set));
      const parts = (['f1', 'primaryHit', 'goalPrecision'] as const).map((fig) => {
        const s = summarise(folds, fig);
        mean[fig][0] += s.before / sets.length;
        mean[fig][1] += s.after / sets.length;
        return `${fig} ${s.before.toFixed(3)} → ${s.after.toFixed(3)} (worst ${s.worst >= 0 ? '+' : ''}${s.worst.toFixed(3)})${s.worst < 0 ? ' !!!' : ''}`;
      });
      const fp = errorsOf(folds, 'false positive');
      const fn = errorsOf(folds, 'missed');
      for (const k of ['was', 'fixed', 'made'] as const) {
        total.fp[k] += fp[k];
        total.fn[k] += fn[k];
      }
      console.log(`  ${analyzer.name.padEnd(9)} ${set} @${commit}  ${parts.join('   ')}   FP ${fp.was}: ${fp.fixed} / ${fp.made}   FN ${fn.was}: ${fn.fixed} / ${fn.made}`);
    }
    const m = (fig: keyof typeof mean): string => `${fig} ${mean[fig][0].toFixed(4)} → ${mean[fig][1].toFixed(4)}`;
    console.log(`  ${analyzer.name.padEnd(9)} mean over ${sets.length} sets: ${m('f1')}   ${m('primaryHit')}   ${m('goalPrecision')}   FP ${total.fp.was}: fixed ${total.fp.fixed}, made ${total.fp.made}   FN ${total.fn.was}: fixed ${total.fn.fixed}, made ${total.fn.made}`);
  }
}
