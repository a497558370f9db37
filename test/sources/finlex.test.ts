import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import finlex from '../../src/sources/finlex.js';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import type { RawItem, SourceDef } from '../../src/model.js';
import { testContext } from '../helpers/source.js';
import { loadDef } from './yaml-def.js';
import { reply, startServer } from '../helpers/server.js';

const FIXTURES = path.resolve('test/fixtures/sources/finlex');
const LIST = '/finlex/avoindata/v1/akn/fi/act/statute/list';

describe('finlex', () => {
  let mirror: Mirror;
  let def: SourceDef;
  beforeAll(async () => {
    mirror = await startMirror(FIXTURES);
    def = loadDef('finlex', mirrorUrl(loadDef('finlex').url, mirror.origin));
  });
  afterAll(() => mirror.close());

  it('reads the list and each Akoma Ntoso document field by field', async () => {
    const ctx = testContext();
    const items = (await finlex.collect(def, ctx)) as RawItem[];
    expect(items.map((i) => i.guid)).toEqual([
      '/akn/fi/act/statute/2026/1043/fin@',
      '/akn/fi/act/statute/2026/1042/fin@',
      '/akn/fi/act/statute/2026/1040/fin@',
      '/akn/fi/act/statute/2026/1037/fin@',
    ]);
    expect(items[0]).toEqual({
      guid: '/akn/fi/act/statute/2026/1043/fin@',
      url: 'https://www.finlex.fi/fi/lainsaadanto/saadoskokoelma/2026/1043',
      title: 'Laki pelastuslain 42 §:n muuttamisesta',
      published: '2026-11-20',
      stage: 'NEW',
      identifiers: ['1043/2026', 'http://data.finlex.fi/eli/sd/2026/1043/alkup/fin'],
      language: 'fi',
      // From its entryIntoForce container: "Tämä laki tulee voimaan 1 päivänä tammikuuta 2027."
      inForce: '2027-01-01',
    });
    // From the body's last commencement sentence when there is no entryIntoForce container.
    expect(items[1].inForce).toBe('2027-03-01');
    // "… valtioneuvoston asetuksella säädettävänä ajankohtana": no date; and a document without the provision.
    expect(items[2].inForce).toBeUndefined();
    expect(items[3].inForce).toBeUndefined();
    expect(items[1].title).toBe('Laki hätäkeskustoiminnasta annetun lain muuttamisesta');
    // Whitespace inside docTitle is collapsed; MODIFIED comes through as the stage.
    expect(items[2]).toMatchObject({
      title: 'Laki hyvinvointialueiden rahoituksesta annetun lain 3 §:n muuttamisesta',
      published: '2026-11-13',
      stage: 'MODIFIED',
      identifiers: ['1040/2026', 'http://data.finlex.fi/eli/sd/2026/1040/alkup/fin'],
    });
    expect(items[3].title).toBe('Laki tuloverolain muuttamisesta');
  });

  it('skips a statute answered with an empty AknXmlList, with a note', async () => {
    const ctx = testContext();
    const items = (await finlex.collect(def, ctx)) as RawItem[];
    expect(items.some((i) => i.guid?.includes('/1039/'))).toBe(false);
    expect(ctx.notes).toEqual([
      'finlex: /akn/fi/act/statute/2026/1039/fin@ returned an empty AknXmlList (not yet in the open-data API?); skipped',
    ]);
  });

  it('fetches only options.maxDocuments documents', async () => {
    const items = (await finlex.collect({ ...def, options: { maxDocuments: 2 } }, testContext())) as RawItem[];
    expect(items.map((i) => i.identifiers?.[0])).toEqual(['1043/2026', '1042/2026']);
  });

  it('asks for the window since the last success, less the overlap, or firstRunDays back on a first run', async () => {
    const seen: string[] = [];
    const ctx = testContext(new Date('2026-11-29T10:00:00Z'));
    const plain = ctx.fetch;
    ctx.fetch = (url, o) => (seen.push(url), plain(url, o));
    await finlex.collect(def, { ...ctx, lastSuccessAt: new Date('2026-11-29T08:00:00.123Z') });
    const first = new URL(seen[0]);
    expect(first.pathname).toBe(LIST);
    expect(Object.fromEntries(first.searchParams)).toEqual({
      format: 'json', limit: '10', LangAndVersion: 'fin@', typeStatute: 'act', page: '1',
      publishedSince: '2026-11-29T06:00:00Z', // with a zone: a zoneless instant is refused with 400
    });
    seen.length = 0;
    await finlex.collect(def, ctx); // never succeeded: firstRunDays (14) back
    expect(new URL(seen[0]).searchParams.get('publishedSince')).toBe('2026-11-15T10:00:00Z');
  });
});

describe('finlex: paging a window, whatever the order', () => {
  const DOC = '/finlex/avoindata/v1/akn/fi/act/statute/2026/';
  const good = fs.readFileSync(path.join(FIXTURES, 'statute-2026-1043.xml'), 'utf8');
  /** A list of `n` statutes in no particular order, served 10 (or `limit`) at a time by `page`. */
  const windowServer = async (numbers: number[]) => {
    const server = await startServer({
      [LIST]: (req, res) => {
        const q = new URL(req.url!, 'http://x').searchParams;
        const limit = Number(q.get('limit'));
        if (limit > 10) return void (res.writeHead(400), res.end('limit must be less than or equal to 10'));
        const page = Number(q.get('page'));
        const rows = numbers.slice((page - 1) * limit, page * limit).map((n) => ({ akn_uri: `https://opendata.finlex.fi${DOC}${n}/fin@`, status: 'NEW' }));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(rows));
      },
    });
    for (const n of numbers) server.route(`${DOC}${n}/fin@`, reply(good.replaceAll('1043', String(n)), { 'content-type': 'application/xml' }));
    return server;
  };

  it('reads every page of the window and fetches the highest numbers first', async () => {
    const numbers = [1050, 1001, 1077, 1012, 1003, 1099, 1040, 1041, 1013, 1060, 1061, 1002, 1098, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1014, 1015];
    const server = await windowServer(numbers);
    try {
      const ctx = testContext();
      const url = `${server.url}${LIST}?format=json&limit=25&LangAndVersion=fin@`;
      const items = (await finlex.collect(loadDef('finlex', url, { maxDocuments: 5 }), ctx)) as RawItem[];
      const pages = server.requests.filter((r) => r.path.startsWith(LIST));
      // 23 entries: pages 1–3 of 10 (a limit above 10 is lowered, Finlex refuses it); the short third page ends it.
      expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('page'))).toEqual(['1', '2', '3']);
      expect(pages.every((r) => new URL(r.path, 'http://x').searchParams.get('limit') === '10')).toBe(true);
      expect(items.map((i) => i.identifiers?.[0])).toEqual(['1099/2026', '1098/2026', '1077/2026', '1061/2026', '1060/2026']);
      expect(ctx.notes).toEqual([expect.stringMatching(/^finlex: 23 new statutes since .*; the 5 with the highest numbers were read, the rest follow in the next run$/)]);
    } finally {
      await server.close();
    }
  });

  it('a capped run is incomplete, and the next runs read what it left (stored statutes are not read again)', async () => {
    const numbers = Array.from({ length: 12 }, (_, i) => 1200 + ((i * 7) % 12));
    const server = await windowServer(numbers);
    try {
      const stored = new Set<string>();
      const runs: { read: string[]; incomplete: string[] }[] = [];
      for (let run = 0; run < 4; run++) {
        const incomplete: string[] = [];
        const ctx = { ...testContext(), known: (guid: string) => stored.has(guid), incomplete: (r: string) => void incomplete.push(r) };
        const items = (await finlex.collect(loadDef('finlex', `${server.url}${LIST}?format=json`, { maxDocuments: 5 }), ctx)) as RawItem[];
        for (const i of items) stored.add(i.guid!);
        runs.push({ read: items.map((i) => i.identifiers![0]), incomplete });
      }
      expect(runs.map((r) => r.read)).toEqual([
        ['1211/2026', '1210/2026', '1209/2026', '1208/2026', '1207/2026'],
        ['1206/2026', '1205/2026', '1204/2026', '1203/2026', '1202/2026'],
        ['1201/2026', '1200/2026'],
        [],
      ]);
      expect(runs.map((r) => r.incomplete.length)).toEqual([1, 1, 0, 0]);
      expect(runs[0].incomplete[0]).toMatch(/^finlex: 12 new statutes since .*; the 5 with the highest numbers were read, the rest follow/);
      expect(stored.size).toBe(12);
    } finally {
      await server.close();
    }
  });

  it('says so when the window holds more pages than maxPages', async () => {
    const server = await windowServer(Array.from({ length: 30 }, (_, i) => 1100 + i));
    try {
      const ctx = testContext();
      await finlex.collect(loadDef('finlex', `${server.url}${LIST}?format=json`, { maxPages: 2, maxDocuments: 1 }), ctx);
      expect(ctx.notes[0]).toMatch(/^finlex: more than 2 list pages since /);
    } finally {
      await server.close();
    }
  });
});

describe('finlex: unexpected responses', () => {
  const withServer = async (routes: Record<string, string>, type = 'application/json') => {
    const server = await startServer(
      Object.fromEntries(Object.entries(routes).map(([p, body]) => [p, reply(body, { 'content-type': type })])),
    );
    try {
      return await finlex.collect(loadDef('finlex', `${server.url}${LIST}?format=json&page=1&limit=10`), testContext());
    } finally {
      await server.close();
    }
  };

  it('gives a parse error naming the source for an HTML page instead of JSON', async () => {
    await expect(withServer({ [LIST]: '<!DOCTYPE html><html><body>Service Unavailable</body></html>' }, 'text/html')).rejects.toThrow(
      'parse: finlex: the server returned an HTML page where the JSON statute list was expected',
    );
  });

  it('returns [] for an empty list, in JSON or as the empty AknXmlList', async () => {
    expect(await withServer({ [LIST]: '[]' })).toEqual([]);
    const empty = fs.readFileSync(path.join(FIXTURES, 'list-empty.xml'), 'utf8');
    expect(await withServer({ [LIST]: empty }, 'application/xml')).toEqual([]);
  });

  it('reads a document wrapped in <AknXmlList><Results>', async () => {
    const doc = '/finlex/avoindata/v1/akn/fi/act/statute/2026/1042/fin@';
    const wrapped = fs.readFileSync(path.join(FIXTURES, 'statute-2026-1042-wrapped.xml'), 'utf8');
    const items = (await withServer({ [LIST]: JSON.stringify([{ akn_uri: doc, status: 'NEW' }]), [doc]: wrapped })) as RawItem[];
    expect(items[0]).toMatchObject({ title: 'Laki hätäkeskustoiminnasta annetun lain muuttamisesta', identifiers: ['1042/2026', expect.any(String)],
      inForce: '2027-03-01' });
  });

  it('states the government proposals a statute refers to by AKN URI as what it is about (its preparatory works)', async () => {
    const doc = '/finlex/avoindata/v1/akn/fi/act/statute/2026/1042/fin@';
    const body = fs.readFileSync(path.join(FIXTURES, 'statute-2026-1042.xml'), 'utf8').replace('</preamble>',
      '<p>HE 184/2026 vp: <ref href="/akn/fi/doc/government-proposal/2026/184/fin@">HE 184/2026</ref>, ' +
      '<ref href="https://opendata.finlex.fi/finlex/avoindata/v1/akn/fi/doc/government-proposal/2026/0185">HE 185/2026</ref>, ' +
      '<ref href="/akn/fi/act/statute/2010/692">692/2010</ref></p></preamble>');
    const items = (await withServer({ [LIST]: JSON.stringify([{ akn_uri: doc, status: 'NEW' }]), [doc]: body })) as RawItem[];
    expect(items[0].about).toEqual(['HE 184/2026', 'HE 185/2026']);
    // Without such references there is nothing stated.
    const plain = fs.readFileSync(path.join(FIXTURES, 'statute-2026-1042.xml'), 'utf8');
    expect(((await withServer({ [LIST]: JSON.stringify([{ akn_uri: doc, status: 'NEW' }]), [doc]: plain })) as RawItem[])[0].about).toBeUndefined();
  });

  it('states the act an entry-into-force decree brings into force by number as what it is about, with the act\'s day (fi, sv)', async () => {
    const read = async (file: string, lang: string) => {
      const doc = `/finlex/avoindata/v1/akn/fi/act/statute/2026/1044/${lang}@`;
      const body = fs.readFileSync(path.join(FIXTURES, file), 'utf8');
      return ((await withServer({ [LIST]: JSON.stringify([{ akn_uri: doc, status: 'NEW' }]), [doc]: body })) as RawItem[])[0];
    };
    const fi = await read('decree-2026-1044.xml', 'fin');
    expect(fi).toMatchObject({ title: expect.stringMatching(/^Valtioneuvoston asetus .* lain voimaantulosta$/), identifiers: ['1044/2026', expect.any(String)],
      language: 'fi', inForce: '2027-02-01' });
    // The act named in the sentence that brings it into force; not 617/2021, mentioned in the next sentence.
    expect(fi.about).toEqual(['1040/2026']);
    const sv = await read('decree-2026-1044-swe.xml', 'swe');
    expect(sv).toMatchObject({ title: expect.stringMatching(/^Statsrådets förordning om ikraftträdande av lagen /), language: 'sv', inForce: '2027-02-01', about: ['1040/2026'] });
    // Named by title only: nothing stated, and the decree's own day.
    const byTitle = fs.readFileSync(path.join(FIXTURES, 'decree-2026-1044.xml'), 'utf8').replace(/ \(<ref href="[^"]*">1040\/2026<\/ref>\) tulee/, ' tulee');
    const doc = '/finlex/avoindata/v1/akn/fi/act/statute/2026/1044/fin@';
    const plain = ((await withServer({ [LIST]: JSON.stringify([{ akn_uri: doc, status: 'NEW' }]), [doc]: byTitle })) as RawItem[])[0];
    expect(plain).toMatchObject({ inForce: '2026-12-15' });
    expect(plain.about).toBeUndefined();
    // The same sentence in a document that is not an entry-into-force decree states nothing.
    const other = fs.readFileSync(path.join(FIXTURES, 'decree-2026-1044.xml'), 'utf8').replace(/<docTitle>.*<\/docTitle>/, '<docTitle>Valtioneuvoston asetus pelastustoimesta</docTitle>');
    expect(((await withServer({ [LIST]: JSON.stringify([{ akn_uri: doc, status: 'NEW' }]), [doc]: other })) as RawItem[])[0].about).toBeUndefined();
  });

  it('states every act a decree lists after its commencement verb, in the Statute Book\'s list form', async () => {
    const doc = '/finlex/avoindata/v1/akn/fi/act/statute/2027/5/fin@';
    const body = fs.readFileSync(path.join(FIXTURES, 'decree-2027-5.xml'), 'utf8');
    const item = ((await withServer({ [LIST]: JSON.stringify([{ akn_uri: doc, status: 'NEW' }]), [doc]: body })) as RawItem[])[0];
    // Both listed acts, their day; not the amended act's number (379/2011), the enabling act of the preamble alone,
    // or the act mentioned after the list (10/2010).
    expect(item).toMatchObject({ identifiers: ['5/2027', expect.any(String)], inForce: '2027-03-01' });
    expect(item.about).toEqual(['1101/2026', '1102/2026']);
  });

  it('names the list entry without an akn_uri, and rejects a non-array', async () => {
    await expect(withServer({ [LIST]: '[{"status":"NEW"}]' })).rejects.toThrow('finlex: list entry 1 has no akn_uri of a statute');
    await expect(withServer({ [LIST]: '{"error":"x"}' })).rejects.toThrow('finlex: the statute list is not a JSON array');
  });

  it('accepts a path-only akn_uri, and refuses a document with entities or without docTitle', async () => {
    const doc = '/finlex/avoindata/v1/akn/fi/act/statute/2026/5/fin@';
    const list = JSON.stringify([{ akn_uri: doc, status: 'NEW' }]);
    const good = fs.readFileSync(path.join(FIXTURES, 'statute-2026-1043.xml'), 'utf8');
    const items = (await withServer({ [LIST]: list, [doc]: good })) as RawItem[];
    expect(items[0].guid).toBe('/akn/fi/act/statute/2026/5/fin@');
    await expect(withServer({ [LIST]: list, [doc]: good.replace(/<docTitle>.*<\/docTitle>/, '') })).rejects.toThrow(
      'finlex: document 5/2026 has no docTitle',
    );
    await expect(
      withServer({ [LIST]: list, [doc]: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "y">]><akomaNtoso/>' }),
    ).rejects.toThrow(/entities/);
  });
});

describe('finlex through the pipeline and the store', () => {
  it('a capped run does not move the last success; the next reads only what is left, and then it moves', async () => {
    const { createFetcher } = await import('../../src/fetch/index.js');
    const { refreshSource } = await import('../../src/pipeline.js');
    const { openDb, syncSources, listItems, getSourceState } = await import('../../src/store/index.js');
    const { fixturesDir } = await import('../../src/paths.js');
    const mirror = await startMirror(path.join(fixturesDir, 'sources', 'finlex'));
    const previous = process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS;
    process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = '1';
    const fetch = createFetcher({ deadlineMs: 5000 });
    const db = openDb(':memory:');
    try {
      const real = loadDef('finlex', undefined, { maxDocuments: 2 });
      const def = { ...real, url: mirrorUrl(real.url, mirror.origin) };
      syncSources(db, [def]);
      const first = await refreshSource(def, { db, fetch });
      expect(first).toMatchObject({ status: 'ok', created: 2 });
      expect(first.notes).toContainEqual(expect.stringMatching(/^finlex: 5 new statutes since .*the rest follow in the next run$/));
      expect(getSourceState(db, 'finlex')!.lastSuccessAt).toBeNull();
      const second = await refreshSource(def, { db, fetch });
      // 1043 and 1042 are stored: of the three left, 1040 and 1039 are read (1039 answers with an empty list, so it
      // is skipped and stays unknown), 1037 waits.
      expect(second).toMatchObject({ status: 'ok', created: 1 });
      expect(second.notes.some((n) => n.includes('the rest follow'))).toBe(true);
      const third = await refreshSource(def, { db, fetch });
      expect(third).toMatchObject({ status: 'ok', created: 1 });
      expect(third.notes.some((n) => n.includes('the rest follow'))).toBe(false);
      expect(getSourceState(db, 'finlex')!.lastSuccessAt).toBe(third.finishedAt);
      expect(listItems(db, { source: 'finlex' }).map((i) => i.url).sort()).toEqual([1037, 1040, 1042, 1043].map((n) => `https://www.finlex.fi/fi/lainsaadanto/saadoskokoelma/2026/${n}`));
    } finally {
      if (previous === undefined) delete process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS;
      else process.env.LAKIVAHTI_ALLOW_PRIVATE_NETWORKS = previous;
      await fetch.close();
      await mirror.close();
      db.close();
    }
  });
});
