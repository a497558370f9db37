// The CLI end to end, in-process: crawl a local server, list sources and items, retag, review, learn.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runMain } from '../helpers/main.js';
import { startServer, reply, type TestServer } from '../helpers/server.js';
import { writeRssSource } from '../helpers/feeds.js';
import { defaultFeedsDir } from '../../src/paths.js';

let server: TestServer;
let dir: string;
let feeds: string;
let db: string;
// Dates relative to today, so the open deadline stays open whenever the tests run, and the items were published last
// year: a pubDate of 2 November this year is in the future from January to 1 November, and was stored as the time the
// item was first fetched (items --json's published failed then).
const year = new Date().getFullYear();

const rss = (items: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>https://example.fi/</link><description>d</description>${items}</channel></rss>`;
const item = (guid: string, title: string, desc: string) =>
  `<item><guid>${guid}</guid><title>${title}</title><link>https://example.fi/${guid}</link><description>${desc}</description><pubDate>02 Nov ${year - 1} 10:00:00 +0200</pubDate></item>`;

/** Run the CLI on the test's database and feeds, and capture what it prints. */
const run = (...args: string[]) => runMain([...args, '--db', db, '--feeds', feeds]);

const lines = (text: string) => text.trim().split('\n').filter(Boolean);
const jsonItems = async () => lines((await run('items', '--json')).out).map((l) => JSON.parse(l));

beforeAll(async () => {
  server = await startServer({
    '/sm': reply(rss(
      item('a', 'Pelastuslain muutos lausunnoille', `Sisäministeriö pyytää lausuntoa pelastuslain muuttamisesta. Lausuntoaika päättyy 15.1.${year + 1}. VN/123/2026`) +
      item('b', 'Poliisin uudet partioautot', 'Poliisi hankkii uusia autoja.') +
      item('c', 'Öljyntorjuntakeskus perustetaan Kotkaan', 'Keskus koordinoi öljyntorjuntaa Suomenlahdella.'),
    ), { 'content-type': 'application/rss+xml' }),
    '/down': reply('oops', {}, 500),
  });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-cli-'));
  feeds = path.join(dir, 'feeds');
  db = path.join(dir, 'test.sqlite');
  writeRssSource(feeds, 'sm', `${server.url}/sm`);
  writeRssSource(feeds, 'down', `${server.url}/down`);
  fs.appendFileSync(path.join(feeds, 'sources', 'down.yaml'), 'verified: false\n');
  fs.writeFileSync(path.join(feeds, 'sources', 'broken.yaml'), 'id: broken\nname: B\nkind: rss\n');
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lakivahti CLI', () => {
  it('crawl prints one line per source, names broken definitions, and exits 0 when sources fail', async () => {
    const r = await run('crawl');
    expect(r.code).toBe(0);
    expect(r.out).toContain('sm: 3 new, 0 updated, 3 found');
    expect(r.out).toMatch(/down: error: fetch: .*500/);
    expect(r.err).toMatch(/^lakivahti crawl: config: .*broken\.yaml: field "url" is required$/m);
  });

  it('crawl --source runs one source and rejects unknown ones', async () => {
    expect((await run('crawl', '--source', 'sm')).out).toBe('sm: 0 new, 0 updated, 3 found\n');
    const bad = await run('crawl', '--source', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('no source "nope"');
  });

  it('sources shows status, error and next check', async () => {
    const r = await run('sources');
    expect(r.out).toMatch(/^down \(osoitetta ei ole vahvistettu\) {2}virhe .*epäonnistuneita hakuja peräkkäin: 1\n {4}virhe: Palvelimella on häiriö \(HTTP 500\)\. \(fetch: .*500/m);
    const json = lines((await run('sources', '--json')).out).map((l) => JSON.parse(l));
    expect(json.map((s) => [s.id, s.verified])).toEqual([['down', false], ['sm', true]]);
    // Helsinki time for people, as on the web page.
    expect(r.out).toMatch(/^sm {2}kunnossa {2}viimeisin haku: \d{1,2}\.\d{1,2}\.20\d\d klo \d\d\.\d\d {2}seuraava haku: \d{1,2}\.\d{1,2}\.20\d\d klo /m);
  });

  it('items --json prints tagged items with the agreed fields', async () => {
    const rows = await jsonItems();
    const a = rows.find((x) => x.title === 'Pelastuslain muutos lausunnoille');
    expect(Object.keys(a)).toEqual(expect.arrayContaining(['id', 'source', 'title', 'url', 'published', 'summary', 'language', 'identifiers', 'deadline', 'organisation']));
    expect(a).toMatchObject({
      source: 'sm', url: 'https://example.fi/a', published: `${year - 1}-11-02T08:00:00.000Z`, language: 'fi',
      identifiers: ['VN/123/2026'], deadline: `${year + 1}-01-15`, relevant: true, primary: 'services',
    });
    expect(rows.find((x) => x.title.startsWith('Poliisin'))).toMatchObject({ relevant: false, goals: [] });
  });

  it('items filters: --relevant, --goal, --joint, --search in any inflection, --since, --limit', async () => {
    const relevant = (await run('items', '--relevant')).out;
    expect(relevant).toContain('Pelastuslain muutos');
    expect(relevant).not.toContain('Poliisin');
    const services = lines((await run('items', '--goal', 'services', '--json')).out).map((l) => JSON.parse(l));
    expect(services.map((x) => x.title)).toContain('Pelastuslain muutos lausunnoille');
    expect(services.every((x) => x.goals.includes('services'))).toBe(true);
    expect((await run('items', '--joint')).out).toContain('Pelastuslain muutos');
    expect((await run('items', '--search', 'pelastuslaki')).out).toContain('Pelastuslain muutos');
    expect((await run('items', '--since', `${year + 1}-01-01`)).out).toBe('');
    expect(lines((await run('items', '--limit', '1')).out)).toHaveLength(1);
    const bad = await run('items', '--limit', 'many');
    expect([bad.code, bad.err]).toEqual([2, 'lakivahti items: --limit must be a positive whole number, not "many"\n']);
    expect((await run('items', '--since', 'eilen')).err).toContain('is not a date');
  });

  it('reviews are stored, win over tags and survive retag', async () => {
    const police = (await jsonItems()).find((x) => x.title.startsWith('Poliisin'));
    expect(police.relevant).toBe(false);
    const r = await run('review', String(police.id), '--reviewer', 'Maija', '--goals', 'internal-security', '--note', 'yhteistyö');
    expect(r.out).toBe(`tarkistus kirjattu: #${police.id} tavoitteet: internal-security; tarkistanut Maija\n`);
    expect((await run('review', String(police.id), '--reviewer', 'Maija', '--goals', 'sports')).err).toContain('unknown goal "sports"');
    // A missing item is a failure (1), as a missing account or subscription is; a mistaken call is 2.
    const missing = await run('review', '99999', '--reviewer', 'Maija', '--not-relevant');
    expect([missing.code, missing.out, missing.err]).toEqual([1, '', 'lakivahti review: no item with id 99999\n']);
    const not = await run('review', String(police.id), '--reviewer', 'Maija', '--not-relevant');
    expect(not.out).toBe(`tarkistus kirjattu: #${police.id} ei koske verkostoa; tarkistanut Maija\n`);
    await run('review', String(police.id), '--reviewer', 'Maija', '--goals', 'internal-security');
    expect((await run('review', String(police.id), '--goals', 'services')).err).toContain('--reviewer NAME is required');
    await run('retag');
    expect((await jsonItems()).find((x) => x.id === police.id)).toMatchObject({ relevant: true, goals: ['internal-security'] });
  });

  it('retag --dry-run previews a taxonomy change; retag applies it and records the version', async () => {
    const taxonomy = fs.readFileSync(path.join(defaultFeedsDir, 'taxonomy.yaml'), 'utf8');
    fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), taxonomy.replace(/^version: .*$/m, 'version: "2099.1"'));
    expect((await run('retag', '--dry-run')).out).toMatch(/of 3 items would change \(taxonomy [^)]*→ 2099\.1\)/);
    expect((await run('retag')).out).toMatch(/of 3 items changed/);
    expect((await run('retag', '--dry-run')).out).toMatch(/^0 of 3 items would change \(taxonomy 2099\.1 → 2099\.1\)/m);
    fs.rmSync(path.join(feeds, 'taxonomy.yaml'));
  });

  it('a malformed taxonomy is reported with its line, and retag refuses to run', async () => {
    fs.writeFileSync(path.join(feeds, 'taxonomy.yaml'), 'version: "x"\ngoals:\n  - id: services\n    label: [unclosed\n');
    const r = await run('retag');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/taxonomy\.yaml\D*\d/);
    // Said as retag's refusal: nothing is stored untagged by it (the crawl's note is not retag's).
    expect(r.err).toMatch(/^lakivahti retag: the taxonomy cannot be read, nothing was retagged: \S*taxonomy\.yaml:\d+: /);
    expect(r.err).not.toMatch(/untagged|config:/);
    fs.rmSync(path.join(feeds, 'taxonomy.yaml'));
  });

  it('unknown commands and options get a clear error', async () => {
    expect((await run('frobnicate')).err).toContain('unknown command "frobnicate"');
    const r = await run('crawl', '--bogus');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/bogus/);
  });
});
