// `npm run test:mutation [-- [--force] [--concurrency N] [--mutate FILE:LINES] module ...]`: run Stryker on each named
// module (all by default), one after another, and print each module's mutation score and run time. `--mutate` (once
// or more, or comma-separated) limits the run to part of a module's code, e.g. `src/tag/match.ts:202-275`; mutants
// outside it keep their earlier results in the incremental file. Figures: README.md; equivalents: EQUIVALENT.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { modules } from './modules.mjs';

const usage = 'usage: npm run test:mutation -- [--force] [--concurrency N] [--mutate FILE[:LINES]]... [module...]';
const names = [];
const pass = [];
const mutate = [];
for (const args = process.argv.slice(2); args.length > 0; ) {
  const arg = args.shift();
  // `--name=value` and `--name value` alike.
  const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
  const value = () => {
    const v = inline ?? args.shift();
    if (v === undefined || v === '') {
      console.error(`${flag} needs a value\n${usage}`);
      process.exit(2);
    }
    return v;
  };
  if (flag === '--force') pass.push('--force');
  else if (flag === '--concurrency') {
    const v = value();
    if (!/^[1-9]\d*$/.test(v)) {
      console.error(`--concurrency must be a positive whole number, got "${v}"\n${usage}`);
      process.exit(2);
    }
    pass.push('--concurrency', v);
  } else if (flag === '--mutate') mutate.push(...value().split(',').filter((m) => m !== ''));
  else if (flag.startsWith('-')) {
    console.error(`unknown option: ${flag}\n${usage}`);
    process.exit(2);
  } else names.push(arg);
}
const unknown = names.filter((n) => !(n in modules));
if (unknown.length) {
  console.error(`unknown module: ${unknown.join(', ')}; known: ${Object.keys(modules).join(', ')}`);
  process.exit(2);
}
// A part of the code is a part of one module: the file must be one that module mutates.
if (mutate.length > 0) {
  const file = (spec) => spec.replace(/:\d[\d:-]*$/, '');
  const owners = names.length === 1 ? names : [];
  const mod = modules[owners[0]];
  const outside = mod ? mutate.filter((m) => !mod.mutate.some((own) => file(own) === file(m))) : [];
  if (!mod || outside.length > 0) {
    console.error(mod
      ? `--mutate ${outside.join(', ')}: not a file of module ${owners[0]} (${mod.mutate.join(', ')})`
      : `--mutate needs exactly one module, e.g. npm run test:mutation -- --mutate src/tag/match.ts:202-275 matching`);
    process.exit(2);
  }
  pass.push('--mutate', mutate.join(','));
}
// Some unit tests start the writer worker or a child process, which run compiled code from dist/.
if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) process.exit(1);
const summary = [];
let failed = false;
for (const name of names.length ? names : Object.keys(modules)) {
  const started = Date.now();
  const r = spawnSync('npx', ['stryker', 'run', ...pass], {
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
