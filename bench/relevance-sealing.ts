// Relevance at sealing: each of eval-2028-07..12 tagged by the rules of the commit that sealed it (a set written after the
// rules: the figures a fresh set gets), and by the current rules (in-sample: every dev set was tuned on), both analyzers.
// Lists the at-sealing false negatives and positives, each false negative with what the rules lacked.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { voikkoAvailable } from '../src/tag/analyze.js';
import { evaluate, type LabelledItem, type Quality } from '../src/tag/evaluate.js';
import type { ItemReading, TaggerCore } from '../src/tag/tagger.js';
import type { TagResult, Taxonomy } from '../src/tag/types.js';
import { loadSets, SEALED_AT } from './labelled-sets.js';
import { buildAt } from './primary-loso.js';

/** The tagging modules of one commit (the working tree's own for 'now'). */
export interface Rules {
  label: string;
  taxonomy: Taxonomy;
  core: (analyzer: 'auto' | 'snowball') => TaggerCore;
}

/** The rules at `commit`, compiled by bench:primary's buildAt; 'now' is this tree's. */
export async function rulesAt(commit: string | 'now'): Promise<Rules> {
  const base = commit === 'now' ? join(fileURLToPath(import.meta.url), '..', '..', 'src', 'tag') : join(buildAt(commit), 'dist', 'src', 'tag');
  const analyze = (await import(join(base, 'analyze.js'))) as typeof import('../src/tag/analyze.js');
  const tax = (await import(join(base, 'taxonomy.js'))) as typeof import('../src/tag/taxonomy.js');
  const tagger = (await import(join(base, 'tagger.js'))) as typeof import('../src/tag/tagger.js');
  const taxonomy = tax.loadTaxonomy();
  const cores = new Map<string, TaggerCore>();
  const core = (a: 'auto' | 'snowball'): TaggerCore => {
    let c = cores.get(a);
    if (!c) cores.set(a, (c = tagger.createTaggerCore(taxonomy, { analyzer: analyze.createAnalyzer(a) })));
    return c;
  };
  return { label: commit, taxonomy, core };
}

/** Why the rules did not find a relevant item relevant. */
export type Lack = 'vocabulary' | 'scope' | 'threshold' | 'below';

/**
 * What the rules lacked for a missed item: no goal point at all (a word), a scope rule that cut a score that had cleared
 * the threshold, a score just under the threshold (at least 70 % of it), or some points well below it.
 */
export function lackOf(reading: Pick<ItemReading, 'rule'> & { scale?: number }, result: Pick<TagResult, 'scores'>, relevant: number): Lack {
  const top = Math.max(0, ...Object.values(result.scores));
  const scale = reading.scale ?? 1;
  if (scale < 1 && top / scale >= relevant) return 'scope';
  if (top <= 0) return 'vocabulary';
  return top >= 0.7 * relevant ? 'threshold' : 'below';
}

/** The few strongest pieces of evidence of a result, as text. */
function why(r: TagResult): string {
  return r.evidence
    .filter((e) => Object.values(e.goals).some((v) => v !== 0) || e.rule === 'scope' || e.rule === 'kind' || e.rule === 'prior')
    .slice(0, 4)
    .map((e) => `${e.rule}:${e.term}${e.field ? `@${e.field[0]}` : ''}`)
    .join(', ');
}

const pct = (n: number): string => `${(n * 100).toFixed(1)}`.padStart(5);
const row = (q: Quality): string => `${pct(q.precision)} ${pct(q.recall)} ${q.f1.toFixed(3)}`;

/** Tag a set with one core: quality, and the misses with their reading. */
export function measure(items: LabelledItem[], core: TaggerCore, relevant: number) {
  const tagged = new Map<LabelledItem, { r: TagResult; reading: ItemReading }>();
  for (const i of items) {
    const reading = core.read(i);
    tagged.set(i, { reading, r: core.finish(i, reading, null) });
  }
  const q = evaluate(items, (i) => tagged.get(i)!.r);
  const fns = items.filter((i) => i.relevant && !tagged.get(i)!.r.relevant).map((i) => ({ i, ...tagged.get(i)!, lack: lackOf(tagged.get(i)!.reading, tagged.get(i)!.r, relevant) }));
  const fps = items.filter((i) => !i.relevant && tagged.get(i)!.r.relevant).map((i) => ({ i, ...tagged.get(i)! }));
  return { q, fns, fps };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const analyzers: ('snowball' | 'auto')[] = ['snowball', ...(voikkoAvailable() ? (['auto'] as const) : [])];
  if (!voikkoAvailable()) console.log('!!! VOIKKO SKIPPED: libvoikko not found, only Snowball measured');
  const sets = new Map(loadSets(SEALED_AT.map(([s]) => s)));
  const now = await rulesAt('now');
  const quiet = process.argv.includes('--quiet');
  console.log(`relevance precision / recall / F1 (%), at sealing (each set by its sealing commit's rules) and now (taxonomy ${now.taxonomy.version}, in-sample)`);
  for (const a of analyzers) {
    const name = a === 'auto' ? 'voikko' : a;
    const lacks: Record<Lack, number> = { vocabulary: 0, scope: 0, threshold: 0, below: 0 };
    const total = { sealing: { tp: 0, fp: 0, fn: 0 }, now: { tp: 0, fp: 0, fn: 0 } };
    const lines: string[] = [];
    console.log(`\n${name}:  set           commit    at sealing: P / R / F1    FN  FP   now: P / R / F1    FN  FP`);
    for (const [set, commit] of SEALED_AT) {
      const items = sets.get(set)!;
      const then = await rulesAt(commit);
      const m = measure(items, then.core(a), then.taxonomy.thresholds.relevant);
      const n = measure(items, now.core(a), now.taxonomy.thresholds.relevant);
      const rel = items.filter((i) => i.relevant).length;
      for (const [k, x] of [['sealing', m], ['now', n]] as const) {
        total[k].fn += x.fns.length;
        total[k].fp += x.fps.length;
        total[k].tp += rel - x.fns.length;
      }
      console.log(`  ${set.padEnd(13)} ${commit}   ${row(m.q)}        ${String(m.fns.length).padStart(3)} ${String(m.fps.length).padStart(3)}   ${row(n.q)}  ${String(n.fns.length).padStart(3)} ${String(n.fps.length).padStart(3)}`);
      for (const f of m.fns) {
        lacks[f.lack]++;
        const top = Math.max(0, ...Object.values(f.r.scores));
        lines.push(`    ${set} FN ${f.lack.padEnd(10)} ${top.toFixed(2).padStart(5)} ${f.i.id} [${f.i.primary}] ${f.i.title}  {${why(f.r)}}`);
      }
      for (const f of m.fps) lines.push(`    ${set} FP ${f.r.primary?.padEnd(10)} ${Math.max(...Object.values(f.r.scores)).toFixed(2).padStart(5)} ${f.i.id} ${f.i.title}  {${why(f.r)}}`);
    }
    const f1 = (t: { tp: number; fp: number; fn: number }): string => row({ precision: t.tp / (t.tp + t.fp), recall: t.tp / (t.tp + t.fn), f1: (2 * t.tp) / (2 * t.tp + t.fp + t.fn) } as Quality);
    console.log(`  ${'pooled'.padEnd(13)}           ${f1(total.sealing)}        ${String(total.sealing.fn).padStart(3)} ${String(total.sealing.fp).padStart(3)}   ${f1(total.now)}  ${String(total.now.fn).padStart(3)} ${String(total.now.fp).padStart(3)}`);
    console.log(`  at-sealing FNs by what the rules lacked: ${Object.entries(lacks).map(([k, v]) => `${k} ${v}`).join(', ')} (threshold: top score ≥ 70 % of the relevant score; below: some points, less)`);
    if (!quiet) for (const l of lines) console.log(l);
  }
}
