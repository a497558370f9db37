// Subscriptions on the real app: anyone adds and ends their own, with the CLI's rules and Finnish errors naming the
// field; administrators manage anyone's; "Follow this matter" subscribes once, immediately; a read-only database refuses.
import { describe, expect, it } from 'vitest';
import { seedDigestDb } from '../digest/seed.js';
import { addUser, Browser } from '../helpers/web.js';
import { servePages, useSite, webDeps, WEB_SOURCES, type Site } from './support.js';
import { mailConfig } from '../../src/mail/config.js';
import { advanceWatermark, getSubscription, listSubscriptions } from '../../src/store/subscriptions.js';
import { listDeliveries } from '../../src/store/deliveries.js';
import { listActions, setUserLanguage } from '../../src/store/index.js';
import { startSmtp } from '../helpers/smtp.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, sendDue } from '../../src/mail/deliver.js';
import { smtpTransport } from '../../src/mail/transport.js';
import { defaultFeedsDir } from '../../src/paths.js';
import type { Db } from '../../src/store/index.js';

let db: Db;
let site: Site;
let reader: Browser;
let admin: Browser;

useSite('admin', async (s) => {
  ({ db, site } = s);
  admin = site.browser;
  await addUser(db, 'lukija@example.fi', 'reader');
  reader = new Browser(site.base);
  expect((await reader.signIn('lukija@example.fi')).status).toBe(303);
}, {
  open: () => seedDigestDb(':memory:'),
  // One source with a Swedish name (as every shipped source's definition gives one): a Swedish page names it so.
  deps: { mail: mailConfig({}), sources: Object.values(WEB_SOURCES).map((d) => (d.id === 'hankeikkuna' ? { ...d, nameSv: 'Projektfönstret' } : d)) },
});

const subscribe = async (who: Browser, form: Record<string, string | string[]>) =>
  who.post('/subscriptions', { _csrf: await who.token('/subscriptions'), ...form });
const active = (email: string) => listSubscriptions(db, { email }).filter((s) => !s.unsubscribedAt);

describe('the subscriptions page', () => {
  it('is Swedish for a person who chose Swedish: the form, the list and the refusals', async () => {
    const id = db.prepare("SELECT id FROM users WHERE email = 'lukija@example.fi'").pluck().get() as number;
    setUserLanguage(db, id, 'sv');
    try {
      const { html } = await reader.get('/subscriptions');
      for (const text of ['<html lang="sv">', '<title>E-postprenumerationer – Lakivahti</title>', 'Du har inga prenumerationer.',
        '<legend>Typ av prenumeration</legend>', '<label for="sub-every">Hur ofta (eget sammandrag)</label>', '>varje vecka</option>',
        '<legend>Mål</legend>', '>Prenumerera</button>'])
        expect(html).toContain(text);
      expect(html).not.toMatch(/Tilaa|Tavoitteet|viikoittain/);
      // The sources by their Swedish names where they have one, the others by their own.
      expect(html).toContain('value="hankeikkuna"> Projektfönstret</label>');
      expect(html).toContain('value="eduskunta"> Eduskunta</label>');
      const before = listSubscriptions(db).length;
      const refused = await subscribe(reader, { kind: 'personal', goals: 'rauha' });
      expect(refused.res.status).toBe(400);
      expect(refused.html).toContain('Prenumerationen sparades inte:');
      expect(refused.html).toContain('Okänt mål &quot;rauha&quot;.');
      expect(listSubscriptions(db)).toHaveLength(before);
    } finally {
      setUserLanguage(db, id, 'fi');
    }
  });

  it('a reader subscribes for themselves: goals, a source, a saved search, daily, in Swedish', async () => {
    const { html } = await reader.get('/subscriptions');
    expect(html).toContain('Sinulla ei ole tilauksia.');
    expect(html).not.toContain('id="sub-email"');
    const made = await subscribe(reader, { kind: 'personal', goals: ['services', 'welfare-reform'], sources: 'eduskunta', search: 'pelastuslaki', every: 'daily', lang: 'sv' });
    expect(made.res.status).toBe(303);
    expect(made.res.headers.get('location')).toMatch(/^\/subscriptions#subscription-\d+$/);
    const [s] = active('lukija@example.fi');
    expect(s).toMatchObject({ kind: 'personal', goals: ['services', 'welfare-reform'], sources: ['eduskunta'], search: 'pelastuslaki', every: 'daily', lang: 'sv', createdBy: 'lukija@example.fi' });
    expect(s.userId).not.toBeNull();
    const listed = (await reader.get('/subscriptions')).html;
    expect(listed).toContain(`id="subscription-${s.id}"`);
    expect(listed).toMatch(/Lähteet: Eduskunta[\s\S]*Haku: ”pelastuslaki”[\s\S]*päivittäin[\s\S]*ruotsiksi/);
  });

  it.each([
    [{ kind: 'personal' }, 'Valitse, mitä seuraat'],
    [{ kind: 'personal', goals: 'rauha' }, 'Tuntematon tavoite &quot;rauha&quot;.'],
    [{ kind: 'personal', sources: 'yle' }, 'Tuntematon lähde &quot;yle&quot;.'],
    [{ kind: 'personal', matters: '999' }, 'Asiaa numero 999 ei ole.'],
    [{ kind: 'personal', matters: 'HE 12' }, 'Asia annetaan numerona (nyt &quot;HE&quot;).'],
    [{ kind: 'personal', search: '!!!' }, 'Haussa &quot;!!!&quot; ei ole haettavia sanoja'],
    [{ kind: 'personal', goals: 'services', every: 'hourly' }, 'Tuntematon lähetystiheys &quot;hourly&quot;.'],
    [{ kind: 'network', goals: 'services' }, 'Verkoston viikkokatsaus on koko verkoston katsaus'],
  ])('refuses %j with a Finnish error and keeps what was typed', async (form, message) => {
    const before = listSubscriptions(db).length;
    const res = await subscribe(reader, form);
    expect(res.res.status).toBe(400);
    expect(res.html).toContain('Tilausta ei tallennettu:');
    expect(res.html).toContain(message);
    if ('search' in form) expect(res.html).toContain(`value="${form.search}"`);
    expect(listSubscriptions(db)).toHaveLength(before);
  });

  it('the network digest once per address; a reader cannot subscribe someone else or end their subscription', async () => {
    expect((await subscribe(reader, { kind: 'network', lang: 'fi' })).res.status).toBe(303);
    const again = await subscribe(reader, { kind: 'network', lang: 'fi' });
    expect(again.res.status).toBe(400);
    expect(again.html).toContain('lukija@example.fi saa jo verkoston viikkokatsauksen.');
    expect((await subscribe(reader, { kind: 'network', email: 'muu@example.fi' })).res.status).toBe(403);
    expect(active('muu@example.fi')).toHaveLength(0);
    expect((await subscribe(admin, { kind: 'personal', email: 'osasto@example.fi', goals: 'internal-security' })).res.status).toBe(303);
    const dept = active('osasto@example.fi')[0];
    expect(dept.userId).toBeNull();
    const refused = await reader.post(`/subscriptions/${dept.id}/remove`, { _csrf: await reader.token('/subscriptions') });
    expect(refused.res.status).toBe(404);
    expect(active('osasto@example.fi')).toHaveLength(1);
  });

  it('an administrator sees and ends anyone\'s; a person ends their own', async () => {
    const page = (await admin.get('/subscriptions')).html;
    expect(page).toContain('Muiden tilaukset');
    expect(page).toContain('osasto@example.fi');
    expect(page).toContain('lukija@example.fi');
    const dept = active('osasto@example.fi')[0];
    // A subscription's number is digits only, by the one rule (parse/id.ts): Number() read 0x…, …e0, 0…, ….0 and ' …' as it.
    for (const id of [`0x${dept.id.toString(16)}`, `${dept.id}e0`, `0${dept.id}`, `${dept.id}.0`, `%20${dept.id}`])
      expect((await admin.post(`/subscriptions/${id}/remove`, { _csrf: Browser.token(page) })).res.status, id).toBe(404);
    expect(active('osasto@example.fi')).toHaveLength(1);
    expect((await admin.post(`/subscriptions/${dept.id}/remove`, { _csrf: Browser.token(page) })).res.status).toBe(303);
    expect(active('osasto@example.fi')).toHaveLength(0);
    const mine = active('lukija@example.fi');
    for (const s of mine) expect((await reader.post(`/subscriptions/${s.id}/remove`, { _csrf: await reader.token('/subscriptions') })).res.status).toBe(303);
    expect(active('lukija@example.fi')).toHaveLength(0);
    expect((await reader.get('/subscriptions')).html).not.toContain('Muiden tilaukset');
  });

  it('"Seuraa tätä asiaa" on a matter subscribes the person to it immediately, once', async () => {
    const matter = db.prepare('SELECT id FROM matters ORDER BY id LIMIT 1').pluck().get() as number;
    const before = (await reader.get(`/matters/${matter}`)).html;
    expect(before).toContain(`action="/matters/${matter}/follow"`);
    for (const id of [`0x${matter.toString(16)}`, `${matter}e0`, `0${matter}`, `${matter}.0`, `%20${matter}`])
      expect((await reader.post(`/matters/${id}/follow`, { _csrf: Browser.token(before) })).res.status, id).toBe(404);
    expect(active('lukija@example.fi')).toHaveLength(0);
    for (let n = 0; n < 2; n++) {
      const res = await reader.post(`/matters/${matter}/follow`, { _csrf: Browser.token(before) });
      expect(res.res.status).toBe(303);
      expect(res.res.headers.get('location')).toBe(`/matters/${matter}#follow`);
    }
    const subs = active('lukija@example.fi');
    expect(subs).toHaveLength(1);
    expect(subs[0]).toMatchObject({ kind: 'personal', matters: [matter], every: 'immediately', goals: [], search: null });
    const after = (await reader.get(`/matters/${matter}`)).html;
    expect(after).toContain('Seuraat tätä asiaa');
    expect(after).not.toContain(`action="/matters/${matter}/follow"`);
    expect((await reader.post('/matters/9999/follow', { _csrf: Browser.token(after) })).res.status).toBe(404);

    // The next immediate send brings the follower the matter's deadline move, and only once.
    const smtp = await startSmtp();
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: smtp.url }));
    const transport = smtpTransport(smtp.url);
    try {
      for (let n = 0; n < 2; n++) {
        prepareDeliveries(env, { frequencies: ['immediately'], network: false, now: new Date() });
        await sendDue(env, transport);
      }
      expect(smtp.received.map((r) => r.to)).toEqual([['lukija@example.fi']]);
      expect(smtp.received[0].mail.text).toMatch(/Lausuntojen määräaika muuttui: \d+\.\d+\.\d{4} → \d+\.\d+\.\d{4}/);
    } finally {
      transport.close();
      await smtp.close();
    }
  });
});

describe('editing a subscription', () => {
  const mark = { itemId: 3, eventId: 2, at: '2026-11-30T06:00:00.000Z' };
  const edit = async (who: Browser, id: number, form: Record<string, string | string[]>) =>
    who.post(`/subscriptions/${id}`, { _csrf: await who.token(`/subscriptions/${id}/edit`), ...form });

  it('follows several organisations: ticked from those the items name, and one typed', async () => {
    const { html } = await reader.get('/subscriptions');
    expect(html).toContain('<legend>Organisaatiot</legend>');
    expect(html).toContain('name="organisations" value="Eduskunta"');
    expect(html).toContain('name="organisations" value="Sisäministeriö"');
    const made = await subscribe(reader, { kind: 'personal', organisations: ['Eduskunta', 'Sisäministeriö'], organisation: ' Oikeusministeriö ', every: 'weekly' });
    expect(made.res.status).toBe(303);
    const s = active('lukija@example.fi').find((x) => x.organisations.length)!;
    expect(s.organisations).toEqual(['Eduskunta', 'Sisäministeriö', 'Oikeusministeriö']);
    const listed = (await reader.get('/subscriptions')).html;
    expect(listed).toContain('Organisaatiot: Eduskunta, Sisäministeriö, Oikeusministeriö');
    // No stored item names the typed one: the page says so, as `subscriptions add` does (a typo would follow nothing).
    expect(listed).toMatch(/class="flash" role="status" id="viesti" tabindex="-1"><p>Yksikään tallennettu asiakirja ei vielä mainitse organisaatiota &quot;Oikeusministeriö&quot;\./);
    expect(listed).not.toMatch(/organisaatiota[^<]*Eduskunta/);
  });

  it('says nothing of the organisations when each is named by a stored item, in any letter case', async () => {
    const made = await subscribe(reader, { kind: 'personal', organisation: 'eduskunta', every: 'weekly' });
    expect(made.res.status).toBe(303);
    expect((await reader.get('/subscriptions')).html).not.toContain('ei vielä mainitse organisaatiota');
    const s = active('lukija@example.fi').find((x) => x.organisations.join() === 'eduskunta')!;
    expect((await reader.post(`/subscriptions/${s.id}/remove`, { _csrf: await reader.token('/subscriptions') })).res.status).toBe(303);
  });

  it('a person edits their own in place: the same number and watermark, the form filled in, the change logged', async () => {
    const s = active('lukija@example.fi').find((x) => x.organisations.length)!;
    advanceWatermark(db, s.id, mark);
    const form = (await reader.get(`/subscriptions/${s.id}/edit`)).html;
    expect(form).toContain(`Tilauksen ${s.id} muokkaus`);
    expect(form).toContain(`action="/subscriptions/${s.id}"`);
    expect(form).toContain(`href="/subscriptions/${s.id}/edit#add"`);
    // An organisation no item names stays listed (ticked) while it is followed.
    expect(form).toContain('name="organisations" value="Oikeusministeriö" checked');
    expect(form).toContain('name="organisations" value="Eduskunta" checked');
    expect(form).not.toContain('name="kind"');
    const saved = await edit(reader, s.id, { goals: 'services', organisations: 'Eduskunta', matters: '1', every: 'daily', lang: 'sv' });
    expect(saved.res.status).toBe(303);
    expect(saved.res.headers.get('location')).toBe(`/subscriptions#subscription-${s.id}`);
    expect((await reader.get('/subscriptions')).html).toContain(`Tilaus ${s.id} tallennettu.`);
    const after = getSubscription(db, s.id)!;
    expect(after).toMatchObject({ id: s.id, goals: ['services'], organisations: ['Eduskunta'], matters: [1], sources: [], search: null,
      every: 'daily', lang: 'sv', email: 'lukija@example.fi', userId: s.userId, covered: mark, createdAt: s.createdAt });
    expect(active('lukija@example.fi').filter((x) => x.organisations.length)).toHaveLength(1);
    const [logged] = listActions(db, `subscription:${s.id}`).filter((a) => a.action === 'edit-subscription');
    expect(logged).toMatchObject({ email: 'lukija@example.fi' });
    expect(JSON.stringify(logged)).toContain('Oikeusministeriö');
  });

  it('refuses what add refuses, showing the edit form again; another person\'s, an ended one and another address are refused', async () => {
    const s = active('lukija@example.fi').find((x) => x.organisations.length)!;
    const bad = await edit(reader, s.id, { every: 'daily' });
    expect(bad.res.status).toBe(400);
    expect(bad.html).toContain('Valitse, mitä seuraat');
    expect(bad.html).toContain(`action="/subscriptions/${s.id}"`);
    expect(getSubscription(db, s.id)!.organisations).toEqual(['Eduskunta']);
    expect((await edit(reader, s.id, { goals: 'services', email: 'muu@example.fi' })).res.status).toBe(403);

    expect((await subscribe(admin, { kind: 'personal', email: 'laitos@example.fi', goals: 'services' })).res.status).toBe(303);
    const other = active('laitos@example.fi')[0];
    expect((await reader.get(`/subscriptions/${other.id}/edit`)).res.status).toBe(404);
    const token = await reader.token('/subscriptions');
    expect((await reader.post(`/subscriptions/${other.id}`, { _csrf: token, goals: 'welfare-reform' })).res.status).toBe(404);
    expect(getSubscription(db, other.id)!.goals).toEqual(['services']);

    await reader.post(`/subscriptions/${s.id}/remove`, { _csrf: token });
    expect((await reader.get(`/subscriptions/${s.id}/edit`)).res.status).toBe(409);
    expect((await reader.post(`/subscriptions/${s.id}`, { _csrf: token, goals: 'services' })).res.status).toBe(409);
  });

  it('an administrator edits anyone\'s; a new address takes the messages recorded but not yet sent', async () => {
    const dept = active('laitos@example.fi')[0];
    expect((await admin.get(`/subscriptions/${dept.id}/edit`)).html).toContain('value="laitos@example.fi"');
    const env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: 'smtp://127.0.0.1:9' }));
    const recorded = prepareDeliveries(env, { frequencies: ['weekly'], network: false, now: new Date() });
    expect(recorded.recorded.map((r) => r.email)).toContain('laitos@example.fi');
    const covered = getSubscription(db, dept.id)!.covered;
    expect(covered).not.toBeNull();

    const saved = await edit(admin, dept.id, { email: 'pelastus@example.fi', goals: ['services', 'internal-security'], every: 'weekly', lang: 'fi' });
    expect(saved.res.status).toBe(303);
    expect(getSubscription(db, dept.id)).toMatchObject({ email: 'pelastus@example.fi', goals: ['services', 'internal-security'], covered });
    expect(listDeliveries(db, { subscriptionId: dept.id })).toMatchObject([{ email: 'pelastus@example.fi', status: 'pending' }]);

    const smtp = await startSmtp();
    const transport = smtpTransport(smtp.url);
    try {
      await sendDue({ ...env, config: { ...env.config, smtpUrl: smtp.url } }, transport);
      expect(smtp.received.map((r) => r.to)).toEqual([['pelastus@example.fi']]);
    } finally {
      transport.close();
      await smtp.close();
    }
  });

  it('a network subscription changes only its language and address: nothing to follow, and one per address', async () => {
    expect((await subscribe(admin, { kind: 'network', email: 'verkko1@example.fi', lang: 'fi' })).res.status).toBe(303);
    expect((await subscribe(admin, { kind: 'network', email: 'verkko2@example.fi', lang: 'fi' })).res.status).toBe(303);
    const [one] = active('verkko1@example.fi');
    const form = (await admin.get(`/subscriptions/${one.id}/edit`)).html;
    expect(form).toContain('Tilauksen laji: verkoston viikkokatsaus');
    expect(form).not.toContain('name="goals"');
    const followed = await edit(admin, one.id, { email: 'verkko1@example.fi', goals: 'services', lang: 'sv' });
    expect(followed.res.status).toBe(400);
    expect(followed.html).toContain('Verkoston viikkokatsaus on koko verkoston katsaus');
    const taken = await edit(admin, one.id, { email: 'verkko2@example.fi', lang: 'sv' });
    expect(taken.res.status).toBe(400);
    expect(taken.html).toContain('verkko2@example.fi saa jo verkoston viikkokatsauksen.');
    expect((await edit(admin, one.id, { email: 'verkko1@example.fi', lang: 'sv' })).res.status).toBe(303);
    expect(getSubscription(db, one.id)).toMatchObject({ kind: 'network', lang: 'sv', email: 'verkko1@example.fi', every: 'weekly' });
  });
});

describe('subscriptions on a read-only database', () => {
  it('are listed but not changed', async () => {
    const ro = await servePages(webDeps(db, { readOnly: true, mail: mailConfig({}) }), 'admin');
    try {
      const { html } = await ro.browser.get('/subscriptions');
      const res = await ro.browser.post('/subscriptions', { _csrf: Browser.token(html), kind: 'personal', goals: 'services' });
      expect(res.res.status).toBe(503);
      expect(res.html).toContain('Tietokantaan ei voi nyt kirjoittaa');
    } finally {
      await ro.close();
    }
  });
});
