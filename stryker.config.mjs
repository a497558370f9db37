// Mutation testing of the modules that decide (test/mutation/modules.mjs), one module per Stryker run.
// Run through `npm run test:mutation [-- module ...]` (test/mutation/run.mjs), which sets LAKIVAHTI_MUTATE.
import { modules } from './test/mutation/modules.mjs';

const name = process.env.LAKIVAHTI_MUTATE;
const mod = modules[name];
if (!mod) throw new Error(`LAKIVAHTI_MUTATE must name one of: ${Object.keys(modules).join(', ')} (got ${name ?? 'nothing'})`);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.config.ts', related: false },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: mod.mutate,
  testFiles: mod.tests,
  coverageAnalysis: 'perTest',
  // One incremental file per module, committed: a fresh worktree (every session starts from one) reruns only
  // the mutants whose code or tests changed since the figures were taken.
  incremental: true,
  incrementalFile: `test/mutation/incremental/${name}.json`,
  // Built output, benchmarks and the database are not needed by the unit tests a module is tested with.
  ignorePatterns: ['dist', 'bench', 'db/*.sqlite*', 'test/mutation/incremental', 'reports'],
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  clearTextReporter: { allowEmojis: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
