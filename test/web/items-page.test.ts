// The items list (/items): paging newest first, every filter, a search with marks, and bad filters in Finnish.
import { describe, expect, it, vi } from 'vitest';
import { addDays } from '../../src/parse/dates.js';
import { dayStarts, get, inDays, onDay, servePages, type Seeded, useSeededSite } from './support.js';
import type { Db } from '../../src/store/index.js';

let db: Db;
let seeded: Seeded;
let site: Awaited<ReturnType<typeof servePages>>;

useSeededSite('reader', (s) => ({ db, seeded, site } = s));

/** The item ids a list page shows, in order. */
const ids = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));
const link = (html: string, rel: string) => {
  const m = new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(html);
  return m ? m[1].replace(/&amp;/g, '&').replace(/&#x3D;/g, '=') : null;
};
const page = async (qs: string) => get(`${site.base}/items${qs}`);
/** Every stored item id newest first, as the list orders them. */
const all = () => db.prepare('SELECT id FROM items ORDER BY sort_key DESC, id DESC').pluck().all() as number[];

describe('items list', () => {
  it('pages through every item newest first, 50 at a time, forward and back', async () => {
    const first = await page('');
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual(all().slice(0, 50));
    expect(link(first.body, 'prev')).toBeNull();
    const next = link(first.body, 'next')!;
    const second = await get(site.base + next);
    expect(ids(second.body)).toEqual(all().slice(50));
    expect(link(second.body, 'next')).toBeNull();
    expect(second.body).toContain('<a href="/items">Uusimmat</a>');
    const back = await get(site.base + link(second.body, 'prev')!);
    expect(ids(back.body)).toEqual(all().slice(0, 50));
    expect(link(back.body, 'prev')).toBeNull();
  });

  it('keeps the filter when paging', async () => {
    const first = await page('?source=stm');
    expect(link(first.body, 'next')).toMatch(/^\/items\?source=stm&before=/);
    const second = await get(site.base + link(first.body, 'next')!);
    expect([...ids(first.body), ...ids(second.body)]).toHaveLength(61);
  });

  it('shows each row with source, date, goals, deadline and matter stage', async () => {
    const { body } = await onDay(seeded.day, () => page('?source=lausuntopalvelu'));
    const row = body.slice(body.indexOf(`href="/items/${seeded.request}"`));
    // The cells in the columns' order: source, published, goals, deadline, matter stage.
    // No </td> (HTML closes a cell at the next one): the markup as the browser reads it is checked in test/browser.
    expect(row).toMatch(new RegExp(['^[^]*?<td>Lausuntopalvelu\\.fi<span class="muted"> · Sisäministeriö</span>', '<td>[\\d.]+',
      '<td><span class="goal">Paikalliset ja alueelliset palvelut[^<]*</span>', '<td><span class="deadline-soon">[\\d.]+ <span class="days">\\(2 pv jäljellä\\)</span></span>',
      '<td><a href="/matters/\\d+">valiokuntakäsittely</a></tr>'].join('')));
    expect(body).toMatch(/class="deadline-past">[\d.]+ <span class="days">\(päättyi 3 pv sitten\)/);
  });

  it('words the days left anew when the day changes, though nothing was written (rows are kept per day)', async () => {
    const left = (body: string) => new RegExp(`href="/items/${seeded.request}"[^]*?<span class="days">\\(([^)]*)\\)`).exec(body)![1];
    // The day after the seed's, from its first instant: stepping a minute at a time past midnight reached 24 hours after
    // a test that began in the first minute of a day, past the session's 24-hour life (made before it), and every later
    // test of the file was signed out.
    const next = dayStarts(addDays(seeded.day, 1));
    await onDay(seeded.day, async () => {
      expect(left((await page('?source=lausuntopalvelu')).body)).toBe('2 pv jäljellä');
      // An hour forward at a time, a page each step so that the session stays alive (8 hours idle ends it), then to the
      // day's end: under 24 hours since signing in, which was on the seed's day or later.
      for (let at = Date.now() + 3600_000; at < next; at += 3600_000) {
        vi.setSystemTime(at);
        await page('?source=lausuntopalvelu');
      }
      vi.setSystemTime(next);
      expect(left((await page('?source=lausuntopalvelu')).body)).toBe('huomenna');
    });
  });

  it.each([
    ['goal=welfare-reform', (s: Seeded) => s.releases.slice(0, 3), (s: Seeded) => [s.request]],
    ['source=eduskunta', (s: Seeded) => [s.bill], (s: Seeded) => [s.request, s.swedish]],
    ['org=Sisäministeriö', (s: Seeded) => [s.request, s.overdue], (s: Seeded) => [s.bill, s.releases[0]]],
    ['kind=bill', (s: Seeded) => [s.bill], (s: Seeded) => [s.request]],
    ['kind=committee-report', (s: Seeded) => [s.swedish], (s: Seeded) => [s.bill]],
    ['stage=committee', (s: Seeded) => [s.request, s.bill, s.project], (s: Seeded) => [s.swedish, s.overdue]],
    ['lang=sv', (s: Seeded) => [s.swedish], (s: Seeded) => [s.request]],
    ['lang=fi', (s: Seeded) => [s.request], (s: Seeded) => [s.swedish]],
    ['reviewed=kylla', (s: Seeded) => [s.swedish], (s: Seeded) => [s.request]],
    ['reviewed=ei', (s: Seeded) => [s.request, s.bill], (s: Seeded) => [s.swedish]],
    ['deadline=kylla', (s: Seeded) => [s.request, s.overdue], (s: Seeded) => [s.bill, s.swedish]],
    ['deadline=ei', (s: Seeded) => [s.bill, s.swedish], (s: Seeded) => [s.request]],
    [`from=${inDays(-4)}`, (s: Seeded) => [s.bill, s.swedish, s.hostile], (s: Seeded) => [s.request, s.project]],
    [`from=${inDays(-50)}&to=${inDays(-20)}`, (s: Seeded) => [s.project, s.overdue, s.releases[20]], (s: Seeded) => [s.request, s.releases[59]]],
    ['q=pelastuslaki', (s: Seeded) => [s.request, s.bill, s.project], (s: Seeded) => [s.releases[0], s.swedish]],
    ['q=räddningslag', (s: Seeded) => [s.swedish], (s: Seeded) => [s.request]],
    ['q=pelastuslaki&source=eduskunta', (s: Seeded) => [s.bill], (s: Seeded) => [s.request]],
  ])('?%s', async (qs, shown, hidden) => {
    const { status, body } = await page(`?${encodeURI(qs)}`);
    expect(status).toBe(200);
    const got = ids(body);
    for (const id of shown(seeded)) expect(got).toContain(id);
    for (const id of hidden(seeded)) expect(got).not.toContain(id);
  });

  it('shows the chosen filters in the form, each control labelled', async () => {
    const { body } = await page('?goal=services&lang=sv&reviewed=kylla');
    expect(body).toMatch(/<option value="services" selected>Paikalliset/);
    expect(body).toMatch(/<option value="sv" selected>ruotsi/);
    expect(body).toMatch(/<option value="kylla" selected>tarkistetut/);
    for (const id of [...body.matchAll(/<(?:select|input) id="([^"]+)"/g)].map((m) => m[1])) expect(body).toContain(`<label for="${id}">`);
    expect(body).toContain('<caption>Asiakirjat uusimmasta alkaen</caption>');
    expect(body).not.toMatch(/<th>/);
  });

  it('marks the matched words of a search, in the title and the summary, inflected forms included', async () => {
    const { body } = await page('?q=pelastuslaki');
    expect(body).toContain('<caption>Hakutulokset sanoilla &quot;pelastuslaki&quot;, uusimmasta alkaen</caption>');
    expect(body).toContain('Lausuntopyyntö luonnoksesta hallituksen esitykseksi <mark>pelastuslain</mark> muuttamisesta');
    expect(body).toContain('<mark>Pelastuslain</mark> uudistus');
    expect(body).toMatch(/<p class="snippet">Hankkeessa uudistetaan <mark>pelastuslaki<\/mark>/);
  });

  it("marks only each search's own words when searches follow each other (words are remembered per search)", async () => {
    const marks = (body: string) => [...body.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1].toLowerCase());
    const first = marks((await page('?q=pelastuslaki')).body);
    expect(first).toContain('pelastuslain');
    const other = marks((await page('?q=rahoitus')).body);
    expect(other.length).toBeGreaterThan(0);
    expect(other.every((w) => w.startsWith('rahoitu'))).toBe(true);
    expect(marks((await page('?q=pelastuslaki')).body)).toEqual(first);
  });

  it('marks Swedish titles as Swedish', async () => {
    const { body } = await page('?lang=sv');
    expect(body).toContain(`<a href="/items/${seeded.swedish}" lang="sv">Förvaltningsutskottets betänkande om räddningslagen</a>`);
  });

  it('escapes what was stored and what was searched for before marking', async () => {
    const { body } = await page(`?q=${encodeURIComponent('rahoitus <script>alert(1)</script>')}`);
    expect(body).not.toContain('<script>');
    expect(body).toContain('value="rahoitus &lt;script&gt;alert(1)&lt;/script&gt;"');
    const hostile = await page('?q=rahoitus');
    expect(hostile.body).toContain(`<a href="/items/${seeded.hostile}">`);
    expect(hostile.body).toMatch(/Pelastustoimen <mark>rahoitus<\/mark> onerror&#61;&quot;alert\(2\)&quot;/);
    expect(hostile.body).not.toMatch(/<[^>]+\sonerror=/i);
  });

  it.each([
    ['goal=palvelut', 'Tuntematon tavoite &quot;palvelut&quot;'],
    ['source=yle', 'Tuntematon lähde &quot;yle&quot;'],
    ['kind=muistio', 'Tuntematon asiakirjatyyppi &quot;muistio&quot;'],
    ['org=Kela', 'Organisaatiolta &quot;Kela&quot; ei ole tallennettu yhtään asiakirjaa'],
    ['from=eilen', 'Päivämäärä &quot;eilen&quot; (alkaen) ei kelpaa'],
    ['before=huono', 'Sivun osoite ei kelpaa'],
    ['before=2026-13-01T00%3A00%3A00.000Z_5', 'Sivun osoite ei kelpaa'],
    ['q=a%00b', 'Haussa on ohjausmerkki (U+0000, 2. merkki)'],
    ['source=%1B%5B2J', 'Suodattimen &quot;source&quot; arvossa on ohjausmerkki (U+001B, 1. merkki)'],
    ['goal=services&goal=welfare-reform', 'Suodatin &quot;goal&quot; on annettu useammin kuin kerran'],
  ])('?%s is a Finnish 400 with the form, not a 500', async (qs, message) => {
    const { status, body } = await page(`?${qs}`);
    expect(status).toBe(400);
    expect(body).toContain('<h2>Suodattimissa on virhe</h2>');
    expect(body).toContain(message);
    expect(body).toContain('<form method="get" action="/items"');
    expect(ids(body)).toEqual([]);
    // Not echoed into the form or its links (a NUL in the search box's value).
    expect(body).not.toMatch(/[\u0000\u001b]/);
  });

  it('links the same filter as feeds, a calendar and CSV', async () => {
    const { body } = await page('?goal=services');
    expect(body).toContain('href="/feeds/items.atom?goal&#x3D;services"');
    expect(body).toContain('href="/feeds/items.json?goal&#x3D;services"');
    expect(body).toContain('href="/feeds/deadlines.ics?goal&#x3D;services"');
    expect(body).toContain('href="/items.csv?goal&#x3D;services"');
  });
});

describe('the filter form', () => {
  it('marks only what this page chose, and offers an organisation stored a moment before', async () => {
    const chosen = (await page('?goal=services&org=Sis%C3%A4ministeri%C3%B6')).body;
    expect(chosen).toMatch(/<option value="services" selected>/);
    // An organisation is its own option's value (HTML takes the label when there is no value attribute).
    expect(chosen).toContain('<option selected>Sisäministeriö</option>');
    const plain = (await page('')).body;
    expect(plain).not.toContain(' selected>');
    expect(plain).not.toContain('Testivirasto');
    const before = db.prepare('SELECT organisation FROM items WHERE id = ?').pluck().get(seeded.bill);
    db.prepare("UPDATE items SET organisation = 'Testivirasto' WHERE id = ?").run(seeded.bill);
    try {
      expect((await page('?org=Testivirasto')).body).toContain('<option selected>Testivirasto</option>');
      // A name HTML would read otherwise as a value (its spaces collapsed) keeps its value attribute.
      db.prepare("UPDATE items SET organisation = 'Testi  virasto' WHERE id = ?").run(seeded.bill);
      expect((await page('?org=Testi%20%20virasto')).body).toContain('<option value="Testi  virasto" selected>Testi  virasto</option>');
    } finally {
      db.prepare('UPDATE items SET organisation = ? WHERE id = ?').run(before, seeded.bill);
    }
    expect((await page('')).body).not.toContain('Testivirasto');
  });

  it('offers each organisation once, and finds it in any letter case and where a source names it with another', async () => {
    const set = db.prepare('UPDATE items SET organisation = ? WHERE id = ?');
    const org = db.prepare('SELECT organisation FROM items WHERE id = ?').pluck();
    const before = [seeded.bill, seeded.releases[0]].map((id) => [id, org.get(id)] as const);
    set.run('Pelastusopisto, sisäministeriö', seeded.bill);
    set.run('sisäministeriö', seeded.releases[0]);
    try {
      const chosen = await page('?org=sis%C3%A4ministeri%C3%B6');
      expect(chosen.status).toBe(200);
      expect(ids(chosen.body).sort()).toEqual([seeded.request, seeded.overdue, seeded.bill, seeded.releases[0]].sort());
      // One option for the ministry, in its capitalised form, chosen; the school as an option of its own.
      const options = [...chosen.body.matchAll(/<option(?: selected)?>([^<]*)<\/option>/g)].map((m) => m[0]);
      expect(options.filter((o) => /isäministeriö|Pelastusopisto/.test(o))).toEqual(['<option>Pelastusopisto</option>', '<option selected>Sisäministeriö</option>']);
      expect(ids((await page('?org=Pelastusopisto')).body)).toEqual([seeded.bill]);
      // An address written before (the stored string whole) still finds its items.
      expect(ids((await page('?org=Pelastusopisto%2C%20sis%C3%A4ministeri%C3%B6')).body)).toEqual([seeded.bill]);
    } finally {
      for (const [id, was] of before) set.run(was, id);
    }
  });
});
