// The vitest config of a mutation run: the suite's settings, limited to the test files of the module being mutated
// (LAKIVAHTI_MUTATE, see modules.mjs). Stryker's own `testFiles` option is not used: with it, Stryker 9.6.1
// activates static mutants (module-level constants) too late and reports them all as survivors
// (stryker-mutator/stryker-js#6144).
import base from '../../vitest.config.ts';
import { modules } from './modules.mjs';

const mod = modules[process.env.LAKIVAHTI_MUTATE];
if (!mod) throw new Error(`LAKIVAHTI_MUTATE must name a module of test/mutation/modules.mjs (got ${process.env.LAKIVAHTI_MUTATE ?? 'nothing'})`);

// Replaced, not merged: vitest's mergeConfig would append the module's files to the suite's include. The tag tests
// run on the Snowball path only (the mutated matching and scoring code is the same for both analyzers; Voikko's
// own cases are tested by the suite), which halves a mutant's test time.
export default {
  ...base,
  test: { ...base.test, include: mod.tests, env: { ...base.test.env, LAKIVAHTI_NO_VOIKKO: '1' } },
};
