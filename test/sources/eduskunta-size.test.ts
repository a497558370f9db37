// Eduskunta search hits embed whole records: a page of 50 must ask only for the fields the module reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import eduskunta, { FIELDS } from '../../src/sources/eduskunta.js';
import { createFetcher, type Fetcher } from '../../src/fetch/index.js';
import type { RawItem, SourceContext } from '../../src/model.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { testContext } from '../helpers/source.js';
import { loadDef } from './yaml-def.js';

const SEARCH = '/api/v1/search';
const MB = 1024 * 1024;

/** Finnish prose of about `n` characters (record bodies are long texts: perustelut, fullText). */
const prose = (n: number, seed: number): string =>
  `Pelastuslain ${seed} §:n muutoksella selkeytetään hyvinvointialueiden pelastustoimen tehtäviä ja rahoitusta. `.repeat(
    Math.ceil(n / 100),
  ).slice(0, n);

const both = (fi: unknown, sv: unknown = fi) => ({ fi, sv });

/** A matter record of realistic size (≈ 164,000 characters) and shape, as the search embeds it. */
function matter(i: number): Record<string, unknown> {
  const tunnus = `HE ${200 - i}/2026 vp`;
  const events = Array.from({ length: 24 }, (_, k) => ({
    tapahtumapvm: `2026-11-${String((k % 27) + 1).padStart(2, '0')}`,
    jarjestys: k,
    kasittelytunnus: `PTK ${100 + k}/2026 vp`,
    yleinenkasittelyvaihe: 'Valiokuntakäsittely',
    valiokunta: 'Hallintovaliokunta',
    fraasi: prose(200, k),
  }));
  return {
    eduskuntatunnus: both(tunnus, tunnus.replace('HE', 'RP').replace('vp', 'rd')),
    asiakirjatyyppikoodi: both('HE', 'RP'),
    nimeke: both(`Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta (${i})`),
    tila: both('Käsittelyssä', 'Under behandling'),
    laadintapvm: both('2026-11-02'),
    viimeisinKasittelyvaihe: both('Valiokuntakäsittely'),
    viimeisinJulkaisuajankohta: '2026-11-27T08:15:32.117+00:00',
    kasittelyt: both(events, []),
    keskeisetAsiakirjat: both([{ edktunnus: `EDK-2026-AK-${300000 + i}`, eduskuntatunnus: tunnus, asiakirjatyyppikoodi: 'HE', valiokuntanimi: null, laadintapvm: both('2026-11-02') }], []),
    asiasanat: both([{ aiheteksti: 'pelastustoimi', muutunnus: 'http://www.yso.fi/onto/yso/p1' }], []),
    ehdotukset: both([{ saadoskokoelmaviite: null, nimeke: prose(1_000, i) }], []),
    // What makes a matter ≈ 164 kB: the whole proposal's texts and expert lists.
    perustelut: both(prose(90_000, i), prose(60_000, i)),
    asiantuntijat: both(Array.from({ length: 40 }, (_, k) => ({ nimi: `Asiantuntija ${k}`, organisaatio: prose(200, k) })), []),
  };
}

/** A document hit with its fullText (≈ 69,000 characters); dates and names as the API gives them. */
function document(i: number): Record<string, unknown> {
  return {
    edktunnus: `EDK-2026-AK-${310000 + i}`,
    eduskuntatunnus: `HaVM ${i + 1}/2026 vp`,
    asiakirjatyyppikoodi: 'HaVM',
    asiakirjatyyppinimi: 'Valiokunnan mietintö',
    nimeketeksti: `Hallituksen esitys eduskunnalle laiksi hätäkeskustoiminnasta (${i})`,
    valiokuntanimi: null, // often null even on committee reports
    laadintapvm: both('2026-11-24'),
    kielikoodi: 'fi',
    viimeisinJulkaisuajankohta: '2026-11-24T13:02:11.402+00:00',
    fullText: both(prose(69_000, i), null),
    fullTextSnippet: prose(500, i),
  };
}

/** Keep only the listed top-level fields, as the API does for fields: {operation: "include", list}. */
function select(record: Record<string, unknown>, fields: { operation?: string; list?: string[] } | undefined) {
  if (!fields?.list) return record;
  const keep = (k: string) => (fields.operation === 'exclude' ? !fields.list!.includes(k) : fields.list!.includes(k));
  return Object.fromEntries(Object.entries(record).filter(([k]) => keep(k)));
}

describe('eduskunta: pages of whole records', () => {
  let server: TestServer;
  let honourFields = true;
  const sizes: number[] = [];
  let fetcher: Fetcher;

  beforeAll(async () => {
    const matters = Array.from({ length: 50 }, (_, i) => matter(i));
    const documents = Array.from({ length: 50 }, (_, i) => document(i));
    server = await startServer({
      [SEARCH]: (req, res) => {
        const q = JSON.parse(new URL(req.url!, 'http://x').searchParams.get('q')!) as { category: string; fields?: { list?: string[] } };
        const records = q.category === 'valtiopaivaasia' ? matters : documents;
        const results = records.map((r, i) => ({ id: String(i), [q.category]: select(r, honourFields ? q.fields : undefined) }));
        const body = JSON.stringify({ results, searchMetadata: { totalResultCount: 201, actualResultCount: 50, startFromIndex: 0 } });
        sizes.push(Buffer.byteLength(body));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(body);
      },
    });
    fetcher = createFetcher({ allowPrivateNetworks: true });
  });
  afterAll(async () => {
    await fetcher.close();
    await server.close();
  });

  const ctx = (): SourceContext => ({ ...testContext(), fetch: fetcher });

  it('asks only for the fields it reads, so 50 hits stay far below the 10 MB cap through the real fetch stage', async () => {
    sizes.length = 0;
    const items = (await eduskunta.collect(loadDef('eduskunta', server.url + SEARCH), ctx())) as RawItem[];
    const [matters, documents] = server.requests.slice(-2).map((r) => JSON.parse(new URL(r.path, 'http://x').searchParams.get('q')!));
    expect(matters.fields).toEqual({ operation: 'include', list: FIELDS.valtiopaivaasia });
    expect(documents.fields).toEqual({ operation: 'include', list: FIELDS.asiakirja });
    expect(matters.maxResults).toBe(50);
    // The API answers 403 to requests without a User-Agent; the fetch stage always sends one.
    expect(server.requests.at(-1)!.headers['user-agent']).toMatch(/^Lakivahti\//);
    expect(Math.max(...sizes)).toBeLessThan(2 * MB);
    expect(items).toHaveLength(100);
    const doc = items.find((i) => i.guid === 'EDK-2026-AK-310000')!;
    // valiokuntanimi null: the committee comes from the document code; laadintapvm as {fi, sv} is read.
    expect(doc).toMatchObject({ organisation: 'Hallintovaliokunta', summary: 'Valiokunnan mietintö, Hallintovaliokunta' });
    const he = items.find((i) => i.guid === 'HE 200/2026 vp')!;
    expect(he).toMatchObject({ kind: 'bill', stage: 'Valiokuntakäsittely', identifiers: ['HE 200/2026 vp', 'EDK-2026-AK-300000'] });
  });

  it('copes with whole records when a server ignores the selection (a page of ≈ 8 MB)', async () => {
    honourFields = false;
    sizes.length = 0;
    try {
      const items = (await eduskunta.collect(loadDef('eduskunta', server.url + SEARCH), testContext())) as RawItem[];
      expect(sizes[0]).toBeGreaterThan(8 * MB);
      expect(sizes[1]).toBeGreaterThan(3 * MB);
      expect(items).toHaveLength(100);
    } finally {
      honourFields = true;
    }
  });
});
