import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hankeikkuna from '../../src/sources/hankeikkuna.js';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import type { RawItem, SourceDef } from '../../src/model.js';
import { testContext } from '../helpers/source.js';
import { loadDef } from './yaml-def.js';
import { reply, startServer, type Handler } from '../helpers/server.js';

const FIXTURES = path.resolve('test/fixtures/sources/hankeikkuna');
const HAKU = '/api/v2/kohteet/haku';

describe('hankeikkuna', () => {
  let mirror: Mirror;
  let def: SourceDef;
  beforeAll(async () => {
    mirror = await startMirror(FIXTURES);
    def = loadDef('hankeikkuna', mirrorUrl(loadDef('hankeikkuna').url, mirror.origin));
  });
  afterAll(() => mirror.close());

  it('maps search hits field by field', async () => {
    const ctx = testContext();
    const items = (await hankeikkuna.collect(def, ctx)) as RawItem[];
    expect(items.map((i) => i.identifiers?.[0])).toEqual([
      'SM012:00/2026',
      'VM158:00/2026',
      'SM031:00/2025',
      'STM077:00/2026',
      'MMM021:00/2026',
    ]);
    expect(items[0]).toEqual({
      guid: 'd41f8a2c-6b3e-4e91-a5c7-0f2d8b6e4a13',
      url: 'https://valtioneuvosto.fi/hanke?tunnus=SM012%3A00%2F2026',
      title: 'Pelastuslain muuttaminen (pelastustoimen valvontatehtävät ja omavalvonta)',
      summary:
        'Hankkeessa uudistetaan pelastuslain valvontaa koskevat säännökset siten, että pelastuslaitosten valvontatoiminta kohdennetaan riskiperusteisesti.',
      published: '2026-02-05T10:14:22',
      updated: '2026-11-20T13:05:41',
      deadline: '2026-12-18', // the LAUSUNTOKIERROS etappi, not the earlier VALMISTELU one
      organisation: 'Sisäministeriö',
      stage: 'LAUSUNTOMENETTELY',
      identifiers: ['SM012:00/2026', 'VN/21874/2026'],
    });
    expect(items[1]).toMatchObject({
      organisation: 'Valtiovarainministeriö',
      deadline: '2026-12-11',
      identifiers: ['VM158:00/2026', 'VN/30112/2026', 'VN/12007/2025'],
    });
    // Two comment rounds: the later one is the open deadline; the HE number is kept.
    expect(items[2]).toMatchObject({
      title: 'Hätäkeskustoiminnasta annetun lain muuttaminen (tietojen luovutus pelastustoimelle ja ensihoidolle)',
      deadline: '2027-01-08',
      identifiers: ['SM031:00/2025', 'VN/19230/2026', 'HE 98/2026 vp'],
    });
    expect(items[3]).toMatchObject({ summary: null, organisation: 'Sosiaali- ja terveysministeriö', deadline: '2026-12-17' });
    expect(items[4]).toMatchObject({ deadline: null, organisation: 'Maa- ja metsätalousministeriö' });
    expect(ctx.notes).toEqual([]);
  });

  it('sends the YAML query as JSON and follows nextSearchAfter up to maxPages', async () => {
    const full = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'haku.json'), 'utf8')) as { result: unknown[] };
    const pages: Handler = (_req, res, body) => {
      const q = JSON.parse(body) as { searchAfter?: unknown; size: number };
      const at = q.searchAfter === undefined ? 0 : Number((q.searchAfter as [number, string])[1]);
      const result = full.result.slice(at, at + q.size);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ size: result.length, result, nextSearchAfter: [0, String(at + q.size)] }));
    };
    const server = await startServer({ [HAKU]: pages });
    try {
      const d = loadDef('hankeikkuna', server.url + HAKU);
      const items = (await hankeikkuna.collect({ ...d, options: { ...d.options, query: { ...(d.options.query as object), size: 2 } } }, testContext())) as RawItem[];
      expect(items.map((i) => i.identifiers?.[0])).toEqual(['SM012:00/2026', 'VM158:00/2026', 'SM031:00/2025', 'STM077:00/2026']);
      expect(server.requests).toHaveLength(2);
      expect(server.requests[0].method).toBe('POST');
      expect(server.requests[0].headers['content-type']).toBe('application/json');
      expect(JSON.parse(server.requests[0].body)).toEqual({
        tyyppi: ['LAINSAADANTO'],
        valmisteluvaihe: ['LAUSUNTOMENETTELY'],
        size: 2,
        sort: [{ field: 'kohde.muokattu', order: 'DESC' }],
      });
      expect(JSON.parse(server.requests[1].body).searchAfter).toEqual([0, '2']);
    } finally {
      await server.close();
    }
  });

  it('stops when a server ignores the cursor and repeats the same page', async () => {
    const page = fs.readFileSync(path.join(FIXTURES, 'haku.json'), 'utf8');
    const server = await startServer({ [HAKU]: reply(page, { 'content-type': 'application/json' }) });
    try {
      const d = loadDef('hankeikkuna', server.url + HAKU, { maxPages: 5, query: { size: 5 } });
      const items = (await hankeikkuna.collect(d, testContext())) as RawItem[];
      expect(items).toHaveLength(5);
      expect(server.requests).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});

describe('hankeikkuna: unexpected responses', () => {
  const runWith = async (body: string, type = 'application/json') => {
    const server = await startServer({ [HAKU]: reply(body, { 'content-type': type }) });
    try {
      return await hankeikkuna.collect(loadDef('hankeikkuna', server.url + HAKU), testContext());
    } finally {
      await server.close();
    }
  };

  it('gives a parse error naming the source for an HTML page instead of JSON', async () => {
    await expect(runWith('<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'text/html')).rejects.toThrow(
      'parse: hankeikkuna: the server returned an HTML page where the JSON search result was expected',
    );
  });

  it('returns [] for zero hits (the pipeline decides)', async () => {
    expect(await runWith(fs.readFileSync(path.join(FIXTURES, 'haku-empty.json'), 'utf8'))).toEqual([]);
  });

  it('names what is missing', async () => {
    await expect(runWith('{"message":"Bad Request"}')).rejects.toThrow('hankeikkuna: the search result has no "result" list');
    await expect(runWith('{"result":[{"kohde":{"nimi":{"fi":"X"}}}]}')).rejects.toThrow('hankeikkuna: result 1 has no kohde.tunnus');
    await expect(runWith('{"result":[{"kohde":{"tunnus":"SM1:00/2026","nimi":{}}}]}')).rejects.toThrow(
      'hankeikkuna: result 1 (SM1:00/2026) has no kohde.nimi',
    );
  });

  it('accepts a plain-string nimi', async () => {
    const items = (await runWith('{"result":[{"kohde":{"tunnus":"OM9:00/2026","nimi":"Rikoslain muuttaminen"}}]}')) as RawItem[];
    expect(items[0]).toMatchObject({ title: 'Rikoslain muuttaminen', guid: 'OM9:00/2026', organisation: 'Oikeusministeriö' });
  });
});
