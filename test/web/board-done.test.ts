// A handled board entry (vastaus lähetetty, suljettu, ei vastata) stays correctable: its row under "Käsitellyt" has the
// same forms as an open one. An item in no matter has no other board form (its page has only the review), so an entry
// closed by mistake, or a wrong response link, could not be undone in the web at all.
import { describe, expect, it } from 'vitest';
import { listBoardEntries, type Db } from '../../src/store/index.js';
import { servePages, useSeededSite, webDeps, type Seeded, type Site } from './support.js';

let db: Db;
let seeded: Seeded;
let site: Site;

useSeededSite('reviewer', (s) => ({ db, seeded, site } = s));

/** The handled rows' table of the board, or '' when there is none. */
const handled = (html: string) => /<caption>Käsitellyt<\/caption>[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';

describe('a handled board entry', () => {
  it('of an item in no matter can be corrected and reopened from the board', async () => {
    // A press release: no identifiers, so in no matter.
    const item = seeded.releases[0];
    expect(db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(item)).toBeNull();
    const b = site.browser;
    const token = await b.token();
    const closed = await b.post(`/items/${item}/board`, { _csrf: token, status: 'closed', owner: 'Maija' });
    expect(closed.res.status).toBe(303);
    const done = handled((await b.get('/board')).html);
    expect(done).toContain(`<tr id="rivi-i${item}">`);
    // Its form, with the entry's values, comes back to its row.
    expect(done).toContain(`<form method="post" action="/items/${item}/board" class="actions board-form">`);
    expect(done).toContain(`<option value="closed" selected>suljettu</option>`);
    expect(done).toContain(`<input type="hidden" name="back" value="/board#rivi-i${item}">`);
    const reopened = await b.post(`/items/${item}/board`, { _csrf: token, status: 'review', owner: 'Maija', back: `/board#rivi-i${item}` });
    expect([reopened.res.status, reopened.res.headers.get('location')]).toEqual([303, `/board#rivi-i${item}`]);
    expect(listBoardEntries(db).find((e) => e.itemId === item)?.status).toBe('review');
    expect(handled((await b.get('/board')).html)).not.toContain(`rivi-i${item}"`);
  });

  it('of a matter, likewise (besides the matter page)', async () => {
    const b = site.browser;
    const token = await b.token();
    const matter = db.prepare('SELECT matter_id FROM items WHERE id = ?').pluck().get(seeded.request) as number;
    await b.post(`/matters/${matter}/board`, { _csrf: token, status: 'submitted', response_url: 'https://www.lausuntopalvelu.fi/vastaus/1' });
    const done = handled((await b.get('/board')).html);
    expect(done).toContain(`<form method="post" action="/matters/${matter}/board" class="actions board-form">`);
    expect(done).toContain('value="https://www.lausuntopalvelu.fi/vastaus/1"');
  });

  it('shows no form to a reader', async () => {
    const reader = await servePages(webDeps(db), 'reader');
    try {
      const done = handled((await reader.browser.get('/board')).html);
      expect(done).toContain('<caption>Käsitellyt</caption>');
      expect(done).not.toContain('<form');
    } finally {
      await reader.close();
    }
  });
});
