// A title with a word longer than a phone is wide (a Finnish compound, a URL-like code) at 390 px: no page scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkbench, type ServedWorkbench } from './served.js';
import { chromiumRequired, hasChromium, MISSING, openPage, sidewaysScroll, signInAt } from './support.js';

const LONG = 'Pelastustoimenjärjestämislakiuudistusvalmisteluasiakirjaluonnoskommentointikierroksenyhteenvetoraportti';

describe.skipIf(!hasChromium && !chromiumRequired)(hasChromium ? 'long words at 390 px' : MISSING, () => {
  let served: ServedWorkbench;

  beforeAll(async () => {
    served = await serveWorkbench('long-words', [['juristi@example.fi', 'reviewer']], (conn) => {
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
});
