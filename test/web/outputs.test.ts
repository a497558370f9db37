// Outputs for other tools: Atom and JSON Feed for a filter and for a matter, iCalendar deadlines, CSV; each read
// back with a real reader (the project's own feed parser), and bad filters refused, in the requester's language.
import { describe, expect, it } from 'vitest';
import * as cheerio from 'cheerio';
import { parseFeed } from '../../src/parse/feed.js';
import { XmlTree, type Tree } from '../../src/parse/xml-tree.js';
import { arriveTagged, get, inDays, servePages, webDeps, type Seeded, useSeededSite } from './support.js';
import { findUser, setUserLanguage, type Db } from '../../src/store/index.js';
import { CSV_COLUMNS } from '../../src/web/routes/items-csv.js';
import { withLanguages } from '../../src/web/routes/feeds.js';

let db: Db;
let seeded: Seeded;
let site: Awaited<ReturnType<typeof servePages>>;
/** The reader's personal feed token, as a feed program or a spreadsheet sends it (no cookies). */
let token: string;

useSeededSite('reader', async (s) => {
  ({ db, seeded, site } = s);
  ({ token } = await site.browser.feedToken('Excel'));
});

describe('Atom and JSON Feed', () => {
  it('an Atom feed of a goal reads back as the filtered items, linking to the originals', async () => {
    const { status, type, body } = await get(`${site.base}/feeds/items.atom?goal=services`);
    expect([status, type]).toEqual([200, 'application/atom+xml; charset=utf-8']);
    expect(body).toContain('<title>Lakivahti: Paikalliset ja alueelliset palvelut ja kansallinen suorituskyky</title>');
    const items = await parseFeed(body, `${site.base}/feeds/items.atom`);
    const titles = items.map((i) => i.title);
    expect(titles).toContain('Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta');
    expect(titles).not.toContain('Tiedote 1: hyvinvointialueiden rahoitus');
    const request = items.find((i) => i.title.startsWith('Lausuntopyyntö luonnoksesta'))!;
    expect(request.url).toBe('https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=1');
    expect(request.guid).toBe(`${site.base}/items/${seeded.request}`);
  });

  it("a hostile item's javascript: link becomes its page here, and its title stays text", async () => {
    const items = await parseFeed((await get(`${site.base}/feeds/items.atom?source=stm`)).body, `${site.base}/feeds/items.atom`);
    const hostile = items.find((i) => i.guid === `${site.base}/items/${seeded.hostile}`)!;
    expect(hostile.url).toBe(`${site.base}/items/${seeded.hostile}`);
    // Atom's title is type="html": a reader shows its text, entities decoded.
    expect(cheerio.load(hostile.title).text()).toBe('Pelastustoimen rahoitus onerror="alert(2)"');
  });

  it('a JSON Feed of any filter lists the newest items first', async () => {
    const { status, type, body } = await get(`${site.base}/feeds/items.json?source=stm&q=rahoitus`);
    expect([status, type]).toEqual([200, 'application/feed+json; charset=utf-8']);
    const feed = JSON.parse(body) as { version: string; items: { id: string; title: string; date_published: string; tags?: string[] }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(61);
    expect(feed.items[0].id).toBe(`${site.base}/items/${seeded.hostile}`);
    const dates = feed.items.map((i) => Date.parse(i.date_published));
    // Every item carries the date it was published (readers sort and show date_published), newest first.
    expect(dates.filter(Number.isNaN)).toEqual([]);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('are what a validator accepts: Atom names the feed\'s author, ids stay when the token is renewed, the home link is the page', async () => {
    const matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
    for (const [path, home] of [['/feeds/items.atom?goal=services', '/items?goal=services'], [`/feeds/matters/${matter}.atom`, `/matters/${matter}`]]) {
      const atom = await (await fetch(`${site.base}${path}${path.includes('?') ? '&' : '?'}token=${token}`)).text();
      const head = atom.slice(0, atom.search(/<entry[ >]/));
      // RFC 4287 4.1.1: a feed has an author unless every entry has one (these have none).
      expect(atom).not.toMatch(/<entry[ >](?:(?!<\/entry>)[\s\S])*<author>/);
      expect(head).toMatch(/<author>\s*<name>Lakivahti<\/name>\s*<\/author>/);
      expect(head).toContain(`<id>${site.base}${path.replace('&', '&amp;')}</id>`);
      expect(head).toContain(`<link rel="alternate" href="${site.base}${home}"/>`);
      expect(head).not.toMatch(/<id>[^<]*token/);
      expect(atom.match(/<entry[ >]/g)?.length).toBe(atom.match(/<published>/g)?.length);
    }
    const json = JSON.parse(await (await fetch(`${site.base}/feeds/matters/${matter}.json?token=${token}`)).text()) as { home_page_url: string; author: { name: string } };
    expect([json.home_page_url, json.author]).toEqual([`${site.base}/matters/${matter}`, { name: 'Lakivahti' }]);
  });

  it("marks each entry's language: a Swedish item in a Finnish reader's feed is Swedish, its goal labels Finnish", async () => {
    const atom = (await get(`${site.base}/feeds/items.atom?goal=services`)).body;
    expect(atom).toMatch(/^<\?xml[^>]*>\s*<feed xml:lang="fi" xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    expect((await parseFeed(atom, `${site.base}/feeds/items.atom`)).map((i) => i.title)).toContain('Förvaltningsutskottets betänkande om räddningslagen');
    const entries = [...atom.matchAll(/<entry( xml:lang="(\w+)")?>([\s\S]*?)<\/entry>/g)].map((m) => ({ lang: m[2], body: m[3] }));
    expect(entries.length).toBeGreaterThan(1);
    const sv = entries.filter((e) => e.body.includes(`/items/${seeded.swedish}<`));
    expect(sv).toHaveLength(1);
    expect(sv[0].lang).toBe('sv');
    expect(sv[0].body).toMatch(/<category xml:lang="fi" label="Paikalliset ja alueelliset palvelut/);
    const fi = entries.filter((e) => e !== sv[0]);
    expect(fi.map((e) => e.lang)).toEqual(fi.map(() => 'fi'));
    expect(fi.map((e) => e.body).join('')).not.toContain('<category xml:lang');

    // The JSON Feed too (version 1.1's language, of the feed and of each item), with 1.1's authors beside 1.0's author.
    const json = JSON.parse((await get(`${site.base}/feeds/items.json?goal=services`)).body) as {
      version: string; language: string; authors: unknown; author: unknown; items: { id: string; language: string }[];
    };
    expect([json.version, json.language, json.authors, json.author]).toEqual(['https://jsonfeed.org/version/1.1', 'fi', [{ name: 'Lakivahti' }], { name: 'Lakivahti' }]);
    const langs = new Map(json.items.map((i) => [i.id, i.language]));
    expect(langs.get(`${site.base}/items/${seeded.swedish}`)).toBe('sv');
    expect([...langs.values()].filter((l) => l !== 'fi')).toEqual(['sv']);
  });

  it("xml:lang goes on the feed's own tags, never inside a title's text", () => {
    const xml = '<feed xmlns="x"><entry><title><![CDATA[<entry> ja <category >]]></title><category label="a"/></entry><entry><category label="b"/></entry></feed>';
    expect(withLanguages(xml, 'fi', ['sv', 'und'])).toBe('<feed xml:lang="fi" xmlns="x"><entry xml:lang="sv"><title><![CDATA[<entry> ja <category >]]></title>' +
      '<category xml:lang="fi" label="a"/></entry><entry><category label="b"/></entry></feed>');
  });

  it("a matter's feed holds its items", async () => {
    const matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
    const items = await parseFeed((await get(`${site.base}/feeds/matters/${matter}.atom`)).body, 'http://x/');
    expect(items.map((i) => i.guid).sort()).toEqual([seeded.request, seeded.project, seeded.bill].map((id) => `${site.base}/items/${id}`).sort());
    const json = JSON.parse((await get(`${site.base}/feeds/matters/${matter}.json`)).body) as { items: unknown[] };
    expect(json.items).toHaveLength(3);
    expect((await get(`${site.base}/feeds/matters/999999.atom`)).status).toBe(404);
  });

  it('a bad filter is a Finnish 400 in plain text', async () => {
    const { status, type, body } = await get(`${site.base}/feeds/items.atom?goal=palvelut&lang=en`);
    expect([status, type]).toEqual([400, 'text/plain; charset=utf-8']);
    expect(body).toContain('Tuntematon tavoite "palvelut"');
    expect(body).toContain('Tuntematon kieli "en"');
  });
});

describe('iCalendar deadlines', () => {
  it('lists statement deadlines as all-day events that update in place', async () => {
    const { status, type, body } = await get(`${site.base}/feeds/deadlines.ics`);
    expect([status, type]).toEqual([200, 'text/calendar; charset=utf-8']);
    expect(body).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const events = body.split('BEGIN:VEVENT').slice(1);
    expect(events).toHaveLength(2);
    const request = events.find((e) => e.includes(`UID:lakivahti-item-${seeded.request}`))!;
    expect(request).toContain(`DTSTART;VALUE=DATE:${inDays(2).replace(/-/g, '')}`);
    expect(request).toContain(`DTEND;VALUE=DATE:${inDays(3).replace(/-/g, '')}`);
    expect(request.replace(/\r\n /g, '')).toContain('SUMMARY;LANGUAGE=fi:Määräaika: Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta');
    expect(request.replace(/\r\n /g, '')).toContain(`URL;VALUE=URI:${site.base}/items/${seeded.request}`);
  });

  it("marks each event's title and description in its item's language, a Swedish one as Swedish, folded at 75 octets", async () => {
    const [title, language] = db.prepare('SELECT title, language FROM items WHERE id = ?').raw().get(seeded.request) as [string, string];
    const swedish = 'Remiss om utkast till regeringens proposition om ändring av räddningslagen och lagen om välfärdsområden';
    db.prepare("UPDATE items SET title = ?, language = 'sv' WHERE id = ?").run(swedish, seeded.request);
    try {
      const { body } = await get(`${site.base}/feeds/deadlines.ics`);
      const events = body.split('BEGIN:VEVENT').slice(1);
      const request = events.find((e) => e.includes(`UID:lakivahti-item-${seeded.request}`))!.replace(/\r\n /g, '');
      expect(request).toContain(`SUMMARY;LANGUAGE=sv:Määräaika: ${swedish}`);
      expect(request).toMatch(/\r\nDESCRIPTION;LANGUAGE=sv:/);
      const other = events.find((e) => e.includes(`UID:lakivahti-item-${seeded.overdue}`))!.replace(/\r\n /g, '');
      expect(other).toMatch(/\r\nSUMMARY;LANGUAGE=fi:Määräaika: /);
      // RFC 5545 3.1: no content line longer than 75 octets, each continuation begins with one space.
      expect(body.split('\r\n').filter((l) => Buffer.byteLength(l) > 75)).toEqual([]);
      expect(body.split('\r\n').filter((l) => l && !/^([A-Z-]+[;:]| )/.test(l))).toEqual([]);
    } finally {
      db.prepare('UPDATE items SET title = ?, language = ? WHERE id = ?').run(title, language, seeded.request);
    }
  });

  it('takes the same filter as the list', async () => {
    const { body } = await get(`${site.base}/feeds/deadlines.ics?q=asetuksesta`);
    expect(body.split('BEGIN:VEVENT').slice(1)).toHaveLength(1);
    expect(body).toContain(`UID:lakivahti-item-${seeded.overdue}`);
  });
});

describe('CSV export', () => {
  it('exports the filtered list for Excel: BOM, semicolons, a header, one row an item', async () => {
    const res = await fetch(`${site.base}/items.csv?source=lausuntopalvelu&token=${token}`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename=lakivahti-asiakirjat.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('numero;otsikko;lähde;organisaatio;julkaistu;määräaika;tavoitteet;tyyppi;asian vaihe;kieli;tunnukset;linkki;asiakokonaisuus');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^${seeded.request};Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta;Lausuntopalvelu\\.fi;Sisäministeriö;[^;]+;${inDays(2)};Paikalliset[^;]*;lausuntopyyntö;valiokuntakäsittely;suomi;VN/31234/\\d{4};https://www\\.lausuntopalvelu\\.fi/FI/Proposal/Participation\\?proposalId=1;\\d+$`));
    // Published as a spreadsheet reads a time (not ISO UTC with a T and a Z, which Excel keeps as text), in Helsinki
    // time, so its day is the one the pages show (an item published 23.11. 22.00 UTC is the 24th).
    const published = db.prepare('SELECT published FROM items WHERE id = ?').pluck().get(seeded.request) as string;
    const helsinki = new Date(published).toLocaleString('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    expect(lines[1].split(';')[4]).toBe(helsinki);
    expect(helsinki).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('writes a cell a spreadsheet would run as a formula as text, and no javascript: link', async () => {
    db.prepare("UPDATE items SET title = '=HYPERLINK(\"http://evil\")' WHERE id = ?").run(seeded.releases[0]);
    const text = await (await fetch(`${site.base}/items.csv?source=stm&token=${token}`)).text();
    expect(text).toContain(`${seeded.releases[0]};"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toContain('javascript:');
  });

  it('refuses a bad filter in Finnish', async () => {
    const { status, body } = await get(`${site.base}/items.csv?reviewed=maybe`);
    expect(status).toBe(400);
    expect(body).toContain('Suodattimen "tarkistettu" arvo "maybe" ei kelpaa');
  });
});

describe('in the requester\'s language', () => {
  it('a Swedish person\'s token gets Swedish CSV headers (same columns, same order), feed and calendar titles', async () => {
    const sv = await servePages(webDeps(db), 'admin');
    try {
      setUserLanguage(db, (findUser(db, 'admin@example.fi') as { id: number }).id, 'sv');
      const { token: svToken } = await sv.browser.feedToken('Excel');
      // The token alone, as a spreadsheet or a feed program sends it (no cookies): the owner's language.
      const csv = await fetch(`${sv.base}/items.csv?source=lausuntopalvelu&token=${svToken}`);
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename=lakivahti-dokument.csv');
      const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe('nummer;rubrik;källa;organisation;publicerad;tidsfrist;mål;typ;ärendets skede;språk;beteckningar;länk;ärendehelhet');
      expect(lines[0].split(';')).toHaveLength(CSV_COLUMNS.length);
      expect(lines[1]).toMatch(new RegExp(`^${seeded.request};Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta;Lausuntopalvelu\\.fi;Sisäministeriö;[^;]+;${inDays(2)};Lokala[^;]*;remiss;[^;]+;finska;VN/31234/\\d{4};https://[^;]+;\\d+$`));

      const ics = (await (await fetch(`${sv.base}/feeds/deadlines.ics?token=${svToken}`)).text()).replace(/\r\n /g, '');
      expect(ics).toContain('X-WR-CALNAME:Lakivahti: remisstider');
      expect(ics).toContain('SUMMARY;LANGUAGE=fi:Tidsfrist: Lausuntopyyntö luonnoksesta');

      const atom = await (await fetch(`${sv.base}/feeds/items.atom?goal=services&token=${svToken}`)).text();
      expect(atom).toContain('<title>Lakivahti: Lokala och regionala tjänster och nationell prestationsförmåga</title>');
      const items = await parseFeed(atom, `${sv.base}/feeds/items.atom`);
      expect(items.find((i) => i.title.startsWith('Lausuntopyyntö luonnoksesta'))?.summary).toContain(`Tidsfrist ${inDays(2).split('-').reverse().map(Number).join('.')}.`);
      const json = JSON.parse(await (await fetch(`${sv.base}/feeds/items.json?token=${svToken}`)).text()) as { version: string; title: string; items: unknown[] };
      expect([json.version, json.title, json.items.length > 0]).toEqual(['https://jsonfeed.org/version/1.1', 'Lakivahti', true]);
      expect((json as unknown as { language: string }).language).toBe('sv');

      // A bad filter is refused in the owner's language too; the Finnish reader's token still gets Finnish.
      const bad = await fetch(`${sv.base}/items.csv?reviewed=maybe&token=${svToken}`);
      expect([bad.status, await bad.text()]).toEqual([400, expect.stringContaining('Värdet "maybe" för filtret')]);
      expect((await (await fetch(`${site.base}/items.csv?token=${token}`)).text()).split('\r\n')[0]).toContain('numero;otsikko;lähde');
    } finally {
      setUserLanguage(db, (findUser(db, 'admin@example.fi') as { id: number }).id, 'fi');
      await sv.close();
    }
  });
});

describe('personal feed tokens', () => {
  const outputs = () => ['/feeds/items.atom?goal=services', '/feeds/items.json', `/feeds/matters/${db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request)}.atom`, '/feeds/deadlines.ics', '/items.csv'];

  it('open every output to a feed program without a session, and nothing else', async () => {
    const { token: mine } = await site.browser.feedToken('syötelukija');
    for (const path of outputs()) {
      const res = await fetch(`${site.base}${path}${path.includes('?') ? '&' : '?'}token=${mine}`);
      expect([path, res.status]).toEqual([path, 200]);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(await res.text()).not.toContain('name="password"');
      // Without the token the same address gets the sign-in form.
      const anon = await fetch(`${site.base}${path}`);
      expect([path, anon.status, (await anon.text()).includes('name="password"')]).toEqual([path, 401, true]);
    }
    for (const page of ['/', '/items', `/items/${seeded.request}`, '/board', '/account', '/sources']) {
      const res = await fetch(`${site.base}${page}?token=${mine}`);
      expect([page, res.status, (await res.text()).includes('name="password"')]).toEqual([page, 401, true]);
    }
    const post = await fetch(`${site.base}/feeds/items.atom?token=${mine}`, { method: 'POST' });
    expect([401, 403]).toContain(post.status);
  });

  it('the items and matter pages say how to add the token to their feed addresses, and where to get one', async () => {
    const decode = (html: string) => html.replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    const live = (db.prepare("SELECT COUNT(*) FROM feed_tokens t JOIN users u ON u.id = t.user_id WHERE u.email = 'reader@example.fi' AND t.revoked_at IS NULL").pluck().get() as number);
    const items = decode((await get(`${site.base}/items?goal=services`)).body);
    expect(items).toContain('<code class="feed-url">/feeds/items.atom?goal=services&token=TUNNISTE</code>');
    expect(items).toContain(`Sinulla on ${live} voimassa`);
    expect(items).toContain('<a href="/account">Oma tili -sivulla</a>');
    const matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
    expect(decode((await get(`${site.base}/matters/${matter}`)).body)).toContain(`<code class="feed-url">/feeds/matters/${matter}.atom?token=TUNNISTE</code>`);
    // Someone without a token is told where to make one.
    const other = await servePages(webDeps(db), 'reviewer');
    try {
      expect((await get(`${other.base}/items`)).body).toMatch(/Tunnisteen saat\s*<a href="\/account">Oma tili -sivulla<\/a>/);
    } finally {
      await other.close();
    }
  });

  it('refuse a revoked, unknown or malformed token, and a disabled account\'s', async () => {
    const { token: old, id } = await site.browser.feedToken('vanha');
    expect((await fetch(`${site.base}/feeds/items.json?token=${old}`)).status).toBe(200);
    await site.browser.revokeFeedToken(id);
    for (const bad of [old, 'x'.repeat(43), 'lyhyt', '']) {
      const res = await fetch(`${site.base}/feeds/items.json?token=${bad}`);
      const body = await res.text();
      expect([bad, res.status]).toEqual([bad, 401]);
      expect(body).not.toContain('"version"');
    }
    const refused = await get(`${site.base}/feeds/deadlines.ics?token=${old}`);
    expect(refused.status).toBe(200); // the signed-in session still reads it in the browser
    const anonRefused = await fetch(`${site.base}/feeds/deadlines.ics?token=${old}`);
    expect([anonRefused.status, await anonRefused.text()]).toEqual([401, expect.stringContaining('Syötetunniste on tuntematon, peruttu')]);
    // In Swedish when the request asks for it, by ?lang=sv or the program's Accept-Language.
    for (const [query, headers] of [['&lang=sv', {}], ['', { 'accept-language': 'sv-FI, sv;q=0.9, en;q=0.5' }]] as const) {
      const sv = await fetch(`${site.base}/feeds/deadlines.ics?token=${old}${query}`, { headers });
      expect([sv.status, sv.headers.get('content-language'), await sv.text()])
        .toEqual([401, 'sv', expect.stringContaining('Nyckeln för flöden är okänd, återkallad')]);
    }
    const { token: live } = await site.browser.feedToken('poistuva');
    db.prepare("UPDATE users SET disabled_at = ? WHERE email = 'reader@example.fi'").run(new Date().toISOString());
    try {
      expect((await fetch(`${site.base}/feeds/items.json?token=${live}`)).status).toBe(401);
    } finally {
      db.prepare("UPDATE users SET disabled_at = NULL WHERE email = 'reader@example.fi'").run();
    }
  });
});

describe('text from a hostile source in the feeds', () => {
  // A title may hold "]]>" (plain text, nothing to strip) and a summary "<" or an escaped tag that is text. Atom's title
  // and summary are type="html" and JSON Feed's content_html is HTML: each must read back as the text stored.
  it('stays the text stored: the Atom is well-formed XML and no reader makes markup of it', async () => {
    const id = arriveTagged(db, 'stm', {
      guid: 'cdata', url: 'https://stm.fi/cdata', published: new Date().toISOString(),
      title: 'Hyökkäystesti ]]> pelastustoimi ]]></title><b>x',
      summary: 'Raja < 5 % &amp;lt;img src=x onerror=alert(1)&amp;gt; &amp;amp; muuta',
    });
    const stored = db.prepare('SELECT title, summary FROM items WHERE id = ?').get(id) as { title: string; summary: string };
    expect(stored.title).toContain(']]>');
    expect(stored.summary).toContain('<img src=x onerror=alert(1)>'.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')));
    const shown = (type: string | undefined, text: string) => (type === 'html' ? cheerio.load(text).text() : text);

    const atom = await get(`${site.base}/feeds/items.atom?q=hyökkäystesti`);
    const xml = new XmlTree();
    xml.write(atom.body);
    xml.end();
    expect(xml.failure).toBeNull();
    // XML 1.0 2.4: "]]>" only ever ends a CDATA section (sax lets it pass; expat, as feed readers use, refuses the feed).
    expect(atom.body.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toContain(']]>');
    const entry = ((xml.result!.feed as Tree).entry as Tree[])[0];
    const text = (el: unknown) => {
      const node = (el as Tree[])[0];
      return shown((node.$ as Record<string, string> | undefined)?.type, typeof node === 'string' ? node : String(node._));
    };
    expect(text(entry.title)).toBe(stored.title);
    expect(text(entry.summary)).toContain(stored.summary);

    const json = JSON.parse((await get(`${site.base}/feeds/items.json?q=hyökkäystesti`)).body) as { items: Record<string, string>[] };
    expect(json.items[0].title).toBe(stored.title);
    expect(json.items[0].content_html === undefined ? json.items[0].content_text : shown('html', json.items[0].content_html)).toContain(stored.summary);
  });

  it("a matter's title as the feed's own title reads back as stored: an '&amp;' in its text stays, an '&' and '<' too", async () => {
    const matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
    const was = db.prepare('SELECT title FROM matters WHERE id = ?').pluck().get(matter) as string;
    // As a source that escaped its titles twice leaves one (its text says "&amp;"), beside a plain ampersand.
    const title = 'T&amp;K-toiminnan & pelastustoimen laki <b> &lt;';
    db.prepare('UPDATE matters SET title = ? WHERE id = ?').run(title, matter);
    try {
      const xml = new XmlTree();
      xml.write((await get(`${site.base}/feeds/matters/${matter}.atom`)).body);
      xml.end();
      expect(xml.failure).toBeNull();
      // The feed's <title> is text (no type): the library read "&amp;" in it as markup and wrote a bare "&".
      expect(((xml.result!.feed as Tree).title as string[])[0]).toBe(`Lakivahti: ${title}`);
      const json = JSON.parse((await get(`${site.base}/feeds/matters/${matter}.json`)).body) as { title: string };
      expect(json.title).toBe(`Lakivahti: ${title}`);
    } finally {
      db.prepare('UPDATE matters SET title = ? WHERE id = ?').run(was, matter);
    }
  });
});
