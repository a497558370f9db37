// Each person chooses the workbench's language (Finnish or Swedish) on /account: the layout, navigation, sign-in and
// account pages follow it, <html lang> says it, and the sign-in form before anyone is known follows ?lang= or the
// browser's preference.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { Browser, inThisWeek, PASSWORD } from '../helpers/web.js';
import { listActions, setUserLanguage, type Db } from '../../src/store/index.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import { signUnsubscribe, unsubscribeSecret } from '../../src/mail/unsubscribe.js';
import { viewsDir } from '../../src/paths.js';
import { LANGS, word } from '../../src/present/words-web.js';
import { onDay, servePages, webDeps, type Seeded, useSeededSite } from './support.js';
import { addDays } from '../../src/parse/dates.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;
let seeded: Seeded;
const EMAIL = 'reader@example.fi';

useSeededSite('reader', (s) => ({ db, seeded, site } = s));

const htmlLang = (html: string) => /<html lang="([a-z]+)">/.exec(html)?.[1];
const language = () => db.prepare('SELECT language FROM users WHERE email = ?').pluck().get(EMAIL);

describe('the words', () => {
  it('every word a template looks up exists in Finnish and in Swedish', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true }))
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name.endsWith('.hbs')) files.push(path.join(dir, e.name));
    };
    walk(viewsDir);
    const keys = new Set(files.flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(/\{\{(?:t|tHtml) "([\w.]+)"/g)].map((m) => m[1])));
    expect(keys.size).toBeGreaterThan(40);
    for (const key of keys)
      for (const lang of LANGS) expect([key, lang, word(lang, key).length > 0]).toEqual([key, lang, true]);
    expect(() => word('sv', 'no.such.word')).toThrow(/no word "no.such.word"/);
    expect(word('sv', 'sources.failures', { n: 3 })).toBe('3 misslyckade hämtningar i rad');
  });
});

describe('a person\'s language', () => {
  it('is Finnish until the person chooses Swedish on /account; then every page of theirs is Swedish', async () => {
    const b = site.browser;
    const before = await b.get('/account');
    expect(htmlLang(before.html)).toBe('fi');
    expect(before.html).toContain('>Asiakirjat</a>');
    expect(before.html).toContain('<option value="fi" lang="fi" selected>suomi</option>');

    // Another session of the same person follows the setting too.
    const other = new Browser(site.base);
    expect((await other.signIn(EMAIL)).status).toBe(303);

    const saved = await b.post('/account/language', { _csrf: Browser.token(before.html), language: 'sv' });
    expect([saved.res.status, saved.res.headers.get('location')]).toEqual([303, '/account']);
    expect(language()).toBe('sv');
    const after = await b.get('/account');
    expect(htmlLang(after.html)).toBe('sv');
    expect(after.html).toContain('<div class="flash" role="status" id="viesti" tabindex="-1"><p>Språket har ändrats: svenska.</p></div>');
    for (const text of ['<h1>Mitt konto</h1>', 'läsare', '>Dokument</a>', '>Källor</a>', '>Logga ut</button>', 'Hoppa till huvudinnehållet',
      'aria-label="Huvudmeny"', '<label for="pw-current">Nuvarande lösenord</label>', '<option value="sv" lang="sv" selected>svenska</option>'])
      expect(after.html).toContain(text);
    expect(after.html).not.toContain('Kirjaudu ulos');
    expect(htmlLang((await other.get('/sources')).html)).toBe('sv');
    const id = db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(EMAIL);
    expect(listActions(db, `user:${id}`).map((a) => [a.action, a.detail])).toContainEqual(['language', { language: 'sv' }]);

    // Refusals of the password form are Swedish too.
    const wrong = await b.post('/account/password', { _csrf: Browser.token(after.html), current: 'väärä-salasana', password: 'x', again: 'x' });
    expect(wrong.res.status).toBe(400);
    expect(wrong.html).toContain('Det nuvarande lösenordet var fel. Lösenordet byttes inte.');

    // Signing out leads to the Swedish sign-in form.
    const out = await other.post('/logout', { _csrf: await other.token('/account') });
    expect(out.res.headers.get('location')).toBe('/login?lang=sv');
    const form = await other.get('/login?lang=sv');
    expect(htmlLang(form.html)).toBe('sv');
    expect(form.html).toContain('<h1>Logga in</h1>');
    expect(form.html).toContain('<label for="password">Lösenord</label>');

    // Back to Finnish.
    expect((await b.post('/account/language', { _csrf: Browser.token(after.html), language: 'fi' })).res.status).toBe(303);
    expect(htmlLang((await b.get('/')).html)).toBe('fi');
    expect(language()).toBe('fi');
  }, 60_000);

  it('only fi or sv, only by POST with the form token; a wrong value changes nothing and says why in Finnish', async () => {
    const b = site.browser;
    const token = await b.token('/account');
    const bad = await b.post('/account/language', { _csrf: token, language: 'en' });
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('Kieltä &quot;en&quot; ei ole: valitse suomi (fi) tai ruotsi (sv).');
    expect((await b.post('/account/language', { language: 'sv' })).res.status).toBe(403);
    // A GET of a path only POST takes: 405 naming POST (it was 404), and nothing changed.
    const got = await b.get('/account/language?language=sv');
    expect([got.res.status, got.res.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await new Browser(site.base).post('/account/language', { language: 'sv' })).res.status).toBe(403);
    expect(language()).toBe('fi');
  });
});

describe('the sources and matter pages', () => {
  it('are Swedish for a person who chose Swedish, with the matter\'s changes worded in Swedish', async () => {
    const id = db.prepare('SELECT id FROM users WHERE email = ?').pluck().get(EMAIL) as number;
    setUserLanguage(db, id, 'sv');
    try {
      const sources = (await site.browser.get('/sources')).html;
      expect(htmlLang(sources)).toBe('sv');
      for (const text of ['<h1>Källor</h1>', '<caption>Källornas status</caption>', '<th scope="col">Senast hämtad</th>', 'adressen har inte bekräftats av en offentlig källa', '<summary>Teknisk beskrivning</summary>', '<span class="status-failing">fel</span>'])
        expect(sources).toContain(text);
      const matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
      const page = (await site.browser.get(`/matters/${matter}`)).html;
      expect(htmlLang(page)).toBe('sv');
      for (const text of ['<h2 id="stages">Skeden</h2>', '<h2 id="docs">Dokument per källa</h2>', '<h2 id="response">Nätverkets svar</h2>', 'Det här är ditt första besök på sidan', 'Följ den här ärendehelheten'])
        expect(page).toContain(text);
      expect(page).toContain('Nytt dokument i ärendet');
      expect(page).not.toContain('Uusi asiakirja asiassa');
      // The next visit says nothing changed since this one, in Swedish.
      expect((await site.browser.get(`/matters/${matter}`)).html).toMatch(/Inga ändringar sedan ditt förra besök \(\d{1,2}\.\d{1,2}\.\d{4} kl\. \d\d\.\d\d\)\./);
    } finally {
      setUserLanguage(db, id, 'fi');
    }
    expect((await site.browser.get('/sources')).html).toContain('<caption>Lähteiden tila</caption>');
  }, 60_000);
});

describe('the sign-in form', () => {
  it('follows ?lang=, else the browser\'s preference of Finnish and Swedish, and answers in that language', async () => {
    const get = (url: string, accept?: string) => fetch(site.base + url, { headers: accept ? { 'accept-language': accept } : {} }).then((r) => r.text());
    expect(htmlLang(await get('/login'))).toBe('fi');
    expect(htmlLang(await get('/login', 'en-GB,en;q=0.9'))).toBe('fi');
    expect(htmlLang(await get('/login', 'sv-FI,sv;q=0.9,fi;q=0.8'))).toBe('sv');
    expect(htmlLang(await get('/login?lang=fi', 'sv-FI'))).toBe('fi');
    // Any page asked for without a session: the form keeps where to return, also across the language switch.
    const page = await get('/items?goal=rescue&source=stm', 'sv');
    expect(htmlLang(page)).toBe('sv');
    expect(page.replaceAll('&#x3D;', '=')).toContain('href="/login?lang=fi&amp;next=%2Fitems%3Fgoal%3Drescue%26source%3Dstm" lang="fi" hreflang="fi">Suomeksi</a>');
    // A failed sign-in from the Swedish form is told so in Swedish.
    const b = new Browser(site.base);
    const { html } = await b.get('/login?lang=sv');
    const failed = await b.post('/login', { _csrf: Browser.token(html), email: EMAIL, password: 'väärä-salasana-1', next: '/', lang: 'sv' });
    expect(failed.res.status).toBe(401);
    expect(failed.html).toContain('E-postadressen eller lösenordet är fel, eller så har kontot stängts av.');
    expect(htmlLang(failed.html)).toBe('sv');
    expect((await b.signIn(EMAIL, PASSWORD)).status).toBe(303);
  }, 60_000);
});

describe('the overview, items, item and board pages', () => {
  it('are Swedish for a Swedish-speaking reviewer, a Finnish title marked lang="fi", and the actions answer in Swedish', async () => {
    const reviewer = await servePages(webDeps(db), 'reviewer');
    const id = db.prepare('SELECT id FROM users WHERE email = ?').pluck().get('reviewer@example.fi') as number;
    setUserLanguage(db, id, 'sv');
    try {
      const b = reviewer.browser;
      const finnish = `<a href="/items/${seeded.request}" lang="fi">Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta</a>`;
      const swedish = `<a href="/items/${seeded.swedish}">Förvaltningsutskottets betänkande om räddningslagen</a>`;
      // On the seed's day, the page and the week it is read against (one clock: a run that crossed a Sunday midnight
      // read the page in one week and the bucket in the next).
      const { html: overview, bucket } = await onDay(seeded.day, async () => ({
        html: (await b.get('/')).html,
        // The request's deadline, two days away, is this week's until Friday and the next weeks' at the weekend.
        bucket: inThisWeek(addDays(seeded.day, 2)) ? 'Remisstiden går ut den här veckan' : 'Remisstiden går ut inom de följande tre veckorna',
      }));
      expect(htmlLang(overview)).toBe('sv');
      for (const text of ['<h1>Översikt</h1>', 'Väntar på ett gemensamt svar', bucket, 'Publicerat den här veckan per mål', finnish, swedish, '(2 dagar kvar)',
        '>Lokala och regionala tjänster och nationell prestationsförmåga</a>'])
        expect(overview).toContain(text);
      expect(overview).toMatch(/Källor: \d+\/\d+ fungerar/);
      expect(overview).not.toContain('pv jäljellä');

      const items = (await b.get('/items')).html;
      for (const text of ['<h1>Dokument</h1>', '<label for="f-q">Sök med ord</label>', '<option value="statement-request">remiss</option>',
        '<option value="statement-round">remissrunda</option>', '<option value="sv">svenska</option>', finnish, swedish, 'Den här listan i andra program:'])
        expect(items).toContain(text);

      // The feed-key note in Swedish order (it read "så en ny får du och en gammal återkallar du", the Finnish order).
      expect(items).toMatch(/(Du kan skapa en nyckel|så du skapar en ny och återkallar en gammal)\s*<a href="\/account">på sidan Mitt konto<\/a>\./);

      const bad = await b.get('/items?kind=memo');
      expect(bad.res.status).toBe(400);
      expect(bad.html).toContain('Okänt värde för dokumenttyp: &quot;memo&quot;. Möjliga värden: statement-request (remiss)');

      const item = (await b.get(`/items/${seeded.request}`)).html;
      for (const text of ['<h1 lang="fi">Lausuntopyyntö luonnoksesta', '<p class="meta">remiss · ', '· språk: finska</p>', 'Remisstid: <span',
        '<h2 id="why">Varför dokumentet klassificerades så här</h2>', '<h2 id="ids">Beteckningar</h2>', '<legend>Mål som dokument #', '>Spara målen</button>',
        '<label for="goal-' + seeded.request + '-services">Lokala och regionala tjänster och nationell prestationsförmåga</label>'])
        expect(item).toContain(text);
      const sv = (await b.get(`/items/${seeded.swedish}`)).html;
      expect(sv).toContain('<h1>Förvaltningsutskottets betänkande om räddningslagen</h1>');
      expect(sv).toContain('<div class="content">');

      // Merging and splitting matters, in Swedish word order (the labels were the Finnish order word for word:
      // "Sammanför med det här ärendet ärende nummer").
      const matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
      const matterPage = (await b.get(`/matters/${matter}`)).html;
      for (const text of ['<summary>Slå samman ärenden eller bryt ut dokument</summary>', '>Numret på ärendet som ska slås samman med det här</label>',
        '>Slå samman</button>', '>Numret på dokumentet som ska brytas ut till ett eget ärende</label>', '>Bryt ut</button>'])
        expect(matterPage).toContain(text);
      const self = await b.post(`/matters/${matter}/merge`, { _csrf: Browser.token(matterPage), other: String(matter) });
      expect(self.res.status).toBe(400);
      expect(self.html).toContain(`Ärendena kunde inte slås samman: ärende ${matter} kan inte slås samman med sig självt.`);
      const word = await b.post(`/matters/${matter}/split`, { _csrf: Browser.token(matterPage), item: 'x' });
      expect(word.html).toContain('Ange ett nummer i fältet &quot;Dokumentet som ska brytas ut&quot; (nu &quot;x&quot;).');

      const board = (await b.get('/board')).html;
      expect(board).toContain('<span class="goal">Lokala och regionala tjänster och nationell prestationsförmåga</span>');
      for (const text of ['<h1>Tavlan för gemensamma svar</h1>', '<caption>Öppna gemensamma svar, närmaste tidsfrist först</caption>', ' lang="fi">Lausuntopyyntö luonnoksesta'])
        expect(board).toContain(text);

      // What the actions say, done or refused, is Swedish too.
      const token = Browser.token(board);
      const refused = await b.post(`/items/${seeded.request}/board`, { _csrf: token, status: 'submitted' });
      expect(refused.res.status).toBe(400);
      expect(refused.html).toContain('Ett skickat svar behöver en länk till svaret.');
      expect(refused.html).toContain('<h1>Fel</h1>');
      const saved = await b.post(`/items/${seeded.request}/board`, { _csrf: token, status: 'review', back: '/board' });
      expect(saved.res.status).toBe(303);
      const after = (await b.get('/board')).html;
      expect(after).toMatch(/<div class="flash" role="status" id="viesti" tabindex="-1"><p>Uppgifterna om det gemensamma svaret har sparats \((dokument #|ärende )\d+: under behandling\)\.<\/p><\/div>/);
      expect((await b.get('/no-such-page')).html).toContain('<h1>Sidan finns inte</h1>');
    } finally {
      setUserLanguage(db, id, 'fi');
      await reviewer.close();
    }
    // A Finnish person's pages stay Finnish, the Swedish title marked and the Finnish not.
    const fi = (await onDay(seeded.day, () => site.browser.get('/'))).html;
    expect(fi).toContain('<h1>Yleiskuva</h1>');
    expect(fi).toContain(`<a href="/items/${seeded.swedish}" lang="sv">`);
    expect(fi).not.toMatch(/<(a|p|h1)\b[^>]* lang="fi"/);
    expect(fi).toContain('(2 pv jäljellä)');
  }, 90_000);
});

describe('the unsubscribe page', () => {
  it('speaks the subscription\'s language, the address escaped', async () => {
    const now = new Date().toISOString();
    const sv = insertSubscription(db, { email: 'anna<b>@example.fi', kind: 'network', lang: 'sv', createdBy: 'test', now });
    const fi = insertSubscription(db, { email: 'antti@example.fi', kind: 'network', createdBy: 'test', now });
    const secret = unsubscribeSecret(db);
    const page = async (id: number, method = 'GET') => (await fetch(`${site.base}/unsubscribe/${signUnsubscribe(secret, id)}`, { method })).text();
    const ask = await page(sv);
    expect(htmlLang(ask)).toBe('sv');
    expect(ask).toContain('<h1>Ska prenumerationen avslutas?</h1>');
    expect(ask).toContain('<p>Nätverkets veckosammandrag skickas till <strong>anna&lt;b&gt;@example.fi</strong>.</p>');
    expect(await page(sv, 'POST')).toContain('<h1>Prenumerationen har avslutats</h1>');
    const finnish = await page(fi);
    expect(htmlLang(finnish)).toBe('fi');
    expect(finnish).toContain('<p>Osoitteeseen <strong>antti@example.fi</strong> lähetetään verkoston viikkokatsaus.</p>');
  });

  it('says a link it does not recognise is not valid in Finnish and, marked Swedish, in Swedish (whose it was is unknown)', async () => {
    const res = await fetch(`${site.base}/unsubscribe/1.abc`);
    const html = await res.text();
    expect([res.status, htmlLang(html)]).toEqual([404, 'fi']);
    expect(html).toContain('<title>Linkki ei kelpaa – Länken är ogiltig – Lakivahti</title>');
    expect(html).toContain('<h1>Linkki ei kelpaa</h1>');
    expect(html).toMatch(/<div lang="sv">\s*<h2>Länken är ogiltig<\/h2>\s*<p>Den här länken för att avsluta prenumerationen kändes inte igen\./);
  });
});
