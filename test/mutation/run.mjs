// `npm run test:mutation [-- module ...]`: run Stryker on each named module (all by default), one after another,
// and print each module's mutation score and run time. Figures: README.md; equivalent mutants: EQUIVALENT.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { modules } from './modules.mjs';

const args = process.argv.slice(2);
const force = args.includes('--force');
const names = args.filter((a) => a !== '--force');
const unknown = names.filter((n) => !(n in modules));
if (unknown.length) {
  console.error(`unknown module: ${unknown.join(', ')}; known: ${Object.keys(modules).join(', ')}`);
  process.exit(2);
}
// Some unit tests start the writer worker or a child process, which run compiled code from dist/.
if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const summary = [];
let failed = false;
for (const name of names.length ? names : Object.keys(modules)) {
  const started = Date.now();
  const r = spawnSync('npx', ['stryker', 'run', ...(force ? ['--force'] : [])], {
    stdio: 'inherit',
    env: { ...process.env, LAKIVAHTI_MUTATE: name },
  });
  const seconds = Math.round((Date.now() - started) / 1000);
  if (r.status !== 0) {
    failed = true;
    summary.push(`${name}: stryker failed (exit ${r.status}) after ${seconds} s`);
    continue;
  }
  const report = JSON.parse(readFileSync(`reports/mutation/${name}.json`, 'utf8'));
  const count = { killed: 0, survived: 0, timeout: 0, noCoverage: 0, other: 0 };
  for (const file of Object.values(report.files))
    for (const m of file.mutants) {
      const k = { Killed: 'killed', Survived: 'survived', Timeout: 'timeout', NoCoverage: 'noCoverage' }[m.status] ?? 'other';
      count[k]++;
    }
  const detected = count.killed + count.timeout;
  const valid = detected + count.survived + count.noCoverage;
  const score = valid ? ((100 * detected) / valid).toFixed(1) : 'n/a';
  summary.push(`${name}: ${score} % (${detected} of ${valid} detected, ${count.survived} survived, ${count.noCoverage} not covered) in ${seconds} s`);
}
console.log(`\nMutation scores:\n${summary.map((s) => `  ${s}`).join('\n')}`);
process.exit(failed ? 1 : 0);
