// The overview of a fresh database: it says when the sources will be read, and does not promise a crawl that a server
// with no scheduler (serve --no-schedule, or a read-only database) will never make.
import { describe, expect, it } from 'vitest';
import { servePages, webDeps } from './support.js';
import { openDb } from '../../src/store/index.js';

describe('the overview of an empty database', () => {
  it('promises the crawl only when this server crawls, and says how to crawl otherwise', async () => {
    for (const [crawlNow, text] of [
      [() => true, 'Ei vielä tallennettuja asiakirjoja. Lähteet haetaan käynnistyksen jälkeen ja sitten aikataulunsa mukaan.'],
      [undefined, 'Ei vielä tallennettuja asiakirjoja. Tämä palvelin ei hae lähteitä, koska ajastus ei ole käytössä; ne haetaan komennolla lakivahti crawl tai palvelimella, jonka ajastus on käytössä.'],
    ] as const) {
      const db = openDb(':memory:');
      const site = await servePages(webDeps(db, { crawlNow }), 'reader');
      try {
        const { html } = await site.browser.get('/');
        expect(html).toContain(`<p>${text}</p>`);
      } finally {
        await site.close();
        db.close();
      }
    }
  }, 60_000);
});
