import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import lausuntopalvelu from '../../src/sources/lausuntopalvelu.js';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import type { RawItem, SourceDef } from '../../src/model.js';
import { testContext } from '../helpers/source.js';
import { loadDef } from './yaml-def.js';
import { reply, startServer } from '../helpers/server.js';

const FIXTURES = path.resolve('test/fixtures/sources/lausuntopalvelu');

const PELASTUS = '4f0c7a2e-91b3-4d56-a1e8-2c7d9b0e6f13';
const RAHOITUS = 'a93d5e61-07fc-4b8a-8d2e-5f41c6b3e702';
const HATAKESKUS = '7d2b9f04-6a1e-4c3d-b5f8-0e9a1c2d3b46';

describe('lausuntopalvelu', () => {
  let mirror: Mirror;
  let def: SourceDef;
  beforeAll(async () => {
    mirror = await startMirror(FIXTURES);
    def = loadDef('lausuntopalvelu', mirrorUrl(loadDef('lausuntopalvelu').url, mirror.origin));
  });
  afterAll(() => mirror.close());

  const run = async (options: Record<string, unknown> = {}) => {
    const ctx = testContext();
    const items = (await lausuntopalvelu.collect({ ...def, options: { ...def.options, ...options } }, ctx)) as RawItem[];
    return { items, notes: ctx.notes };
  };

  it('reads both Atom pages through the relative next link', async () => {
    const { items } = await run();
    expect(items.map((i) => i.guid)).toEqual([
      PELASTUS,
      RAHOITUS,
      HATAKESKUS,
      'c5e81a37-2f9d-4e60-9b14-83a6d7f0c921',
      'e2f4a6b8-1c3d-4e5f-8a9b-0c1d2e3f4a5b',
      '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9',
    ]);
  });

  it('maps an open request with its participation page field by field', async () => {
    const { items } = await run();
    const p = items[0];
    expect(p.title).toBe('Luonnos hallituksen esitykseksi eduskunnalle laiksi pelastuslain muuttamisesta');
    // The link people follow is on the public site, whatever host (here the mirror) the API was read from.
    expect(p.url).toBe(`https://www.lausuntopalvelu.fi/FI/Proposal/Participation?proposalId=${PELASTUS}`);
    expect(p.summary).toMatch(/^<p>Esityksessä ehdotetaan .*<strong>pelastustoimen valvontatehtäviä<\/strong>/);
    expect(p.published).toBe('2026-11-20T10:52:41.58');
    expect(p.deadline).toBe('2026-12-18T00:00:00');
    expect(p.organisation).toBe('Sisäministeriö');
    expect(p.stage).toBe('Lausuntokierros käynnissä');
    expect(p.identifiers).toEqual([`lausuntopalvelu:${PELASTUS}`, 'VN/21874/2026']);
    expect(p.consultation?.distribution).toEqual([
      'Helsingin kaupungin pelastuslaitos',
      'Itä-Uudenmaan hyvinvointialue / Itä-Uudenmaan pelastuslaitos',
      'Keski-Uudenmaan pelastuslaitos',
      'Länsi-Uudenmaan pelastuslaitos',
      'Pirkanmaan pelastuslaitos',
      'Pohjois-Savon pelastuslaitos',
      'Varsinais-Suomen pelastuslaitos',
      'Hätäkeskuslaitos',
      'Pelastusopisto',
      'Suomen Pelastusalan Ammattilaiset SPAL ry',
      'Suomen Kuntaliitto ry - Finlands Kommunförbund rf',
    ]);
    // The private person (Organization null) is not recorded.
    expect(p.consultation?.answered).toEqual(['Pirkanmaan pelastuslaitos', 'Suomen Pelastusalan Ammattilaiset SPAL ry']);
  });

  it('handles an empty <title>, a null RegisterNumber and the ClosingDate fallback', async () => {
    const { items } = await run();
    const r = items[1];
    expect(r.title).toBe(
      'Luonnos valtioneuvoston asetukseksi hyvinvointialueiden rahoituksesta vuonna 2027 annetun asetuksen muuttamisesta',
    );
    expect(r.deadline).toBe('2026-12-11T00:00:00');
    expect(r.published).toBe('2026-11-13T08:21:57.437');
    expect(r.organisation).toBe('Valtiovarainministeriö');
    // RegisterNumber is m:null; the diary number comes from the participation page instead.
    expect(r.identifiers).toEqual([`lausuntopalvelu:${RAHOITUS}`, 'VN/30112/2026']);
    expect(r.consultation).toEqual({
      distribution: [
        'Etelä-Karjalan hyvinvointialue',
        'Kanta-Hämeen hyvinvointialue',
        'Lapin hyvinvointialue',
        'Helsingin kaupunki',
        'Sosiaali- ja terveysministeriö',
      ],
      answered: [],
    });
  });

  it('keeps an item whose participation page fails (404), with a note', async () => {
    const { items, notes } = await run();
    const h = items[2];
    expect(h.title).toBe('Lausuntopyyntö luonnoksesta hallituksen esitykseksi laiksi hätäkeskustoiminnasta annetun lain muuttamisesta');
    expect(h.stage).toBe('Lausuntokierros käynnissä');
    expect(h.consultation).toBeUndefined();
    expect(h.identifiers).toEqual([`lausuntopalvelu:${HATAKESKUS}`, 'VN/19230/2026']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(new RegExp(`^lausuntopalvelu: participation page for ${HATAKESKUS} could not be read: .*404`));
  });

  it('marks closed requests (including one that closed yesterday) and fetches no page for them', async () => {
    const { items } = await run();
    expect(items.slice(3).map((i) => [i.stage, i.deadline, i.consultation])).toEqual([
      ['Lausuntokierros päättynyt', '2026-10-31T00:00:00', undefined],
      ['Lausuntokierros päättynyt', '2026-11-28T23:59:59', undefined],
      ['Lausuntokierros päättynyt', '2025-09-15T00:00:00', undefined],
    ]);
    expect(items[5].identifiers).toEqual(['lausuntopalvelu:1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9', 'OKM/12/010/2025']);
    expect(items[5].summary).toBeNull();
  });

  it('honours maxPages and maxDetailPages', async () => {
    const { items, notes } = await run({ maxPages: 1, maxDetailPages: 1 });
    expect(items).toHaveLength(4);
    expect(items[0].consultation?.distribution).toHaveLength(11);
    expect(items[1].consultation).toBeUndefined();
    expect(notes).toEqual([]);
  });

  it('returns not-modified when the first page answers 304', async () => {
    const ctx = testContext();
    ctx.fetch = async (url) => ({
      url, status: 304, notModified: true, body: '', contentType: null, charset: 'utf-8', bytes: 0, etag: null, lastModified: null,
    });
    expect(await lausuntopalvelu.collect(def, ctx)).toBe('not-modified');
  });
});

describe('lausuntopalvelu: unexpected responses', () => {
  const PATH = '/api/v1/Lausuntopalvelu.svc/Proposals';
  const feed = (entries: string) =>
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><title type="text">Proposals</title>${entries}</feed>`;
  const runWith = async (body: string, type = 'application/atom+xml;charset=utf-8') => {
    const server = await startServer({ [PATH]: reply(body, { 'content-type': type }) });
    try {
      return await lausuntopalvelu.collect(loadDef('lausuntopalvelu', server.url + PATH + '?$top=100'), testContext());
    } finally {
      await server.close();
    }
  };

  it('gives a parse error naming the source for an HTML page', async () => {
    await expect(runWith('<!DOCTYPE html><html><body>Access denied</body></html>', 'text/html')).rejects.toThrow(
      'parse: lausuntopalvelu: the server returned an HTML page where the OData Atom feed was expected',
    );
  });

  it('returns [] for a feed with no entries (the pipeline decides)', async () => {
    expect(await runWith(feed(''))).toEqual([]);
  });

  it('names the entry that has no d:Id', async () => {
    const entry = '<entry><content type="application/xml"><m:properties><d:Name>X</d:Name></m:properties></content></entry>';
    await expect(runWith(feed(entry + entry.replace('<d:Name>', '<d:Id>x</d:Id><d:Name>')))).rejects.toThrow(
      'lausuntopalvelu: entry 1 has no d:Id',
    );
  });

  it('refuses a document that declares entities', async () => {
    await expect(runWith('<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY a "aaaa">]><feed/>')).rejects.toThrow(/entities/);
  });

  it('says what it found when the document is not a feed', async () => {
    await expect(runWith('<?xml version="1.0"?><error><message>Bad Request</message></error>')).rejects.toThrow(
      'lausuntopalvelu: expected an Atom <feed> of Proposals, found <error>',
    );
  });
});
