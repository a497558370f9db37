import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import eduskunta, { FIELDS, searchQueries, searchUrl } from '../../src/sources/eduskunta.js';
import { latestEvent, matterItem } from '../../src/sources/eduskunta-map.js';
import type { SourceDef } from '../../src/model.js';
import { startMirror, mirrorUrl, type Mirror } from '../../src/demo/mirror.js';
import { StageError } from '../../src/errors.js';
import type { RawItem } from '../../src/model.js';
import { reply, startServer } from '../helpers/server.js';
import { testContext } from '../helpers/source.js';
import { FIXTURES_DIR, loadDef } from './yaml-def.js';

const dir = path.join(FIXTURES_DIR, 'eduskunta');

describe('eduskunta source', () => {
  let mirror: Mirror;
  let items: RawItem[];
  const byGuid = (guid: string) => items.find((i) => i.guid === guid)!;

  beforeAll(async () => {
    mirror = await startMirror(dir);
    const real = loadDef('eduskunta');
    const result = await eduskunta.collect(loadDef('eduskunta', mirrorUrl(real.url, mirror.origin)), testContext());
    if (result === 'not-modified') throw new Error('unexpected not-modified');
    items = result as RawItem[];
  });
  afterAll(() => mirror.close());

  it('returns every matter and every committee report or statement, skipping other document types', () => {
    expect(items.map((i) => i.guid)).toEqual([
      'HE 199/2026 vp',
      'HE 196/2026 vp',
      'HE 190/2026 vp',
      'HE 183/2026 vp',
      'HE 171/2026 vp',
      'HE 158/2026 vp',
      'EDK-2026-AK-319140',
      'EDK-2026-AK-318511',
      // HaVP 61/2026 vp (a committee's minutes) came back from the fuzzy search and is left out.
      'EDK-2026-AK-318877',
      'EDK-2026-AK-318104',
      'EDK-2026-AK-317433',
      'EDK-2026-AK-315002',
    ]);
  });

  it('maps a government proposal field by field, dated by its latest processing event', () => {
    const he = byGuid('HE 196/2026 vp');
    expect(he.title).toBe('HE 196/2026 vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta');
    expect(he.url).toBe('https://www.eduskunta.fi/asiat-ja-aanestykset/valtiopaivaasiat/HE%20196%2F2026%20vp');
    expect(he.kind).toBe('bill');
    expect(he.stage).toBe('Valiokuntakäsittely');
    // kasittelyt.fi is unsorted: the last array entry is from 19.11., the newest event from 24.11.
    expect(he.published).toBe('2026-11-24');
    expect(he.updated).toBe('2026-11-24T14:40:09.532+00:00');
    expect(he.identifiers).toEqual(['HE 196/2026 vp', 'EDK-2026-AK-312455']);
    // Its key documents are stated as part of the matter: a committee's statement on it joins it.
    expect(he.about).toEqual(['StVL 19/2026 vp']);
    expect(he.language).toBe('fi');
    expect(he.organisation).toBe('Eduskunta');
    expect(he.summary).toBe(
      'Tila: Käsittelyssä. Viimeisin käsittely 2026-11-24: Asiantuntijakuuleminen. ' +
        'Asiasanat: pelastustoimi, pelastuslaitokset, hyvinvointialueet, onnettomuuksien ehkäisy. ' +
        'Keskeiset asiakirjat: StVL 19/2026 vp (Sosiaali- ja terveysvaliokunta).',
    );
  });

  it('states committee documents and the reply as part of a bill, never its plenary minutes', () => {
    const doc = (eduskuntatunnus: string) => ({ eduskuntatunnus });
    const item = matterItem({ eduskuntatunnus: 'HE 184/2026 vp', nimeke: 'Hallituksen esitys', keskeisetAsiakirjat: { fi: [
      doc('HE 184/2026 vp'), doc('PTK 12/2026 vp'), doc('HaVM 41/2026 vp'), doc('PeVL 3/2026 vp'), doc('EV 55/2026 vp'), doc('KK 5/2026 vp'),
    ] } }, { id: 'eduskunta', organisation: 'Eduskunta', itemKind: 'bill' } as SourceDef);
    expect(item.about).toEqual(['HaVM 41/2026 vp', 'PeVL 3/2026 vp', 'EV 55/2026 vp']);
  });

  it('breaks a same-day tie between events by jarjestys', () => {
    const he = byGuid('HE 171/2026 vp');
    expect(he.published).toBe('2026-11-25');
    expect(he.stage).toBe('Ensimmäinen käsittely');
    expect(he.summary).toContain('Viimeisin käsittely 2026-11-25: Ensimmäinen käsittely.');
    expect(he.summary).toContain('Keskeiset asiakirjat: HaVM 24/2026 vp (Hallintovaliokunta).');
  });

  it('falls back to the publication time for a matter with no processing events yet', () => {
    const he = byGuid('HE 199/2026 vp');
    expect(he.published).toBe('2026-11-27T08:15:32.117+00:00');
    expect(he.stage).toBe('Annettu eduskunnalle');
    expect(he.summary).toBe('Tila: Käsittelyssä. Asiasanat: valmiuslaki, poikkeusolot, varautuminen.');
  });

  it('maps a committee report field by field', () => {
    const doc = byGuid('EDK-2026-AK-318877');
    expect(doc).toEqual({
      guid: 'EDK-2026-AK-318877',
      url: 'https://www.eduskunta.fi/valtiopaivaasiakirjat/HaVM+24/2026',
      title:
        'HaVM 24/2026 vp Hallituksen esitys eduskunnalle laeiksi hätäkeskustoiminnasta annetun lain ja ' +
        'julkisen hallinnon turvallisuusverkkotoiminnasta annetun lain muuttamisesta',
      summary: 'Valiokunnan mietintö, Hallintovaliokunta',
      published: '2026-11-24T13:02:11.402+00:00',
      language: 'fi',
      organisation: 'Hallintovaliokunta',
      kind: 'committee-report',
      identifiers: ['HaVM 24/2026 vp', 'EDK-2026-AK-318877'],
    });
  });

  it('maps a committee statement (…VL) as a committee report too', () => {
    const doc = byGuid('EDK-2026-AK-318511');
    expect(doc.title).toBe('StVL 19/2026 vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta');
    expect(doc.kind).toBe('committee-report');
    expect(doc.organisation).toBe('Sosiaali- ja terveysvaliokunta');
    expect(doc.url).toBe('https://www.eduskunta.fi/valtiopaivaasiakirjat/StVL+19/2026');
  });

  it('sends the configured committees and lets options.queries replace the defaults', () => {
    const [, documents] = searchQueries({ committees: ['HaV'] }) as { expression: { and: unknown[] } }[];
    expect(JSON.stringify(documents.expression)).toContain('"HaVM"');
    expect(JSON.stringify(documents.expression)).not.toContain('"StVM"');
    const own = [{ category: 'valtiopaivaasia', maxResults: 5 }];
    expect(searchQueries({ queries: own })).toEqual([{ ...own[0], fields: { operation: 'include', list: FIELDS.valtiopaivaasia } }]);
    const selected = [{ category: 'asiakirja', fields: { operation: 'exclude', list: ['fullText'] } }];
    expect(searchQueries({ queries: selected })).toEqual(selected);
    expect(searchUrl(loadDef('eduskunta'), own[0])).toBe(
      'https://api.eduskunta.fi/api/v1/search?q=%7B%22category%22%3A%22valtiopaivaasia%22%2C%22maxResults%22%3A5%7D',
    );
  });

  it('orders events by date, then jarjestys', () => {
    const e = latestEvent([
      { tapahtumapvm: '2026-11-25', jarjestys: 2, yleinenkasittelyvaihe: 'B' },
      { tapahtumapvm: '2026-11-25', jarjestys: 10, yleinenkasittelyvaihe: 'C' },
      { tapahtumapvm: '2026-11-24', jarjestys: 99, yleinenkasittelyvaihe: 'A' },
    ]);
    expect(e?.yleinenkasittelyvaihe).toBe('C');
  });
});

describe('eduskunta source errors', () => {
  const collectFrom = async (body: string, type: string) => {
    const server = await startServer({ '/api/v1/search': reply(body, { 'content-type': type }) });
    try {
      return await eduskunta.collect(loadDef('eduskunta', `${server.url}/api/v1/search`), testContext());
    } finally {
      await server.close();
    }
  };

  it('reports an HTML page (CAPTCHA, WAF) where JSON was expected as a parse error', async () => {
    const html = fs.readFileSync(path.join(dir, 'blocked.html'), 'utf8');
    const err = await collectFrom(html, 'text/html; charset=utf-8').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StageError);
    expect((err as StageError).stage).toBe('parse');
    expect((err as StageError).message).toBe('parse: the server returned an HTML page where JSON was expected');
  });

  it('catches an HTML page even when it is labelled as JSON', async () => {
    await expect(collectFrom('<!DOCTYPE html><html><body>Huoltokatko</body></html>', 'application/json')).rejects.toThrow(
      'parse: the server returned an HTML page where JSON was expected',
    );
  });

  it('names the missing field when the format changes', async () => {
    await expect(collectFrom('{"hits":[]}', 'application/json')).rejects.toThrow('parse: the search response has no "results" list');
    await expect(
      collectFrom('{"results":[{"valtiopaivaasia":{"nimeke":{"fi":"Nimetön"}}}]}', 'application/json'),
    ).rejects.toThrow('parse: an Eduskunta search result has no "eduskuntatunnus"');
    await expect(collectFrom('{"results":[', 'application/json')).rejects.toThrow(/^parse: the search response is not valid JSON/);
  });

  it('returns no items for an empty result list (the pipeline decides whether that is an error)', async () => {
    expect(await collectFrom('{"results":[],"searchMetadata":{"totalResultCount":0}}', 'application/json')).toEqual([]);
  });
});
