// `npm run model:relevance`: fit the relevance model (bench/relevance-model.ts's SHIPPED variant) per analyzer on every
// sealed-at dev set read by the rules of the commit that sealed it (the rules erring as on unseen items) and every dev set
// read by the current rules, and write feeds/relevance-model.json (or the path given) for the current taxonomy.
// Deterministic: the same sets, commits and rules give the same file byte for byte.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { voikkoAvailable } from '../src/tag/analyze.js';
import { shippedRelevanceModelPath, type RelevanceModelFile } from '../src/tag/relevance-model.js';
import { DEV_SETS, loadSet, SEALED, SEALED_AT } from './labelled-sets.js';
import { fitRelevance, readWith, SHIPPED } from './relevance-model.js';
import { rulesAt } from './relevance-sealing.js';

/** A weight this small moves no decision: left out to keep the file small. */
const NEAR_ZERO = 0.01;

/** The model file's text for the shipped taxonomy, fitted with each analyzer named. */
export async function buildRelevanceModel(analyzers: ('snowball' | 'voikko')[]): Promise<string> {
  const sealed = SEALED_AT.filter(([s]) => !SEALED.has(s));
  const then = await Promise.all(sealed.map(([, c]) => rulesAt(c)));
  const now = await rulesAt('now');
  const weights: Record<string, Record<string, number>> = {};
  for (const name of analyzers) {
    const a = name === 'voikko' ? 'auto' : 'snowball';
    const train = [...sealed.flatMap(([s], k) => readWith(then[k], a, loadSet(s))), ...DEV_SETS.flatMap((s) => readWith(now, a, loadSet(s)))];
    const fitted = fitRelevance(train, SHIPPED);
    weights[name] = Object.fromEntries(Object.entries(fitted).filter(([, w]) => Math.abs(w) >= NEAR_ZERO).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  }
  const file: RelevanceModelFile = {
    taxonomyVersion: now.taxonomy.version,
    options: { ...SHIPPED.bounds, l2: SHIPPED.l2, support: 3, training: 'each sealed-at set by the rules of the commit that sealed it, and every dev set by the current rules', ...(SHIPPED.features ? { features: SHIPPED.features } : {}) },
    sets: [...sealed.map(([s, c]): [string, string] => [s, c]), ...DEV_SETS.map((s): [string, string] => [s, 'now'])],
    weights,
  };
  return `${JSON.stringify(file, null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  if (!voikkoAvailable()) {
    console.error('model:relevance: libvoikko not found; the shipped model needs Voikko weights too');
    process.exit(2);
  }
  const out = process.argv[2] ?? shippedRelevanceModelPath();
  const text = await buildRelevanceModel(['snowball', 'voikko']);
  writeFileSync(out, text);
  console.log(`${out}: ${text.length} bytes`);
}
