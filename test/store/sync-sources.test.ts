// syncSources at every start: new definitions are added, a renamed or moved source is updated (a moved one forgets
// its validators), and an unchanged one is not written at all.
import { describe, expect, it } from 'vitest';
import { getSourceState, getValidators, openDb, saveRun, syncSources } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

const def = (id: string, url = `https://example.fi/${id}`, name = `Lähde ${id}`) => ({ id, name, url }) as SourceDef;
const changes = (db: ReturnType<typeof openDb>) => db.prepare('SELECT total_changes() AS n').pluck().get() as number;

function withValidators() {
  const db = openDb(':memory:');
  syncSources(db, [def('a'), def('b')]);
  for (const id of ['a', 'b']) {
    const at = '2026-12-02T10:00:00.000Z';
    saveRun(db, {
      run: { sourceId: id, startedAt: at, finishedAt: at, status: 'ok', found: 0, created: 0, updated: 0, error: null, notes: [] },
      validators: { etag: `"${id}-1"`, lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' }, nextRunAt: null,
    });
  }
  return db;
}

describe('syncSources', () => {
  it('writes nothing for definitions that have not changed', () => {
    const db = withValidators();
    const before = changes(db);
    syncSources(db, [def('a'), def('b')]);
    expect(changes(db)).toBe(before);
    expect(getValidators(db, 'a')).toEqual({ etag: '"a-1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
  });

  it('renames a source keeping its validators, forgets the validators of a moved one, and adds a new one', () => {
    const db = withValidators();
    const before = changes(db);
    syncSources(db, [def('a', undefined, 'Uusi nimi'), def('b', 'https://example.fi/b-moved'), def('c')]);
    expect(changes(db)).toBe(before + 3);
    expect(getSourceState(db, 'a')).toMatchObject({ name: 'Uusi nimi', etag: '"a-1"', lastModified: 'Tue, 01 Dec 2026 10:00:00 GMT' });
    expect(getSourceState(db, 'b')).toMatchObject({ url: 'https://example.fi/b-moved', etag: null, lastModified: null });
    expect(getSourceState(db, 'c')).toMatchObject({ name: 'Lähde c', etag: null });
  });
});
