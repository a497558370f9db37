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
      url: 'https://www.finlex.fi/fi/lainsaadanto/2026/1043',
      title: 'Laki pelastuslain 42 §:n muuttamisesta',
      published: '2026-11-20',
      stage: 'NEW',
      identifiers: ['1043/2026', 'http://data.finlex.fi/eli/sd/2026/1043/alkup/fin'],
      language: 'fi',
    });
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

  it('returns not-modified when the list answers 304', async () => {
    const ctx = testContext();
    ctx.fetch = async (url) => ({
      url, status: 304, notModified: true, body: '', contentType: null, charset: 'utf-8', bytes: 0, etag: null, lastModified: null,
    });
    expect(await finlex.collect(def, ctx)).toBe('not-modified');
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

  it('returns [] for an empty list (the pipeline decides)', async () => {
    expect(await withServer({ [LIST]: '[]' })).toEqual([]);
  });

  it('names the list entry without an akn_uri, and rejects a non-array', async () => {
    await expect(withServer({ [LIST]: '[{"status":"NEW"}]' })).rejects.toThrow('finlex: list entry 1 has no akn_uri');
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
