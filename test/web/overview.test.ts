// The overview (/): joint-response deadlines by when, arrivals per goal, matters that moved, the sources' health
// in one line, and never an all-clear when the sources could not be read.
import { describe, expect, it } from 'vitest';
import { fiDate } from '../../src/web/helpers.js';
import { failRun, get, onDay, openDb, servePages, WEB_SOURCES, webDeps, type Seeded, useSeededSite } from './support.js';
import { syncSources, type Db } from '../../src/store/index.js';
import { addDays, helsinkiDate } from '../../src/parse/dates.js';
import { dayStartInstant, weekMondays } from '../../src/web/routes/week-chart.js';

let db: Db;
let seeded: Seeded;
let site: Awaited<ReturnType<typeof servePages>>;

useSeededSite('reader', (s) => ({ db, seeded, site } = s), { deps: { configErrors: [{ file: 'feeds/sources/x.yaml', message: 'field "url" is required' }] } });

const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

describe('overview', () => {
  it('puts joint-response candidates under overdue and this week, with days left and their matter stage', async () => {
    const { status, body } = await onDay(seeded.day, () => get(`${site.base}/`));
    expect(status).toBe(200);
    const joint = section(body, 'joint');
    expect(joint).toMatch(/Määräaika on jo umpeutunut[\s\S]*Lausuntopyyntö pelastustoimen valvontaa koskevasta asetuksesta[\s\S]*class="deadline-past">[^<]*<span class="days">\(päättyi 3 pv sitten\)/);
    const soon = new RegExp(`Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta[\\s\\S]*${fiDate(addDays(seeded.day, 2)).replace(/\./g, '\\.')} <span class="days">\\(2 pv jäljellä\\)`);
    expect(joint).toMatch(soon);
    // The request's matter has reached committee through the bill.
    expect(joint).toMatch(/<a href="\/matters\/\d+">valiokuntakäsittely<\/a>/);
    // Releases and reports are no joint-response candidates.
    expect(joint).not.toContain('Tiedote 1:');
    expect(joint).not.toContain('Ei avoimia');
  });

  it('counts this week per goal against the earlier weeks, with the numbers in words beside the chart', async () => {
    const { body } = await get(`${site.base}/`);
    const arrivals = section(body, 'arrivals');
    expect(arrivals).toContain('<caption>Asiakirjat, jotka on julkaistu viikolla');
    expect(arrivals).toMatch(/<th scope="row" data-label="Tavoite"><a href="\/items\?from&#x3D;\d{4}-\d{2}-\d{2}&amp;to&#x3D;\d{4}-\d{2}-\d{2}&amp;goal&#x3D;services">Paikalliset ja alueelliset palvelut/);
    expect(arrivals).toMatch(/<svg class="chart" aria-hidden="true"/);
    expect(arrivals).toMatch(/Kahdeksan viikkoa vanhimmasta uusimpaan: \d+, \d+, \d+, \d+, \d+, \d+, \d+, \d+/);
    // Every item published in the eight weeks is counted once in the total row.
    const total = /Kaikki saapuneet[\s\S]*?Kahdeksan viikkoa vanhimmasta uusimpaan: ([\d, \u00a0]+)/.exec(arrivals)![1].split(', ').map((n) => Number(n.replace(/\u00a0/g, '')));
    // From Monday 00.00 Helsinki time seven weeks back, as the page counts. Now minus 56 days was a Sunday evening UTC
    // after that Monday had begun in Helsinki every Sunday from 21.00 or 22.00 UTC: an item dated that Monday was counted
    // by the page and not here (failed in CI on Sunday 6 December at 21.5x UTC).
    const firstMonday = weekMondays(helsinkiDate(new Date()), 8)[0];
    const inWeeks = db.prepare('SELECT count(*) FROM items WHERE sort_key >= ?').pluck().get(dayStartInstant(firstMonday)) as number;
    expect(total.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(inWeeks - 8);
    expect(total.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(inWeeks);
  });

  it('lists matters that reached a stage in the last two weeks', async () => {
    const { body } = await get(`${site.base}/`);
    expect(section(body, 'moved')).toMatch(/<a href="\/matters\/\d+">HE \d+\/\d+ vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta<\/a>: <strong>valiokuntakäsittely<\/strong>/);
  });

  it('says in one line which sources fail, shows broken definitions, and escapes stored text', async () => {
    const { body } = await get(`${site.base}/`);
    expect(body).toContain('Lähteet: 5/6 kunnossa; haku epäonnistuu: Rikkinäinen lähde; 1 virheellinen lähdemäärittely.');
    expect(body).toContain('<code>feeds/sources/x.yaml</code>: field &quot;url&quot; is required');
    expect(body).not.toContain('<script>');
    expect(body).not.toMatch(/<[^>]+\sonerror=/i);
    expect(section(body, 'newest')).toContain(`<a href="/items/${seeded.hostile}">`);
  });

  it('with every source failing says it cannot know, never that nothing is open', async () => {
    const empty = openDb(':memory:');
    syncSources(empty, Object.values(WEB_SOURCES));
    for (const s of Object.keys(WEB_SOURCES) as (keyof typeof WEB_SOURCES)[]) failRun(empty, s, 'fetch: could not find the host x (DNS lookup failed)');
    const offline = await servePages(webDeps(empty), 'reader');
    try {
      const { body } = await get(`${offline.base}/`);
      expect(body).toContain('Lähteet: 0/6 kunnossa; haut epäonnistuvat:');
      expect(body).toContain('Lähteitä ei ole saatu haettua, joten avoimista lausuntopyynnöistä ei ole tietoa.');
      expect(body).not.toContain('Ei avoimia');
      // Nor that no matter moved, nor that the sources are still to be read: they were, and failed.
      expect(section(body, 'moved')).toContain('<p class="warning">Lähteitä ei ole saatu haettua, joten asiakokonaisuuksien etenemisestä ei ole tietoa.</p>');
      expect(body).not.toContain('Yksikään asiakokonaisuus ei ole siirtynyt');
      expect(section(body, 'newest')).toContain('<p class="warning">Ei tallennettuja asiakirjoja: yhtään lähdettä ei ole saatu haettua. Virheet näkyvät lähteiden tilassa.</p>');
      expect(body).not.toContain('Lähteet haetaan käynnistyksen jälkeen');
    } finally {
      await offline.close();
      empty.close();
    }
  });

  it('is the front page of the whole app, with its security headers; an anonymous visitor gets the sign-in form', async () => {
    const res = await fetch(`${site.base}/`, { headers: { cookie: site.browser.cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<h1>Yleiskuva</h1>');
    const anon = await fetch(`${site.base}/`);
    const form = await anon.text();
    expect(anon.status).toBe(401);
    expect(form).toContain('name="email"');
    expect(form).not.toContain('<h1>Yleiskuva</h1>');
    const missing = await get(`${site.base}/ei-ole`);
    expect([missing.status, missing.body.includes('Sivua ei löydy')]).toEqual([404, true]);
  });
});
