// `npm run model:primary`: fit the primary-goal model on every dev set (bench/labelled-sets.ts's DEV_SETS; never a sealed
// set), per analyzer, and write feeds/primary-model.json (or the path given). Deterministic: the same rules and sets
// give the same file byte for byte.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAnalyzer, voikkoAvailable } from '../src/tag/analyze.js';
import { shippedPrimaryModelPath, type PrimaryModelFile } from '../src/tag/primary-model.js';
import { loadTaxonomy } from '../src/tag/taxonomy.js';
import { DEV_SETS, loadSets } from './labelled-sets.js';
import { modelFitter, SHIPPED_OPTIONS } from './primary-loso.js';

/** A weight this small moves no choice: left out to keep the file small. */
const NEAR_ZERO = 0.01;

/** The model file's text for the shipped taxonomy, fitted with each analyzer named. */
export function buildPrimaryModel(analyzers: ('snowball' | 'voikko')[]): string {
  const taxonomy = loadTaxonomy();
  const sets = loadSets();
  const weights: Record<string, Record<string, number>> = {};
  for (const name of analyzers) {
    const analyzer = createAnalyzer(name === 'voikko' ? 'auto' : 'snowball');
    if (analyzer.name !== name) throw new Error(`model:primary: the ${name} analyzer is not available here (libvoikko and voikko-fi are needed)`);
    const fitted = modelFitter(taxonomy, analyzer, SHIPPED_OPTIONS).weights(sets.map(([, s]) => s));
    weights[name] = Object.fromEntries(Object.entries(fitted).filter(([, w]) => Math.abs(w) >= NEAR_ZERO).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  const file: PrimaryModelFile = {
    taxonomyVersion: taxonomy.version,
    goals: taxonomy.goals.map((g) => g.id),
    options: { apply: SHIPPED_OPTIONS.apply, margin: SHIPPED_OPTIONS.margin, l2: SHIPPED_OPTIONS.l2, support: SHIPPED_OPTIONS.support },
    sets: [...DEV_SETS],
    weights,
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  if (!voikkoAvailable()) {
    console.error('model:primary: libvoikko not found; the shipped model needs Voikko weights too');
    process.exit(2);
  }
  const out = process.argv[2] ?? shippedPrimaryModelPath();
  const text = buildPrimaryModel(['snowball', 'voikko']);
  writeFileSync(out, text);
  console.log(`${out}: ${text.length} bytes`);
}
