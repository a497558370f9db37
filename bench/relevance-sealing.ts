// Relevance at sealing: each of eval-2028-07..12 tagged by the rules of the commit that sealed it (a set written after the
// rules: the figures a fresh set gets), and by the current rules (in-sample: every dev set was tuned on), both analyzers.
// Lists the at-sealing false negatives and positives, each false negative with what the rules lacked.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { voikkoAvailable } from '../src/tag/analyze.js';
import { evaluate, type LabelledItem, type Quality } from '../src/tag/evaluate.js';
import type { ItemReading, TaggerCore } from '../src/tag/tagger.js';
import type { TagResult, Taxonomy, TermDef } from '../src/tag/types.js';
import { DEV_SETS, loadSets, SEALED_AT } from './labelled-sets.js';
import { buildAt } from './primary-loso.js';

/** The tagging modules of one commit (the working tree's own for 'now'). */
export interface Rules {
  label: string;
  taxonomy: Taxonomy;
  core: (analyzer: 'auto' | 'snowball', taxonomy?: Taxonomy) => TaggerCore;
}

/** The rules at `commit`, compiled by bench:primary's buildAt; 'now' is this tree's. */
export async function rulesAt(commit: string | 'now'): Promise<Rules> {
  const base = commit === 'now' ? join(fileURLToPath(import.meta.url), '..', '..', 'src', 'tag') : join(buildAt(commit), 'dist', 'src', 'tag');
  const analyze = (await import(join(base, 'analyze.js'))) as typeof import('../src/tag/analyze.js');
  const tax = (await import(join(base, 'taxonomy.js'))) as typeof import('../src/tag/taxonomy.js');
  const tagger = (await import(join(base, 'tagger.js'))) as typeof import('../src/tag/tagger.js');
  const taxonomy = tax.loadTaxonomy();
  const cores = new Map<string, TaggerCore>();
  const analyzers = new Map<string, ReturnType<typeof analyze.createAnalyzer>>();
  const core = (a: 'auto' | 'snowball', t = taxonomy): TaggerCore => {
    if (!analyzers.has(a)) analyzers.set(a, analyze.createAnalyzer(a));
    if (t !== taxonomy) return tagger.createTaggerCore(t, { analyzer: analyzers.get(a)! });
    let c = cores.get(a);
    if (!c) cores.set(a, (c = tagger.createTaggerCore(taxonomy, { analyzer: analyzers.get(a)! })));
    return c;
  };
  return { label: commit, taxonomy, core };
}

/**
 * The terms the taxonomy marks with their origin (`origin:`, from round thirty-three on), each with the dev set (in the
 * order written) whose misses showed it or its twin in the other language: the forward measurement adds to a set's
 * sealing rules only the terms found on the sets written before it.
 */
export function addedTerms(current: Taxonomy): { term: TermDef; origin: string }[] {
  const out = [...current.terms, ...current.scopeTerms].filter((t) => t.origin).map((term) => ({ term, origin: term.origin! }));
  const unknown = out.filter((o) => !DEV_SETS.includes(o.origin));
  if (unknown.length) throw new Error(`relevance-sealing: origin names no dev set: ${unknown.map((o) => `${o.term.text} (line ${o.term.line}): ${o.origin}`).join(', ')}`);
  return out;
}

const termKey = (t: TermDef): string => `${t.text}|${t.lang}|${t.rule}|${t.scope ? `${t.scope.id}:${t.scope.role}` : ''}`;

/** An older taxonomy with the added terms `keep` admits (those it lacks), for a tagger built on it. */
export function withAdded(old: Taxonomy, added: { term: TermDef; origin: string }[], keep: (origin: string) => boolean): Taxonomy {
  const has = new Set([...old.terms, ...old.scopeTerms].map(termKey));
  const add = added.filter((a) => keep(a.origin) && !has.has(termKey(a.term))).map((a) => a.term);
  return { ...old, terms: [...old.terms, ...add.filter((t) => t.rule !== 'scope')], scopeTerms: [...old.scopeTerms, ...add.filter((t) => t.rule === 'scope')] };
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
  const added = addedTerms(now.taxonomy);
  const order = DEV_SETS;
  const at = process.argv.indexOf('--base');
  if (at > 0) {
    // Every dev set by a base commit's rules and by the current rules: errors (FN + FP) each way.
    const base = await rulesAt(process.argv[at + 1]);
    const dev = loadSets(DEV_SETS);
    for (const a of analyzers) {
      console.log(`\n${a === 'auto' ? 'voikko' : a}: dev sets, base ${process.argv[at + 1]} → now: FN, FP (F1; primary hit, goal precision %)`);
      for (const [set, items] of dev) {
        const b = measure(items, base.core(a), base.taxonomy.thresholds.relevant);
        const n = measure(items, now.core(a), now.taxonomy.thresholds.relevant);
        const d = n.fns.length + n.fps.length - b.fns.length - b.fps.length;
        const goals = (q: Quality): string => `hit ${pct(q.primaryHit)} goal prec ${pct(q.goalPrecision)}`;
        console.log(`  ${set.padEnd(14)} ${b.fns.length} ${b.fps.length} (${b.q.f1.toFixed(3)}; ${goals(b.q)}) → ${n.fns.length} ${n.fps.length} (${n.q.f1.toFixed(3)}; ${goals(n.q)})${d > 1 ? '  !!! falls by more than one item' : d !== 0 ? `  ${d > 0 ? '+' : ''}${d}` : ''}`);
        const was = new Set([...b.fns, ...b.fps].map((x) => x.i.id));
        const is = new Set([...n.fns, ...n.fps].map((x) => x.i.id));
        if (!quiet) for (const i of items) if (was.has(i.id) !== is.has(i.id)) console.log(`      ${is.has(i.id) ? 'now wrong' : 'mended  '} ${i.id} ${i.relevant ? 'relevant' : 'not relevant'}: ${i.title}`);
      }
    }
    process.exit(0);
  }
  console.log(`relevance precision / recall / F1 (%), at sealing (each set by its sealing commit's rules) and now (taxonomy ${now.taxonomy.version}, in-sample)`);
  for (const a of analyzers) {
    const name = a === 'auto' ? 'voikko' : a;
    const lacks: Record<Lack, number> = { vocabulary: 0, scope: 0, threshold: 0, below: 0 };
    const total = { sealing: { tp: 0, fp: 0, fn: 0 }, now: { tp: 0, fp: 0, fn: 0 } };
    const lines: string[] = [];
    const forward = { tp: 0, fp: 0, fn: 0 };
    const fwd: string[] = [];
    console.log(`\n${name}:  set           commit    at sealing: P / R / F1    FN  FP   now: P / R / F1    FN  FP`);
    for (const [set, commit] of SEALED_AT) {
      const items = sets.get(set)!;
      const then = await rulesAt(commit);
      const m = measure(items, then.core(a), then.taxonomy.thresholds.relevant);
      const n = measure(items, now.core(a), now.taxonomy.thresholds.relevant);
      const rel = items.filter((i) => i.relevant).length;
      // Forward: the sealing rules with the terms found on the sets written before this one (honest for this set), and
      // with every added term (not honest here for the terms this set showed).
      const before = (o: string): boolean => order.indexOf(o) < order.indexOf(set);
      const f = measure(items, then.core(a, withAdded(then.taxonomy, added, before)), then.taxonomy.thresholds.relevant);
      const all = measure(items, then.core(a, withAdded(then.taxonomy, added, () => true)), then.taxonomy.thresholds.relevant);
      forward.fn += f.fns.length;
      forward.fp += f.fps.length;
      forward.tp += rel - f.fns.length;
      const gained = f.fns.length + f.fps.length - m.fns.length - m.fps.length;
      fwd.push(`  ${set.padEnd(13)} at sealing + terms found before it: ${row(f.q)}  FN ${f.fns.length} FP ${f.fps.length} (${gained > 0 ? '+' : ''}${gained} errors);  + every added term: ${row(all.q)}  FN ${all.fns.length} FP ${all.fps.length}`);
      const was = new Set([...m.fns, ...m.fps].map((x) => x.i.id));
      for (const x of [...f.fns, ...f.fps]) if (!was.has(x.i.id)) fwd.push(`      now wrong ${x.i.id} ${x.i.title}`);
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
    console.log(`  forward (the terms the taxonomy gives an origin, each added to the sets written after the set that showed it):`);
    for (const l of fwd) console.log(l);
    console.log(`  ${'pooled'.padEnd(13)} at sealing + terms found before it: ${f1(forward)}  FN ${forward.fn} FP ${forward.fp}`);
    console.log(`  at-sealing FNs by what the rules lacked: ${Object.entries(lacks).map(([k, v]) => `${k} ${v}`).join(', ')} (threshold: top score ≥ 70 % of the relevant score; below: some points, less)`);
    if (!quiet) for (const l of lines) console.log(l);
  }
}
