// The workbench as people use it, in a real browser against `lakivahti serve` as a process: sign in, see the board,
// correct an item's goals, put a matter on the board, sign out; filter, search and see why an item was tagged; a
// reader changes nothing; hostile feed text runs nothing; the offline start is no all-clear; every main page has no
// axe-core violations (WCAG 2.1 AA) and no sideways scrolling at 1366 and 390 px, with screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDb } from '../../src/store/index.js';
import { rootDir } from '../../src/paths.js';
import { listeningAt, start } from '../helpers/process.js';
import { addUser, inThisWeek, PASSWORD } from '../helpers/web.js';
import { inDays } from './seed.js';
import { serveWorkbench, type ServedWorkbench } from './served.js';
import { brokenWords, chromiumRequired, expectAccessible, hasChromium, MISSING, openPage, readRow, sidewaysScroll, signInAt } from './support.js';

/** Screenshots for a person to look at (ignored by git). */
const SHOTS = path.join(rootDir, 'test', 'browser', 'screenshots');

describe.runIf(!hasChromium && chromiumRequired)('browser tests', () => {
  it('need chromium (LAKIVAHTI_REQUIRE_CHROMIUM=1)', () => {
    throw new Error(MISSING.replace('SKIPPED', 'FAILED'));
  });
});

describe.skipIf(!hasChromium)(hasChromium ? 'the workbench in chromium' : MISSING, () => {
  let served: ServedWorkbench;
  let db: string;
  let base: string;
  let browser: Browser;
  let contexts: BrowserContext[];

  beforeAll(async () => {
    served = await serveWorkbench('workbench', [
      ['juristi@example.fi', 'reviewer'],
      ['lukija@example.fi', 'reader'],
      ['yllapitaja@example.fi', 'admin'],
      ['svensk@example.fi', 'reader'],
    ]);
    ({ db, base, browser, contexts } = served);
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 90_000);

  afterAll(() => served?.stop(), 30_000);

  const open = (width = 1366) => openPage(browser, contexts, width);
  const signIn = (page: Page, email: string, at = '/board') => signInAt(page, base, email, at);
  const query = <T>(sql: string, ...args: unknown[]): T => readRow<T>(db, sql, ...args);
  /** What labels the first row's cells of the items table (the CSS content before each; on a phone, their column's name). */
  const cellLabels = (page: Page) => page.locator('table.items tbody tr').first().locator('td')
    .evaluateAll((cells) => cells.map((td) => getComputedStyle(td, '::before').content));

  it('a reviewer signs in, sees the board, corrects goals, puts a matter on it with owner and deadline, and signs out', async () => {
    const { page, problems } = await open();
    await page.goto(`${base}/board`);
    await page.getByRole('heading', { name: 'Kirjaudu sisään' }).waitFor();
    await expectAccessible(page, 'sign-in page');
    await signIn(page, 'juristi@example.fi');
    await page.getByRole('heading', { name: 'Yhteisvastausten taulu' }).waitFor();
    await expectAccessible(page, 'board');

    // Correct the goals of item #1 (a candidate of matter 1): add internal security.
    const row = page.locator('tr', { has: page.locator('a[href="/matters/1"]') });
    await row.locator('details.row-actions > summary').click();
    await row.getByLabel('Sisäinen turvallisuus', { exact: false }).check();
    await expectAccessible(page, 'board with a row\'s forms open');
    await Promise.all([page.waitForURL(`${base}/board#rivi-m1`), row.getByRole('button', { name: 'Tallenna tavoitteet' }).click()]);
    expect(query('SELECT reviewer, goals FROM reviews WHERE item_id = 1')).toEqual({ reviewer: 'juristi@example.fi', goals: '["services","internal-security"]' });

    // Put matter 1 on the board with an owner and an internal deadline.
    const again = page.locator('tr', { has: page.locator('a[href="/matters/1"]') });
    await again.locator('details.row-actions > summary').click();
    await again.getByLabel('Vastuuhenkilö').fill('Maija Meikäläinen');
    await again.getByLabel('Sisäinen määräaika').fill(inDays(6));
    await again.getByLabel('Tila').selectOption('drafting');
    await Promise.all([page.waitForURL(`${base}/board#rivi-m1`), again.getByRole('button', { name: 'Tallenna taululle' }).click()]);
    const onBoard = page.locator('tr', { has: page.locator('a[href="/matters/1"]') });
    await expect(onBoard.locator('td[data-label="Vastuuhenkilö"]').innerText()).resolves.toBe('Maija Meikäläinen');
    await expect(onBoard.locator('td[data-label="Tila"]').innerText()).resolves.toBe('vastausta valmistellaan');
    // Six days away: within the glance's 7 days, whatever the weekday (next week's from Tuesday on); marked beside the
    // internal deadline, not beside the statement deadline 20 days away.
    await expect(onBoard.locator('td[data-label="Sisäinen määräaika"]').innerText()).resolves.toContain('7 päivän sisällä');
    await expect(onBoard.locator('td[data-label="Määräaika"]').innerText()).resolves.not.toContain('7 päivän sisällä');

    await Promise.all([page.waitForURL(`${base}/`), page.getByRole('button', { name: 'Kirjaudu ulos' }).click()]);
    await page.getByLabel('Salasana').waitFor();
    await page.goto(`${base}/board`);
    await page.getByRole('heading', { name: 'Kirjaudu sisään' }).waitFor();
    expect(problems).toEqual([]);
  }, 90_000);

  it('a department reader sees no forms, and a POST made anyway is refused with 403', async () => {
    const { page } = await open();
    await signIn(page, 'lukija@example.fi');
    await expect(page.locator('form[action^="/items/"], form[action^="/matters/"]').count()).resolves.toBe(0);
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const res = await page.request.post(`${base}/items/3/review`, { form: { _csrf: token, goals: 'services', decision: 'not-relevant' }, maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect(query('SELECT COUNT(*) AS n FROM reviews WHERE item_id = 3')).toEqual({ n: 0 });
    await expectAccessible(page, 'board as a reader');
  }, 60_000);

  it('a feed item with <script>, onerror and a javascript: link runs nothing', async () => {
    const { page, problems } = await open();
    await signIn(page, 'juristi@example.fi', '/');
    for (const at of ['/', '/board']) {
      await page.goto(base + at);
      await page.getByText('Vaarallinen otsikko', { exact: false }).first().waitFor();
      await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
      await expect(page.locator('a[href^="javascript:" i]').count()).resolves.toBe(0);
      await expect(page.locator('main script, main img[src="x"]').count()).resolves.toBe(0);
    }
    expect(problems).toEqual([]);
  }, 60_000);

  it('a reader filters and searches the items, opens one and sees why it was tagged', async () => {
    const { page, problems } = await open();
    await signIn(page, 'lukija@example.fi', '/items');
    await page.getByLabel('Lähde').selectOption('hankeikkuna');
    await Promise.all([page.waitForURL(/\/items\?.*source=hankeikkuna/), page.getByRole('button', { name: 'Näytä' }).click()]);
    const titles = await page.locator('main table tbody tr a[href^="/items/"]').allInnerTexts();
    expect(titles.sort()).toEqual(['Pelastuslain muuttaminen', 'Pelastustoimen rahoituksen selvitys']);
    // The rows are sent without </th> and </td>: the browser still builds a row header and five cells in each row,
    // the header's cell holding only the title and its read state.
    const cells = await page.locator('main table.items tbody tr').evaluateAll((rows) => rows.map((tr) =>
      [...tr.children].map((c) => `${c.tagName}${c.getAttribute('scope') ? `[${c.getAttribute('scope')}]` : ''}`).join(' ')));
    expect(new Set(cells)).toEqual(new Set(['TH[row] TD TD TD TD TD']));
    const headers = await page.locator('main table.items tbody tr > th').evaluateAll((ths) => ths.map((th) =>
      th.textContent === `${th.querySelector('a')!.textContent}${th.querySelector('span')?.textContent ?? ''}`));
    expect(headers).toEqual([true, true]);
    // The read state in the header cell is for screen readers only: a 1 px box, as .visually-hidden makes it.
    await expect(page.locator('main table.items tbody tr.unread > th > span').first().evaluate((s) => [s.textContent, s.getBoundingClientRect().width <= 1, getComputedStyle(s).position]))
      .resolves.toEqual([' (lukematon)', true, 'absolute']);
    // An organisation's option has no value attribute: the form sends its name.
    const org = await page.locator('#f-org option').nth(1).innerText();
    await page.getByLabel('Organisaatio').selectOption({ label: org });
    await Promise.all([page.waitForURL((u) => u.searchParams.get('org') === org), page.getByRole('button', { name: 'Näytä' }).click()]);
    await expect(page.getByLabel('Organisaatio').inputValue()).resolves.toBe(org);
    await page.getByLabel('Organisaatio').selectOption('');
    await page.getByLabel('Lähde').selectOption('');
    await page.getByLabel('Hae sanoilla').fill('pelastuslaki');
    await Promise.all([page.waitForURL(/\/items\?q=pelastuslaki/), page.getByRole('button', { name: 'Näytä' }).click()]);
    await expect(page.locator('main table mark').first().innerText()).resolves.toMatch(/^pelastuslain$/i);
    await expectAccessible(page, 'items page with a search');
    await Promise.all([page.waitForURL(`${base}/items/1`), page.locator('main table a[href="/items/1"]').click()]);
    const why = page.locator('section', { has: page.getByRole('heading', { name: 'Miksi asiakirja luokiteltiin näin' }) });
    await expect(why.locator('mark').first().innerText()).resolves.toBe('pelastuslain');
    const rule = why.getByRole('table', { name: 'Säännöt ja painotukset, jotka vaikuttivat' });
    await expect(rule.locator('td[data-label="Osuma"]').first().innerText()).resolves.toBe('pelastuslain');
    await expect(rule.locator('td[data-label="Vaikutus"]').first().innerText()).resolves.toMatch(/\+3,5$/);
    await expectAccessible(page, 'item page');
    // Read state: opening the item marked nothing; the button does, and the list shows the row no longer bold.
    const weight = () => page.locator('main table a[href="/items/1"]').evaluate((a) => getComputedStyle(a).fontWeight);
    await page.goto(`${base}/items`);
    await expect(weight()).resolves.toBe('700');
    await page.goto(`${base}/items/1`);
    await Promise.all([page.waitForURL(`${base}/items/1`), page.getByRole('button', { name: 'Merkitse luetuksi' }).click()]);
    await page.getByText('Olet merkinnyt tämän luetuksi.').waitFor();
    await page.goto(`${base}/items`);
    await expect(weight()).resolves.toBe('400');
    expect(problems).toEqual([]);
  }, 60_000);

  it('the items list works from the keyboard: j and k move between rows, r marks one read and comes back, o opens; never inside a field', async () => {
    const { page, problems } = await open();
    await signIn(page, 'juristi@example.fi', '/items');
    await page.getByText('Pikanäppäimet').waitFor();
    await page.waitForFunction(() => document.readyState === 'complete');
    const focused = () => page.evaluate(() => /^\/items\/(\d+)$/.exec(document.activeElement?.getAttribute('href') ?? '')?.[1] ?? document.activeElement?.tagName);
    const ids = await page.locator('main table tbody tr > th > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice('/items/'.length)));
    expect(ids.length).toBeGreaterThan(3);
    await page.keyboard.press('j');
    await expect(focused()).resolves.toBe(ids[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect(focused()).resolves.toBe(ids[2]);
    await page.keyboard.press('k');
    await expect(focused()).resolves.toBe(ids[1]);
    // Typed into the search field, the letters are text.
    await page.getByLabel('Hae sanoilla').focus();
    await page.keyboard.type('jkor');
    await expect(page.getByLabel('Hae sanoilla').inputValue()).resolves.toBe('jkor');
    await expect(focused()).resolves.toBe('INPUT');
    // r marks the focused row read by POST and returns to it.
    const target = ids[1]!;
    await page.locator(`main table a[href="/items/${target}"]`).focus();
    await expect(page.locator(`main table tr:has(a[href="/items/${target}"])`).getAttribute('class')).resolves.toBe('unread');
    await Promise.all([page.waitForURL(new RegExp(`/items#rivi-${target}-${ids[2]}$`)), page.keyboard.press('r')]);
    await expect(focused()).resolves.toBe(target);
    await expect(page.locator(`main table tr:has(a[href="/items/${target}"])`).getAttribute('class')).resolves.toBeNull();
    await expect(page.getByRole('status').innerText()).resolves.toBe('Merkitty luetuksi.');
    expect(query('SELECT COUNT(*) AS n FROM item_reads r JOIN users u ON u.id = r.user_id WHERE u.email = ? AND r.item_id = ?', 'juristi@example.fi', Number(target))).toEqual({ n: 1 });
    await expectAccessible(page, 'items page after r, with its status message');
    await Promise.all([page.waitForURL(`${base}/items/${target}`), page.keyboard.press('o')]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('in the list of unread items, r on a row comes back to the row that followed it (the read one is no longer listed)', async () => {
    const { page, problems } = await open();
    await signIn(page, 'juristi@example.fi', '/items?unread=1');
    // The keys are read by a deferred script: pressed before the page is whole, they went nowhere once in CI (load 4).
    await page.waitForFunction(() => document.readyState === 'complete');
    const focused = () => page.evaluate(() => /^\/items\/(\d+)$/.exec(document.activeElement?.getAttribute('href') ?? '')?.[1] ?? document.activeElement?.tagName);
    const rows = () => page.locator('main table tbody tr > th > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice('/items/'.length)));
    const ids = await rows();
    expect(ids.length).toBeGreaterThan(3);
    for (let i = 0; i < 3; i++) await page.keyboard.press('j');
    await expect(focused()).resolves.toBe(ids[2]);
    await Promise.all([page.waitForURL(new RegExp(`/items\\?unread=1#rivi-${ids[2]}-${ids[3]}$`)), page.keyboard.press('r')]);
    await expect(rows()).resolves.not.toContain(ids[2]);
    await expect(focused()).resolves.toBe(ids[3]);
    // j goes on from there, not from the top.
    await page.keyboard.press('j');
    await expect(focused()).resolves.toBe(ids[4] ?? ids[3]);
    // The last row read: back to the one before it.
    const last = (await rows()).at(-1)!;
    const before = (await rows()).at(-2)!;
    await page.locator(`main table a[href="/items/${last}"]`).focus();
    await Promise.all([page.waitForURL(new RegExp(`#rivi-${last}-${before}$`)), page.keyboard.press('r')]);
    await expect(focused()).resolves.toBe(before);
    expect(problems).toEqual([]);
  }, 60_000);

  it('on the board, a keyboard user saves a row\'s form and goes on from that row, not from the top of the page', async () => {
    const { page, problems } = await open(390);
    await signIn(page, 'juristi@example.fi', '/board');
    const rows = await page.locator('table.board tbody tr > th > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(rows.length).toBeGreaterThan(2);
    // A row below the first, so that the top of the page is not where the person was.
    const href = rows[rows.length - 1]!;
    const row = page.locator('table.board tr', { has: page.locator(`a[href="${href}"]`) });
    const rowId = await row.getAttribute('id');
    expect(rowId).toMatch(/^rivi-[mi]\d+$/);
    // Keyboard only: the row's "Muokkaa" opens with Enter, Tab reaches the owner field, Enter in it sends the form.
    await row.locator('details.row-actions > summary').focus();
    await page.keyboard.press('Enter');
    const owner = row.getByLabel('Vastuuhenkilö');
    await owner.waitFor();
    while (!(await owner.evaluate((el) => el === document.activeElement))) await page.keyboard.press('Tab');
    await page.keyboard.type('Näppäimistö Nieminen');
    await Promise.all([page.waitForURL(`${base}/board#${rowId}`), page.keyboard.press('Enter')]);
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/^Yhteisvastauksen tiedot tallennettu/);
    // The row is the page's target, in view, and Tab goes on to its link, not to the skip link at the top.
    await expect(page.locator(`#${rowId}`).evaluate((tr) => tr.matches(':target') && tr.getBoundingClientRect().top < innerHeight)).resolves.toBe(true);
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('href'))).resolves.toBe(href);
    await expect(page.locator(`#${rowId} td[data-label="Vastuuhenkilö"]`).innerText()).resolves.toBe('Näppäimistö Nieminen');
    expect(await sidewaysScroll(page)).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);

  /** The shipped source definition's name (serve reads feeds/sources/). */
  const HANKE = 'Hankeikkuna – lausuntovaiheen lainsäädäntöhankkeet';

  it('an administrator pauses and resumes a source from the sources page, with a status message; the matter page tells what changed since the last visit', async () => {
    const { page, problems } = await open();
    await signIn(page, 'yllapitaja@example.fi', '/sources');
    await expectAccessible(page, 'sources page with the administrator\'s forms');
    await Promise.all([page.waitForURL(`${base}/sources`), page.locator('tr', { hasText: HANKE }).getByRole('button', { name: /^Keskeytä/ }).click()]);
    await expect(page.getByRole('status').innerText()).resolves.toBe(`Lähde ${HANKE} on keskeytetty: sitä ei haeta ennen kuin se jatkuu.`);
    await expect(page.locator('tr', { hasText: HANKE }).locator('td[data-label="Seuraava haku"]').innerText()).resolves.toMatch(/^keskeytetty \(yllapitaja@example\.fi, /);
    expect(query("SELECT paused_by AS by FROM sources WHERE id = 'hankeikkuna'")).toEqual({ by: 'yllapitaja@example.fi' });
    await expectAccessible(page, 'sources page with a paused source and a status message');
    await Promise.all([page.waitForURL(`${base}/sources`), page.locator('tr', { hasText: HANKE }).getByRole('button', { name: /^Jatka hakua/ }).click()]);
    expect(query("SELECT paused_at AS at FROM sources WHERE id = 'hankeikkuna'")).toEqual({ at: null });
    await page.goto(`${base}/matters/1`);
    await expect(page.locator('.since-visit').innerText()).resolves.toContain('Tämä on ensimmäinen käyntisi');
    await page.reload();
    await expect(page.locator('.since-visit').innerText()).resolves.toContain('edellisen käyntisi');
    await expectAccessible(page, 'matter page on a second visit');
    expect(problems).toEqual([]);
  }, 60_000);

  it('a person chooses Swedish on the account page: the pages follow, stay axe-clean at 390 px, and signing out leads to the Swedish sign-in form', async () => {
    const { page, problems } = await open(390);
    await signIn(page, 'svensk@example.fi', '/account');
    await page.getByLabel('Lakivahdin kieli').selectOption('sv');
    await Promise.all([page.waitForURL(`${base}/account`), page.getByRole('button', { name: 'Tallenna kieli' }).click()]);
    await expect(page.getByRole('status').innerText()).resolves.toBe('Språket har ändrats: svenska.');
    expect(query("SELECT language FROM users WHERE email = 'svensk@example.fi'")).toEqual({ language: 'sv' });
    // Each page with a heading and a few words of it in Swedish; a Finnish title carries lang="fi", a Swedish one none.
    const pages: [string, string, string, string[]][] = [
      ['account', '/account', 'Mitt konto', []], ['sources', '/sources', 'Källor', []], ['matter', '/matters/1', 'Skeden', []],
      // Item 2's deadline, three days away, is this week's until Thursday and the next weeks' from Friday on.
      ['front', '/', 'Översikt', ['Väntar på ett gemensamt svar', inThisWeek(inDays(3)) ? 'Remisstiden går ut den här veckan' : 'Remisstiden går ut inom de följande tre veckorna', 'dagar kvar']],
      ['items', '/items', 'Dokument', ['Sök med ord', 'Ärendets skede', 'Publicerat från']],
      ['item', '/items/1', 'Varför dokumentet klassificerades så här', ['Remisstid:', 'Ändringar och versioner']],
      ['item-sv', '/items/3', 'Text', ['språk: svenska']],
      ['board', '/board', 'Tavlan för gemensamma svar', ['Öppna gemensamma svar, närmaste tidsfrist först', 'kandidat för gemensamt svar']],
    ];
    for (const [name, at, heading, words] of pages) {
      if (at !== '/account') await page.goto(base + at);
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
      await page.getByRole('heading', { name: heading, exact: true }).waitFor();
      const text = await page.locator('main').innerText();
      for (const w of words) expect(text, `${at} in Swedish`).toContain(w);
      if (name === 'item') await expect(page.locator('h1').getAttribute('lang')).resolves.toBe('fi');
      if (name === 'item-sv') await expect(page.locator('h1').getAttribute('lang')).resolves.toBeNull();
      if (name === 'items') await expect(cellLabels(page)).resolves.toEqual(['"Källa: "', '"Publicerad: "', '"Mål: "', '"Tidsfrist: "', '"Ärendets skede: "']);
      if (name === 'front' || name === 'board') {
        await expect(page.locator('main a', { hasText: 'Lausuntopyyntö valmiussuunnittelun asetuksesta' }).first().getAttribute('lang')).resolves.toBe('fi');
        await expect(page.locator('main a', { hasText: 'Remiss om ändring av räddningslagen' }).first().getAttribute('lang')).resolves.toBeNull();
      }
      await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Dokument' }).waitFor();
      expect(await sidewaysScroll(page), `${at} in Swedish at 390 px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(SHOTS, `${name}-sv-390.png`), fullPage: true });
      await expectAccessible(page, `${at} in Swedish`);
    }
    await Promise.all([page.waitForURL(`${base}/login?lang=sv`), page.getByRole('button', { name: 'Logga ut' }).click()]);
    await page.getByRole('heading', { name: 'Logga in' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('sv');
    await expectAccessible(page, 'the Swedish sign-in form');
    await Promise.all([page.waitForURL(`${base}/login?lang=fi`), page.getByRole('link', { name: 'Suomeksi' }).click()]);
    await page.getByRole('heading', { name: 'Kirjaudu sisään' }).waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it('the offline start shows every source failing, in Finnish, and no false all-clear', async () => {
    const offline = path.join(served.dir, 'offline');
    fs.mkdirSync(path.join(offline, 'feeds', 'sources'), { recursive: true });
    for (const id of ['lausuntopalvelu', 'stm'])
      fs.writeFileSync(path.join(offline, 'feeds', 'sources', `${id}.yaml`), `id: ${id}\nname: ${id}\nurl: http://127.0.0.1:9/${id}\nkind: rss\n`);
    const file = path.join(offline, 'offline.sqlite');
    const conn = openDb(file);
    await addUser(conn, 'lukija@example.fi', 'reader');
    conn.close();
    // With its scheduler: it crawls at start, and every source fails (nothing listens on port 9).
    const server = start(['serve', '--port', '0', '--db', file, '--feeds', path.join(offline, 'feeds')]);
    try {
      const at = await listeningAt(server);
      const { page, problems } = await open(390);
      await page.goto(`${at}/`);
      await page.getByLabel('Sähköpostiosoite').fill('lukija@example.fi');
      await page.getByLabel('Salasana').fill(PASSWORD);
      await Promise.all([page.waitForURL(`${at}/`), page.getByRole('button', { name: 'Kirjaudu' }).click()]);
      for (let tries = 0; tries < 40 && !(await page.content()).includes('0/2 kunnossa'); tries++) {
        await new Promise((r) => setTimeout(r, 500));
        await page.reload();
      }
      const text = await page.locator('main').innerText();
      expect(text).toContain('0/2 kunnossa');
      expect(text).toContain('Lähteitä ei ole saatu haettua, joten avoimista lausuntopyynnöistä ei ole tietoa.');
      expect(text).not.toContain('Ei avoimia');
      await page.screenshot({ path: path.join(SHOTS, 'offline-front-390.png'), fullPage: true });
      await expectAccessible(page, 'front page offline');
      await page.goto(`${at}/sources`);
      await expect(page.locator('.status-failing').count()).resolves.toBe(2);
      await expect(page.locator('.status-failing + .error').first().innerText()).resolves.toBe('Palvelin ei ottanut yhteyttä vastaan.');
      expect(problems).toEqual([]);
    } finally {
      server.proc.kill('SIGTERM');
      await server.done;
    }
  }, 90_000);

  it.each([1366, 390, 320])('every main page at %i px: no sideways scrolling, no axe violations (screenshots saved)', async (width) => {
    const { page } = await open(width);
    await page.goto(`${base}/board`);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: path.join(SHOTS, `sign-in-${width}.png`), fullPage: true });
    await signIn(page, 'juristi@example.fi');
    const pages = [['front', '/'], ['items', '/items'], ['item', '/items/1'], ['item-sv', '/items/3'], ['matter', '/matters/1'], ['sources', '/sources'], ['board', '/board'], ['account', '/account'],
      ['not-found', '/items/999999'], ['bad-filter', '/items?from=2026-02-30']];
    for (const [name, at] of pages) {
      await page.goto(base + at);
      if (name === 'board') await page.locator('details.row-actions > summary').first().click();
      // A Finnish person's pages: Finnish, a Swedish title marked lang="sv" and a Finnish one not marked.
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('fi');
      if (name === 'item') await expect(page.locator('h1').getAttribute('lang')).resolves.toBeNull();
      if (name === 'item-sv') await expect(page.locator('h1').getAttribute('lang')).resolves.toBe('sv');
      if (name === 'front') await page.getByRole('heading', { name: 'Yleiskuva', exact: true }).waitFor();
      if (name === 'items') await expect(cellLabels(page)).resolves.toEqual(width <= 390 ? ['"Lähde: "', '"Julkaistu: "', '"Tavoitteet: "', '"Määräaika: "', '"Asian vaihe: "'] : ['none', 'none', 'none', 'none', 'none']);
      expect(await sidewaysScroll(page), `${at} at ${width} px`).toBeLessThanOrEqual(0);
      if (width === 1366) expect(await brokenWords(page), `${at} at ${width} px: words broken across lines`).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
      await expectAccessible(page, `${at} at ${width} px`);
    }
  }, 120_000);

  // Last: it marks an item not relevant and a matter's answer submitted, which the tests above do not expect.
  it('a review without a goal and an answer marked submitted without its link are stopped in the page, with everything typed kept', async () => {
    const { page, problems } = await open();
    await signIn(page, 'juristi@example.fi', '/items/2');
    const form = page.locator('form.review-form');
    for (const box of await form.locator('input[name="goals"]').all()) await box.uncheck();
    await form.getByLabel('Huomautus', { exact: false }).fill('Tarkistettava vielä');
    await form.getByRole('button', { name: 'Tallenna tavoitteet' }).click();
    // Still here, nothing recorded, the server's own words on the first goal, the note as typed.
    await expect(form.locator('input[name="goals"]').first().evaluate((b: HTMLInputElement) => b.validationMessage))
      .resolves.toBe('Valitse vähintään yksi tavoite, tai merkitse asiakirja verkostolle kuulumattomaksi.');
    expect(page.url()).toBe(`${base}/items/2`);
    expect(query('SELECT COUNT(*) AS n FROM reviews WHERE item_id = 2')).toEqual({ n: 0 });
    await expect(form.getByLabel('Huomautus', { exact: false }).inputValue()).resolves.toBe('Tarkistettava vielä');
    // "Not relevant" needs no goal: it is sent.
    await Promise.all([page.waitForURL(`${base}/items/2`), form.getByRole('button', { name: 'Ei koske verkostoa' }).click()]);
    expect(query('SELECT relevant, note FROM reviews WHERE item_id = 2')).toEqual({ relevant: 0, note: 'Tarkistettava vielä' });

    await page.goto(`${base}/matters/1`);
    const board = page.locator('form[action="/matters/1/board"]');
    await board.getByLabel('Vastuuhenkilö').fill('Matti Meikäläinen');
    await board.getByLabel('Tila').selectOption('submitted');
    await board.getByRole('button', { name: 'Tallenna taululle' }).click();
    await expect(board.getByLabel('Linkki lähetettyyn vastaukseen').evaluate((i: HTMLInputElement) => i.validationMessage))
      .resolves.toBe('Lähetetylle vastaukselle tarvitaan linkki vastaukseen.');
    expect(page.url()).toBe(`${base}/matters/1`);
    await expect(board.getByLabel('Vastuuhenkilö').inputValue()).resolves.toBe('Matti Meikäläinen');
    await board.getByLabel('Linkki lähetettyyn vastaukseen').fill('https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=1');
    await Promise.all([page.waitForURL(`${base}/matters/1`), board.getByRole('button', { name: 'Tallenna taululle' }).click()]);
    expect(query('SELECT status, owner FROM board_entries WHERE item_id IN (SELECT id FROM items WHERE matter_id = 1)')).toEqual({ status: 'submitted', owner: 'Matti Meikäläinen' });
    expect(problems).toEqual([]);
  }, 90_000);
});
