// `node test/mutation/isolated.mjs [substring ...]`: run every test file of the suite alone, each in its own vitest
// process, one after another, so that a file that passes only after another one has set something up fails here.
// Prints one line per file and a summary; exit 1 when any file fails alone. Not part of `npm test` (it starts one
// vitest per file: about a quarter of an hour on two loaded cores).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function testFiles(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return testFiles(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

const filters = process.argv.slice(2);
const files = testFiles('test').filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
if (files.length === 0) {
  console.error(`no test file matches ${filters.join(', ')}`);
  process.exit(2);
}
// Tests that start the writer worker or a process run compiled code from dist/.
if (spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const failed = [];
const started = Date.now();
for (const file of files) {
  const t0 = Date.now();
  // vitest takes a filter as a substring of the path; the count check below fails if a path ever picks two files.
  const r = spawnSync('npx', ['vitest', 'run', '--reporter=dot', file], { encoding: 'utf8' });
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const ran = /Test Files\s+.*?(\d+) passed/.exec(r.stdout.replace(/\x1b\[[0-9;]*m/g, ''));
  const ok = r.status === 0 && ran !== null && ran[1] === '1';
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file} (${seconds} s)`);
  if (!ok) {
    failed.push(file);
    console.log(`${r.stdout}${r.stderr}`.split('\n').slice(-40).join('\n'));
  }
}
const minutes = ((Date.now() - started) / 60000).toFixed(1);
console.log(`\n${files.length - failed.length} of ${files.length} test files pass alone (${minutes} min)${failed.length ? `; failing alone:\n  ${failed.join('\n  ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
