// The digest's pages in a real browser against `lakivahti demo` as a process (the recorded snapshots of every source,
// mail through a real SMTP server on 127.0.0.1): the secretariat makes, edits, previews, tests and approves the week's
// draft; a reader subscribes and follows a matter; the rendered digest itself has no axe-core violations, and the demo
// data's digest is saved as HTML and a screenshot for a person to look at; a Swedish secretariat member gets the
// digest and subscriptions pages in Swedish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findUser, openDb, setUserLanguage } from '../../src/store/index.js';
import { rootDir } from '../../src/paths.js';
import { freePort, start, type Child } from '../helpers/process.js';
import { startSmtp, type TestSmtp } from '../helpers/smtp.js';
import { addUser } from '../helpers/web.js';
import { chromiumRequired, expectAccessible, hasChromium, launch, MISSING, openPage, readRow, sidewaysScroll, signInAt } from './support.js';

/** Screenshots and the saved digest, for a person to look at (ignored by git). */
const SHOTS = path.join(rootDir, 'test', 'browser', 'screenshots');

describe.runIf(!hasChromium && chromiumRequired)('digest browser tests', () => {
  it('need chromium (LAKIVAHTI_REQUIRE_CHROMIUM=1)', () => {
    throw new Error(MISSING.replace('SKIPPED', 'FAILED'));
  });
});

describe.skipIf(!hasChromium)(hasChromium ? 'the digest pages in chromium' : MISSING, () => {
  let dir: string;
  let db: string;
  let child: Child;
  let base: string;
  let smtp: TestSmtp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-digest-browser-'));
    db = path.join(dir, 'demo.sqlite');
    smtp = await startSmtp();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    child = start(['demo', '--db', db, '--port', String(port)], { env: { SMTP_URL: smtp.url, LAKIVAHTI_BASE_URL: base } });
    await child.line(/^demo: crawled \d+ mirrored sources; open http:\/\/127\.0\.0\.1:\d+\/$/, 100_000);
    const conn = openDb(db);
    await addUser(conn, 'sihteeri@example.fi', 'admin');
    await addUser(conn, 'lukija@example.fi', 'reader');
    // A secretariat member of a Swedish-speaking department, who chose Swedish on /account.
    await addUser(conn, 'sekreterare@example.fi', 'admin');
    setUserLanguage(conn, findUser(conn, 'sekreterare@example.fi')!.id, 'sv');
    conn.close();
    browser = await launch();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 150_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    child?.proc.kill('SIGTERM');
    await child?.done;
    await smtp?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  const open = (width = 1366) => openPage(browser, contexts, width);
  const signIn = (page: Page, email: string, at: string) => signInAt(page, base, email, at);
  const query = <T>(sql: string, ...args: unknown[]): T => readRow<T>(db, sql, ...args);

  /** The preview frame's text once it has loaded. */
  async function frameText(page: Page): Promise<string> {
    const frame = page.frameLocator('iframe.digest-preview');
    await frame.locator('body').waitFor();
    return frame.locator('body').innerText();
  }

  it('the secretariat makes the week\'s draft, edits it, previews it, sends a test to itself and approves it', async () => {
    const { page, problems } = await open();
    await signIn(page, 'sihteeri@example.fi', '/digest');
    await page.getByRole('heading', { name: 'Ei avointa luonnosta' }).waitFor();
    await expectAccessible(page, 'digest page without a draft');
    await Promise.all([page.waitForURL(`${base}/digest`), page.getByRole('button', { name: 'Tee luonnos nyt' }).click()]);
    await page.getByRole('heading', { name: 'Katsaus 1: luonnos' }).waitFor();
    expect(await frameText(page)).toContain('Kumppanuusverkoston viikkokatsaus');

    // Remove the first new item; it stays listed, marked, and can be restored; it leaves the preview.
    const first = page.locator('li[id^="new-item:"]').first();
    const id = await first.getAttribute('id');
    const title = await first.locator('a').first().innerText();
    await Promise.all([page.waitForURL(new RegExp(`/digest#${id}$`)), first.getByRole('button', { name: /^Poista/ }).click()]);
    const removed = page.locator(`li[id="${id}"]`);
    await expect(removed.locator('.badge-removed').innerText()).resolves.toBe('poistettu');
    await removed.getByRole('button', { name: /^Palauta/ }).waitFor();
    expect(query<{ removed: number }>('SELECT removed FROM digest_entries WHERE ref = ?', id!.replace(/^new-/, '')).removed).toBe(1);

    // Move the second entry of some section up: the database order follows.
    const movable = page.locator('li[id^="new-item:"]:not(.is-removed)', { has: page.getByRole('button', { name: /^Ylös/ }) }).first();
    const movedRef = (await movable.getAttribute('id'))!.replace(/^new-/, '');
    const before = query<{ position: number }>("SELECT position FROM digest_entries WHERE section = 'new' AND ref = ?", movedRef).position;
    await Promise.all([page.waitForURL(/\/digest#/), movable.getByRole('button', { name: /^Ylös/ }).click()]);
    expect(query<{ position: number }>("SELECT position FROM digest_entries WHERE section = 'new' AND ref = ?", movedRef).position).toBeLessThan(before);

    await page.getByLabel(/Lyhyt johdanto/).fill('Hyvää maanantaita verkostolle!');
    await Promise.all([page.waitForURL(/\/digest#intro$/), page.getByRole('button', { name: 'Tallenna johdanto' }).click()]);
    const shown = await frameText(page);
    expect(shown).toContain('Hyvää maanantaita verkostolle!');
    expect(shown).not.toContain(title);
    await expectAccessible(page, 'digest draft page');
    await page.screenshot({ path: path.join(SHOTS, 'digest-draft-1366.png'), fullPage: true });
    await page.locator('#preview').scrollIntoViewIfNeeded();
    await page.locator('#preview').screenshot({ path: path.join(SHOTS, 'digest-draft-preview-1366.png') });

    await Promise.all([page.waitForURL(`${base}/digest`), page.getByRole('button', { name: /^Lähetä testi itselleni/ }).click()]);
    await expect(page.getByRole('status').innerText()).resolves.toContain('lähetettiin osoitteeseen sihteeri@example.fi');
    await smtp.waitFor(1);
    expect(smtp.received[0].to).toEqual(['sihteeri@example.fi']);
    expect(smtp.received[0].mail.text).toContain('Hyvää maanantaita verkostolle!');

    await Promise.all([page.waitForURL(`${base}/digest`), page.getByRole('button', { name: 'Hyväksy katsaus lähetettäväksi' }).click()]);
    await page.getByRole('heading', { name: 'Katsaus 1: hyväksytty' }).waitFor();
    // Taken back before it is sent: a draft again, editable; then approved anew.
    await Promise.all([page.waitForURL(`${base}/digest`), page.getByRole('button', { name: 'Peru hyväksyntä' }).click()]);
    await expect(page.getByRole('status').innerText()).resolves.toContain('Katsauksen 1 hyväksyntä peruttiin');
    await page.getByRole('heading', { name: 'Katsaus 1: luonnos' }).waitFor();
    await page.getByText(/Edellisen hyväksynnän perui sihteeri@example\.fi/).waitFor();
    await Promise.all([page.waitForURL(`${base}/digest`), page.getByRole('button', { name: 'Hyväksy katsaus lähetettäväksi' }).click()]);
    expect(query<{ status: string; approved_by: string }>('SELECT status, approved_by FROM digests WHERE id = 1')).toEqual({ status: 'approved', approved_by: 'sihteeri@example.fi' });
    expect(problems).toEqual([]);
  }, 120_000);

  it('the demo data\'s digest, opened in the browser, has no axe-core violations; saved as HTML and a screenshot', async () => {
    const { page } = await open(1366);
    await signIn(page, 'sihteeri@example.fi', '/digest');
    for (const lang of ['fi', 'sv']) {
      const res = await page.request.get(`${base}/digest/preview?lang=${lang}`);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-security-policy']).toContain("default-src 'none'");
      const html = await res.text();
      const file = path.join(SHOTS, `digest-demo-${lang}.html`);
      fs.writeFileSync(file, html);
      // The message as a mail client shows it: the file itself, no server, no policy but its own markup.
      await page.goto(`file://${file}`);
      await expect(page.locator('h1').first().innerText()).resolves.toBe(lang === 'fi' ? 'Kumppanuusverkoston viikkokatsaus' : 'Partnerskapsnätverkets veckosammandrag');
      await expectAccessible(page, `rendered digest (${lang})`);
      await page.screenshot({ path: path.join(SHOTS, `digest-demo-${lang}.png`), fullPage: true });
      // On a phone the message fits the screen: no sideways scrolling (a 640-pixel table scrolled 250 pixels at 390).
      await page.setViewportSize({ width: 390, height: 900 });
      await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
      await page.setViewportSize({ width: 1366, height: 900 });
      await expect(page.locator('table.inner').evaluate((t) => t.getBoundingClientRect().width)).resolves.toBe(640);
    }
    // The approved digest's page on a phone: no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 900 });
    await page.goto(`${base}/digest`);
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page, 'digest page at 390 px');
    await page.screenshot({ path: path.join(SHOTS, 'digest-approved-390.png'), fullPage: true });
  }, 90_000);

  it('a reader subscribes on the subscriptions page and follows a matter from its page', async () => {
    const { page, problems } = await open(390);
    await signIn(page, 'lukija@example.fi', '/subscriptions');
    await expectAccessible(page, 'subscriptions page');
    // Nothing chosen: refused with a Finnish error, and the page stays accessible.
    await page.getByRole('button', { name: 'Tilaa' }).click();
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Valitse, mitä seuraat');
    await expectAccessible(page, 'subscriptions page with an error');
    await page.getByLabel('Sisäinen turvallisuus').check();
    await page.getByLabel('Kuinka usein').selectOption('daily');
    await page.getByLabel('Kieli').selectOption('sv');
    await Promise.all([page.waitForURL(/\/subscriptions#subscription-\d+$/), page.getByRole('button', { name: 'Tilaa' }).click()]);
    const row = page.locator('tr[id^="subscription-"]');
    await expect(row.innerText()).resolves.toMatch(/Sisäinen turvallisuus[\s\S]*päivittäin[\s\S]*ruotsiksi/);
    await page.screenshot({ path: path.join(SHOTS, 'subscriptions-390.png'), fullPage: true });

    // Edited in place: two organisations more, weekly; the same subscription, said so.
    const id = (await row.getAttribute('id'))!.replace('subscription-', '');
    await Promise.all([page.waitForURL(new RegExp(`/subscriptions/${id}/edit#add$`)), row.getByRole('link', { name: /^Muokkaa/ }).click()]);
    await page.getByRole('heading', { name: `Tilauksen ${id} muokkaus` }).waitFor();
    const orgs = page.locator('input[name="organisations"]');
    expect(await orgs.count()).toBeGreaterThanOrEqual(2);
    const picked = [await orgs.nth(0).getAttribute('value'), await orgs.nth(1).getAttribute('value')];
    await orgs.nth(0).check();
    await orgs.nth(1).check();
    await page.getByLabel('Kuinka usein').selectOption('weekly');
    await expectAccessible(page, 'subscription edit form');
    await Promise.all([page.waitForURL(new RegExp(`/subscriptions#subscription-${id}$`)), page.getByRole('button', { name: 'Tallenna muutokset' }).click()]);
    await expect(page.getByRole('status').innerText()).resolves.toContain(`Tilaus ${id} tallennettu.`);
    const edited = await row.innerText();
    expect(edited).toContain(`Organisaatiot: ${picked.join(', ')}`);
    expect(edited).toContain('viikoittain');
    expect(query<{ n: number }>('SELECT COUNT(*) AS n FROM subscriptions WHERE email = ? AND unsubscribed_at IS NULL', 'lukija@example.fi').n).toBe(1);

    const matter = query<{ id: number }>('SELECT min(id) AS id FROM matters').id;
    await page.goto(`${base}/matters/${matter}`);
    await Promise.all([page.waitForURL(`${base}/matters/${matter}#follow`), page.getByRole('button', { name: 'Seuraa tätä asiaa' }).click()]);
    await expect(page.locator('#follow').innerText()).resolves.toContain('Seuraat tätä asiaa');
    await expectAccessible(page, 'matter page, followed');
    expect(query<{ n: number }>("SELECT COUNT(*) AS n FROM subscriptions WHERE email = 'lukija@example.fi' AND every = 'immediately' AND matters = ?", `[${matter}]`).n).toBe(1);
    // A reader has no digest draft page.
    await expect(page.getByRole('link', { name: 'Katsaus', exact: true }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }, 90_000);

  it('a Swedish secretariat member gets the digest and subscriptions pages in Swedish, axe-clean at 390 px', async () => {
    const { page, problems } = await open(390);
    await signIn(page, 'sekreterare@example.fi', '/digest');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await expect(page.locator('h1').innerText()).resolves.toBe('Nätverkets veckosammandrag');
    await expect(page.getByRole('link', { name: 'Sammandrag', exact: true }).getAttribute('aria-current')).resolves.toBe('page');
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/Mottagare: \d+ på finska, \d+ på svenska\./);
    expect(text).toMatch(/Sammandrag \d+: (utkast|godkänt)|Inget öppet utkast/);
    expect(text).not.toMatch(/Katsaus|Vastaanottajia|Esikatselu/);
    await page.getByRole('heading', { name: 'Förhandsvisning' }).waitFor();
    // The preview opens in the person's language.
    expect(await frameText(page)).toContain('Partnerskapsnätverkets veckosammandrag');
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page, 'Swedish digest page at 390 px');
    await page.screenshot({ path: path.join(SHOTS, 'digest-sv-390.png'), fullPage: true });

    await page.goto(`${base}/subscriptions`);
    await expect(page.locator('h1').innerText()).resolves.toBe('E-postprenumerationer');
    await expectAccessible(page, 'Swedish subscriptions page at 390 px');
    // Nothing chosen: refused in Swedish, and the page stays accessible and narrow.
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Prenumerera' }).click()]);
    await expect(page.getByRole('alert').innerText()).resolves.toContain('Välj vad du följer');
    await page.getByLabel('Hur ofta (eget sammandrag)').waitFor();
    await expect(sidewaysScroll(page)).resolves.toBeLessThanOrEqual(0);
    await expectAccessible(page, 'Swedish subscriptions page with an error at 390 px');
    await page.screenshot({ path: path.join(SHOTS, 'subscriptions-sv-390.png'), fullPage: true });
    expect(problems).toEqual([]);
  }, 90_000);
});
