// Data flows one way: each stage of the pipeline imports only the stages below it, only src/store opens SQLite, and
// nothing below the application (app, cli, web, mail, schedule) imports it. Read from the source's import statements.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { rootDir } from '../src/paths.js';

const src = path.join(rootDir, 'src');
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
/** A file's folder under src/ ("tag"), or the file's own name for one at the top ("model.ts"). */
const part = (file: string): string => path.relative(src, file).split(path.sep)[0];
/** Static and dynamic imports, as written. */
const importsOf = (file: string): string[] => [...fs.readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);

/**
 * The files at the top of src/ that every stage may use (types, errors, paths, heap settings, TLS trust, yes/no settings,
 * sizes in messages, the one shape of a line on stderr, the orders of text, a process as leases and claims name it,
 * control characters shown rather than obeyed, what is in a file's place).
 */
const SHARED = ['model.ts', 'errors.ts', 'paths.ts', 'heap.ts', 'trust.ts', 'env-flag.ts', 'bytes.ts', 'stderr-line.ts', 'collate.ts', 'process-identity.ts', 'shown-controls.ts', 'file-kind.ts'];
/** What each lower part may import besides itself and SHARED. */
const ALLOWED: Record<string, string[]> = {
  fetch: [],
  parse: [],
  normalize: ['parse'],
  sources: ['parse'],
  tag: ['normalize', 'parse'],
  link: ['parse'],
  store: ['link', 'parse', 'tag'],
};

describe('the code keeps its layers', () => {
  const all = files(src);

  it.each(Object.keys(ALLOWED))('src/%s imports only the stages below it', (name) => {
    const wrong: string[] = [];
    for (const file of all.filter((f) => part(f) === name))
      for (const spec of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = part(path.resolve(path.dirname(file), spec));
        if (target !== name && !SHARED.includes(target.replace(/\.js$/, '.ts')) && !ALLOWED[name].includes(target))
          wrong.push(`${path.relative(rootDir, file)} imports ${spec}`);
      }
    expect(wrong).toEqual([]);
  });

  it('the shared files import only each other (a stage importing one imports nothing above it through it)', () => {
    const wrong: string[] = [];
    for (const file of all.filter((f) => SHARED.includes(part(f))))
      for (const spec of importsOf(file).filter((s) => s.startsWith('.')))
        if (!SHARED.includes(part(path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts'))) wrong.push(`${path.relative(rootDir, file)} imports ${spec}`);
    expect(wrong).toEqual([]);
  });

  it('only src/store opens SQLite', () => {
    const wrong = all.filter((f) => part(f) !== 'store' && importsOf(f).some((s) => s === 'better-sqlite3')).map((f) => path.relative(rootDir, f));
    expect(wrong).toEqual([]);
  });

  it('sees the imports it checks (a check that reads nothing passes anything)', () => {
    expect(importsOf(path.join(src, 'store', 'writer-worker.ts'))).toContain('./tag-build.js');
    expect(importsOf(path.join(src, 'cli', 'main.ts')).some((s) => s.startsWith('./'))).toBe(true);
    expect(all.length).toBeGreaterThan(100);
  });
});
