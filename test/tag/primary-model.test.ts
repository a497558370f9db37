// The shipped primary-goal model (feeds/primary-model.json, src/tag/primary-model.ts): it fits the shipped taxonomy,
// chooses the main goal where the rules alone choose wrong, never changes relevance or the goal set, leaves a taxonomy
// it was not fitted on to the rules alone, and is what `npm run model:primary` builds.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPrimaryModel } from '../../bench/build-primary-model.js';
import { DEV_SETS, loadSets, NEWEST } from '../../bench/labelled-sets.js';
import { createAnalyzer, createSnowballAnalyzer, type Analyzer } from '../../src/tag/analyze.js';
import { primaryModelFor, readPrimaryModelFile, shippedPrimaryModelPath } from '../../src/tag/primary-model.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy, shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { voikkoForTests } from './voikko-gate.js';
import { toItemTags } from '../../src/tag/stage.js';
import type { ItemDetail } from '../../src/store/index.js';
import { whyTagged } from '../../src/web/routes/item.js';

const taxonomy = loadTaxonomy();
const shipped = readPrimaryModelFile(shippedPrimaryModelPath());
const root = join(shippedTaxonomyPath(), '..', '..');

describe('shipped primary-goal model', () => {
  it('was fitted on the shipped taxonomy (a version bump forces a refit: npm run model:primary) and its dev sets only', () => {
    expect(shipped.taxonomyVersion).toBe(taxonomy.version);
    expect(shipped.goals).toEqual(taxonomy.goals.map((g) => g.id));
    expect(shipped.sets).toEqual([...DEV_SETS]);
    expect(shipped.sets).not.toContain(NEWEST);
    expect(Object.keys(shipped.weights).sort()).toEqual(['snowball', 'voikko']);
  });

  it('is what the build writes, byte for byte (the build is deterministic)', () => {
    const built = JSON.parse(buildPrimaryModel(['snowball'])) as typeof shipped;
    expect(built.weights.snowball).toEqual(shipped.weights.snowball);
    expect({ ...built, weights: {} }).toEqual({ ...shipped, weights: {} });
    expect(buildPrimaryModel(['snowball'])).toBe(buildPrimaryModel(['snowball']));
  }, 120_000);
});

function suite(name: string, make: () => Analyzer | null): void {
  describe(`primary-goal model with ${name}`, () => {
    const analyzer = make();
    if (!analyzer) return it.todo('Voikko is not installed here: apt-get install libvoikko1 voikko-fi');
    const rules = createTagger(taxonomy, { analyzer, primary: null });
    const model = createTagger(taxonomy, { analyzer });
    const sets = loadSets();
    const item = (set: string, id: string) => sets.find(([n]) => n === set)![1].find((i) => i.id === id)!;

    it('chooses the labelled main goal where the rules alone choose another (eval-2028-12), and says so', () => {
      // A cooperation agreement on major accidents between two ministries: internal security, not the rescue services'.
      const d011 = item('eval-2028-12', 'd011');
      expect(d011.primary).toBe('internal-security');
      expect(rules(d011).primary).toBe('services');
      const r = model(d011);
      expect(r.primary).toBe('internal-security');
      // The title names the cooperation by topic words, the rescue services only in the summary: with the model's choice
      // leading, the services fail the further-goal test the rules' lead was spared (round thirty-six).
      expect(r.goals).toEqual(['internal-security']);
      expect(r.evidence.filter((e) => e.rule === 'model').map((e) => e.term)).toEqual([expect.stringMatching(/^internal-security p 0\.\d\d$/)]);
      // A power-cut exercise of the welfare area and the rescue department: internal security (Swedish). (The example was
      // d054, an EMS service-level decision, until round thirty-five's Swedish phrases gave it to the rules; then d234, a
      // shared situational picture, until round thirty-nine's comma rule gave it to them.)
      const d076 = item('eval-2028-12', 'd076');
      expect(rules(d076).primary).not.toBe('internal-security');
      expect(model(d076).primary).toBe('internal-security');
      expect(model(d076).primary).toBe(d076.primary);
    });

    it('says on the item page, in Finnish and Swedish, that the model chose the main goal and with what probability', () => {
      const d011 = item('eval-2028-12', 'd011');
      const r = model(d011);
      const tags = { ...toItemTags(r), taggedAt: '2026-12-05T12:00:00Z' };
      const page = (lang: 'fi' | 'sv') => whyTagged({ title: d011.title, summary: d011.summary ?? '', relevant: null, deadline: null, tags } as unknown as ItemDetail, (g) => `<${g}>`, lang);
      const p = /p (0\.\d\d)$/.exec(r.evidence.find((e) => e.rule === 'model')!.term)![1].replace('.', ',');
      expect(page('fi')!.primary).toBe('<internal-security>');
      expect(page('fi')!.reasons).toContainEqual(expect.objectContaining({ rule: 'päätavoitteen valinta', term: `<internal-security> (p = ${p})`, points: 'päätavoitteen valitsi tarkistetuista aineistoista opittu malli' }));
      expect(page('sv')!.reasons).toContainEqual(expect.objectContaining({ rule: 'val av huvudmål', term: `<internal-security> (p = ${p})` }));
    });

    it('never changes relevance or adds a goal on any dev set; drops only the rules’ lead its choice outranks; moves the primary only when sure', () => {
      let moved = 0;
      let dropped = 0;
      for (const [set, items] of sets) {
        for (const i of items) {
          const a = rules(i);
          const b = model(i);
          expect({ set, id: i.id, relevant: b.relevant }).toEqual({ set, id: i.id, relevant: a.relevant });
          expect({ set, id: i.id, added: b.goals.filter((g) => !a.goals.includes(g)) }).toEqual({ set, id: i.id, added: [] });
          if (a.primary !== b.primary) {
            moved++;
            // A choice under 0.6 is a near tie between two goals the item names: a refit on one more set flipped such
            // choices on older sets both ways (session 56: 13 per analyzer), so the rules' choice stands (session 57).
            const p = Number(/p (\d\.\d\d)$/.exec(b.evidence.find((e) => e.rule === 'model')!.term)![1]);
            expect({ set, id: i.id, p: p >= 0.6 }).toEqual({ set, id: i.id, p: true });
          }
          else expect({ set, id: i.id, goals: b.goals, model: b.evidence.some((e) => e.rule === 'model') }).toEqual({ set, id: i.id, goals: a.goals, model: false });
          // A goal leaves the list only when the model moved the primary off it, and only the rules' lead.
          const gone = a.goals.filter((g) => !b.goals.includes(g));
          if (gone.length) {
            dropped++;
            expect({ set, id: i.id, gone }).toEqual({ set, id: i.id, gone: [a.primary] });
          }
        }
      }
      expect(moved).toBeGreaterThan(50);
      expect(dropped).toBeGreaterThan(5);
      expect(dropped).toBeLessThan(moved / 2);
      // Every dev set tagged twice: one more set each round; at load 17 it took over the default 20 s (session 49).
    }, 120_000);

    it('leaves a taxonomy of another version or other goals, or no model, to the rules alone', () => {
      const d011 = item('eval-2028-12', 'd011');
      for (const other of [{ ...taxonomy, version: 'own-1' }, { ...taxonomy, goals: taxonomy.goals.slice(0, 2) }]) {
        expect(primaryModelFor(other, analyzer.name).model).toBeNull();
        expect(primaryModelFor(other, analyzer.name).reason).toMatch(/rules alone/);
      }
      expect(primaryModelFor(taxonomy, analyzer.name, null).model).toBeNull();
      expect(primaryModelFor(taxonomy, analyzer.name).model).not.toBeNull();
      expect(createTagger({ ...taxonomy, version: 'own-1' }, { analyzer })(d011).primary).toBe('services');
    });
  });
}

suite('Snowball', () => createSnowballAnalyzer());
suite('Voikko', () => (voikkoForTests('the primary-goal model with Voikko stems') ? createAnalyzer('auto') : null));

describe('lakivahti tag with a taxonomy of its own', () => {
  it('chooses main goals by the rules alone and says so once on stderr', () => {
    const feeds = mkdtempSync(join(tmpdir(), 'lakivahti-own-taxonomy-'));
    writeFileSync(join(feeds, 'taxonomy.yaml'), readFileSync(shippedTaxonomyPath(), 'utf8').replace(/^version: "[^"]+"/m, 'version: "own-1"'));
    const input = join(feeds, 'items.jsonl');
    const d011 = loadSets(['eval-2028-12'])[0][1].find((i) => i.id === 'd011')!;
    writeFileSync(input, `${JSON.stringify(d011)}\n${JSON.stringify({ ...d011, id: 'again' })}\n`);
    const run = (args: string[]) => spawnSync(process.execPath, [join(root, 'bin', 'lakivahti.js'), 'tag', '--jsonl', input, ...args], { encoding: 'utf8' });
    const own = run(['--feeds', feeds]);
    expect(own.status).toBe(0);
    expect(own.stderr.match(/rules alone/g)).toHaveLength(1);
    expect(own.stderr).toContain('own-1');
    expect(own.stdout.trim().split('\n').map((l) => JSON.parse(l).primary)).toEqual(['services', 'services']);
    // The shipped taxonomy (a feeds folder without one of its own) takes the model, silently.
    const plain = mkdtempSync(join(tmpdir(), 'lakivahti-shipped-taxonomy-'));
    copyFileSync(input, join(plain, 'items.jsonl'));
    const withModel = run(['--feeds', plain]);
    expect(withModel.stderr).toBe('');
    expect(withModel.stdout.trim().split('\n').map((l) => JSON.parse(l).primary)).toEqual(['internal-security', 'internal-security']);
  }, 60_000);
});
