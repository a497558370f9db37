// Browser tests drive Debian's chromium through playwright-core (never a downloaded browser) against the real server.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

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
