// Mutation testing of the modules that decide (test/mutation/modules.mjs), one module per Stryker run.
// Run through `npm run test:mutation [-- module ...]` (test/mutation/run.mjs), which sets LAKIVAHTI_MUTATE.
import { modules } from './test/mutation/modules.mjs';

const name = process.env.LAKIVAHTI_MUTATE;
const mod = modules[name];
if (!mod) throw new Error(`LAKIVAHTI_MUTATE must name one of: ${Object.keys(modules).join(', ')} (got ${name ?? 'nothing'})`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // The suite's config limited to the module's tests (test/mutation/vitest.config.mjs).
  vitest: { configFile: 'test/mutation/vitest.config.mjs', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: mod.mutate,
  coverageAnalysis: 'perTest',
  // One incremental file per module, committed: a fresh worktree (every session starts from one) reruns only
  // the mutants whose code or tests changed since the figures were taken.
  incremental: true,
  incrementalFile: `test/mutation/incremental/${name}.json`,
  // dist/ is copied: a few unit tests start a child process or the writer worker, which run compiled code
  // (run.mjs builds it first). Mutants live only in src/, so such a child sees the original code.
  ignorePatterns: ['bench', 'db/*.sqlite*', 'test/mutation/incremental', 'reports'],
  concurrency: 2,
  // A mutant that makes a test run this much longer than it did unmutated (often a regex backtracking) counts as detected.
  timeoutMS: 5_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
