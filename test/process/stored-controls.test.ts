// Stored text with control characters (a title that slipped past normalize, a review or correction stored before the
// input check of session 47, a source's error as a server wrote it): every listing prints it to a terminal with each
// control character shown as \uXXXX, never obeyed (an escape clears the screen, a C1 CSI recolours it, a bidi override
// reverses the line), and JSON stays valid JSON of the same text. What is stored is left as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { run } from '../helpers/process.js';
import { seedFile, type Arrival } from '../link/support.js';
import { insertReview, mergeMatters, openDb } from '../../src/store/index.js';

/** Clear the screen, set the window title, a C1 CSI, a right-to-left override, a carriage return and DEL. */
const HOSTILE = 'Pelastuslaki\u001b[2J\u001b]0;pwned\u0007 \u009b31m punainen \u202etxet\r\u007f';
/** What a terminal would obey in what is printed: every control character but the line feed and the tab. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

const ARRIVALS: Arrival[] = [
  { source: 'hankeikkuna', raw: { guid: 'project', title: 'Pelastuslain muuttaminen', kind: 'project', published: '2026-01-10T08:00:00Z',
    identifiers: ['SM061:00/2026'], about: ['HE 184/2026 vp'] } },
  { source: 'eduskunta', raw: { guid: 'he184', title: 'HE 184/2026 vp Hallituksen esitys pelastuslaiksi', published: '2026-05-01T08:00:00Z',
    identifiers: ['HE 184/2026 vp'] } },
  { source: 'eduskunta', raw: { guid: 'he12', title: 'HE 12/2026 vp Hallituksen esitys aluevaltuustolaista', published: '2026-05-02T08:00:00Z',
    identifiers: ['HE 12/2026 vp'] } },
];

let dir: string;
let db: string;
let matter: number;

beforeAll(() => {
  ({ dir, db } = seedFile('stored-controls', ARRIVALS));
  const conn = openDb(db);
  try {
    // As stored before the checks: written past them, straight into the store.
    conn.prepare("UPDATE items SET title = ? WHERE guid = 'project'").run(HOSTILE);
    const item = conn.prepare("SELECT id FROM items WHERE guid = 'he184'").pluck().get() as number;
    // The reviewed one is in the digest.
    conn.prepare('UPDATE items SET title = ? WHERE id = ?').run(`HE 184/2026 vp ${HOSTILE}`, item);
    insertReview(conn, { itemId: item, reviewer: `Maija${HOSTILE}`, relevant: true, goals: ['services'], rejected: [], note: HOSTILE });
    const a = conn.prepare("SELECT matter_id FROM items WHERE guid = 'he184'").pluck().get() as number;
    const b = conn.prepare("SELECT matter_id FROM items WHERE guid = 'he12'").pluck().get() as number;
    mergeMatters(conn, a, b, { reviewer: `Maija${HOSTILE}`, note: HOSTILE, now: new Date().toISOString() });
    matter = a;
    conn.prepare("UPDATE sources SET last_error = ?, last_status = 'error' WHERE id = 'eduskunta'").run(`fetch: ${HOSTILE}`);
  } finally {
    conn.close();
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stored control characters in what the commands print', { timeout: 120_000 }, () => {
  it.each([
    ['items'], ['items', '--json'], ['matters'], ['matters', '--json'], ['sources'], ['sources', '--json'],
  ])('%s %s shows them as \\uXXXX', async (...args) => {
    const r = await run([...args.filter(Boolean), '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(OBEYED);
    if (args[0] === 'items') expect(r.out).toContain('Pelastuslaki\\u001b[2J');
    if (args[0] === 'sources') expect(r.out).toContain('\\u009b31m');
    if (args.includes('--json')) for (const line of r.out.trim().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  });

  it.each([[''], ['--json']])('matter N %s: the title, the review and the correction alike', async (json) => {
    const r = await run(['matter', String(matter), ...(json ? [json] : []), '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(OBEYED);
    expect(r.out).toContain('Maija');
    if (json) expect(JSON.parse(r.out).corrections[0].note).toBe(HOSTILE);
  });

  it('digest --preview: the text of the message', async () => {
    expect((await run(['subscriptions', 'add', 'pelastus@example.fi', '--network', '--db', db])).code).toBe(0);
    const r = await run(['digest', '--preview', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('HE 184/2026 vp Pelastuslaki\\u001b[2J');
    expect(r.out).not.toMatch(OBEYED);
  });

  it('matter IDENTIFIER that two matters hold: the titles it lists on stderr shown alike', async () => {
    const file = `${db}.split.sqlite`;
    fs.copyFileSync(db, file);
    const conn = new Database(file, { readonly: true });
    const he184 = conn.prepare("SELECT id FROM items WHERE guid = 'he184'").pluck().get() as number;
    conn.close();
    // The bill leaves the project's matter: both hold HE 184/2026 vp (its own, the project's related one).
    const split = await run(['matter', 'split', String(matter), String(he184), '--reviewer', 'Maija', '--db', file]);
    expect(split.code, split.err).toBe(0);
    const r = await run(['matter', 'HE 184/2026 vp', '--db', file]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^lakivahti matter: 2 matters hold HE 184\/2026 vp; give the matter's number:\n/);
    expect(r.err).toContain('Pelastuslaki\\u001b[2J');
    expect(r.err).not.toMatch(OBEYED);
  });

  it('leaves what is stored as it was', () => {
    const conn = new Database(db, { readonly: true });
    try {
      expect(conn.prepare("SELECT title FROM items WHERE guid = 'project'").pluck().get()).toBe(HOSTILE);
    } finally {
      conn.close();
    }
  });
});
