// A cron step beyond its field's range (`*/61` minutes, `*/25` hours) in a source's or the digest's schedule, as a crawl
// and a digest run by cron meet it: node-cron took it as the field's first value alone (`*/61 * * * *` fired at :00
// every hour), and it was accepted without a word. Refused where the configuration is read, named.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../helpers/process.js';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-schedule-steps-'));
  fs.mkdirSync(path.join(dir, 'feeds', 'sources'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'feeds', 'sources', 'sm.yaml'), 'id: sm\nname: SM\nurl: http://127.0.0.1:9/rss\n\nschedule: "*/61 * * * *"\nkind: rss\n');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('crawl names the source file, its line, the field and the range', async () => {
  const r = await run(['crawl', '--feeds', path.join(dir, 'feeds'), '--db', path.join(dir, 'l.sqlite')]);
  expect(r.code).toBe(1); // no source left to crawl
  expect(r.err.split('\n')[0]).toBe(
    `config: ${path.join(dir, 'feeds', 'sources', 'sm.yaml')}: line 5: field "schedule": "*/61 * * * *": step /61 in the minute field is out of range; steps there are from 1 to 59`,
  );
});

it('digest names the variable and the range', async () => {
  const r = await run(['digest', '--preview', '--db', path.join(dir, 'l.sqlite')], { env: { LAKIVAHTI_DIGEST_DAILY: '0 */25 * * *' } });
  expect(r.code).toBe(2);
  expect(r.err.split('\n')[0]).toBe('digest: LAKIVAHTI_DIGEST_DAILY: "0 */25 * * *": step /25 in the hour field is out of range; steps there are from 1 to 23');
});
