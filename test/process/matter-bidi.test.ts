// Right-to-left titles (Arabic, Hebrew) in what the commands print for people: each sits inline in a line of other words
// and numbers, so it is set apart (U+2068 first-strong isolate … U+2069) as the web's and the mail's titles are. Printed
// bare, `Asian otsikko muuttui: "OLD" → "NEW"` between two right-to-left titles took the quotes and the arrow into their
// direction and read backwards, and a Hebrew title took the deadline after it. A title in Latin letters is printed as it
// was (lines stay greppable), `--json` is unchanged, and a stored isolate or override is still shown as \uXXXX.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { run } from '../helpers/process.js';
import { seedFile, type Arrival } from '../link/support.js';
import { openDb } from '../../src/store/index.js';

const FSI = '\u2068';
const PDI = '\u2069';
const HEBREW = 'חוק ההצלה 12/2026';
const CHANGES: [old: string, now: string][] = [['قانون قديم', 'قانون جديد'], ['Vanha otsikko', 'Uusi otsikko']];
/** A stored title with its own isolates and override, from before the input checks. */
const STORED_ISOLATES = `Pelastuslaki ${FSI}قانون${PDI} \u2067x\u2069 \u202eabc`;

const ARRIVALS: Arrival[] = [
  { source: 'eduskunta', raw: { guid: 'he', title: HEBREW, published: '2026-05-01T08:00:00Z', identifiers: ['HE 12/2026 vp'], deadline: '2026-06-15' } },
  { source: 'eduskunta', raw: { guid: 'latin', title: 'HE 13/2026 vp Hallituksen esitys pelastuslaiksi', published: '2026-05-02T08:00:00Z',
    identifiers: ['HE 13/2026 vp'] } },
  { source: 'eduskunta', raw: { guid: 'stored', title: 'HE 14/2026 vp', published: '2026-05-03T08:00:00Z', identifiers: ['HE 14/2026 vp'] } },
];

let dir: string;
let db: string;
const matterOf: Record<string, number> = {};

beforeAll(() => {
  ({ dir, db } = seedFile('matter-bidi', ARRIVALS));
  const conn = openDb(db);
  try {
    for (const guid of ['he', 'latin', 'stored']) matterOf[guid] = conn.prepare('SELECT matter_id FROM items WHERE guid = ?').pluck().get(guid) as number;
    const at = new Date().toISOString();
    for (const [old, now] of CHANGES)
      conn.prepare("INSERT INTO matter_events (matter_id, type, old_value, new_value, at, item_id) VALUES (?, 'title', ?, ?, ?, NULL)").run(matterOf.he, old, now, at);
    // As stored before the checks: written past them.
    conn.prepare("UPDATE items SET title = ? WHERE guid = 'stored'").run(STORED_ISOLATES);
    conn.prepare('UPDATE matters SET title = ? WHERE id = ?').run(STORED_ISOLATES, matterOf.stored);
  } finally {
    conn.close();
  }
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('right-to-left titles inline in a line', { timeout: 120_000 }, () => {
  it('matter N: the title, its items and each title change isolated; a Latin title change as it was', async () => {
    const r = await run(['matter', String(matterOf.he), '--db', db]);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`asia ${matterOf.he}: ${FSI}${HEBREW}${PDI}`);
    expect(lines.some((l) => l.endsWith(`  eduskunta  ${FSI}${HEBREW}${PDI}`))).toBe(true);
    expect(r.out).toContain(`Asian otsikko muuttui: "${FSI}قانون قديم${PDI}" → "${FSI}قانون جديد${PDI}"`);
    expect(r.out).toContain('Asian otsikko muuttui: "Vanha otsikko" → "Uusi otsikko"');
  });

  it('items and matters: a right-to-left title does not take the deadline and the rest of the line after it', async () => {
    const items = await run(['items', '--db', db]);
    expect(items.code, items.err).toBe(0);
    expect(items.out).toContain(`  eduskunta  ${FSI}${HEBREW}${PDI}  [määräaika 15.6.2026]`);
    expect(items.out).toContain('  eduskunta  HE 13/2026 vp Hallituksen esitys pelastuslaiksi');
    const matters = await run(['matters', '--db', db]);
    expect(matters.code, matters.err).toBe(0);
    expect(matters.out).toContain(`asia ${matterOf.he}  ${FSI}${HEBREW}${PDI}  (HE 12/2026 vp)`);
  });

  it('--json prints the titles as stored, with no isolate added', async () => {
    const r = await run(['matter', String(matterOf.he), '--json', '--db', db]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toContain(FSI);
    const m = JSON.parse(r.out) as { title: string; events: { old: string; new: string }[] };
    expect(m.title).toBe(HEBREW);
    expect(m.events.map((e) => [e.old, e.new])).toEqual(expect.arrayContaining(CHANGES));
  });

  it('a stored isolate or override is still shown as \\uXXXX, never passed on: the only isolates are those set around a title', async () => {
    const shown = 'Pelastuslaki \\u2068قانون\\u2069 \\u2067x\\u2069 \\u202eabc';
    for (const args of [['matter', String(matterOf.stored)], ['items'], ['matters'], ['matter', String(matterOf.stored), '--json']]) {
      const r = await run([...args, '--db', db]);
      expect(r.code, r.err).toBe(0);
      const line = r.out.split('\n').find((l) => l.includes('Pelastuslaki'))!;
      const json = args.includes('--json');
      // The title holds Arabic letters: shown, then set apart as a whole.
      expect(line, args.join(' ')).toContain(json ? shown : `${FSI}${shown}${PDI}`);
      expect(line.match(/[\u2066-\u2069\u202a-\u202e]/gu) ?? []).toEqual(json ? [] : [FSI, PDI]);
    }
  });
});
