// A source whose feed needs a password is defined with it in its URL (https://user:password@host/…; the fetch sends
// it as Basic authorization). The sources page links every source's address for every signed-in person, readers
// too: found by h-probe-53 showing `href="https://lakivahti:salasana123@…"`. The link leaves the password out.
import { describe, expect, it } from 'vitest';
import { useSite, WEB_SOURCES, type ServedStore } from './support.js';

let s: ServedStore;
useSite('reader', (site) => {
  s = site;
}, { deps: { sources: [...Object.values(WEB_SOURCES), { ...WEB_SOURCES.stm, id: 'private', name: 'Suljettu syöte', url: 'https://lakivahti:salasana123@feeds.example.fi/rss?x=1' }] } });

describe('a source address with a password', () => {
  it('is linked without its user name and password on the sources page', async () => {
    const page = await s.site.browser.get('/sources');
    expect(page.html).toContain('href="https://feeds.example.fi/rss?x&#x3D;1"');
    expect(page.html).not.toContain('salasana123');
    expect(page.html).not.toContain('lakivahti:');
  });
});
