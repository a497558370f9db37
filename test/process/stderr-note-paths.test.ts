// A note written from below the CLI (the primary-goal model left unused, the trust store's file) names a path as it
// was given: `--feeds` holding an escape sequence or a line feed reached the terminal, cron's mail or the journal raw
// (a cleared screen, a line of its own that read like another command's). It is shown as `warn` shows a message's
// control characters, its line feed too: the note stays one line.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { run } from '../helpers/process.js';

let dir: string;
const odd = 'feeds\u001b[2J\nlakivahti crawl: forged';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-note-paths-'));
  fs.mkdirSync(path.join(dir, odd));
  // The shipped taxonomy under another version: the shipped model was fitted on the shipped version only.
  const shipped = fs.readFileSync(shippedTaxonomyPath(), 'utf8');
  fs.writeFileSync(path.join(dir, odd, 'taxonomy.yaml'), shipped.replace(/^version: .*$/m, 'version: "1999.1"'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('a path holding an escape and a line feed is shown in the note, which stays one line', async () => {
  const r = await run(['tag', '--jsonl', '-', '--feeds', path.join(dir, odd)], { input: '{"id":"a","title":"Pelastuslain muutos"}\n' });
  expect(r.code).toBe(0);
  expect(r.err).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  const lines = r.err.split('\n').filter(Boolean);
  expect(lines, r.err).toHaveLength(1);
  expect(lines[0].startsWith(`lakivahti tag: ${path.join(dir, 'feeds\\u001b[2J\\u000alakivahti crawl: forged', 'taxonomy.yaml')}: the primary-goal model`)).toBe(true);
});
