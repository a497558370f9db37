import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hankeikkuna from '../../src/sources/hankeikkuna.js';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import type { RawItem, SourceDef } from '../../src/model.js';
import { testContext } from '../helpers/source.js';
import { normalizeItem } from '../../src/normalize/index.js';
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

  it('maps the real search answer field by field', async () => {
    const ctx = testContext();
    const items = (await hankeikkuna.collect(def, ctx)) as RawItem[];
    expect(items.map((i) => i.identifiers?.[0])).toEqual([
      'LVM031:00/2014',
      'TEM060:00/2016',
      'TEM115:00/2020',
      'LM0085:00/25/01/1998',
      'TEM072:00/2016',
    ]);
    expect(items[0]).toEqual({
      guid: 'a728fc74-4565-4264-aa52-f04a63628408',
      url: 'https://valtioneuvosto.fi/hanke?tunnus=LVM031%3A00%2F2014',
      title: 'Laki luotsauslain muuttamisesta',
      summary: expect.stringMatching(/^Luotsauslakiin otettiin luotsinkäyttövelvollisuutta/),
      content: null,
      published: '2014-05-09T08:05:30',
      updated: '2024-01-30T09:18:57',
      deadline: null,
      organisation: 'Liikenne- ja viestintäministeriö',
      // valmisteluvaihe is null on finished projects; the project's tila says where it stands.
      stage: 'PAATTYNYT',
      identifiers: ['LVM031:00/2014'],
      // What the project states it led to: diary number, bill, parliament's reply, statutes.
      about: ['LVM/960/03/2015', 'HE 207/2016 vp', 'EV 219/2016', '1312/2016', '1313/2016'],
    });
    // "256/2017 vp" and "HE 311/2022" become the same canonical form as the bare "207/2016".
    expect(items[1].about).toEqual(['TEM/1640/03.01.01/2016', 'HE 256/2017 vp', 'EV 21/2017', '227/2017']);
    expect(items[2].about).toEqual(['VN/21541/2020', 'HE 311/2022 vp']);
    // kuvaus and tiivistelma both {fi: null, sv: null, en: null}: no summary rather than "null".
    expect(items[1].summary).toBeNull();
    // The real etapit fields: tyyppi, alku, loppu; the comment round's end is the deadline.
    expect(items[2].deadline).toBe('2022-11-02');
    expect(items[2].content).toBe('Lausuntokierros 2022-10-14–2022-11-02\nHE rauennut eduskunnassa 2023-03-29');
    expect(items[4].deadline).toBe('2017-09-01');
    expect(items[3]).toMatchObject({ title: 'Asetus kalastusalusten turvallisuudesta', organisation: 'Liikenneministeriö', summary: null });
    expect(ctx.notes).toEqual([]);
  });

  it('gives every HE number and project code in canonical form after normalize', async () => {
    const items = (await hankeikkuna.collect(def, testContext())) as RawItem[];
    const ids = items.map((raw) => normalizeItem(raw, def).identifiers);
    const he = ids.flat().filter((i) => i.type === 'he').map((i) => i.value);
    // HE 188/2017 is named only in a milestone ("Hallituksen esitys HE 188/2017").
    expect(he).toEqual(['HE 207/2016 vp', 'HE 256/2017 vp', 'HE 311/2022 vp', 'HE 188/2017 vp']);
    expect(ids.flat().filter((i) => i.type === 'project').map((i) => i.value)).toEqual([
      'LVM031:00/2014', 'TEM060:00/2016', 'TEM115:00/2020', 'LM0085:00/25/01/1998', 'TEM072:00/2016',
    ]);
    // A bare HE "207/2016" is never mistaken for a statute number; the stated skNumerot are statutes.
    expect(ids[0].filter((i) => i.type === 'statute').map((i) => i.value)).toEqual(['1312/2016', '1313/2016']);
    // The project's code is its own; what heTiedot and asianumerot name is what it is about; a milestone's HE a mention.
    expect(ids[0].map((i) => `${i.role} ${i.value}`)).toEqual([
      'self LVM031:00/2014', 'about LVM/960/03/2015', 'about HE 207/2016 vp', 'about EV 219/2016 vp', 'about 1312/2016', 'about 1313/2016',
    ]);
    expect(ids[4].find((i) => i.value === 'HE 188/2017 vp')?.role).toBe('mention');
  });

  it('sends the YAML query as JSON and returns nextSearchAfter as the API sent it, up to maxPages', async () => {
    const full = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'hankeikkuna-kohteet-haku.sample.json'), 'utf8')) as { result: unknown[] };
    // The real API sends the cursor as a JSON-encoded string: '[1707991578000,"3a36…"]'.
    const pages: Handler = (_req, res, body) => {
      const q = JSON.parse(body) as { searchAfter?: string; size: number };
      const at = q.searchAfter === undefined ? 0 : (JSON.parse(q.searchAfter) as [number, number])[1];
      const result = full.result.slice(at, at + q.size);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ result, size: q.size, totalHits: full.result.length, nextSearchAfter: JSON.stringify([1707991578000, at + q.size]) }));
    };
    const server = await startServer({ [HAKU]: pages });
    try {
      const d = loadDef('hankeikkuna', server.url + HAKU);
      const items = (await hankeikkuna.collect({ ...d, options: { ...d.options, query: { ...(d.options.query as object), size: 2 } } }, testContext())) as RawItem[];
      expect(items.map((i) => i.identifiers?.[0])).toEqual(['LVM031:00/2014', 'TEM060:00/2016', 'TEM115:00/2020', 'LM0085:00/25/01/1998']);
      expect(server.requests).toHaveLength(2);
      expect(server.requests[0].method).toBe('POST');
      expect(server.requests[0].headers['content-type']).toBe('application/json');
      expect(JSON.parse(server.requests[0].body)).toEqual({
        tyyppi: ['LAINSAADANTO'],
        valmisteluvaihe: ['LAUSUNTOMENETTELY'],
        size: 2,
        sort: [{ field: 'kohde.muokattu', order: 'DESC' }],
      });
      expect(JSON.parse(server.requests[1].body).searchAfter).toBe('[1707991578000,2]');
    } finally {
      await server.close();
    }
  });

  it('stops when a server ignores the cursor and repeats the same page', async () => {
    const page = fs.readFileSync(path.join(FIXTURES, 'hankeikkuna-kohteet-haku.sample.json'), 'utf8');
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
