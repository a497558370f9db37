// The board with nothing open: it says so only when the sources could be read. On a fresh database (nothing fetched
// yet) it said "Taululla ei ole avoimia asioita, eikä avoimia lausuntopyyntöjä …", an all-clear the overview never gives.
import { describe, expect, it } from 'vitest';
import { openDb, saveRun, syncSources } from '../../src/store/index.js';
import { failRun, servePages, WEB_SOURCES, webDeps } from './support.js';

/** The paragraph after the board's glance (the counts), where an empty board says why. */
const emptyLine = (html: string) => /<p(?: class="warning")?>[^<]*<\/p>/.exec(html.slice(html.indexOf('</ul>', html.indexOf('class="glance"'))))?.[0];

describe('the board with nothing open', () => {
  it('names what it does not know: no source read yet, some failing; and only then that nothing is open', async () => {
    const db = openDb(':memory:');
    syncSources(db, Object.values(WEB_SOURCES));
    const site = await servePages(webDeps(db), 'reviewer');
    try {
      const board = async () => (await site.browser.get('/board')).html;
      expect(emptyLine(await board())).toBe('<p class="warning">Lähteitä ei ole saatu haettua, joten avoimista lausuntopyynnöistä ei ole tietoa.</p>');
      // Every source read but one failing: what is missing may be there.
      const now = new Date().toISOString();
      for (const def of Object.values(WEB_SOURCES))
        saveRun(db, { run: { sourceId: def.id, startedAt: now, finishedAt: now, status: 'ok', found: 0, created: 0, updated: 0, error: null, notes: [] }, nextRunAt: null });
      failRun(db, 'lausuntopalvelu', 'fetch: the server answered HTTP 503 Service Unavailable');
      expect(emptyLine(await board())).toBe('<p class="warning">Avoimia yhteistä vastausta odottavia lausuntopyyntöjä ei löytynyt haetuista lähteistä, mutta kaikkia lähteitä ei saatu haettua: listasta voi puuttua lausuntopyyntöjä.</p>');
      // All read: nothing open, said plainly.
      saveRun(db, { run: { sourceId: 'lausuntopalvelu', startedAt: now, finishedAt: now, status: 'ok', found: 0, created: 0, updated: 0, error: null, notes: [] }, nextRunAt: null });
      expect(emptyLine(await board())).toBe('<p>Taululla ei ole avoimia asioita, eikä avoimia lausuntopyyntöjä, joihin verkoston kannattaisi vastata yhdessä.</p>');
    } finally {
      await site.close();
      db.close();
    }
  }, 60_000);

  it('in Swedish for a Swedish reader', async () => {
    const db = openDb(':memory:');
    const site = await servePages(webDeps(db), 'reader');
    try {
      db.prepare("UPDATE users SET language = 'sv'").run();
      expect(emptyLine((await site.browser.get('/board')).html)).toBe('<p class="warning">Källorna har inte kunnat hämtas, så det finns inga uppgifter om öppna remisser.</p>');
    } finally {
      await site.close();
      db.close();
    }
  }, 60_000);
});
