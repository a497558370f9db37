// The tag stage's scratch arrays are reused from item to item: emptied with `length = 0`, a V8 array gives up its
// store, and each item grew new ones (bench/HISTORY.md, session 35, h-peer2-35). Measured in a process of its own
// with every allocation sampled: indexing the same words again allocates little more than the string it returns.
import { afterAll, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rootDir } from '../../src/paths.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-scratch-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const dist = (file: string) => pathToFileURL(path.join(rootDir, 'dist', 'src', file)).href;

it('indexTerms does not regrow its scratch array for each text, once its words are cached', () => {
  const script = `
    import inspector from 'node:inspector/promises';
    import { createSnowballAnalyzer, tokenizeFields } from '${dist('tag/analyze.js')}';
    import { indexTerms } from '${dist('tag/index-terms.js')}';
    const analyzer = createSnowballAnalyzer();
    const tokens = tokenizeFields('Lausuntopyyntö: pelastuslain ja hyvinvointialueiden rahoituksen muutos sisäministeriön esityksestä',
      'Sisäministeriö pyytää lausuntoa pelastustoimen järjestämisestä, valvonnasta, varautumisesta ja väestönsuojelusta hyvinvointialueilla.');
    let out = '';
    for (let i = 0; i < 50; i++) out = indexTerms(tokens, 'fi', analyzer);
    const session = new inspector.Session();
    session.connect();
    await session.post('HeapProfiler.startSampling', { samplingInterval: 1, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    const calls = 200;
    for (let i = 0; i < calls; i++) out = indexTerms(tokens, 'fi', analyzer);
    const { profile } = await session.post('HeapProfiler.stopSampling');
    let bytes = 0;
    const walk = (n) => { bytes += n.selfSize; n.children.forEach(walk); };
    walk(profile.head);
    process.stdout.write(JSON.stringify({ perCall: bytes / calls, result: out.length }));`;
  const main = path.join(dir, 'index-terms.mjs');
  fs.writeFileSync(main, script);
  const child = spawnSync(process.execPath, [main], { encoding: 'utf8', timeout: 60_000 });
  expect(child.stderr).toBe('');
  expect(child.status).toBe(0);
  const { perCall, result } = JSON.parse(child.stdout) as { perCall: number; result: number };
  expect(result).toBeGreaterThan(100);
  // Node 20, this text (its terms: ~390 characters): ~3.5 kB a call with the array's store kept (the result, join's
  // and the unoptimised code's own), ~6.7 kB when the store was given up and grown again for every text.
  expect(perCall).toBeLessThan(5000);
}, 60_000);
