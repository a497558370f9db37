// Browser tests drive Debian's chromium through playwright-core (never a downloaded browser) against the real server.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from '../helpers/web.js';

export const CHROMIUM = process.env.LAKIVAHTI_CHROMIUM || '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM);
/** CI sets this: a missing browser then fails the run instead of skipping. */
export const chromiumRequired = process.env.LAKIVAHTI_REQUIRE_CHROMIUM === '1';
export const MISSING = `browser tests SKIPPED: no chromium at ${CHROMIUM}; install it with \`apt-get install chromium\` (or set LAKIVAHTI_CHROMIUM)`;

if (!hasChromium) {
  // Loud, never silent: on stderr at load, and in the skipped suite's name.
  process.stderr.write(`\n${'!'.repeat(100)}\n!! ${MISSING}\n${'!'.repeat(100)}\n\n`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2.1 A and AA rules on the page as it is. The script is evaluated through the DevTools protocol,
 * which the page's CSP (no inline script) does not govern, so the page is tested under its real policy.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** Whether the page scrolls sideways (its content is wider than the window). */
export const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/**
 * Words in table cells that the browser breaks across lines (a date as "27./11./2026", "valiokuntakäsittely" one
 * syllable a line): a wide window has room for every word whole.
 */
export const brokenWords = (page: Page) =>
  page.evaluate(() => {
    const broken: string[] = [];
    for (const cell of document.querySelectorAll('th, td')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const m of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(m[0]);
        }
      }
    }
    return broken;
  });

/** A fresh browser profile at this width (kept in `contexts` to close); anything a page tries to run (a dialog, an error) lands in `problems`. */
export async function openPage(browser: Browser, contexts: BrowserContext[], width = 1366): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fi-FI' });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('dialog', (d) => (problems.push(`dialog: ${d.message()}`), void d.dismiss()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Content Security Policy|Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
  return { page, problems };
}

/** Open `at` on the site at `base`, sign in through its form (the test password) and land back on `at`. */
export async function signInAt(page: Page, base: string, email: string, at: string): Promise<void> {
  await page.goto(base + at);
  await page.getByLabel('Sähköpostiosoite').fill(email);
  await page.getByLabel('Salasana').fill(PASSWORD);
  await Promise.all([page.waitForURL(base + at), page.getByRole('button', { name: 'Kirjaudu' }).click()]);
}

/** One row from the database file the server uses, read through a read-only connection of its own. */
export function readRow<T>(file: string, sql: string, ...args: unknown[]): T {
  const conn = new Database(file, { readonly: true });
  try {
    return conn.prepare(sql).get(...args) as T;
  } finally {
    conn.close();
  }
}

/** The page as it is has no axe-core violations (WCAG 2.1 AA); the message lists them. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `${what}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}
