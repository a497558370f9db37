// Titles as sources may write them: decomposed letters (NFD), soft hyphens and bidi controls inside words.
// Each is found by a search typed as people type it, marked, and shown as the reader would read it.
import { describe, expect, it } from 'vitest';
import { arriveTagged, get, servePages, tagStage, useSeededSite } from './support.js';
import { searchQuery } from '../../src/tag/index-terms.js';

let site: Awaited<ReturnType<typeof servePages>>;
const ids: Record<string, number> = {};

useSeededSite('reader', (s) => ({ site } = s), {
  prepare: (db) => {
    const at = new Date().toISOString();
    ids.nfd = arriveTagged(db, 'stm', { guid: 'nfd', title: 'Sa\u0308a\u0308do\u0308sluonnos kiertää lausunnolla', url: 'https://stm.fi/nfd', published: at });
    ids.sv = arriveTagged(db, 'riksdagen', { guid: 'sv', title: 'A\u030alands la\u030angsiktiga räddningsplan', url: 'https://stm.fi/sv', published: at, language: 'sv' });
    ids.shy = arriveTagged(db, 'stm', { guid: 'shy', title: 'Vapaa\u00adehtoistoiminnan avustukset 2027', url: 'https://stm.fi/shy', published: at });
    ids.rlo = arriveTagged(db, 'stm', { guid: 'rlo', title: 'Kunnan\u202e tiedote\u202c ja\u200f lomake', url: 'https://stm.fi/rlo', published: at });
  },
});

const rowIds = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));
const search = async (q: string) => get(`${site.base}/items?q=${encodeURIComponent(q)}`);

describe('text a source wrote with invisible or decomposed characters', () => {
  it('an NFD title is found by an NFC search (and an NFD one), marked and shown composed', async () => {
    for (const q of ['säädösluonnos', 'sa\u0308a\u0308do\u0308sluonnos']) {
      const { status, body } = await search(q);
      expect(status).toBe(200);
      expect(rowIds(body)).toContain(ids.nfd);
      expect(body).toContain('<mark>Säädösluonnos</mark>');
    }
    expect((await get(`${site.base}/items/${ids.nfd}`)).body).toContain('Säädösluonnos kiertää lausunnolla');
  });

  it('a Swedish å written as a + ring is found as å', async () => {
    const { body } = await search('långsiktiga');
    expect(rowIds(body)).toContain(ids.sv);
    expect(body).toContain('<mark>långsiktiga</mark>');
  });

  it('a soft hyphen inside a word neither splits it for search nor stays in the shown title', async () => {
    const { body } = await search('vapaaehtoistoiminnan');
    expect(rowIds(body)).toContain(ids.shy);
    const page = (await get(`${site.base}/items/${ids.shy}`)).body;
    expect(page).toContain('Vapaaehtoistoiminnan avustukset 2027');
    expect(page).not.toMatch(/\u00ad|&shy;|&#173;|&#xad;/i);
  });

  it('a soft hyphen or zero-width space typed (pasted) inside a search word joins it, as stored text joins it', async () => {
    for (const q of ['vapaa\u00adehtoistoiminnan', 'vapaa\u200behtoistoiminnan', 'vapaaehtoistoiminnan avus\u00adtukset']) {
      const { status, body } = await search(q);
      expect(status).toBe(200);
      expect(rowIds(body)).toEqual([ids.shy]);
      expect(body).toContain('<mark>Vapaaehtoistoiminnan</mark>');
      expect(searchQuery(q, tagStage().analyzer)).toBe(searchQuery(q.replace(/[\u00ad\u200b]/g, ''), tagStage().analyzer));
    }
  });

  it('bidi controls are not kept: a right-to-left override cannot turn the title or the page around', async () => {
    const page = (await get(`${site.base}/items/${ids.rlo}`)).body;
    expect(page).toContain('Kunnan tiedote ja lomake');
    expect(page).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
    expect(rowIds((await search('tiedote')).body)).toContain(ids.rlo);
  });
});
