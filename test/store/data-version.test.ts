// What the pages reuse until the database changes is read again after a write by this connection or by another
// (the crawler's writer), and not before.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deleteSession, deleteSessions, insertSession, openDb, setSessionFlash, syncSources, touchSession, untilChanged, type Db } from '../../src/store/index.js';
import type { SourceDef } from '../../src/model.js';

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('untilChanged', () => {
  it('reads once while nothing changes, again after a write on this connection or another', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-version-')), 'v.sqlite');
    const web = openDb(file);
    const writer = openDb(file);
    open.push(web, writer);
    let reads = 0;
    const sources = untilChanged(web, () => (reads++, web.prepare('SELECT id FROM sources ORDER BY id').pluck().all()));
    expect(sources()).toEqual([]);
    expect(sources()).toEqual([]);
    expect(reads).toBe(1);
    syncSources(writer, [{ id: 'a', name: 'A', url: 'https://example.fi/a' } as SourceDef]);
    expect(sources()).toEqual(['a']);
    expect(reads).toBe(2);
    syncSources(web, [{ id: 'a', name: 'A', url: 'https://example.fi/a' }, { id: 'b', name: 'B', url: 'https://example.fi/b' }] as SourceDef[]);
    expect(sources()).toEqual(['a', 'b']);
    expect(sources()).toEqual(['a', 'b']);
    expect(reads).toBe(3);
  });

  it("keeps its value through session writes (activity, a one-shot message, sign-in and sign-out), not through any other write", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-version-')), 'v.sqlite');
    const web = openDb(file);
    open.push(web);
    let reads = 0;
    const sources = untilChanged(web, () => (reads++, web.prepare('SELECT id FROM sources ORDER BY id').pluck().all()));
    expect(sources()).toEqual([]);
    const session = { idHash: 'h1', userId: 1, csrfToken: 't', createdAt: '2026-01-01T00:00:00Z', lastSeenAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-02T00:00:00Z' };
    insertSession(web, session);
    touchSession(web, 'h1', '2026-01-01T01:00:00Z', '2026-01-01T09:00:00Z');
    setSessionFlash(web, 'h1', 'Tallennettu.');
    setSessionFlash(web, 'h1', null);
    deleteSessions(web, { expiredAt: '2026-01-01T12:00:00Z' });
    insertSession(web, { ...session, idHash: 'h2' });
    deleteSession(web, 'h2');
    expect(sources()).toEqual([]);
    expect(reads).toBe(1);
    // The first write to any other table after them is seen at once.
    syncSources(web, [{ id: 'a', name: 'A', url: 'https://example.fi/a' } as SourceDef]);
    expect(sources()).toEqual(['a']);
    expect(reads).toBe(2);
  });
});
