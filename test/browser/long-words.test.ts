// A title with a word longer than a phone is wide (a Finnish compound, a URL-like code) at 390 px: no page scrolls sideways;
// nor does the digest e-mail at 320 px, the message as recipients get it (/digest/preview), in Finnish and Swedish.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkbench, type ServedWorkbench } from './served.js';
import { chromiumRequired, hasChromium, MISSING, openPage, sidewaysScroll, signInAt } from './support.js';

const LONG = 'Pelastustoimenjärjestämislakiuudistusvalmisteluasiakirjaluonnoskommentointikierroksenyhteenvetoraportti';

describe.skipIf(!hasChromium && !chromiumRequired)(hasChromium ? 'long words at 390 px' : MISSING, () => {
  let served: ServedWorkbench;

  beforeAll(async () => {
    served = await serveWorkbench('long-words', [['juristi@example.fi', 'reviewer'], ['sihteeri@example.fi', 'admin']], (conn) => {
      conn.prepare('UPDATE items SET title = ? WHERE id IN (1, 2)').run(`Lausuntopyyntö: ${LONG}`);
      conn.prepare('UPDATE items SET organisation = ? WHERE id = 1').run(`${LONG}keskus`);
    });
  }, 90_000);

  afterAll(() => served?.stop(), 30_000);

  it('no page scrolls sideways', async () => {
    const { page } = await openPage(served.browser, served.contexts, 390);
    await signInAt(page, served.base, 'juristi@example.fi', '/board');
    const wide: Record<string, number> = {};
    for (const at of ['/board', '/items', '/items/1', '/matters/1', '/matters', '/', `/items?q=${encodeURIComponent('lausuntopyyntö')}`]) {
      await page.goto(served.base + at);
      const px = await sidewaysScroll(page);
      if (px > 0) wide[at] = px;
    }
    expect(wide).toEqual({});
  }, 60_000);

  it('the digest e-mail scrolls no phone sideways at 320 px', async () => {
    const { page } = await openPage(served.browser, served.contexts, 320);
    await signInAt(page, served.base, 'sihteeri@example.fi', '/digest');
    const wide: Record<string, number> = {};
    for (const lang of ['fi', 'sv']) {
      await page.goto(`${served.base}/digest/preview?lang=${lang}`);
      await expect(page.getByText(LONG).count()).resolves.toBeGreaterThan(0);
      const px = await sidewaysScroll(page);
      if (px > 0) wide[lang] = px;
      // The heading's words fit whole ("Partnerskapsnätverkets" broke in two once the long word could break).
      const heading = await page.locator('h1').evaluate((h) => {
        const range = document.createRange();
        range.selectNodeContents(h);
        return { lines: new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size, words: (h.textContent ?? '').trim().split(/\s+/).length };
      });
      expect(heading.lines).toBeLessThanOrEqual(heading.words);
    }
    expect(wide).toEqual({});
  }, 60_000);
});
