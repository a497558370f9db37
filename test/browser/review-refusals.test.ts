// A reviewer on the item page with the keyboard only, on a 320 px phone: the review form's Tab order and visible
// focus, sent with Space and with Enter; Back after saving; two tabs on one item; a session that ended; a database
// another process holds. Each refusal (409, 401, 503) is a readable page that shows the note, and the item page puts the
// note back (sessionStorage in forms.js, within the app's CSP) until it is saved; on the board too, whose rows' forms
// are checked in the page as the item page's are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDb } from '../../src/store/index.js';
import { serveWorkbench, type ServedWorkbench } from './served.js';
import { expectAccessible, hasChromium, MISSING, openPage, readRow, sidewaysScroll, signInAt } from './support.js';

const REVIEWER = 'juristi@example.fi';

describe.skipIf(!hasChromium)(hasChromium ? 'the review form\'s refusals in chromium' : MISSING, () => {
  let served: ServedWorkbench;
  let base: string;
  let browser: Browser;
  let contexts: BrowserContext[];

  beforeAll(async () => {
    // A form waits a second for another process's lock before its 503 (the product's 10 s took half the 503 case's
    // 20 s wait for the page, at load).
    served = await serveWorkbench('refusals', [[REVIEWER, 'reviewer'], ['toinen@example.fi', 'reviewer']], undefined, { LAKIVAHTI_WRITE_WAIT_SECONDS: '1' });
    ({ base, browser, contexts } = served);
  }, 90_000);

  afterAll(() => served?.stop(), 30_000);

  const reviews = (item: number) => readRow<{ n: number }>(served.db, 'SELECT COUNT(*) AS n FROM reviews WHERE item_id = ?', item).n;
  const note = (page: Page) => page.locator('form.review-form').getByLabel('Huomautus', { exact: false });
  /** What the keyboard's focus is on: its label's or its own words, and whether it is drawn (outline or box-shadow). */
  const focus = (page: Page) => page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'BODY', drawn: false };
    const style = getComputedStyle(el);
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : undefined;
    const drawn = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { what: `${el.tagName} ${(label ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}`, drawn };
  });
  /** Tab until `target` has the focus (at most 80 presses), every stop on the way drawn; the stops' names. */
  const tabTo = async (page: Page, target: ReturnType<Page['locator']>): Promise<string[]> => {
    const stops: string[] = [];
    for (let i = 0; i < 80 && !(await target.evaluate((el) => el === document.activeElement)); i++) {
      await page.keyboard.press('Tab');
      const f = await focus(page);
      expect(f.drawn, `focus on ${f.what} is not drawn`).toBe(true);
      stops.push(f.what);
    }
    expect(await target.evaluate((el) => el === document.activeElement)).toBe(true);
    return stops;
  };
  /** Whatever `act` sends (a form, a link), once the page it leads to has loaded. */
  const sent = async (page: Page, act: Promise<unknown>) => {
    await Promise.all([page.waitForEvent('load'), act]);
  };
  /** A reviewer's page at 320 px on item `item`, signed in, with `text` typed in the review's note. */
  const typedOn = async (item: number, text: string) => {
    const opened = await openPage(browser, contexts, 320);
    await signInAt(opened.page, base, REVIEWER, `/items/${item}`);
    await note(opened.page).fill(text);
    return opened;
  };
  const kept = (page: Page, item: number) => page.evaluate((key) => sessionStorage.getItem(key), `lakivahti.note:/items/${item}/review`);

  it('at 320 px with the keyboard only: Tab reaches the goals, the note and both buttons in order, focus drawn; Space sends; Back shows the saved review', async () => {
    const { page, problems } = await openPage(browser, contexts, 320);
    await signInAt(page, base, REVIEWER, '/items/1');
    // The CSP the app sends is the one it always did: scripts from this site only, none inline.
    const csp = (await page.request.get(`${base}/items/1`)).headers()['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe|\*|https?:/);
    const scripts = await page.locator('script').evaluateAll((ss) => ss.map((s) => (s as HTMLScriptElement).src));
    expect(scripts).toContain(`${base}/static/forms.js`);
    for (const src of scripts) expect(new URL(src).origin, src).toBe(base);

    const form = page.locator('form.review-form');
    await page.locator('body').focus();
    const stops = await tabTo(page, form.locator('input[name="goals"]').first());
    expect(stops[0], 'the first Tab stop is the skip link').toMatch(/^A Siirry/);
    // Goals, then the note, then the two buttons: the order they are read in.
    const order: string[] = [];
    for (let i = 0; i < 12; i++) {
      const f = await focus(page);
      expect(f.drawn, `focus on ${f.what} is not drawn`).toBe(true);
      order.push(f.what);
      if (f.what.startsWith('BUTTON Ei koske')) break;
      await page.keyboard.press('Tab');
    }
    const goals = await form.locator('input[name="goals"]').count();
    expect(order[goals]).toMatch(/^TEXTAREA Huomautus/);
    expect(order.slice(goals + 1)).toEqual(['BUTTON Tallenna tavoitteet', 'BUTTON Ei koske verkostoa']);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);

    // Back to the note: Shift+Tab twice; type; Shift+Tab to the last goal and Space ticks it; then to the button and Space.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.type('Näppäimistöllä tarkistettu.');
    await page.keyboard.press('Shift+Tab');
    const last = form.locator('input[name="goals"]').last();
    const wasChecked = await last.isChecked();
    await page.keyboard.press('Space');
    await expect(last.isChecked()).resolves.toBe(!wasChecked);
    if (wasChecked) await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focus(page)).what).toBe('BUTTON Tallenna tavoitteet');
    await expect(kept(page, 1)).resolves.toContain('Näppäimistöllä tarkistettu.');
    await sent(page, page.keyboard.press('Space'));
    await expect(page.getByRole('status').innerText()).resolves.toMatch(/^Tarkistus tallennettu: asiakirjan #1/);
    // The answer is where the focus is (read out at once, and the next Tab goes on from it), not the top of the page.
    const answer = await focus(page);
    expect(answer.what).toMatch(/^DIV Tarkistus tallennettu: asiakirjan #1/);
    expect(answer.drawn, 'focus on the answer is not drawn').toBe(true);
    expect(readRow(served.db, 'SELECT reviewer, note FROM reviews WHERE item_id = 1 ORDER BY id DESC LIMIT 1')).toEqual({ reviewer: REVIEWER, note: 'Näppäimistöllä tarkistettu.' });
    // Saved: the tab keeps no copy and the field is empty for the next review.
    await expect(kept(page, 1)).resolves.toBeNull();
    await expect(note(page).inputValue()).resolves.toBe('');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'item page after a review, 320 px');

    // Back after saving: the page before the save, fetched again (no-store), shows the review just saved and a form
    // that knows it, so a decision sent from it is no conflict; Forward too.
    await page.goBack();
    await page.waitForURL(`${base}/items/1`);
    await expect(page.locator('ul.reviews').innerText()).resolves.toContain('Näppäimistöllä tarkistettu.');
    const seen = await page.locator('form.review-form input[name="seen"]').inputValue();
    expect(seen).toBe(String(readRow<{ id: number }>(served.db, 'SELECT max(id) AS id FROM reviews WHERE item_id = 1').id));
    await page.goForward();
    await expect(page.locator('form.review-form input[name="seen"]').inputValue()).resolves.toBe(seen);
    expect(problems).toEqual([]);
  }, 90_000);

  it('two tabs on one item: the second\'s decision is refused (409) naming who reviewed it and when, its note shown and put back in its form', async () => {
    const { page: first, problems } = await openPage(browser, contexts, 320);
    await signInAt(first, base, REVIEWER, '/items/2');
    const second = await first.context().newPage();
    await second.goto(`${base}/items/2`);
    await note(first).fill('Ensimmäisen välilehden perustelu.');
    await sent(first, first.getByRole('button', { name: 'Tallenna tavoitteet' }).click());
    expect(reviews(2)).toBe(1);

    // The second tab, keyboard only: type the note, Tab to the button and press Enter.
    await note(second).focus();
    await second.keyboard.type('Toisen välilehden perustelu.');
    await second.keyboard.press('Tab');
    await Promise.all([second.waitForURL(`${base}/items/2/review`), second.keyboard.press('Enter')]);
    const main = await second.locator('main').innerText();
    expect(main).toMatch(/Asiakirjaa #2 on tarkistettu sen jälkeen, kun lomake avattiin \(juristi@example\.fi, \d{1,2}\.\d{1,2}\.\d{4} (klo )?\d{1,2}[.:]\d{2}\), joten tätä tarkistusta ei tallennettu/);
    await expect(second.locator('#typed').inputValue()).resolves.toBe('Toisen välilehden perustelu.');
    expect(reviews(2)).toBe(1);
    expect(await sidewaysScroll(second)).toBeLessThanOrEqual(0);
    await expectAccessible(second, '409 page at 320 px');
    // From the top of the refusal page, Tab reaches its way back to the form; there the note is in its field again.
    const back = second.getByRole('link', { name: 'Takaisin lomakkeeseen' });
    await tabTo(second, back);
    await sent(second, second.keyboard.press('Enter'));
    await expect(note(second).inputValue()).resolves.toBe('Toisen välilehden perustelu.');
    await expect(second.locator('ul.reviews').innerText()).resolves.toContain('Ensimmäisen välilehden perustelu.');
    // Sent again from the fresh form, it is saved, and the copy is gone.
    await sent(second, second.getByRole('button', { name: 'Tallenna tavoitteet' }).click());
    expect(reviews(2)).toBe(2);
    await expect(kept(second, 2)).resolves.toBeNull();
    expect(problems).toEqual([]);
  }, 90_000);

  it('a session that ended: the 401 page says nothing was saved and shows the note; signed in again, the item page has it back', async () => {
    const { page, problems } = await typedOn(5, 'Istunnon yli kirjoitettu huomautus.');
    const conn = openDb(served.db);
    try {
      conn.prepare("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").run();
    } finally {
      conn.close();
    }
    await note(page).focus();
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(`${base}/items/5/review`), page.keyboard.press('Enter')]);
    await expect(page.locator('main').innerText()).resolves.toContain('Istuntosi oli päättynyt, joten lomaketta ei tallennettu.');
    await expect(page.locator('#typed').inputValue()).resolves.toBe('Istunnon yli kirjoitettu huomautus.');
    expect(reviews(5)).toBe(0);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, '401 page at 320 px');
    await sent(page, page.getByRole('link', { name: 'Takaisin lomakkeeseen' }).click());
    await page.getByLabel('Sähköpostiosoite').waitFor();
    await signInAt(page, base, REVIEWER, '/items/5');
    await expect(note(page).inputValue()).resolves.toBe('Istunnon yli kirjoitettu huomautus.');
    await sent(page, page.getByRole('button', { name: 'Ei koske verkostoa' }).click());
    expect(readRow(served.db, 'SELECT relevant, note FROM reviews WHERE item_id = 5')).toEqual({ relevant: 0, note: 'Istunnon yli kirjoitettu huomautus.' });
    await page.reload();
    await expect(note(page).inputValue()).resolves.toBe('');
    // Signing out on purpose leaves no note in the tab.
    await note(page).fill('Kesken jäänyt.');
    await expect(kept(page, 5)).resolves.toContain('Kesken jäänyt.');
    await sent(page, page.getByRole('button', { name: 'Kirjaudu ulos' }).click());
    await expect(kept(page, 5)).resolves.toBeNull();
    expect(problems).toEqual([]);
  }, 90_000);

  it('on the board, the rows\' review forms are checked in the page, and a note kept for a row is put back in its form, its "Muokkaa" opened', async () => {
    const { page, problems } = await openPage(browser, contexts, 320);
    await signInAt(page, base, REVIEWER, '/board');
    const row = page.locator('table.board tr', { has: page.locator('form[action="/items/3/review"]') });
    // The board loads forms.js as the item page does (it loaded no script): a review with no goal is stopped in the page.
    await row.locator('details.row-actions > summary').click();
    const boxes = row.locator('form.review-form input[name="goals"]');
    for (const box of await boxes.all()) await box.uncheck();
    await row.getByRole('button', { name: 'Tallenna tavoitteet' }).click();
    await expect(boxes.first().evaluate((b: HTMLInputElement) => b.validationMessage))
      .resolves.toBe('Valitse vähintään yksi tavoite, tai merkitse asiakirja verkostolle kuulumattomaksi.');
    expect(page.url()).toBe(`${base}/board`);
    await boxes.first().check();
    await row.locator('form.review-form textarea[name="note"]').fill('Taululla kirjoitettu.');
    await page.reload();
    await expect(row.locator('details.row-actions').evaluate((d: HTMLDetailsElement) => d.open)).resolves.toBe(true);
    await expect(row.locator('form.review-form textarea[name="note"]').inputValue()).resolves.toBe('Taululla kirjoitettu.');
    await expect(row.locator('form.review-form input[name="seen"]').inputValue()).resolves.toBe('none');
    // Saved from the board: the copy is gone, and the row closed again on the next visit.
    await sent(page, row.getByRole('button', { name: 'Tallenna tavoitteet' }).click());
    await expect(kept(page, 3)).resolves.toBeNull();
    await page.goto(`${base}/board`);
    await expect(page.locator('details.row-actions[open]').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
  }, 90_000);

  it('a database another process holds: 503 with Retry-After, the note shown and kept; sent again after, saved', async () => {
    const { page, problems } = await typedOn(6, 'Lukon aikana kirjoitettu.');
    const holder = openDb(served.db);
    holder.exec('BEGIN IMMEDIATE');
    let status: number | undefined;
    let retry: string | undefined;
    try {
      page.once('response', (r) => r.url().endsWith('/items/6/review') && ((status = r.status()), (retry = r.headers()['retry-after'])));
      await Promise.all([page.waitForURL(`${base}/items/6/review`, { timeout: 15_000 }), page.getByRole('button', { name: 'Tallenna tavoitteet' }).click()]);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect([status, retry]).toEqual([503, '10']);
    await expect(page.locator('main').innerText()).resolves.toContain('Tietokanta on juuri varattu');
    await expect(page.locator('#typed').inputValue()).resolves.toBe('Lukon aikana kirjoitettu.');
    await expectAccessible(page, '503 page at 320 px');
    await sent(page, page.getByRole('link', { name: 'Takaisin lomakkeeseen' }).click());
    await expect(note(page).inputValue()).resolves.toBe('Lukon aikana kirjoitettu.');
    await sent(page, page.getByRole('button', { name: 'Tallenna tavoitteet' }).click());
    expect(readRow(served.db, 'SELECT note FROM reviews WHERE item_id = 6')).toEqual({ note: 'Lukon aikana kirjoitettu.' });
    await expect(kept(page, 6)).resolves.toBeNull();
    expect(problems).toEqual([]);
  }, 90_000);
});
