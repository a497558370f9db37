// Voikko-dependent tests: skipped loudly without libvoikko, failed when CI requires it, skipped when switched off.
import { voikkoAvailable } from '../../src/tag/analyze.js';

/**
 * Whether to run Voikko tests. LAKIVAHTI_NO_VOIKKO=1 switches Voikko off on purpose (CI's Snowball pass), so the
 * tests are skipped with a note even under LAKIVAHTI_REQUIRE_VOIKKO=1; otherwise a missing Voikko is a warning,
 * or an error under LAKIVAHTI_REQUIRE_VOIKKO=1.
 */
export function voikkoForTests(what: string): boolean {
  if (process.env.LAKIVAHTI_NO_VOIKKO === '1') {
    console.warn(`\n!!! LAKIVAHTI_NO_VOIKKO=1 forces the Snowball path: SKIPPING ${what}\n`);
    return false;
  }
  if (voikkoAvailable()) return true;
  const msg = `libvoikko not found: SKIPPING ${what}. Install it with: apt-get install libvoikko1 voikko-fi`;
  if (process.env.LAKIVAHTI_REQUIRE_VOIKKO === '1') throw new Error(`${msg} (LAKIVAHTI_REQUIRE_VOIKKO=1 forbids skipping)`);
  console.warn(`\n!!! ${msg}\n`);
  return false;
}
