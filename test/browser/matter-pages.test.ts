// A matter of more items than a page shows, in chromium with JavaScript off, by keyboard: its pages' links lead from page
// to page with the place in the address, and on a later page the merge and split forms come back to that page and the
// item links lead to the review form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { saveRun } from '../../src/store/index.js';
import { contentHash } from '../../src/normalize/key.js';
import type { TaggedItem } from '../../src/model.js';
import { serveWorkbench, type ServedWorkbench } from './served.js';
import { hasChromium, MISSING, readRow, signInAt } from './support.js';

const REVIEWER = 'juristi@example.fi';
/** Project notes about matter 1's diary number, older than its two items: 120 + 2 items, three pages of 50. */
const EXTRA = 120;

function note(n: number): TaggedItem {
  const i: Omit<TaggedItem, 'hash'> = {
    sourceId: 'hankeikkuna', key: `muistio-${n}`, guid: `muistio-${n}`, url: `https://example.fi/muistio-${n}`, title: `Hankemuistio ${n}`,
    summary: 'Muistio.', contentHtml: '', published: new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString(), updated: null, deadline: null,
    language: 'fi', organisation: 'Sisäministeriö', kind: 'project', stage: null, identifiers: [{ type: 'diary', value: 'VN/1/2026', role: 'about' }],
    consultation: null, searchTerms: '', tags: null,
  };
  return { ...i, hash: contentHash(i) };
}

describe.skipIf(!hasChromium)(hasChromium ? 'a matter\'s pages in chromium, JavaScript off' : MISSING, () => {
  let served: ServedWorkbench;
  let base: string;
  let browser: Browser;
  let contexts: BrowserContext[];
  let page: Page;

  beforeAll(async () => {
    served = await serveWorkbench('matter-pages', [[REVIEWER, 'reviewer']], (conn) => {
      const now = new Date().toISOString();
      saveRun(conn, { run: { sourceId: 'hankeikkuna', startedAt: now, finishedAt: now, status: 'ok', found: EXTRA, created: 0, updated: 0, error: null, notes: [] },
        nextRunAt: null, items: Array.from({ length: EXTRA }, (_, n) => note(n)) });
    });
    ({ base, browser, contexts } = served);
    const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fi-FI', viewport: { width: 1366, height: 900 } });
    contexts.push(context);
    page = await context.newPage();
    await signInAt(page, base, REVIEWER, '/matters/1');
  }, 90_000);

  afterAll(() => served?.stop(), 30_000);

  /** The items the page's tables list (grouped by source, so in the page's order, not the list's). */
  const rows = () => page.locator('#docs ~ table tbody th a[href^="/items/"], section[aria-labelledby="docs"] tbody th a[href^="/items/"]').evaluateAll(
    (links) => links.map((a) => Number(a.getAttribute('href')!.slice('/items/'.length))));
  /** Follow a link by the keyboard: focus it as Tab would reach it, then Enter. */
  const enter = async (name: string) => {
    const link = page.getByRole('link', { name, exact: true });
    expect(await link.evaluate((a) => (a as HTMLElement).tabIndex)).toBe(0);
    await link.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
  };

  it('pages through its items oldest first, each page of 50 in the address, and back', async () => {
    const ids = (await readRow<{ ids: string }>(served.db, 'SELECT json_group_array(id) AS ids FROM (SELECT id FROM items WHERE matter_id = 1 ORDER BY sort_key, id)'));
    const order = JSON.parse(ids.ids) as number[];
    expect(order).toHaveLength(EXTRA + 2);
    expect(new Set(await rows())).toEqual(new Set(order.slice(0, 50)));
    await expect(page.getByText('Asiakokonaisuudessa on 122 asiakirjaa').count()).resolves.toBe(1);
    await enter('Uudemmat');
    expect(page.url()).toMatch(/\/matters\/1\?after=[^&]+#docs$/);
    expect(new Set(await rows())).toEqual(new Set(order.slice(50, 100)));
    // The last page is the newest 50; the page before it the 50 before those.
    await enter('Viimeinen sivu');
    expect(new Set(await rows())).toEqual(new Set(order.slice(-50)));
    expect(await page.getByRole('link', { name: 'Uudemmat', exact: true }).count()).toBe(0);
    await enter('Vanhemmat');
    expect(new Set(await rows())).toEqual(new Set(order.slice(-100, -50)));
  });

  it('on a later page, splits an item off and merges a matter, each time back on that page with the notice', async () => {
    const here = page.url().replace(/#.*/, '');
    const [second] = await rows(); // the page's first item
    await page.getByText('Yhdistä tai erota asioita').click();
    await page.getByLabel('Erota asiasta asiakirja numero').fill(String(second));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Erota', exact: true }).press('Enter')]);
    expect(page.url().replace(/#.*/, '')).toBe(here);
    expect(await page.locator('#viesti').innerText()).not.toBe('');
    expect(readRow<{ m: number }>(served.db, 'SELECT matter_id AS m FROM items WHERE id = ?', second).m).not.toBe(1);
    const other = readRow<{ m: number }>(served.db, "SELECT matter_id AS m FROM items WHERE key = 'hanke2'").m;
    await page.getByText('Yhdistä tai erota asioita').click();
    await page.getByLabel('Yhdistä tähän asiaan asia numero').fill(String(other));
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Yhdistä', exact: true }).press('Enter')]);
    expect(page.url().replace(/#.*/, '')).toBe(here);
    expect(readRow<{ m: number }>(served.db, "SELECT matter_id AS m FROM items WHERE key = 'hanke2'").m).toBe(1);
  });

  it('leads from a later page\'s item to its review form', async () => {
    const [first] = await rows();
    await Promise.all([page.waitForEvent('load'), page.locator(`a[href="/items/${first}"]`).first().press('Enter')]);
    expect(page.url()).toBe(`${base}/items/${first}`);
    await expect(page.locator('form.review-form').count()).resolves.toBe(1);
  });
});
