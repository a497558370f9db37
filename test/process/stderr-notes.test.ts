// The notes written from below the CLI, as cron runs the commands: the primary-goal model left unused for a taxonomy it
// was not fitted on (said by the tagger, in the writer thread for a crawl) comes out in the one shape of every stderr
// line, `lakivahti COMMAND: …`, once per command. It was printed bare (`feeds/taxonomy.yaml: the primary-goal model …`),
// so a cron mail or journal mixing several jobs' lines could not tell whose it was.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { oneFeedSource, type TestServer } from '../helpers/server.js';
import { run } from '../helpers/process.js';

let server: TestServer;
let dir: string;
let feeds: string;
let db: string;

beforeAll(async () => {
  ({ feed: server, dir } = await oneFeedSource('lakivahti-stderr-notes-', { id: 'sm', items: 2 }));
  feeds = path.join(dir, 'feeds');
  db = path.join(dir, 'l.sqlite');
  // The shipped taxonomy under another version: the shipped model was fitted on the shipped version only.
  const shipped = fs.readFileSync(shippedTaxonomyPath(), 'utf8');
  fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), shipped.replace(/^version: .*$/m, 'version: "1999.1"'));
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The model's note as `command` writes it: the one line on its stderr. */
const modelNote = (command: string) =>
  `lakivahti ${command}: ${path.join(feeds, 'taxonomy.yaml')}: the primary-goal model was fitted on taxonomy `;

it.each([
  ['crawl', () => run(['crawl', '--db', db, '--feeds', feeds])],
  ['retag', () => run(['retag', '--db', db, '--feeds', feeds])],
  ['tag', () => run(['tag', '--jsonl', '-', '--feeds', feeds], { input: '{"id":"a","title":"Pelastuslain muutos"}\n' })],
])('%s names the unused model once, in the one shape', async (command, go) => {
  const r = await go();
  expect(r.code).toBe(0);
  const lines = r.err.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0].startsWith(modelNote(command)), r.err).toBe(true);
  expect(lines[0]).toMatch(/not 1999\.1 \(.*\): the rules alone choose the main goal$/);
});
