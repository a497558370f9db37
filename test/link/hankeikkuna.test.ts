// The real Hankeikkuna capture, through the source module, normalize and the store, into matters.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import hankeikkuna from '../../src/sources/hankeikkuna.js';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { normalizeItem } from '../../src/normalize/index.js';
import { getMatter, listMatters, mattersByIdentifier, saveRun, syncSources } from '../../src/store/index.js';
import type { RawItem, SourceDef } from '../../src/model.js';
import { testContext } from '../helpers/source.js';
import { loadDef } from '../sources/yaml-def.js';
import { arrive, store } from './support.js';

describe('matters from the real Hankeikkuna capture', () => {
  let mirror: Mirror;
  let def: SourceDef;
  beforeAll(async () => {
    mirror = await startMirror(path.resolve('test/fixtures/sources/hankeikkuna'));
    def = loadDef('hankeikkuna', mirrorUrl(loadDef('hankeikkuna').url, mirror.origin));
  });
  afterAll(() => mirror.close());

  it('makes one matter per project, found by the HE numbers it states, and joins the bill when it comes', async () => {
    const raws = (await hankeikkuna.collect(def, testContext())) as RawItem[];
    const db = store();
    syncSources(db, [def]);
    const now = new Date().toISOString();
    saveRun(db, {
      run: { sourceId: def.id, startedAt: now, finishedAt: now, status: 'ok', found: raws.length, created: 0, updated: 0, error: null, notes: [] },
      items: raws.map((r) => ({ ...normalizeItem(r, def), tags: null, searchTerms: '' })), nextRunAt: null,
    });
    const matters = listMatters(db);
    expect(matters).toHaveLength(5);
    const byHe = (he: string) => {
      const found = mattersByIdentifier(db, 'he', he);
      expect(found.length, he).toBeLessThan(2);
      return found[0]?.id;
    };
    for (const he of ['HE 207/2016 vp', 'HE 256/2017 vp', 'HE 311/2022 vp']) expect(byHe(he), he).toBeDefined();
    // HE 188/2017 is only named in a milestone of TEM072:00/2016: a mention, so no matter is keyed by it.
    expect(byHe('HE 188/2017 vp')).toBeUndefined();
    const lvm = getMatter(db, byHe('HE 207/2016 vp')!)!;
    expect(lvm.identifiers).toEqual(['HE 207/2016 vp', 'EV 219/2016 vp', 'LVM/960/03/2015', 'LVM031:00/2014', '1312/2016', '1313/2016']);
    // The bill, Parliament's reply and the statutes are stated by the project, so the stages show, undated.
    expect(lvm.stages.map((s) => [s.stage, s.at])).toEqual([
      ['preparation', '2014-05-09T05:05:30.000Z'], ['government-proposal', null], ['parliament-reply', null], ['statute-published', null],
    ]);

    // The bill arrives from Eduskunta: it joins the project's matter through the HE number hankeikkuna stated.
    arrive(db, [{ source: 'eduskunta', raw: { guid: 'HE 207/2016 vp', title: 'HE 207/2016 vp Hallituksen esitys luotsauslaiksi',
      published: '2016-10-20T08:00:00Z', identifiers: ['HE 207/2016 vp'] } }]);
    const joined = getMatter(db, byHe('HE 207/2016 vp')!)!;
    expect(joined.id).toBe(lvm.id);
    expect(joined.title).toBe('HE 207/2016 vp Hallituksen esitys luotsauslaiksi');
    expect(joined.joins).toEqual([{ identifier: 'HE 207/2016 vp', by: [
      { item: expect.any(Number), source: 'hankeikkuna', role: 'about' }, { item: expect.any(Number), source: 'eduskunta', role: 'self' },
    ] }]);
    expect(listMatters(db)).toHaveLength(5);
  });
});
