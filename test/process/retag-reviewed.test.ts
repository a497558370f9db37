// `lakivahti retag` after a taxonomy change on a database tagged with the old one: a reviewed item whose tagger
// verdict changes was listed as "no longer relevant -services" although the reviewer's decision keeps it a services
// item, as `items` goes on showing it. Its line now says the decision keeps it; nothing of the review is lost.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { run } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-retag-reviewed-'));
const db = path.join(dir, 'l.sqlite');
const feeds = path.join(dir, 'feeds');

beforeAll(async () => {
  seedDatabase(db, 20);
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  const reviewed = await run(['review', '10', '--reviewer', 'Testi', '--goals', 'services', '--db', db, '--feeds', feeds]);
  expect(reviewed.code).toBe(0);
  // The next taxonomy: a new version in which the rescue act weighs too little to make an item relevant alone.
  const text = fs.readFileSync(shippedTaxonomyPath(), 'utf8');
  const next = text.replace(/^version: ".*"$/m, 'version: "2099.1"').replace(/^( +- pelastus\+laki): [\d.]+$/m, '$1: 0.5');
  expect(next).not.toBe(text);
  fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), next);
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('says a reviewed item stays as the reviewer decided, and keeps the review', async () => {
  const dry = await run(['retag', '--dry-run', '--db', db, '--feeds', feeds]);
  expect(dry.code).toBe(0);
  expect(dry.out).toMatch(/^#10 Pelastuslain muutos 10: no longer relevant -services \(reviewed by Testi: stays services\)$/m);
  expect(dry.out).toMatch(/^#20 Pelastuslain muutos 20: no longer relevant -services$/m);
  const done = await run(['retag', '--db', db, '--feeds', feeds]);
  expect(done.out).toMatch(/^#10 .*\(reviewed by Testi: stays services\)$/m);
  const items = await run(['items', '--json', '--db', db, '--feeds', feeds]);
  const byId = new Map(items.out.trim().split('\n').map((l) => JSON.parse(l) as { id: number; relevant: boolean; goals: string[] }).map((i) => [i.id, i]));
  expect(byId.get(10)).toMatchObject({ relevant: true, goals: ['services'] });
  expect(byId.get(20)).toMatchObject({ relevant: false, goals: [] });
  const reader = new Database(db, { readonly: true });
  try {
    expect(reader.prepare('SELECT item_id, reviewer, goals FROM reviews').all()).toEqual([{ item_id: 10, reviewer: 'Testi', goals: '["services"]' }]);
    expect(reader.prepare('SELECT DISTINCT taxonomy_version FROM items').pluck().all()).toEqual(['2099.1']);
  } finally {
    reader.close();
  }
}, 60_000);
