// Subscriptions on the real app: anyone adds and ends their own, with the CLI's rules and Finnish errors naming the
// field; administrators manage anyone's; "Follow this matter" subscribes once, immediately; a read-only database refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDigestDb } from '../digest/seed.js';
import { addUser, Browser } from '../helpers/web.js';
import { servePages, webDeps } from './support.js';
import { mailConfig } from '../../src/mail/config.js';
import { listSubscriptions } from '../../src/store/subscriptions.js';
import { startSmtp } from '../helpers/smtp.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, sendDue } from '../../src/mail/deliver.js';
import { smtpTransport } from '../../src/mail/transport.js';
import { defaultFeedsDir } from '../../src/paths.js';
import type { Db } from '../../src/store/index.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;
let reader: Browser;
let admin: Browser;

beforeAll(async () => {
  db = seedDigestDb(':memory:');
  site = await servePages(webDeps(db, { mail: mailConfig({}) }), 'admin');
  admin = site.browser;
  await addUser(db, 'lukija@example.fi', 'reader');
  reader = new Browser(site.base);
  expect((await reader.signIn('lukija@example.fi')).status).toBe(303);
}, 60_000);

afterAll(async () => {
  await site.close();
  db.close();
});

const subscribe = async (who: Browser, form: Record<string, string | string[]>) =>
  who.post('/subscriptions', { _csrf: await who.token('/subscriptions'), ...form });
const active = (email: string) => listSubscriptions(db, { email }).filter((s) => !s.unsubscribedAt);

describe('the subscriptions page', () => {
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
