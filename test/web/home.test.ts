import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/normalize/key.js';
import type { Server } from 'node:http';
import { createWebApp } from '../../src/web/app.js';
import { goalLabels } from '../../src/app/context.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { fiDate } from '../../src/web/helpers.js';
import { openDb, saveRun, syncSources, type Db } from '../../src/store/index.js';
import type { SourceDef, TaggedItem } from '../../src/model.js';
import { addUser, Browser } from '../helpers/web.js';

const def = { id: 'lausuntopalvelu', name: 'Lausuntopalvelu.fi', url: 'https://www.lausuntopalvelu.fi/' } as SourceDef;
const broken = { id: 'broken', name: 'Rikki', url: 'https://example.fi/', verified: false } as SourceDef;
const nextYear = new Date().getFullYear() + 1;

const item = (over: Partial<TaggedItem>): TaggedItem => {
  const i: Omit<TaggedItem, 'hash'> = {
  sourceId: 'lausuntopalvelu', key: 'k', guid: null, url: 'https://example.fi/1', title: 't', summary: '', contentHtml: '',
  published: '2026-11-20T08:00:00.000Z', updated: null, deadline: null, language: 'fi', organisation: 'Sisäministeriö',
  kind: 'statement-request', stage: null, identifiers: [], consultation: null, searchTerms: '',
  tags: { relevant: true, goals: [{ goal: 'services', score: 9 }], primary: 'services', scores: { services: 9 }, evidence: [], joint: true, jointReason: 'x', taxonomyVersion: 't' },
  ...over,
  };
  return { ...i, hash: contentHash(i) };
};

let db: Db;
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  db = openDb(':memory:');
  syncSources(db, [def, broken]);
  const run = { sourceId: 'lausuntopalvelu', startedAt: new Date().toISOString(), finishedAt: new Date().toISOString(), status: 'ok' as const, found: 2, created: 0, updated: 0, error: null, notes: [] };
  saveRun(db, { run, nextRunAt: null, items: [
    item({ key: 'a', title: 'Luonnos laiksi pelastuslain muuttamisesta', deadline: `${nextYear}-01-15`, identifiers: [{ type: 'diary', value: 'VN/1/2026' }] }),
    item({ key: 'b', title: '<script>alert(1)</script> vaarallinen otsikko', tags: null }),
  ] });
  saveRun(db, { run: { ...run, sourceId: 'broken', status: 'error', error: 'fetch: the server answered HTTP 500' }, nextRunAt: null });
  const app = createWebApp({ db, sources: [def, broken], configErrors: [{ file: 'feeds/sources/x.yaml', message: 'field "url" is required' }], goalLabels: goalLabels({ tagStage: null, feedsDir: defaultFeedsDir }) });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  // Every page is behind the sign-in (test/web/auth.test.ts); a department reader sees the front page.
  browser = new Browser(base);
  await browser.signIn(await addUser(db, 'lukija@example.fi', 'reader'));
});

afterAll(() => {
  server.close();
  db.close();
});

describe('front page', () => {
  it('shows joint-response candidates, source health, config errors and items, in Finnish', async () => {
    const { res, html } = await browser.get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('Yhteistä vastausta odottavat');
    expect(html).toMatch(new RegExp(`15\\.1\\.${nextYear}[\\s\\S]*Luonnos laiksi pelastuslain muuttamisesta[\\s\\S]*VN/1/2026`));
    expect(html).toContain('virhe: fetch: the server answered HTTP 500');
    // Only the definition whose URL has no public evidence says so.
    expect(html.match(/osoitetta ei ole vahvistettu/g)).toHaveLength(1);
    expect(html).toMatch(/Rikki<\/a>\s*<div class="muted">osoitetta ei ole vahvistettu/);
    expect(html).toContain('field &quot;url&quot; is required');
    // The label comes from feeds/taxonomy.yaml, not from a copy in the web helpers.
    expect(html).toContain('Paikalliset ja alueelliset palvelut ja kansallinen suorituskyky');
  });

  it('escapes stored text', async () => {
    const { html } = await browser.get('/');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; vaarallinen otsikko');
  });

  it('answers unknown pages with a Finnish 404', async () => {
    const { res, html } = await browser.get('/ei-ole');
    expect(res.status).toBe(404);
    expect(html).toContain('Sivua ei löydy');
  });
});

describe('Finnish date helpers', () => {
  it.each([
    ['2026-03-15', '15.3.2026'],
    ['2026-11-20T08:00:00.000Z', '20.11.2026'],
    ['2026-11-20T22:30:00.000Z', '21.11.2026'],
    [null, '–'],
    ['ei päivää', '–'],
  ])('fiDate(%s) is %s', (iso, shown) => expect(fiDate(iso)).toBe(shown));
});
