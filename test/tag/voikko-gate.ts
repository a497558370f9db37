// Voikko-dependent tests: skipped loudly without libvoikko, failed when CI requires it.
import { voikkoAvailable } from '../../src/tag/analyze.js';

/** Whether to run Voikko tests; warns (or throws under LAKIVAHTI_REQUIRE_VOIKKO=1) when Voikko is missing. */
export function voikkoForTests(what: string): boolean {
  if (voikkoAvailable()) return true;
  const msg = `libvoikko not found: SKIPPING ${what}. Install it with: apt-get install libvoikko1 voikko-fi`;
  if (process.env.LAKIVAHTI_REQUIRE_VOIKKO === '1') throw new Error(`${msg} (LAKIVAHTI_REQUIRE_VOIKKO=1 forbids skipping)`);
  console.warn(`\n!!! ${msg}\n`);
  return false;
}
