// `tag --jsonl PATH` with a path that cannot be read (a folder, nothing there) is refused naming the path before the
// tagger is built: with a taxonomy that cannot be read, the path's refusal is what arrives, not the taxonomy's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../helpers/process.js';

let dir: string;
/** A feeds folder whose taxonomy.yaml is a folder: reading it is refused, and so is building the tagger. */
let noTaxonomy: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-tag-input-'));
  noTaxonomy = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(noTaxonomy, 'sources'), { recursive: true });
  fs.mkdirSync(path.join(noTaxonomy, 'taxonomy.yaml'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('names an unusable --jsonl path (exit 2) before it reads the taxonomy, and the taxonomy only once the path is usable', async () => {
  const missing = path.join(dir, 'no-such.jsonl');
  const file = path.join(dir, 'items.jsonl');
  fs.writeFileSync(file, '{"id":"a","title":"Pelastuslain muutos"}\n');
  const [folder, nothing, usable] = await Promise.all([
    run(['tag', '--jsonl', dir, '--feeds', noTaxonomy]),
    run(['tag', '--jsonl', missing, '--feeds', noTaxonomy]),
    run(['tag', '--jsonl', file, '--feeds', noTaxonomy]),
  ]);
  expect([folder.code, folder.out, folder.err]).toEqual([2, '', `lakivahti tag: ${dir} is a folder; give a file of JSON lines (or - for standard input)\n`]);
  expect([nothing.code, nothing.out]).toEqual([2, '']);
  expect(nothing.err).toBe(`lakivahti tag: cannot read ${missing}: ENOENT: no such file or directory, open '${missing}'\n`);
  // A readable file: now the taxonomy is read, and its refusal is the one that arrives.
  expect([usable.code, usable.out]).toEqual([2, '']);
  expect(usable.err).toMatch(/^lakivahti tag: .*cannot read the taxonomy/);
}, 120_000);
