// A matter's changes in chromium with right-to-left titles (Arabic, Hebrew): "Asian otsikko muuttui: "OLD" → "NEW""
// reads left to right, the old title before the arrow. Between two right-to-left titles the quotes and the arrow took
// their direction, and the line showed the new title first: a change read backwards. Each title is isolated now.
// Titles alone in their element (lists, the matter's header, the digest's HTML) were screenshot and show no harm.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { listeningAt, start, type Child } from '../helpers/process.js';
import { addUser } from '../helpers/web.js';
import { seedDigestDb } from '../digest/seed.js';
import { hasChromium, launch, MISSING, signInAt } from './support.js';

const CHANGES: [old: string, now: string][] = [
  ['قانون قديم', 'قانون جديد'],
  ['חוק ההצלה הישן', 'חוק ההצלה החדש'],
  ['Vanha otsikko', 'Uusi otsikko'],
];

describe.skipIf(!hasChromium)(hasChromium ? "a matter's title changes with right-to-left titles, in chromium" : MISSING, () => {
  let dir: string;
  let child: Child;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-matter-bidi-'));
    const file = path.join(dir, 'db.sqlite');
    const db = seedDigestDb(file);
    const at = new Date().toISOString();
    for (const [old, now] of CHANGES)
      db.prepare("INSERT INTO matter_events (matter_id, type, old_value, new_value, at, item_id) VALUES (1, 'title', ?, ?, ?, NULL)").run(old, now, at);
    await addUser(db, 'lakimies@example.fi', 'reviewer');
    db.close();
    child = start(['serve', '--port', '0', '--no-schedule', '--db', file]);
    const base = await listeningAt(child);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: 'fi-FI' });
    await signInAt(page, base, 'lakimies@example.fi', '/matters/1');
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    child?.proc.kill('SIGTERM');
    await child?.done;
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(CHANGES)('"%s" → "%s": the old title is shown left of the arrow, the new one right of it', async (old, now) => {
    const place = await page.evaluate(([o, n]) => {
      const li = [...document.querySelectorAll('li')].find((l) => l.textContent!.includes(o) && l.textContent!.includes('→'))!;
      const walker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      const left = (s: string) => {
        for (let t = walker.nextNode(); t; t = walker.nextNode()) {
          const at = t.textContent!.indexOf(s);
          if (at < 0) continue;
          const r = document.createRange();
          r.setStart(t, at);
          r.setEnd(t, at + s.length);
          walker.currentNode = li;
          return r.getBoundingClientRect().left;
        }
        return NaN;
      };
      return { old: left(o), arrow: left('→'), now: left(n) };
    }, [old, now] as const);
    expect(place.old).toBeLessThan(place.arrow);
    expect(place.arrow).toBeLessThan(place.now);
  });
});
