// One item (/items/:id): text, original link only when http(s), identifiers, why it was tagged, recipients and
// answers, versions and changes, its matter, reviews; hostile items inert; action forms only for reviewers.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/parse/dates.js';
import { arriveTagged, daysAgo, get, inDays, onDay, servePages, today, webDeps, type Seeded, useSeededSite } from './support.js';
import { deadlineView } from '../../src/web/routes/present.js';
import type { Db } from '../../src/store/index.js';
import { fiDate } from '../../src/web/helpers.js';

let db: Db;
let seeded: Seeded;
let site: Awaited<ReturnType<typeof servePages>>;
let future: number;
const year = new Date().getFullYear();

useSeededSite('reviewer', (s) => ({ db, seeded, site } = s), {
  prepare: (db, seeded) => {
    // The statement request changes upstream: its deadline moves and a department answers.
    arriveTagged(db, 'lausuntopalvelu', {
      guid: 'req-1', url: 'https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=1',
      title: 'Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta',
      summary: 'Sisäministeriö pyytää lausuntoa pelastuslain muutoksista. Pelastuslaitosten rahoitus ja valvonta muuttuvat.',
      content: '<p>Pelastuslain muutos koskee <strong>pelastuslaitoksia</strong>.</p>',
      published: daysAgo(6), deadline: addDays(seeded.day, 9), organisation: 'Sisäministeriö', identifiers: [`VN/31234/${year}`],
      consultation: { distribution: ['Helsingin kaupungin pelastuslaitos', 'Keski-Uudenmaan pelastuslaitos', 'Suomen Kuntaliitto'], answered: ['Suomen Kuntaliitto', 'Helsingin kaupungin pelastuslaitos'] },
    });    // A feed's clock wrong: dated 2062, listed by when it was first seen, the source's date kept (migration 025).
    future = arriveTagged(db, 'stm', { guid: 'future-1', title: 'Tiedote pelastustoimen rahoituksesta', url: 'https://stm.fi/future-1', published: '2062-01-03T08:00:00.000Z' });
  },
});

const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

describe('item page', () => {
  it('shows the text, the original link, identifiers and the deadline with days left', async () => {
    const { status, body } = await onDay(seeded.day, () => get(`${site.base}/items/${seeded.request}`));
    expect(status).toBe(200);
    expect(body).toContain('<h1>Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta</h1>');
    expect(body).toContain('<p class="meta">lausuntopyyntö · Lausuntopalvelu.fi · Sisäministeriö');
    expect(body).toContain(`Lausunnon määräaika: <span class="deadline">${fiDate(addDays(seeded.day, 9))} (9 pv jäljellä)</span>`);
    expect(body).toContain('<a href="https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId&#x3D;1" rel="noopener noreferrer nofollow">Alkuperäinen sivu</a>');
    expect(section(body, 'text')).toContain('<div class="content"><p>Pelastuslain muutos koskee <strong>pelastuslaitoksia</strong>.</p></div>');
    expect(section(body, 'ids')).toContain(`<strong>VN/31234/${year}</strong> <span class="muted">diaarinumero, oma tunnus</span>`);
  });

  it('says when the source gave a date later than first seen, and which (the item is dated by first seen)', async () => {
    const { body } = await get(`${site.base}/items/${future}`);
    expect(body).toContain(`julkaistu ${fiDate(new Date().toISOString())} (ensimmäisen kerran haettu; lähteen ilmoittama päivä: 3.1.2062) ·`);
    const own = await get(`${site.base}/items/${seeded.request}`);
    expect(own.body).not.toContain('lähteen ilmoittama päivä');
  });

  it('says a candidate whose deadline has passed since it was tagged was one, not that it is one', async () => {
    // Tagged twenty days ago, while its round was open; the deadline passed three days ago.
    const { body } = await onDay(seeded.day, () => get(`${site.base}/items/${seeded.overdue}`));
    expect(body).toMatch(/class="deadline-past">[\d.]+ \(päättyi 3 pv sitten\)/);
    const why = section(body, 'why');
    expect(why).toContain('Asiakirja oli yhteisen vastauksen ehdokas ennen määräajan päättymistä: lausuntopyyntö');
    expect(why).not.toContain('Asiakirja on yhteisen vastauksen ehdokas');
    const open = await get(`${site.base}/items/${seeded.request}`);
    expect(section(open.body, 'why')).toContain('Asiakirja on yhteisen vastauksen ehdokas: lausuntopyyntö');
  });

  it('says why it was tagged: matched words marked, rules with their points, scores per goal', async () => {
    const { body } = await get(`${site.base}/items/${seeded.request}`);
    const why = section(body, 'why');
    expect(why).toContain('Luokittelija piti asiakirjaa verkostolle merkityksellisenä; päätavoite: <strong>Paikalliset ja alueelliset palvelut ja kansallinen suorituskyky</strong>');
    // The reason in words (the tag stage stores it in English): kind, main goal, who it was sent to.
    expect(why).toMatch(/Asiakirja on yhteisen vastauksen ehdokas: lausuntopyyntö, päätavoite Paikalliset ja alueelliset palvelut ja kansallinen suorituskyky \(pisteet \d+(?:,\d+)?\); jakelussa olevat pelastuslaitokset: Helsingin kaupungin pelastuslaitos, Keski-Uudenmaan pelastuslaitos[;.]/);
    expect(why).not.toMatch(/ on services|\(score|sent to/);
    // A kind's weighting multiplies the scores; it blocks nothing.
    expect(why).toContain('<td data-label="Termi">lausuntopyyntö ×1,15</td><td data-label="Kohta"></td><td data-label="Osuma"></td><td data-label="Vaikutus">kertoo tavoitteiden pisteet</td>');
    expect(why).toMatch(/Otsikon osumat:<\/span> <span>[^<]*<mark>pelastuslain<\/mark>/i);
    expect(why).toContain('<caption>Pisteet tavoitteittain</caption>');
    // Numbers with a decimal comma, as Finnish writes them: the scores, each rule's points, the weightings.
    expect(why).toMatch(/data-label="Pisteet">\d+,\d+<\/td>/);
    expect(why).toMatch(/data-label="Vaikutus">[^<]* \+\d+,\d+/);
    expect(why).not.toMatch(/data-label="(?:Pisteet|Vaikutus|Termi)">[^<]*\d\.\d/);
    expect(why).toMatch(/<th scope="row" data-label="Tavoite">Paikalliset ja alueelliset palvelut ja kansallinen suorituskyky<\/th><td data-label="Pisteet">\d/);
    expect(why).toMatch(/<th scope="row" data-label="Sääntö">termi<\/th><td data-label="Termi">[^<]+<\/td><td data-label="Kohta">otsikko<\/td><td data-label="Osuma">pelastuslain<\/td><td data-label="Vaikutus">Paikalliset ja alueelliset palvelut ja kansallinen suorituskyky \+\d/i);
    expect(why).toMatch(/Taksonomian versio [\w.]+, luokiteltu \d/);
  });

  it("names a scope that cut the item's score by its label, not its id", async () => {
    const id = arriveTagged(db, 'stm', {
      guid: 'fire-1', url: 'https://stm.fi/-/tulipalo', title: 'Pelastuslaitos sammutti tulipalon omakotitalossa',
      summary: 'Pelastuslaitos sai ilmoituksen tulipalosta aamulla. Kukaan ei loukkaantunut.', published: daysAgo(1),
    });
    const why = section((await get(`${site.base}/items/${id}`)).body, 'why');
    expect(why).toMatch(/data-label="Sääntö">rajaussääntö<\/th><td data-label="Termi">Onnettomuusuutinen ilman säädöstä[^<]* ×0,\d+<\/td>/);
    expect(why).not.toContain('incident ×');
  });

  it('lists who the request was sent to and who has answered', async () => {
    const { body } = await get(`${site.base}/items/${seeded.request}`);
    const c = section(body, 'consultation');
    expect(c).toContain('Lausuntopyyntö lähetettiin 3 taholle; lausunnon on antanut 2.');
    expect(c).toMatch(/<h3>Vastanneet<\/h3><ul><li>Suomen Kuntaliitto<\/li><li>Helsingin kaupungin pelastuslaitos<\/li><\/ul>/);
  });

  it('shows its changes in words and its earlier version', async () => {
    const { body } = await get(`${site.base}/items/${seeded.request}`);
    const h = section(body, 'history');
    expect(h).toContain(`Määräaika muuttui: ${fiDate(addDays(seeded.day, 2))} → ${fiDate(addDays(seeded.day, 9))}`);
    expect(h).toContain('Uusia lausunnonantajia: Helsingin kaupungin pelastuslaitos');
    expect(h).toMatch(/<caption>Aiemmat versiot<\/caption>[\s\S]*data-label="Versio">1<\/th>[\s\S]*data-label="Määräaika">[\d.]+<\/td>/);
    expect(h).toContain('versio 2');
  });

  it("shows its matter's stage and the matter's other items", async () => {
    const { body } = await get(`${site.base}/items/${seeded.request}`);
    const m = section(body, 'matter');
    expect(m).toMatch(/<a href="\/matters\/\d+">HE \d+\/\d+ vp Hallituksen esitys[^<]*<\/a> · vaihe: <strong>valiokuntakäsittely<\/strong>/);
    expect(m).toContain(`<a href="/items/${seeded.bill}">`);
    expect(m).toContain(`<a href="/items/${seeded.project}">`);
    expect(m).not.toContain(`<a href="/items/${seeded.request}">`);
    // The other items' column "Asian vaihe" holds the matter's stage, as on the list page, not "asiakokonaisuus N".
    expect([...m.matchAll(/<td><a href="\/matters\/\d+">([^<]*)<\/a><\/tr>/g)].map((c) => c[1])).toEqual(['valiokuntakäsittely', 'valiokuntakäsittely']);
  });

  it('shows reviews with who and when, and the Swedish title as Swedish', async () => {
    const { body } = await get(`${site.base}/items/${seeded.swedish}`);
    expect(body).toContain('<h1 lang="sv">Förvaltningsutskottets betänkande om räddningslagen</h1>');
    // Its summary is its text's first paragraph: the text alone is shown, as Swedish.
    expect(body).toContain('<div class="content" lang="sv">');
    expect(body).not.toContain('<p class="summary"');
    // Why it was tagged names its kind in words too.
    expect(section(body, 'why')).toContain('<td data-label="Termi">valiokunnan mietintö tai lausunto ×1,1</td>');
    // The facts are in the person's language (Swedish-speaking people choose Swedish on /account).
    expect(body).toContain(`<p class="meta">valiokunnan mietintö tai lausunto · Riksdagen · julkaistu ${fiDate(daysAgo(3))} · kieli: ruotsi</p>`);
    expect(section(body, 'reviews')).toMatch(/<strong>maria@example\.fi<\/strong>, \d+\.\d+\.\d{4} klo [\d.]+: koskee verkostoa – tavoitteet Paikalliset[^<]*<br><span class="note">Koskee pelastustointa\.<\/span>/);
  });

  it.each([[-3, 'gick ut för 3 dagar sedan'], [-1, 'gick ut i går'], [0, 'går ut i dag'], [1, 'i morgon'], [12, '12 dagar kvar']])(
    'a deadline %i days away reads in Swedish as "%s"', (days, words) => expect(deadlineView(inDays(days), today(), 'sv')?.left).toBe(words));

  it('renders a hostile item inert: no script, no event handler, no javascript: link', async () => {
    const { status, body } = await get(`${site.base}/items/${seeded.hostile}`);
    expect(status).toBe(200);
    // Only the workbench's own files (the reviewer's form checks), never a script from the item.
    expect([...body.matchAll(/<script[^>]*>/gi)].map((m) => m[0])).toEqual(['<script src="/static/forms.js" defer>']);
    expect(body).not.toMatch(/<[^>]+\son[a-z]+=/i);
    expect(body).not.toMatch(/href="\s*javascript:/i);
    expect(body).not.toContain('Alkuperäinen sivu');
    expect(body).toContain('Pelastustoimen rahoitus onerror&#61;&quot;alert(2)&quot;');
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,x', 'vbscript:x'])('a stored %s link is shown as text, never as a link', async (url) => {
    db.prepare('UPDATE items SET url = ? WHERE id = ?').run(url, seeded.hostile);
    const { body } = await get(`${site.base}/items/${seeded.hostile}`);
    expect(body).not.toContain('Alkuperäinen sivu</a>');
    expect(body).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    expect(body).toContain('Alkuperäisen sivun osoite ei ole http(s)-osoite');
  });

  it('shows the review form with its CSRF token to reviewers and admins only; an anonymous visitor signs in first', async () => {
    const form = new RegExp(`<form method="post" action="/items/${seeded.request}/review" class="actions review-form" data-need-goal="[^"]+">\\s*<input type="hidden" name="_csrf" value="[\\w-]{20,}">`);
    const mine = (await get(`${site.base}/items/${seeded.request}`)).body;
    expect(mine).toMatch(form);
    expect(mine).toContain(`name="back" value="/items/${seeded.request}#viesti"`);
    expect(mine).toMatch(/name="goals" value="services" checked/);
    const admin = await servePages(webDeps(db), 'admin');
    const reader = await servePages(webDeps(db), 'reader');
    const nobody = await servePages(webDeps(db));
    try {
      expect((await get(`${admin.base}/items/${seeded.request}`)).body).toMatch(form);
      const read = (await get(`${reader.base}/items/${seeded.request}`));
      expect(read.status).toBe(200);
      expect(read.body).toContain('Miksi asiakirja luokiteltiin näin');
      expect(read.body).not.toContain('/review"');
      expect(read.body).not.toContain('review-form');
      const anon = await get(`${nobody.base}/items/${seeded.request}`);
      expect(anon.status).toBe(401);
      expect(anon.body).toContain('name="password"');
      expect(anon.body).not.toContain('Miksi asiakirja luokiteltiin näin');
    } finally {
      await admin.close();
      await reader.close();
      await nobody.close();
    }
  });

  it.each(['999999', 'abc', '1e3', '-1', '99999999999999999999'])('/items/%s is a Finnish 404', async (id) => {
    const { status, body } = await get(`${site.base}/items/${id}`);
    expect(status).toBe(404);
    expect(body).toContain('<h1>Ei löydy</h1>');
  });
});
