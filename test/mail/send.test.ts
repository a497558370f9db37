// Sending through a real SMTP server on 127.0.0.1, parsed by mailparser; unsubscribing through the real web route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailConfig } from '../../src/mail/config.js';
import { digestEnv } from '../../src/mail/env.js';
import { prepareDeliveries, sendDue, type DigestEnv } from '../../src/mail/deliver.js';
import { smtpTransport } from '../../src/mail/transport.js';
import { defaultFeedsDir } from '../../src/paths.js';
import { getSubscription, insertSubscription, listSubscriptions, unsubscribe, updateSubscription } from '../../src/store/subscriptions.js';
import { listDeliveries } from '../../src/store/deliveries.js';
import { approveDigest, unapproveDigest } from '../../src/store/digests.js';
import type { Db } from '../../src/store/index.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { serveWebApp } from '../helpers/web.js';
import { item, seedDigestDb, store } from '../digest/seed.js';

let db: Db;
let smtp: TestSmtp;
let web: Awaited<ReturnType<typeof serveWebApp>>;
let base: string;
let env: DigestEnv;
const ALL = ['immediately', 'daily', 'weekly'] as const;

const add = (email: string, f: Partial<Parameters<typeof insertSubscription>[1]> = {}) =>
  insertSubscription(db, { email, kind: 'personal', goals: ['welfare-reform'], createdBy: 'test', now: new Date().toISOString(), ...f });
const run = async (approveBy?: string) => {
  const report = prepareDeliveries(env, { frequencies: [...ALL], network: 'build', approveBy, now: new Date() });
  const transport = smtpTransport(smtp.url);
  try {
    return { report, sent: await sendDue(env, transport) };
  } finally {
    transport.close();
  }
};
/** A header as sent (unfolded), read from the raw message. */
const rawHeader = (raw: string, name: string) =>
  raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))?.slice(name.length + 1).trim();
const to = (email: string) => smtp.received.filter((r) => r.to.includes(email));

beforeAll(async () => {
  db = seedDigestDb(':memory:');
  smtp = await startSmtp();
  web = await serveWebApp({ db, sources: [], configErrors: [], goalLabels: {} });
  base = web.base;
  env = digestEnv({ db, tagStage: null, feedsDir: defaultFeedsDir }, mailConfig({ SMTP_URL: smtp.url, LAKIVAHTI_BASE_URL: base, LAKIVAHTI_MAIL_RETRY_SECONDS: '0' }));
});
afterAll(async () => {
  await web.close();
  await smtp.close();
  db.close();
});

describe('sending digests', () => {
  it('sends a personal digest at once and the network digest only once approved, each exactly once', async () => {
    insertSubscription(db, { email: 'verkosto@example.fi', kind: 'network', createdBy: 'test', now: new Date().toISOString() });
    insertSubscription(db, { email: 'natverk@example.fi', kind: 'network', lang: 'sv', createdBy: 'test', now: new Date().toISOString() });
    add('sote@example.fi');
    unsubscribe(db, add('pois@example.fi', { goals: [], matters: [1] }), new Date().toISOString());

    const first = await run();
    expect(first.report.waiting?.status).toBe('draft');
    expect(first.sent.map((s) => [s.email, s.ok])).toEqual([['sote@example.fi', true]]);
    const second = await run('sihteeristö');
    expect(second.sent.map((s) => s.email).sort()).toEqual(['natverk@example.fi', 'verkosto@example.fi']);
    // One run, one connection: the messages of a run do not each open their own.
    expect(new Set(smtp.received.slice(1).map((r) => r.session)).size).toBe(1);

    const [fi] = to('verkosto@example.fi');
    expect(fi.mail.subject).toMatch(/^Lakivahti: verkoston viikkokatsaus \d+\.\d+\.\d{4}–\d+\.\d+\.\d{4}$/);
    expect(fi.mail.text).toContain('Vaatii yhteistä vastausta');
    expect(fi.mail.text).toContain('vastuuhenkilö: Liisa Lakimies · tila: vastausta valmistellaan');
    expect(fi.mail.text).toMatch(/Lausuntojen määräaika muuttui: \d+\.\d+\.\d{4} → \d+\.\d+\.\d{4}/);
    expect(fi.mail.text).toContain('Sisäisen turvallisuuden selonteko valmistui');
    expect(fi.mail.text).not.toContain('Ministeri vieraili messuilla');
    expect(fi.mail.html).toContain(`href="${base}/matters/1"`);
    expect(rawHeader(fi.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const [sv] = to('natverk@example.fi');
    expect(sv.mail.subject).toMatch(/^Lakivahti: nätverkets veckosammandrag/);
    expect(sv.mail.text).toContain('Kräver ett gemensamt svar');
    // Each message says its language in its header too (RFC 3282), as its HTML does with lang.
    expect([rawHeader(fi.raw, 'Content-Language'), rawHeader(sv.raw, 'Content-Language')]).toEqual(['fi', 'sv']);
    const [own] = to('sote@example.fi');
    expect(own.mail.text).toContain('Hyvinvointialueiden rahoitus tarkentuu');
    // The source by its name, as the web view names it, not by its id ("sm").
    expect(own.mail.text).toMatch(/\* Hyvinvointialueiden rahoitus tarkentuu\n {2}Sisäministeriö( ·|\n)/);
    expect(own.mail.text).not.toMatch(/\n {2}sm( ·|\n)/);
    expect(own.mail.text).not.toContain('Sisäisen turvallisuuden');
    expect(to('pois@example.fi')).toEqual([]);

    // Again at once: nothing new for anybody, and the sent network digest is not sent again.
    const again = await run('sihteeristö');
    expect(again.sent).toEqual([]);
    expect(again.report.recorded).toEqual([]);
    expect(smtp.received).toHaveLength(3);
  });

  it('unsubscribes through the link and the List-Unsubscribe header, with no session, idempotently', async () => {
    const [mail] = to('verkosto@example.fi');
    const link = /(http:\/\/127\.0\.0\.1:\d+\/unsubscribe\/\S+)/.exec(mail.mail.text!)![1];
    const header = /^<(.+)>$/.exec(rawHeader(mail.raw, 'List-Unsubscribe') ?? '')![1];
    expect(header).toBe(link);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Perutaanko tilaus?');
    expect(html).toContain('<form method="post">');
    const id = listSubscriptions(db).find((s) => s.email === 'verkosto@example.fi')!.id;
    expect(getSubscription(db, id)!.unsubscribedAt).toBeNull();
    for (let n = 0; n < 2; n++) {
      const res = await fetch(header, { method: 'POST', body: new URLSearchParams({ 'List-Unsubscribe': 'One-Click' }) });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Tilaus peruttu');
    }
    expect(getSubscription(db, id)!.unsubscribedAt).not.toBeNull();
    expect((await fetch(link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/unsubscribe/1.abc`)).status).toBe(404);

    // Something new arrives: the unsubscribed address gets nothing, the other network recipient does.
    store(db, 'sm', [item({ source: 'sm', key: 'sm9', title: 'Pelastuslaitosten uusi ohje', goals: ['services'], match: 'pelastuslaitosten' }, new Date())]);
    const next = await run('sihteeristö');
    expect(next.sent.map((s) => s.email)).toEqual(['natverk@example.fi']);
    expect(to('verkosto@example.fi')).toHaveLength(1);
  });

  it('does not send a message recorded before its subscription was ended', async () => {
    const id = add('myohassa@example.fi');
    const report = prepareDeliveries(env, { frequencies: [...ALL], network: false, now: new Date() });
    expect(report.recorded.map((r) => r.email)).toEqual(['myohassa@example.fi']);
    unsubscribe(db, id, new Date().toISOString());
    expect((await run()).sent).toEqual([]);
    expect(to('myohassa@example.fi')).toEqual([]);
    expect(listDeliveries(db, { subscriptionId: id })).toMatchObject([{ status: 'paused', lastError: 'tilaus peruttu' }]);
  });

  it('retries a message the server refused for now (4xx), and sends it once', async () => {
    add('retry@example.fi');
    smtp.refuseData(451, 1);
    const first = await run();
    expect(first.sent).toMatchObject([{ email: 'retry@example.fi', ok: false }]);
    expect(first.sent[0].error).toMatch(/451/);
    expect(first.sent[0].retryAt).toBeTruthy();
    expect(listDeliveries(db, { status: 'pending' })).toMatchObject([{ email: 'retry@example.fi', attempts: 1 }]);
    expect(to('retry@example.fi')).toEqual([]);
    const second = await run();
    expect(second.sent).toMatchObject([{ email: 'retry@example.fi', ok: true }]);
    expect(to('retry@example.fi')).toHaveLength(1);
    expect(listDeliveries(db, { status: 'sent' }).find((d) => d.email === 'retry@example.fi')?.attempts).toBe(2);
  });

  it('pauses a subscription whose address is refused for good (5xx), with the reason', async () => {
    const id = add('ei-ole@example.fi');
    smtp.refuseRecipient('ei-ole@example.fi', 550);
    const { sent } = await run();
    expect(sent).toMatchObject([{ email: 'ei-ole@example.fi', ok: false, retryAt: null }]);
    const sub = getSubscription(db, id)!;
    expect(sub.pausedAt).not.toBeNull();
    expect(sub.pauseReason).toMatch(/pysyvä virhe.*550/);
    expect(listDeliveries(db, { subscriptionId: id })).toMatchObject([{ status: 'failed' }]);
    expect((await run()).sent).toEqual([]);
  });
  it('leaves a subscription edited while its digest was being built to the next run, which builds it as edited', async () => {
    const edited = add('muokattu@example.fi');
    add('haku@example.fi', { goals: [], search: 'pelastuslaitosten ohje' });
    let done = false;
    // The saved search is turned into a query while the second digest is built, after the first one was built.
    const racing: DigestEnv = {
      ...env,
      searchMatch: (text) => {
        if (!done) {
          done = true;
          updateSubscription(db, edited, { email: 'muokattu@example.fi', userId: null, every: 'weekly', lang: 'fi', goals: ['services'],
            sources: [], organisations: [], matters: [], search: null });
        }
        return env.searchMatch(text);
      },
    };
    const first = prepareDeliveries(racing, { frequencies: [...ALL], network: false, now: new Date() });
    expect(done).toBe(true);
    expect(first.recorded.map((r) => r.email)).toEqual(['haku@example.fi']);
    expect(getSubscription(db, edited)!.covered).toBeNull();
    const { report } = await run();
    expect(report.recorded.map((r) => r.email)).toEqual(['muokattu@example.fi']);
    const [mail] = to('muokattu@example.fi');
    expect(mail.mail.text).toContain('Pelastuslaitosten uusi ohje');
    expect(mail.mail.text).not.toContain('Hyvinvointialueiden rahoitus tarkentuu');
  });

  it('does not send a network digest whose approval was taken back while its messages were being built', async () => {
    store(db, 'sm', [item({ source: 'sm', key: 'sm10', title: 'Pelastustoimen valvontaohje', goals: ['services'], match: 'pelastustoimen' }, new Date())]);
    const draft = prepareDeliveries(env, { frequencies: [], network: 'build', now: new Date() }).waiting!;
    expect(draft.status).toBe('draft');
    approveDigest(db, draft.id, 'sihteeristö', new Date().toISOString());
    let taken = false;
    // The labels are read while the approved digest is rendered for its recipients: the approval is taken back then.
    const racing: DigestEnv = {
      ...env,
      labels: new Proxy(env.labels, {
        get(target, lang) {
          if (!taken) taken = unapproveDigest(db, draft.id);
          return target[lang as keyof typeof target];
        },
      }),
    };
    const report = prepareDeliveries(racing, { frequencies: [], network: 'approved', now: new Date() });
    expect(taken).toBe(true);
    expect(report.recorded).toEqual([]);
    expect(report.waiting).toMatchObject({ id: draft.id, status: 'draft' });
    expect(listDeliveries(db).filter((d) => d.digestId === draft.id)).toEqual([]);
    // Approved again, it goes out once.
    const { sent } = await run('sihteeristö');
    expect(sent.filter((s) => s.email === 'natverk@example.fi')).toHaveLength(1);
    expect(listDeliveries(db).filter((d) => d.digestId === draft.id)).toMatchObject([{ email: 'natverk@example.fi', status: 'sent' }]);
    expect(to('natverk@example.fi').at(-1)!.mail.text).toContain('Pelastustoimen valvontaohje');
  });

  it('records many subscribers in chunks, each message once with its watermark', async () => {
    const ids = Array.from({ length: 230 }, (_, n) => add(`joukko${n}@example.fi`));
    const first = prepareDeliveries(env, { frequencies: [...ALL], network: false, now: new Date() });
    expect(first.recorded.filter((r) => r.email.startsWith('joukko')).map((r) => r.email)).toEqual(ids.map((_, n) => `joukko${n}@example.fi`));
    for (const id of ids) {
      expect(getSubscription(db, id)!.covered).not.toBeNull();
      expect(listDeliveries(db, { subscriptionId: id })).toMatchObject([{ status: 'pending' }]);
    }
    const second = prepareDeliveries(env, { frequencies: [...ALL], network: false, now: new Date() });
    expect(second.recorded).toEqual([]);
    // Not sent here: their messages are withdrawn with their subscriptions.
    for (const id of ids) unsubscribe(db, id, new Date().toISOString());
    expect((await run()).sent).toEqual([]);
  });
});
