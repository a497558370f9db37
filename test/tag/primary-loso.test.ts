// The primary-goal harness (bench/primary-loso.ts): a method never learns from the set it is measured on, the forward
// split learns from older sets only, and the candidate model learns what marks the labelled primary.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAt, figures, forward, leaveOneSetOut, modelFitter, SHIPPED_OPTIONS, type Method } from '../../bench/primary-loso.js';
import { fit, type Example } from '../../bench/primary-model.js';
import { loadSets, root } from '../../bench/labelled-sets.js';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { applyPrimaryModel, choose } from '../../src/tag/primary-model.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { LabelledItem } from '../../src/tag/evaluate.js';

const item = (id: string, primary: string): LabelledItem => ({ id, title: id, relevant: true, primary, goals: [primary] });
const sets: [string, LabelledItem[]][] = ['a', 'b', 'c', 'd'].map((n) => [n, [item(`${n}1`, 'services'), item(`${n}2`, 'welfare-reform')]]);

/** A method that records what it was trained on and lists the labelled goal only for items it was trained on. */
function spy(seen: string[][]): Method {
  return (train) => {
    const ids = train.flat().map((i) => i.id);
    seen.push(ids);
    return (i) => (ids.includes(i.id) ? { relevant: true, goals: [i.primary!], primary: i.primary! } : { relevant: true, goals: ['incident'], primary: 'incident' });
  };
}

describe('primary-goal harness', () => {
  it('leaves each set out of its own training', () => {
    const seen: string[][] = [];
    const f = leaveOneSetOut(sets, spy(seen), 2);
    expect(seen).toEqual(sets.map(([n]) => sets.filter(([m]) => m !== n).flatMap(([, s]) => s.map((i) => i.id))));
    // Trained on everything else, the spy knows no item of the set it tags.
    for (const x of f) expect(x).toMatchObject({ relevant: 2, primaryHit: 0, goalPrecision: 0, primaryChosen: 0 });
  });

  it('fits the forward split on older sets only', () => {
    const seen: string[][] = [];
    const f = forward(sets, spy(seen), 2, 2);
    expect(seen).toEqual([['a1', 'a2', 'b1', 'b2'], ['a1', 'a2', 'b1', 'b2', 'c1', 'c2']]);
    expect(f).toHaveLength(2);
  });

  it('counts a listed primary as a hit and the first as chosen', () => {
    const f = figures(sets[0][1], (i) => ({ relevant: true, goals: ['incident', i.primary!], primary: 'incident' }), 2);
    expect(f).toMatchObject({ primaryHit: 1, goalPrecision: 0.5, goalRecall: 1, primaryChosen: 0, wrong: 2 });
  });

  it('tells why a primary is missed by the scores the rules gave it', () => {
    const items = ['off', 'none', 'low', 'unlisted', 'hit'].map((id) => item(id, 'services'));
    const scores: Record<string, Record<string, number>> = { off: { services: 3 }, none: { services: 0 }, low: { services: 1.5 }, unlisted: { services: 2 }, hit: { services: 4 } };
    const f = figures(items, (i) => i.id === 'off'
      ? { relevant: false, goals: [], primary: null, scores: scores.off }
      : { relevant: true, goals: i.id === 'hit' ? ['services'] : ['incident'], primary: i.id === 'hit' ? 'services' : 'incident', scores: scores[i.id] }, 2);
    expect(f.missed).toEqual({ off: 1, none: 1, low: 1, unlisted: 1 });
    expect(f).toMatchObject({ wrong: 3, primaryHit: 0.2, goalRecall: 0.2 });
  });
});

describe('an older commit\'s build (buildAt)', () => {
  it('points a build\'s node_modules link left by a removed checkout at this one\'s', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'lakivahti-buildat-'));
    const was = process.env.TMPDIR;
    try {
      // A build another worktree made: compiled already, its node_modules link dangling once that worktree is gone.
      // HEAD: the one commit a shallow clone (CI's --depth 1) is sure to hold.
      const commit = execFileSync('git', ['-C', root(), 'rev-parse', '--short=7', 'HEAD'], { encoding: 'utf8' }).trim();
      const dir = join(tmp, `lakivahti-primary-${commit}`);
      mkdirSync(join(dir, 'dist', 'src', 'tag'), { recursive: true });
      writeFileSync(join(dir, 'dist', 'src', 'tag', 'tagger.js'), '');
      symlinkSync(join(tmp, 'removed-worktree', 'node_modules'), join(dir, 'node_modules'));
      process.env.TMPDIR = tmp;
      expect(buildAt(commit)).toBe(dir);
      // A name that moves is cached by the commit it names now: HEAD is that build.
      expect(buildAt('HEAD')).toBe(dir);
      expect(existsSync(join(dir, 'node_modules'))).toBe(true);
      expect(realpathSync(join(dir, 'node_modules'))).toBe(realpathSync(join(root(), 'node_modules')));
    } finally {
      if (was === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = was;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('names a commit this clone does not hold (a shallow clone has only its newest)', () => {
    expect(() => buildAt('0000000000000000000000000000000000000001')).toThrow(/^commit 0{39}1 is not in the clone at /);
  });
});

describe('candidate primary-goal model', () => {
  // The labelled primary is the candidate with 'about' (not the rules' choice) in 30 of 40 items.
  const examples: Example[] = Array.from({ length: 40 }, (_, k) => {
    const right = k % 4 !== 0;
    return {
      c: { goals: ['services', 'welfare-reform'], features: [['goal:services', 'rules-primary', ...(right ? [] : ['about'])], ['goal:welfare-reform', ...(right ? ['about'] : []), ...(k === 1 ? ['rare'] : [])]] },
      gold: right ? 1 : 0,
    };
  });

  it('learns what marks the labelled primary, and nothing from a feature too few items show', () => {
    const weights = fit(examples, { support: 3 });
    expect(weights.about).toBeGreaterThan(0);
    expect(weights.rare).toBeUndefined();
    expect(choose(weights, { goals: ['services', 'welfare-reform'], features: [['rules-primary'], ['about']] }).goal).toBe('welfare-reform');
    expect(choose(weights, { goals: ['services', 'welfare-reform'], features: [['rules-primary', 'about'], []] }).goal).toBe('services');
  });

  it('moves less under a stronger prior', () => {
    expect(Math.abs(fit(examples, { l2: 100 }).about)).toBeLessThan(Math.abs(fit(examples, { l2: 1 }).about));
  });

  it('breaks few of the older sets\' choices when the newest dev set joins the fit, and fixes more (the shipped options, Snowball)', () => {
    // Session 56: eval-2028-27 joining moved 7 choices on the older sets (net −7), every one a near tie (p 0.50–0.54)
    // that margin 0.5 let override the rules; from margin 0.6 a near tie leaves the rules' choice. Session 61: what
    // harms is a choice made wrong; eval-2028-32 joining moved 6, 4 of them to the labelled primary (a new month
    // teaching the fit what older months lacked), so the bound is on choices broken, beside a loose one on all moves.
    const taxonomy = loadTaxonomy();
    const all = loadSets();
    const { read, weights } = modelFitter(taxonomy, createSnowballAnalyzer(), SHIPPED_OPTIONS);
    const older = all.slice(0, -1).flatMap(([, s]) => s);
    const fits = [weights(all.slice(0, -1).map(([, s]) => s)), weights(all.map(([, s]) => s))];
    let moved = 0;
    let broken = 0;
    let fixed = 0;
    for (const i of older) {
      if (!i.relevant) continue;
      const { reading, rules, c } = read(i);
      const [a, b] = fits.map((w) => applyPrimaryModel({ taxonomyVersion: taxonomy.version, weights: w, margin: SHIPPED_OPTIONS.margin }, taxonomy, reading, { ...rules, goals: [...rules.goals], evidence: [...rules.evidence] }, c).primary);
      if (a === b) continue;
      moved++;
      if (a === i.primary) broken++;
      if (b === i.primary) fixed++;
    }
    expect(broken).toBeLessThanOrEqual(3);
    expect(fixed).toBeGreaterThanOrEqual(broken);
    expect(moved).toBeLessThanOrEqual(10);
  }, 120_000);
});
