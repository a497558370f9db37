// The items page's search as people type it: FTS5 syntax read as words (never an error page), a quoted phrase, and a
// page past the last one, which names the last page instead of looking like a search that found nothing.
import { describe, expect, it } from 'vitest';
import { arriveTagged, get, servePages, useSeededSite } from './support.js';

let site: Awaited<ReturnType<typeof servePages>>;
const ids: number[] = [];

useSeededSite('reader', (s) => ({ site } = s), {
  prepare: (db) => {
    const at = Date.now();
    const titles = ['Vesihuoltolaitoksen rahoitus turvataan', 'Vesihuoltolaitos ja sen rahoitus', 'Rahoitus vesihuoltolaitoksen kehittämiseen'];
    titles.forEach((title, n) => ids.push(arriveTagged(db, 'stm', { guid: `w${n}`, title, url: `https://stm.fi/w${n}`, published: new Date(at - n * 3_600_000).toISOString() })));
  },
});

const rowIds = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));
/** A link's address as the page wrote it (Handlebars escapes & and =). */
const href = (html: string) => html.replace(/&amp;/g, '&').replace(/&#x3D;/g, '=');
const search = (q: string, extra = '') => get(`${site.base}/items?q=${encodeURIComponent(q)}${extra}`);

describe('the items page search', () => {
  it.each([
    'NEAR(vesihuoltolaitos rahoitus, 2)', 'vesihuolto*', '^rahoitus', 'title:rahoitus', '{title}: rahoitus', '(rahoitus OR lager)',
    'rahoitus AND NOT', '"', '" rahoitus "" ', 'rahoitus -', 'OR', 'rahoitus OR OR', ':', '*', 'a"b"c', '-"rahoitus"',
  ])('%s is read as words: a page, or the words it lacks named, never an error page', async (q) => {
    const { status, body } = await search(q);
    expect([200, 400]).toContain(status);
    expect(body).toContain('<title>Asiakirjat – Lakivahti</title>');
    if (status === 400) expect(body).toContain('ei ole sanoja, joita hakea');
  });

  it('a quoted phrase finds its words next to each other in order, and marks them', async () => {
    const { status, body } = await search('"vesihuoltolaitoksen rahoitus"');
    expect(status).toBe(200);
    expect(rowIds(body)).toEqual([ids[0]]);
    expect(body).toContain('<mark>Vesihuoltolaitoksen</mark> <mark>rahoitus</mark>');
    expect(rowIds((await search('vesihuoltolaitoksen rahoitus')).body).sort()).toEqual([...ids].sort());
  });

  it('a page past the last names the last page, and that link shows the oldest matches', async () => {
    const { status, body } = await search('vesihuoltolaitos', `&before=${encodeURIComponent('2001-01-01T00:00:00.000Z_1')}`);
    expect(status).toBe(200);
    expect(rowIds(body)).toEqual([]);
    expect(body).not.toContain('Ei asiakirjoja näillä suodattimilla');
    expect(body).toContain('Hakutuloksia ei ole tämän sivun jälkeen');
    const last = /<a href="([^"]+)">Viimeinen sivu<\/a>/.exec(body);
    expect(last, body).not.toBeNull();
    const page = await get(`${site.base}${href(last![1])}`);
    expect(rowIds(page.body)).toEqual([...ids]);
    // With more matches than a page, the last page is the oldest of them, not the first page again.
    const many = await search('rahoitus', '&page=2');
    const first = rowIds((await search('rahoitus')).body);
    expect(first).toHaveLength(50);
    const lastOfMany = href(/<a href="([^"]+)">Viimeinen sivu<\/a>/.exec(many.body)![1]);
    const oldest = rowIds((await get(`${site.base}${lastOfMany}`)).body);
    expect(oldest.length).toBeGreaterThan(0);
    expect(oldest).not.toContain(first[0]);
    expect(oldest).not.toEqual(first);
  });

  it('a page number (?page=999) is named as one the list does not use, with its first and last pages', async () => {
    const { status, body } = await search('vesihuoltolaitos', '&page=999');
    expect(status).toBe(200);
    expect(body).toContain('Sivunumeroa 999 ei käytetä');
    expect(body).toMatch(/<a href="[^"]+">Viimeinen sivu<\/a>/);
    expect(rowIds(body)).toEqual([...ids]);
  });

  it('a search that finds nothing says so, past the end or not', async () => {
    for (const extra of ['', `&before=${encodeURIComponent('2001-01-01T00:00:00.000Z_1')}`]) {
      const { body } = await search('olematonsana', extra);
      expect(body).toContain('Ei asiakirjoja näillä suodattimilla');
      expect(body).not.toContain('Viimeinen sivu');
    }
  });
});
