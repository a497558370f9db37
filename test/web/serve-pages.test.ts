// Every read page and output through `lakivahti serve` as a process, over a database seeded through the pipeline.
import { beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { run, serveForTests } from '../helpers/process.js';
import { Browser, PASSWORD } from '../helpers/web.js';
import { openDb, seedStore, type Seeded } from './support.js';

let seeded: Seeded;
let matter: number;
let reader: Browser;

const served = serveForTests('pages', async (dir) => {
  const file = path.join(dir, 'pages.sqlite');
  const db = openDb(file);
  seeded = seedStore(db);
  matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
  db.close();
  const feeds = path.join(dir, 'feeds');
  fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
  for (const [id, name] of [['lausuntopalvelu', 'Lausuntopalvelu.fi'], ['stm', 'Sosiaali- ja terveysministeriö']])
    fs.writeFileSync(path.join(feeds, 'sources', `${id}.yaml`), `id: ${id}\nname: ${name}\nurl: http://127.0.0.1:9/${id}\nkind: rss\n`);
  // A department reader's account, made as an administrator would: the password through a pipe.
  const added = await run(['users', 'add', 'lukija@example.fi', '--role', 'reader', '--db', file], { input: `${PASSWORD}\n` });
  expect([added.code, added.err]).toEqual([0, '']);
  return { args: ['--db', file, '--feeds', feeds] };
});

beforeAll(async () => {
  reader = new Browser(served.base);
  expect((await reader.signIn('lukija@example.fi')).status).toBe(303);
});

describe('the read pages through lakivahti serve', () => {
  it('gives an anonymous visitor the sign-in form, never the page or the output', async () => {
    for (const page of ['/', '/items', `/items/${seeded.request}`, '/feeds/items.atom', '/items.csv']) {
      const res = await fetch(served.base + page);
      const body = await res.text();
      expect([page, res.status]).toEqual([page, 401]);
      expect(body).toContain('name="password"');
      expect(body).not.toMatch(/<h1>Yleiskuva<\/h1>|<feed|numero;otsikko/);
    }
  });

  it.each([
    ['/', 'text/html', '<h1>Yleiskuva</h1>'],
    ['/items', 'text/html', 'Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta'],
    ['/items?q=pelastuslaki&lang=fi', 'text/html', '<mark>pelastuslain</mark>'],
    ['/items/{request}', 'text/html', 'Miksi asiakirja luokiteltiin näin'],
    ['/items/{hostile}', 'text/html', 'Pelastustoimen rahoitus'],
    ['/matters/{matter}', 'text/html', '<strong>valiokuntakäsittely</strong>'],
    ['/sources', 'text/html', 'Lausuntopalvelu.fi'],
    ['/feeds/items.atom?goal=services', 'application/atom+xml', '<feed'],
    ['/feeds/items.json', 'application/feed+json', '"version"'],
    ['/feeds/matters/{matter}.atom', 'application/atom+xml', '<entry xml:lang="fi">'],
    ['/feeds/deadlines.ics', 'text/calendar', 'BEGIN:VEVENT'],
    ['/items.csv?source=lausuntopalvelu', 'text/csv', 'numero;otsikko'],
  ])('GET %s', async (page, type, text) => {
    const url = page.replace('{request}', String(seeded.request)).replace('{hostile}', String(seeded.hostile)).replace('{matter}', String(matter));
    const res = await fetch(served.base + url, { headers: { cookie: reader.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(type);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const body = await res.text();
    expect(body).toContain(text);
    // The only script is the site's own static file (the items list's keys): nothing stored becomes one.
    expect(body).not.toMatch(/<script(?! src="\/static\/[\w-]+\.js" defer><\/script>)|href="javascript:/i);
    // In HTML no stored text becomes an attribute (in a feed's XML text, onerror="…" is only text).
    if (type === 'text/html') expect(body).not.toMatch(/<[^>]+\son[a-z]+=/i);
  });

  it("lets a reader's feed program read the calendar and a feed with a personal token, until it is revoked", async () => {
    const { token, id } = await reader.feedToken('Outlook');
    const calendar = await fetch(`${served.base}/feeds/deadlines.ics?token=${token}`);
    expect([calendar.status, calendar.headers.get('content-type')]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(await calendar.text()).toContain('BEGIN:VEVENT');
    const feed = await fetch(`${served.base}/feeds/items.atom?goal=services&token=${token}`);
    expect([feed.status, (await feed.text()).includes('<feed')]).toEqual([200, true]);
    await reader.revokeFeedToken(id);
    const revoked = await fetch(`${served.base}/feeds/deadlines.ics?token=${token}`);
    expect([revoked.status, (await revoked.text()).includes('BEGIN:VEVENT')]).toEqual([401, false]);
  });

  it('answers an unknown filter and an unknown item in Finnish, not with a 500', async () => {
    const bad = await fetch(`${served.base}/items?kind=memo`, { headers: { cookie: reader.cookie } });
    expect([bad.status, (await bad.text()).includes('Tuntematon asiakirjatyyppi')]).toEqual([400, true]);
    const missing = await fetch(`${served.base}/items/987654`, { headers: { cookie: reader.cookie } });
    expect([missing.status, (await missing.text()).includes('Asiakirjaa numero 987654 ei ole tallennettu.')]).toEqual([404, true]);
    expect(served.child.err()).toBe('');
  });
});
