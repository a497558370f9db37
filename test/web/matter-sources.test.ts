// The matter page (/matters/:id) and the sources page (/sources).
import { describe, expect, it } from 'vitest';
import { fiDateTime } from '../../src/web/helpers.js';
import { arriveTagged, get, onDay, servePages, webDeps, type Seeded, useSeededSite } from './support.js';
import { lastMatterVisit, type Db } from '../../src/store/index.js';
import { addUser, Browser } from '../helpers/web.js';

let db: Db;
let seeded: Seeded;
let site: Awaited<ReturnType<typeof servePages>>;
let matter: number;

useSeededSite('admin', (s) => {
  ({ db, seeded, site } = s);
  matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
});

const section = (html: string, id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</section>', html.indexOf(`id="${id}"`)));

describe('matter page', () => {
  it('shows every stage in order, reached ones dated and linked to the item that showed them', async () => {
    const { status, body } = await get(`${site.base}/matters/${matter}`);
    expect(status).toBe(200);
    const stages = section(body, 'stages');
    const labels = [...stages.matchAll(/<li class="[^"]*"><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(labels).toEqual(['valmistelu', 'lausuntokierros', 'hallituksen esitys', 'valiokuntakäsittely', 'eduskunnan vastaus', 'säädös julkaistu', 'voimassa']);
    expect(stages).toMatch(new RegExp(`<li class="reached"><strong>lausuntokierros</strong> – <time datetime="[^"]+">[\\d.]+</time> \\(<a href="/items/${seeded.request}">asiakirja</a>\\)`));
    expect(stages).toContain('<li class="reached current"><strong>valiokuntakäsittely</strong>');
    expect(stages).toContain('<li class="pending"><strong>eduskunnan vastaus</strong> – ei vielä</li>');
  });

  it('lists its items by source, the statement deadline, who answered, and why they are joined', async () => {
    const { body } = await onDay(seeded.day, () => get(`${site.base}/matters/${matter}`));
    expect(body).toMatch(/<h1>HE \d+\/\d+ vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta<\/h1>/);
    expect(body).toMatch(/Lausunnon määräaika: <span class="deadline-soon">[\d.]+ \(2 pv jäljellä\)/);
    const docs = section(body, 'docs');
    expect([...docs.matchAll(/<caption>([^<]+)<\/caption>/g)].map((m) => m[1]).sort()).toEqual(['Eduskunta', 'Hankeikkuna', 'Lausuntopalvelu.fi']);
    expect(docs).toMatch(/yhdistetty tunnuksella VN\/31234\/\d{4}/);
    // Each row's column "Asian vaihe" holds the matter's stage, as on the list page, not "asiakokonaisuus N".
    expect(new Set([...docs.matchAll(/<td><a href="\/matters\/\d+">([^<]*)<\/a><\/tr>/g)].map((c) => c[1]))).toEqual(new Set(['valiokuntakäsittely']));
    expect(section(body, 'answered')).toContain('<li>Suomen Kuntaliitto</li>');
    expect(body).toContain(`<a href="/feeds/matters/${matter}.atom">Atom-syöte</a>`);
  });

  it('lists the changes recorded on the matter, newest first, in Finnish, each with the item that showed it', async () => {
    const before = (await get(`${site.base}/matters/${matter}`)).body;
    expect(before).not.toContain('15.3.2026 → 29.3.2026');
    const add = db.prepare('INSERT INTO matter_events (matter_id, type, old_value, new_value, at, item_id) VALUES (?, ?, ?, ?, ?, ?)');
    add.run(matter, 'deadline', '2026-03-15', '2026-03-29', '2026-03-02T08:00:00.000Z', seeded.request);
    add.run(matter, 'stage', 'statement-round', 'committee', '2026-03-05T08:00:00.000Z', null);
    try {
      const list = section((await get(`${site.base}/matters/${matter}`)).body, 'changes');
      const lines = [...list.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
      // The seeded runs recorded changes of their own (older, lower ids); these two are the newest.
      expect(lines[0]).toMatch(/^<time datetime="2026-03-05T08:00:00.000Z">5\.3\.2026 klo 10\.00<\/time> Vaihe eteni: lausuntokierros → valiokuntakäsittely$/);
      expect(lines[1]).toBe(`<time datetime="2026-03-02T08:00:00.000Z">2.3.2026 klo 10.00</time> Lausuntojen määräaika muuttui: 15.3.2026 → 29.3.2026 (<a href="/items/${seeded.request}">asiakirja</a>)`);
    } finally {
      db.prepare("DELETE FROM matter_events WHERE matter_id = ? AND at LIKE '2026-03-0%'").run(matter);
    }
  });

  it("marks what changed since the person's previous visit, then notes this visit", async () => {
    const email = await addUser(db, 'kavija@example.fi', 'reader');
    const visitor = new Browser(site.base);
    expect((await visitor.signIn(email)).status).toBe(303);
    const userId = db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(email) as number;
    const first = section((await visitor.get(`/matters/${matter}`)).html, 'changes');
    expect(first).toContain('Tämä on ensimmäinen käyntisi tällä sivulla');
    expect(first).not.toContain('is-new');
    const visited = lastMatterVisit(db, userId, matter)!;
    expect(Date.now() - Date.parse(visited)).toBeLessThan(60_000);
    const at = new Date(Date.parse(visited) + 1).toISOString();
    db.prepare('INSERT INTO matter_events (matter_id, type, old_value, new_value, at, item_id) VALUES (?, ?, ?, ?, ?, ?)')
      .run(matter, 'deadline', '2026-03-15', '2026-03-29', at, seeded.request);
    try {
      const second = section((await visitor.get(`/matters/${matter}`)).html, 'changes');
      expect(second).toMatch(/<strong>1 muutos<\/strong> edellisen käyntisi \([\d.]+ klo [\d.]+\) jälkeen/);
      const fresh = [...second.matchAll(/<li class="is-new">(.*?)<\/li>/g)].map((m) => m[1]);
      expect(fresh).toEqual([`<span class="badge badge-new">uusi</span> <time datetime="${at}">${fiDateTime(at)}</time> Lausuntojen määräaika muuttui: 15.3.2026 → 29.3.2026 (<a href="/items/${seeded.request}">asiakirja</a>)`]);
      // The older changes are listed unmarked.
      expect(second).toMatch(/<li><time/);
      const third = section((await visitor.get(`/matters/${matter}`)).html, 'changes');
      expect(third).toContain('Ei muutoksia edellisen käyntisi');
      expect(third).not.toContain('is-new');
    } finally {
      db.prepare('DELETE FROM matter_events WHERE matter_id = ? AND at = ?').run(matter, at);
    }
  });

  it('notes no visit on a HEAD request (a link checker or a preview), so what changed stays marked for the person', async () => {
    const email = await addUser(db, 'esikatselu@example.fi', 'reader');
    const visitor = new Browser(site.base);
    expect((await visitor.signIn(email)).status).toBe(303);
    const userId = db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(email) as number;
    const head = await fetch(`${site.base}/matters/${matter}`, { method: 'HEAD', headers: { cookie: visitor.cookie }, redirect: 'manual' });
    expect(head.status).toBe(200);
    expect(lastMatterVisit(db, userId, matter)).toBeUndefined();
    await visitor.get(`/matters/${matter}`);
    expect(lastMatterVisit(db, userId, matter)).toBeDefined();
  });

  it("keeps a named slot for the network's response and shows the matter actions to admins", async () => {
    const { body } = await get(`${site.base}/matters/${matter}`);
    const response = section(body, 'response');
    expect(response).toContain('Verkoston vastaus');
    // A candidate nobody has taken up yet is on the board as one: the page says so, not where a status would be.
    expect(response).toContain('<p>Yhteisvastausehdokas: asia on yhteisen vastauksen taululla, mutta sitä ei ole vielä otettu käsittelyyn eikä sille ole nimetty vastuuhenkilöä.</p>');
    expect(response).toMatch(new RegExp(`<form method="post" action="/matters/${matter}/board" class="actions board-form">\\s*<input type="hidden" name="_csrf" value="[\\w-]{20,}">`));
    expect(response).toContain(`action="/matters/${matter}/merge"`);
    expect(response).toContain(`action="/matters/${matter}/split"`);
    const reader = await servePages(webDeps(db), 'reader');
    try {
      const seen = (await get(`${reader.base}/matters/${matter}`)).body;
      expect(section(seen, 'response')).toContain('Verkoston vastaus');
      // A reader may follow the matter by e-mail, and nothing else.
      expect(seen).not.toMatch(new RegExp(`action="/matters/${matter}/(board|merge|split)"`));
      expect(seen).toContain(`action="/matters/${matter}/follow"`);
      expect(seen).not.toContain('board-form');
    } finally {
      await reader.close();
    }
  });

  it('says a matter that is no candidate and that nobody put on the board is not on the board (it said the board showed its status)', async () => {
    const year = new Date().getFullYear();
    const bill = arriveTagged(db, 'eduskunta', {
      guid: `he-977-${year}`, url: `https://www.eduskunta.fi/valtiopaivaasiat/HE+977/${year}`, title: `HE 977/${year} vp Hallituksen esitys laiksi luotsauslain muuttamisesta`,
      summary: 'Esityksessä ehdotetaan muutettavaksi luotsauslakia.', published: new Date().toISOString(), identifiers: [`HE 977/${year} vp`],
    });
    const other = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(bill) as number;
    expect(other).not.toBe(matter);
    const response = section((await get(`${site.base}/matters/${other}`)).body, 'response');
    expect(response).toContain('<p class="muted">Asia ei ole yhteisen vastauksen taululla.</p>');
    expect(response).not.toContain('näkyvät yhteisen vastauksen taululla');
  });

  it('shows the matter\'s board entry in words once it is put on the board, and prefills the form with it', async () => {
    const page = (await get(`${site.base}/matters/${matter}`)).body;
    const posted = await site.browser.post(`/matters/${matter}/board`, {
      _csrf: Browser.token(page), back: `/matters/${matter}`, owner: 'Maria Juristi', internal_deadline: '2031-01-15', status: 'drafting', response_url: '',
    });
    expect([posted.res.status, posted.res.headers.get('location')]).toEqual([303, `/matters/${matter}`]);
    const body = (await get(`${site.base}/matters/${matter}`)).body;
    expect(section(body, 'response')).toContain('<p>Yhteisen vastauksen taululla: vastausta valmistellaan, vastuuhenkilö Maria Juristi, sisäinen määräaika 15.1.2031.</p>');
    expect(body).toMatch(/name="owner" value="Maria Juristi"/);
    expect(body).toMatch(/name="internal_deadline" type="date" value="2031-01-15"/);
  });

  it('dates a bill\'s stages by the days Eduskunta gives them, the committee kept once the bill is answered', async () => {
    // Answered in November: the item is dated by its reply, the proposal by the day it was given, the committee by its referral.
    const bill = arriveTagged(db, 'eduskunta', {
      guid: 'he-978-2026', url: 'https://www.eduskunta.fi/valtiopaivaasiat/HE+978/2026', title: 'HE 978/2026 vp Hallituksen esitys laiksi pelastuslain 42 §:n muuttamisesta',
      summary: 'Esityksessä ehdotetaan muutettavaksi pelastuslakia.', published: '2026-11-17T10:00:00.000Z', stage: 'Käsittely päättynyt',
      identifiers: ['HE 978/2026 vp'], stageDays: { 'government-proposal': '2026-09-24', committee: '2026-10-01', 'parliament-reply': '2026-11-17' },
    });
    const other = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(bill) as number;
    const stages = section((await get(`${site.base}/matters/${other}`)).body, 'stages');
    expect(stages).toMatch(/<li class="reached"><strong>hallituksen esitys<\/strong> – <time datetime="[^"]+">24\.9\.2026<\/time>/);
    expect(stages).toMatch(/<li class="reached"><strong>valiokuntakäsittely<\/strong> – <time datetime="[^"]+">1\.10\.2026<\/time>/);
    expect(stages).toMatch(/<li class="reached current"><strong>eduskunnan vastaus<\/strong> – <time datetime="[^"]+">17\.11\.2026<\/time>/);
  });

  it.each(['999999', 'x'])('/matters/%s is a Finnish 404', async (id) => {
    const { status, body } = await get(`${site.base}/matters/${id}`);
    expect([status, body.includes('Asiakokonaisuutta numero')]).toEqual([404, true]);
  });

  it('a stage before the current one that no item showed is passed, not "not yet"', async () => {
    // A statement request whose ministry project no source listed.
    const alone = arriveTagged(db, 'lausuntopalvelu', { guid: 'req-alone', url: 'https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=9',
      title: 'Lausuntopyyntö pelastustoimen asetuksesta', published: new Date().toISOString(), identifiers: ['VN/999/2026'] });
    const round = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(alone) as number;
    const stages = section((await get(`${site.base}/matters/${round}`)).body, 'stages');
    expect(stages).toContain('<li class="passed"><strong>valmistelu</strong> – ohitettu; ei asiakirjaa tästä vaiheesta</li>');
    expect(stages).toContain('<li class="reached current"><strong>lausuntokierros</strong>');
    expect(stages).toContain('<li class="pending"><strong>hallituksen esitys</strong> – ei vielä</li>');
  });
});

describe('sources page', () => {
  it("shows each source's state, the failing one's error in plain Finnish, items, next check and verification", async () => {
    const { status, body } = await get(`${site.base}/sources`);
    expect(status).toBe(200);
    expect(body).toContain('<p class="health health-bad">5/6 kunnossa; haku epäonnistuu: Rikkinäinen lähde.</p>');
    expect(body).toContain('<caption>Lähteiden tila</caption>');
    const broken = body.slice(body.indexOf('<tr class="source-failing">'));
    expect(broken).toMatch(/^<tr class="source-failing">\s*<th scope="row" data-label="Lähde"><a href="https:\/\/broken\.example\.fi\/"[^>]*>Rikkinäinen lähde<\/a>\s*<div class="muted">osoitetta ei ole vahvistettu julkisesta lähteestä<\/div>/);
    expect(broken).toContain('<span class="status-failing">virhe</span><div class="error">Palvelimen nimeä ei löytynyt: verkkoyhteys puuttuu tai osoite on väärä.</div>');
    expect(broken).toContain('<code lang="en">fetch: could not find the host broken.example.fi (DNS lookup failed)</code>');
    const stm = body.slice(body.indexOf('Sosiaali- ja terveysministeriö</a>'));
    expect(stm).toMatch(/<span class="status-ok">kunnossa<\/span>/);
    expect(stm).toMatch(/data-label="Seuraava haku">\d+\.\d+\.\d{4} klo/);
    expect(stm).toContain('<a href="/items?source&#x3D;stm">61</a>');
    expect(body.match(/osoitetta ei ole vahvistettu/g)).toHaveLength(1);
  });

  it('counts items per source as they are stored and removed', () => {
    const count = () => db.prepare("SELECT items FROM source_item_counts WHERE source_id = 'stm'").pluck().get();
    expect(count()).toBe(61);
    db.prepare('DELETE FROM items WHERE id = ?').run(seeded.releases[59]);
    expect(count()).toBe(60);
  });
});
