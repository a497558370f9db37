// Configuration values out of their range, as the commands meet them: a cron step beyond its field's range (`*/61`
// minutes, `*/25` hours) in a source's or the digest's schedule (node-cron took it as the field's first value alone:
// `*/61 * * * *` fired at :00 every hour), and a taxonomy threshold (`relevant: -2` made every item relevant). Each was
// accepted without a word; each is refused where the configuration is read, named.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shippedTaxonomyPath } from '../../src/tag/taxonomy.js';
import { run } from '../helpers/process.js';
import { seedDatabase } from './seed.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-config-ranges-'));
  fs.mkdirSync(path.join(dir, 'feeds', 'sources'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'feeds', 'sources', 'sm.yaml'), 'id: sm\nname: SM\nurl: http://127.0.0.1:9/rss\n\nschedule: "*/61 * * * *"\nkind: rss\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('crawl names the source file, its line, the field and the range', async () => {
  const r = await run(['crawl', '--feeds', path.join(dir, 'feeds'), '--db', path.join(dir, 'l.sqlite')]);
  expect(r.code).toBe(1); // no source left to crawl
  expect(r.err.split('\n')[0]).toBe(
    `lakivahti crawl: config: ${path.join(dir, 'feeds', 'sources', 'sm.yaml')}: line 5: field "schedule": "*/61 * * * *": step /61 in the minute field is out of range; steps there are from 1 to 59`,
  );
});

it('digest names the variable and the range', async () => {
  const r = await run(['digest', '--preview', '--db', path.join(dir, 'l.sqlite')], { env: { LAKIVAHTI_DIGEST_DAILY: '0 */25 * * *' } });
  expect(r.code).toBe(2);
  expect(r.err.split('\n')[0]).toBe('lakivahti digest: LAKIVAHTI_DIGEST_DAILY: "0 */25 * * *": step /25 in the hour field is out of range; steps there are from 1 to 23');
});

it('retag names the taxonomy file, the line and the threshold\'s range', async () => {
  const lines = fs.readFileSync(shippedTaxonomyPath(), 'utf8').split('\n');
  const at = lines.findIndex((l) => l.startsWith('  relevant: '));
  lines[at] = '  relevant: -2';
  const feeds = path.join(dir, 'feeds');
  const db = path.join(dir, 'seeded.sqlite');
  seedDatabase(db, 3);
  fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), lines.join('\n'));
  try {
    const r = await run(['retag', '--dry-run', '--feeds', feeds, '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')[0]).toBe(
      `lakivahti retag: the taxonomy cannot be read, nothing was retagged: ${path.join(feeds, 'taxonomy.yaml')}:${at + 1}: thresholds.relevant must be above 0 (a goal's score is never below 0: every item would be relevant), not -2`,
    );
  } finally {
    fs.rmSync(path.join(feeds, 'taxonomy.yaml'));
  }
});
