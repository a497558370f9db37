// A title with a word longer than a phone is wide (a Finnish compound, a URL-like code) at 390 px: no page scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { openDb } from '../../src/store/index.js';
import { start, type Child } from '../helpers/process.js';
import { addUser } from '../helpers/web.js';
import { seedWorkbench } from './seed.js';
import { chromiumRequired, hasChromium, launch, MISSING, openPage, sidewaysScroll, signInAt } from './support.js';

const LONG = 'Pelastustoimenjärjestämislakiuudistusvalmisteluasiakirjaluonnoskommentointikierroksenyhteenvetoraportti';

describe.skipIf(!hasChromium && !chromiumRequired)(hasChromium ? 'long words at 390 px' : MISSING, () => {
  let dir: string;
  let child: Child;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-long-words-'));
    const db = path.join(dir, 'long.sqlite');
    const conn = openDb(db);
    seedWorkbench(conn);
    conn.prepare('UPDATE items SET title = ? WHERE id IN (1, 2)').run(`Lausuntopyyntö: ${LONG}`);
    conn.prepare("UPDATE items SET organisation = ? WHERE id = 1").run(`${LONG}keskus`);
    await addUser(conn, 'juristi@example.fi', 'reviewer');
    conn.close();
    child = start(['serve', '--port', '0', '--no-schedule', '--db', db]);
    base = (JSON.parse(await child.line(/"event":"listening"/, 30_000)) as { url: string }).url.replace(/\/$/, '');
    browser = await launch();
  }, 90_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    child?.proc.kill('SIGTERM');
    await child?.done;
    fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('no page scrolls sideways', async () => {
    const { page } = await openPage(browser, contexts, 390);
    await signInAt(page, base, 'juristi@example.fi', '/board');
    const wide: Record<string, number> = {};
    for (const at of ['/board', '/items', '/items/1', '/matters/1', '/matters', '/', `/items?q=${encodeURIComponent('lausuntopyyntö')}`]) {
      await page.goto(base + at);
      const px = await sidewaysScroll(page);
      if (px > 0) wide[at] = px;
    }
    expect(wide).toEqual({});
  }, 60_000);
});
