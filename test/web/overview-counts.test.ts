// The overview's weekly counts are written as the page writes its other numbers: with a thousands space (the average
// beside them already was; the counts were written `1234`).
import { describe, expect, it } from 'vitest';
import { arriveUntagged, servePages, WEB_SOURCES, webDeps } from './support.js';
import { openDb, syncSources } from '../../src/store/index.js';

describe('the overview\'s weekly counts', () => {
  it('group thousands with a space, in the table and in the words beside the chart', async () => {
    const db = openDb(':memory:');
    syncSources(db, Object.values(WEB_SOURCES));
    const published = new Date().toISOString();
    arriveUntagged(db, 'stm', Array.from({ length: 1234 }, (_, i) => ({ guid: `n${i}`, title: `Tiedote ${i}`, published })));
    const site = await servePages(webDeps(db), 'reader');
    try {
      const { html } = await site.browser.get('/');
      const all = html.slice(html.indexOf('Kaikki saapuneet'));
      const row = all.slice(0, all.indexOf('</tr>'));
      expect(row).toMatch(/<td data-label="[^"]*">1\u00a0234 <span class="muted">/);
      expect(row).toMatch(/Kahdeksan viikkoa vanhimmasta uusimpaan: 0, 0, 0, 0, 0, 0, 0, 1\u00a0234</);
    } finally {
      await site.close();
      db.close();
    }
  }, 60_000);
});
