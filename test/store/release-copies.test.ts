// The item saver marks a press release a copy (items.same_as) of the first stored item of another source that is the
// same release: the same link, or on the government's hosts that share one article store the same language prefix and
// slug with or without the group number (see releaseKey). A copy whose link changes later is marked again.
import { describe, expect, it } from 'vitest';
import { openDb, type Db } from '../../src/store/db.js';
import { syncSources } from '../../src/store/sources.js';
import { createItemSaver } from '../../src/store/item-saver.js';
import { insertRun } from '../../src/store/run-row.js';
import { toStore } from '../../src/store/tags.js';
import { releaseKey } from '../../src/normalize/release-key.js';
import type { SourceDef } from '../../src/model.js';

const HOSTS = ['valtioneuvosto.fi', 'stm.fi', 'intermin.fi'];
const def = (id: string): SourceDef => ({ id, name: id, url: `https://${id}.fi/`, kind: 'rss', schedule: '*/30 * * * *', language: 'fi',
  tags: [], itemKind: 'press-release', mayBeEmpty: true, options: {}, file: `${id}.yaml` });

function save(db: Db, source: string, key: string, url: string, hash = url) {
  const saver = createItemSaver(db, source, insertRun(db, source, '2026-12-08T04:00:00.000Z'));
  saver.add([toStore({ sourceId: source, key, guid: key, url, releaseKey: releaseKey(url, HOSTS), title: 'Tiedote', summary: '', contentHtml: '',
    published: '2026-12-01T08:00:00.000Z', updated: null, deadline: null, language: 'fi', organisation: null, kind: 'press-release',
    stage: null, identifiers: [], consultation: null, hash, tags: null, searchTerms: 'tiedote' })], '2026-12-08T04:00:00.000Z');
  saver.flush('2026-12-08T04:00:00.000Z');
}

function store(): Db {
  const db = openDb(':memory:');
  syncSources(db, ['valtioneuvosto', 'stm', 'sisaministerio'].map(def));
  return db;
}
const sameAs = (db: Db) => Object.fromEntries((db.prepare('SELECT key, same_as AS s FROM items').all() as { key: string; s: number | null }[]).map((r) => [r.key, r.s]));
const idOf = (db: Db, key: string) => db.prepare('SELECT id FROM items WHERE key = ?').pluck().get(key) as number;

describe('store: copies of one press release', () => {
  it('joins valtioneuvosto.fi/-/<group>/<slug> and stm.fi/-/<slug>, not another slug or language', () => {
    const db = store();
    save(db, 'valtioneuvosto', 'v1', 'https://valtioneuvosto.fi/-/1271139/sote-esitys-eduskuntaan');
    save(db, 'stm', 's1', 'https://stm.fi/-/sote-esitys-eduskuntaan');
    save(db, 'stm', 's2', 'https://stm.fi/sv/-/sote-esitys-eduskuntaan');
    save(db, 'sisaministerio', 'i1', 'https://intermin.fi/-/toinen-tiedote');
    expect(sameAs(db)).toEqual({ v1: null, s1: idOf(db, 'v1'), s2: null, i1: null });
  });

  it('a copy whose link changes upstream is marked again, and so are the copies of a first item whose link changes', () => {
    const db = store();
    save(db, 'valtioneuvosto', 'v1', 'https://valtioneuvosto.fi/-/1271139/tiedote-a');
    save(db, 'valtioneuvosto', 'v2', 'https://valtioneuvosto.fi/-/1271139/tiedote-b');
    save(db, 'stm', 's1', 'https://stm.fi/-/tiedote-a');
    save(db, 'sisaministerio', 'i1', 'https://intermin.fi/-/1271139/tiedote-a');
    expect(sameAs(db)).toEqual({ v1: null, v2: null, s1: idOf(db, 'v1'), i1: idOf(db, 'v1') });
    // stm's item now links another release: no copy of v1, but of v2.
    save(db, 'stm', 's1', 'https://stm.fi/-/tiedote-b');
    expect(sameAs(db)).toEqual({ v1: null, v2: null, s1: idOf(db, 'v2'), i1: idOf(db, 'v1') });
    // valtioneuvosto's first item moves to a slug no one else has: its copy i1 is no copy any more.
    save(db, 'valtioneuvosto', 'v1', 'https://valtioneuvosto.fi/-/1271139/tiedote-c');
    expect(sameAs(db)).toEqual({ v1: null, v2: null, s1: idOf(db, 'v2'), i1: null });
    // and back: the earlier item is first again, the later one its copy.
    save(db, 'valtioneuvosto', 'v1', 'https://valtioneuvosto.fi/-/1271139/tiedote-a');
    expect(sameAs(db)).toEqual({ v1: null, v2: null, s1: idOf(db, 'v2'), i1: idOf(db, 'v1') });
  });

  it('a copy under the same link that then links another release is no copy any more (links alike on both feeds)', () => {
    const db = store();
    save(db, 'valtioneuvosto', 'v1', 'https://valtioneuvosto.fi/-/1271139/tiedote-a');
    save(db, 'stm', 's1', 'https://valtioneuvosto.fi/-/1271139/tiedote-a');
    expect(sameAs(db)).toEqual({ v1: null, s1: idOf(db, 'v1') });
    save(db, 'stm', 's1', 'https://valtioneuvosto.fi/-/1271139/tiedote-d');
    expect(sameAs(db)).toEqual({ v1: null, s1: null });
  });
});
