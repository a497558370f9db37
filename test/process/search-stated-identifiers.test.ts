// `items --search` with a government proposal's identifier that an item states only in its fields (Hankeikkuna's
// heNumerot: "207/2016", "256/2017 vp", "HE 311/2022"), not in its title or summary. The search looked at the text
// alone, so the project that led to the bill was not found by the bill's number, though its matter holds it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { defaultFeedsDir, fixturesDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';

const env = { LAKIVAHTI_NO_VOIKKO: '1' };
let dir: string;
let mirror: Mirror;
let db: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stated-ids-'));
  const feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  const doc = parseDocument(fs.readFileSync(path.join(defaultFeedsDir, 'sources', 'hankeikkuna.yaml'), 'utf8'));
  mirror = await startMirror(path.join(fixturesDir, 'sources', 'hankeikkuna'));
  doc.set('url', mirrorUrl(String(doc.get('url')), mirror.origin));
  fs.writeFileSync(path.join(feeds, 'sources', 'hankeikkuna.yaml'), doc.toString());
  db = path.join(dir, 'db.sqlite');
  const crawl = await run(['crawl', '--db', db, '--feeds', feeds], { env });
  expect(crawl.code, crawl.err).toBe(0);
}, 120_000);

afterAll(async () => {
  await mirror?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The titles `items --search` lists (it exits 0). */
async function found(text: string, more: string[] = []): Promise<string[]> {
  const r = await run(['items', '--db', db, '--json', '--search', text, ...more], { env });
  expect(r.code, r.err).toBe(0);
  return r.out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { title: string }).title);
}

it.each([
  ['HE 207/2016 vp', 'Laki luotsauslain muuttamisesta'],
  ['RP 207/2016 rd', 'Laki luotsauslain muuttamisesta'],
  ['he256/2017', 'Hallituksen esitys eduskunnalle laiksi kilpailulain 25 §:n muuttamisesta'],
  ['HE 311/2022', 'Hallituksen esitys eduskunnalle laiksi valtion erityisrahoitusyhtiö'],
])('%s finds the project that states it', async (text, title) => {
  const titles = await found(text);
  expect(titles).toHaveLength(1);
  expect(titles[0]).toContain(title);
}, 60_000);

it('finds it beside a word of its text, and not beside a word it lacks', async () => {
  expect(await found('luotsauslain HE 207/2016')).toHaveLength(1);
  expect(await found('kilpailulain HE 207/2016')).toEqual([]);
}, 60_000);

it('does not find a number the item states by its year alone', async () => {
  expect(await found('HE 208/2016')).toEqual([]);
}, 60_000);

it('still finds it after a retag, which writes the search terms anew', async () => {
  const retag = await run(['retag', '--db', db], { env });
  expect(retag.code, retag.err).toBe(0);
  expect(await found('HE 207/2016 vp')).toHaveLength(1);
}, 120_000);
