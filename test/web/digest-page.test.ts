// The secretariat's digest draft page on the real app: built on request, never by a GET; entries removed, restored and
// reordered, an introduction, approval, the preview under its own policy, a test message through a real SMTP server,
// the roles, and failed deliveries shown to administrators in plain words, in Finnish or Swedish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDigestDb } from '../digest/seed.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { addUser, Browser } from '../helpers/web.js';
import { servePages, webDeps } from './support.js';
import { mailConfig } from '../../src/mail/config.js';
import { insertSubscription } from '../../src/store/subscriptions.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, sendDue } from '../../src/mail/deliver.js';
import { smtpTransport } from '../../src/mail/transport.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { listActions, setUserLanguage, type Db } from '../../src/store/index.js';

let db: Db;
let smtp: TestSmtp;
let site: Awaited<ReturnType<typeof servePages>>;
const as: Record<'admin' | 'reviewer' | 'reader', Browser> = {} as never;
const BASE_URL = 'https://lakivahti.example.fi';

beforeAll(async () => {
  smtp = await startSmtp();
  db = seedDigestDb(':memory:');
  const mail = mailConfig({ SMTP_URL: smtp.url, LAKIVAHTI_BASE_URL: BASE_URL, LAKIVAHTI_MAIL_RETRY_SECONDS: '60' });
  site = await servePages(webDeps(db, { mail }), 'admin');
  as.admin = site.browser;
  for (const role of ['reviewer', 'reader'] as const) {
    await addUser(db, `${role}@example.fi`, role);
    as[role] = new Browser(site.base);
    expect((await as[role].signIn(`${role}@example.fi`)).status).toBe(303);
  }
}, 60_000);

afterAll(async () => {
  await site.close();
  await smtp.close();
  db.close();
});

const drafts = () => db.prepare('SELECT COUNT(*) FROM digests').pluck().get() as number;
const page = async (who = as.admin, path = '/digest') => (await who.get(path)).html;
/** POST a form of the draft page as the admin, with the page's token; returns the response. */
const post = async (path: string, form: Record<string, string> = {}, who = as.admin) =>
  (await who.post(path, { _csrf: Browser.token(await page(who, '/subscriptions')), ...form })).res;
const preview = async (lang = 'fi') => (await as.admin.get(`/digest/preview?lang=${lang}`)).html;
/** The titles of the services goal's new items in the preview, in order. */
const order = (html: string) => [...html.slice(html.indexOf('Uudet asiakirjat tavoitteittain')).matchAll(/(HE 12\/2026 vp pelastuslain muuttamisesta|Lausuntopyyntö pelastuslain muuttamisesta)/g)].map((m) => m[1]);

describe('the digest draft page', () => {
  it('without a draft shows what one would hold and makes none on GET; readers may not see it, reviewers may not change it', async () => {
    const html = await page();
    expect(html).toContain('Ei avointa luonnosta');
    expect(html).toMatch(/siinä olisi 1 yhteistä vastausta vaativa asia, 2 muutosta ja 4 uutta asiakirjaa/);
    expect(html).toContain('Hyväksymätön luonnos <strong>odottaa</strong>');
    expect(html).toContain('<iframe class="digest-preview" sandbox src="/digest/preview?lang=fi"');
    // The schedule in words beside the expression, which the secretariat does not read.
    expect(html).toContain('Ajastus (cron, Helsingin aikaa): maanantaisin klo 8.00 (<code>0 8 * * 1</code>)');
    expect(drafts()).toBe(0);
    const reader = await as.reader.get('/digest');
    expect(reader.res.status).toBe(403);
    expect(reader.html).toContain('näkyy vain sihteeristölle');
    expect((await as.reader.get('/digest/preview')).res.status).toBe(403);
    expect((await post('/digest/draft', {}, as.reviewer)).status).toBe(403);
    expect(drafts()).toBe(0);
    expect(await page(as.reviewer)).not.toContain('action="/digest/draft"');
  });

  it('an administrator makes the draft; the preview is the e-mail under its own strict policy, in Finnish or Swedish', async () => {
    expect((await post('/digest/draft')).status).toBe(303);
    expect(drafts()).toBe(1);
    const html = await page();
    expect(html).toContain('Katsaus 1: luonnos');
    expect(html).toContain('<h4>Vaatii yhteistä vastausta</h4>');
    expect(html).toMatch(/id="new-item:\d+"/);
    const res = await fetch(`${site.base}/digest/preview?lang=fi`, { headers: { cookie: as.admin.cookie } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    const fi = await res.text();
    expect(fi).toContain('Kumppanuusverkoston viikkokatsaus');
    expect(fi).toContain(`${BASE_URL}/matters/`);
    expect(fi).not.toContain('ESIKATSELU');
    const sv = await preview('sv');
    expect(sv).toContain('<html lang="sv"');
    // A second GET after the draft exists still makes nothing.
    await page();
    expect(drafts()).toBe(1);
  });

  it('removing, restoring and reordering entries changes the preview; an unknown entry or action is refused', async () => {
    const before = order(await preview());
    expect(before).toHaveLength(2);
    const html = await page();
    const section = 'new';
    const ref = new RegExp(`id="new-(item:\\d+)">\\s*<a href="/items/\\d+">${before[1].replace(/[/.]/g, '\\$&')}</a>`).exec(html)![1];
    expect((await post('/digest/1/entries', { section, ref, do: 'up' })).status).toBe(303);
    expect(order(await preview())).toEqual([before[1], before[0]]);
    expect((await post('/digest/1/entries', { section, ref, do: 'remove' })).status).toBe(303);
    expect(order(await preview())).toEqual([before[0]]);
    const removed = await page();
    expect(removed).toContain('<span class="badge badge-removed">poistettu</span>');
    expect(removed).toContain(`Palauta<span class="visually-hidden">: ${before[1]}</span>`);
    expect((await post('/digest/1/entries', { section, ref, do: 'restore' })).status).toBe(303);
    expect(order(await preview())).toEqual([before[1], before[0]]);
    expect((await post('/digest/1/entries', { section, ref: 'item:99999', do: 'remove' })).status).toBe(404);
    expect((await post('/digest/1/entries', { section, ref, do: 'shred' })).status).toBe(400);
    expect(db.prepare("SELECT COUNT(*) FROM action_log WHERE action LIKE 'digest-%'").pluck().get()).toBe(4);
  });

  it('the introduction goes to the top of the digest; one too long is refused naming the field', async () => {
    expect((await post('/digest/1/intro', { intro: 'Hyvää viikkoa!\r\nTässä katsaus.' })).status).toBe(303);
    expect(await preview()).toMatch(/Hyvää viikkoa![\s\S]*Tässä katsaus\./);
    const long = await as.admin.post('/digest/1/intro', { _csrf: await as.admin.token('/subscriptions'), intro: 'x'.repeat(4001) });
    expect(long.res.status).toBe(400);
    expect(long.html).toContain('Johdannossa voi olla enintään 4000 merkkiä');
  });

  it('"send a test to myself" sends exactly the previewed message to the signed-in address through SMTP', async () => {
    expect((await post('/digest/test', { lang: 'fi' })).status).toBe(303);
    // The next page says so, once (the preview below is a page too).
    expect(await page(as.admin, '/digest')).toContain('Testiviesti (suomeksi) lähetettiin osoitteeseen admin@example.fi');
    expect(await page(as.admin, '/digest')).not.toContain('Testiviesti (suomeksi) lähetettiin');
    await smtp.waitFor(1);
    const got = smtp.received.at(-1)!;
    expect(got.to).toEqual(['admin@example.fi']);
    expect(got.mail.subject).toMatch(/^Testi: Lakivahti: verkoston viikkokatsaus /);
    expect(String(got.mail.html).replace(/\r\n/g, '\n').trim()).toBe((await preview()).replace(/\r\n/g, '\n').trim());
    expect(got.mail.text).toContain('Hyvää viikkoa!');
    // In the language asked for, said in its header too (RFC 3282), as the sent digests are.
    expect(got.raw).toMatch(/\r?\nContent-Language: fi\r?\n/i);
    expect(db.prepare('SELECT COUNT(*) FROM deliveries').pluck().get()).toBe(0);
  });

  it('approving ends editing; the page says by whom and that it goes at the next send', async () => {
    expect((await post('/digest/1/approve', {}, as.reviewer)).status).toBe(403);
    // A digest's number is digits only, by the one rule (parse/id.ts): Number() read these as 1.
    for (const id of ['0x1', '1e0', '01', '1.0', '%201']) expect((await post(`/digest/${id}/approve`)).status, id).toBe(404);
    expect(db.prepare('SELECT status FROM digests WHERE id = 1').pluck().get()).toBe('draft');
    expect((await post('/digest/1/approve')).status).toBe(303);
    const html = await page();
    expect(html).toContain('Katsaus 1: hyväksytty');
    expect(html).toMatch(/Hyväksynyt admin@example\.fi .*; katsaus lähtee seuraavalla lähetyskerralla/);
    expect(html).not.toContain('action="/digest/1/entries"');
    const late = await as.admin.post('/digest/1/entries', { _csrf: await as.admin.token('/subscriptions'), section: 'new', ref: 'item:1', do: 'remove' });
    expect(late.res.status).toBe(409);
    expect(late.html).toContain('on jo hyväksytty');
  });

  it('an administrator takes an approval back until the digest is sent, recorded with who and when; a sent one never changes', async () => {
    expect((await post('/digest/1/unapprove', {}, as.reviewer)).status).toBe(403);
    expect((await page()).toString()).toContain('action="/digest/1/unapprove"');
    expect(await page(as.reviewer)).not.toContain('action="/digest/1/unapprove"');
    expect((await post('/digest/1/unapprove')).status).toBe(303);
    const html = await page();
    expect(html).toContain('Katsauksen 1 hyväksyntä peruttiin');
    expect(html).toContain('Katsaus 1: luonnos');
    expect(html).toMatch(/Edellisen hyväksynnän perui admin@example\.fi \d+\.\d+\.\d{4} klo/);
    expect(html).toContain('action="/digest/1/entries"');
    expect(db.prepare('SELECT status, approved_by, approved_at FROM digests WHERE id = 1').get()).toEqual({ status: 'draft', approved_by: null, approved_at: null });
    const [logged] = listActions(db, 'digest:1').filter((a) => a.action === 'digest-unapprove');
    expect(logged).toMatchObject({ email: 'admin@example.fi', detail: { approvedBy: 'admin@example.fi' } });
    const again = await as.admin.post('/digest/1/unapprove', { _csrf: await as.admin.token('/subscriptions') });
    expect(again.res.status).toBe(409);
    expect(again.html).toContain('Katsausta 1 ei ole hyväksytty.');

    // Approved again and sent: neither its approval nor anything else can change any more.
    expect((await post('/digest/1/approve')).status).toBe(303);
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: smtp.url }));
    prepareDeliveries(env, { frequencies: [], network: 'approved', now: new Date() });
    expect(db.prepare('SELECT status FROM digests WHERE id = 1').pluck().get()).toBe('sent');
    for (const action of ['unapprove', 'approve', 'intro']) {
      const late = await as.admin.post(`/digest/1/${action}`, { _csrf: await as.admin.token('/subscriptions') });
      expect(late.res.status, action).toBe(409);
      expect(late.html).toContain('on jo lähetetty, eikä lähetettyä katsausta voi muuttaa');
    }
  });

  it('shows administrators failed deliveries in plain Finnish: a refused address paused, a busy server retrying', async () => {
    const now = new Date().toISOString();
    for (const email of ['poissa@example.fi', 'kiire@example.fi'])
      insertSubscription(db, { email, kind: 'personal', goals: ['services'], every: 'daily', createdBy: 'test', now });
    smtp.refuseRecipient('poissa@example.fi', 550);
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: smtp.url, LAKIVAHTI_MAIL_RETRY_SECONDS: '60' }));
    prepareDeliveries(env, { frequencies: ['daily'], network: false, now: new Date() });
    smtp.refuseData(451, 1);
    const transport = smtpTransport(smtp.url);
    const results = await sendDue(env, transport);
    transport.close();
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    const html = await page();
    expect(html).toContain('Vastaanottajan postipalvelin ei tunne osoitetta');
    expect(html).toContain('Postipalvelin ei ottanut viestiä vastaan juuri nyt');
    expect(html).toMatch(/kiire@example\.fi[\s\S]*?<td data-label="Yrityksiä">1<\/td>[\s\S]*?uusi yritys \d+\.\d+\.\d{4} klo/);
    expect(html).toMatch(/poissa@example\.fi[\s\S]*?luovuttu/);
    expect(html).toContain('Keskeytetyt tilaukset');
    expect(await page(as.reviewer)).not.toContain('Epäonnistuneet lähetykset');
    const paused = db.prepare("SELECT id FROM subscriptions WHERE email = 'poissa@example.fi'").pluck().get() as number;
    expect((await post(`/subscriptions/${paused}/resume`, { back: '/digest' }, as.reviewer)).status).toBe(403);
    expect((await post(`/subscriptions/${paused}/resume`, { back: '/digest' })).status).toBe(303);
    expect(db.prepare('SELECT paused_at FROM subscriptions WHERE id = ?').pluck().get(paused)).toBeNull();
  });

  it('speaks Swedish to a secretariat member who chose Swedish: the page, the preview, the failures and the refusals', async () => {
    const id = db.prepare("SELECT id FROM users WHERE email = 'admin@example.fi'").pluck().get() as number;
    setUserLanguage(db, id, 'sv');
    try {
      const html = await page();
      expect(html).toContain('<html lang="sv">');
      for (const text of ['<h1>Nätverkets veckosammandrag</h1>', 'Mottagare: ', '<h2 id="preview-h">Förhandsvisning</h2>',
        '<iframe class="digest-preview" sandbox src="/digest/preview?lang=sv" title="Förhandsvisning av sammandraget (på svenska)">',
        '<h2 id="failures-h">Misslyckade utskick</h2>', 'Schema (cron, Helsingforstid): måndagar kl. 8.00 (<code>0 8 * * 1</code>)', 'E-postservern tog inte emot meddelandet just nu', 'Mottagarens e-postserver känner inte till adressen', 'har getts upp'])
        expect(html).toContain(text);
      expect(html).toMatch(/nytt försök efter \d+\.\d+\.\d{4} kl\. \d/);
      expect(html).not.toMatch(/Katsaus|Vastaanottaja|Esikatselu|luovuttu/);
      expect(await preview('sv')).toContain('Partnerskapsnätverkets veckosammandrag');
      const refused = await as.admin.post('/digest/999/intro', { _csrf: Browser.token(html), intro: 'x' });
      expect([refused.res.status, refused.html]).toEqual([404, expect.stringContaining('Det finns inget sammandrag nummer 999.')]);
      // The Finnish reviewer in the same moment still gets Finnish.
      expect(await page(as.reviewer)).toContain('<h1>Verkoston viikkokatsaus</h1>');
    } finally {
      setUserLanguage(db, id, 'fi');
    }
  });
});

describe('the digest draft page without SMTP', () => {
  it('says nothing can be sent and refuses a test', async () => {
    const other = await servePages(webDeps(db, { mail: mailConfig({}) }), 'admin');
    try {
      const html = (await other.browser.get('/digest')).html;
      expect(html).toContain('Sähköpostipalvelinta ei ole määritetty (SMTP_URL), joten mitään ei voi lähettää.');
      expect(html).not.toContain('action="/digest/test"');
      const res = await other.browser.post('/digest/test', { _csrf: Browser.token(html), lang: 'fi' });
      expect(res.res.status).toBe(409);
    } finally {
      await other.close();
    }
  });
});

describe('the digest draft page with malformed mail settings', () => {
  it('says which setting is wrong instead of showing a draft', async () => {
    const saved = process.env.SMTP_URL;
    process.env.SMTP_URL = 'mail.example.fi';
    const other = await servePages(webDeps(db), 'admin');
    try {
      const res = await other.browser.get('/digest');
      expect(res.res.status).toBe(500);
      expect(res.html).toContain('Katsauksen asetuksissa on virhe, joten katsausta ei voi näyttää: SMTP_URL must look like smtp://');
    } finally {
      await other.close();
      if (saved === undefined) delete process.env.SMTP_URL;
      else process.env.SMTP_URL = saved;
    }
  });
});
