// `lakivahti matter N` on a matter of 10,000 items, run as a process: every item listed once, oldest first, the join
// explained in one line, and the whole of it within a bound (it explained the join by a scan of the join's holders per
// item: quadratic; and read the whole matter twice, once only to see that it exists).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, syncSources } from '../../src/store/index.js';
import Database from 'better-sqlite3';
import { arriveLargeMatter, arriveUntagged, WEB_SOURCES } from '../web/support.js';
import { run } from '../helpers/process.js';
import { runMain } from '../helpers/main.js';

const ITEMS = 10_000;
const MENTIONS = 120;
const BILL = 'HE 7/2021 vp';
const DAY = 86_400_000;


/** Run `f`, counting the rows every SQLite statement of this process returns meanwhile. */
async function rowsRead(f: () => Promise<unknown>): Promise<number> {
  const proto = Object.getPrototypeOf(new Database(':memory:').prepare('SELECT 1')) as Record<'get' | 'all' | 'iterate', (...a: unknown[]) => unknown>;
  const { get, all, iterate } = proto;
  let rows = 0;
  proto.all = function (...a) {
    const r = all.apply(this, a) as unknown[];
    rows += r.length;
    return r;
  };
  proto.get = function (...a) {
    const r = get.apply(this, a);
    if (r !== undefined) rows++;
    return r;
  };
  proto.iterate = function* (...a) {
    for (const r of iterate.apply(this, a) as Iterable<unknown>) {
      rows++;
      yield r;
    }
  };
  try {
    await f();
    return rows;
  } finally {
    Object.assign(proto, { get, all, iterate });
  }
}

describe('a matter of 10,000 items, `matter N` as a process', () => {
  let dir: string;
  let file: string;
  let matter: number;
  let order: number[];
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-matter-large-'));
    file = path.join(dir, 'db.sqlite');
    const db = openDb(file);
    try {
      syncSources(db, Object.values(WEB_SOURCES));
      const start = arriveLargeMatter(db, BILL, ITEMS);
      // Items that only mention the bill (in their text): listed under "mainittu myös", never joined.
      arriveUntagged(db, 'lausuntopalvelu', Array.from({ length: MENTIONS }, (_, j) => ({
        guid: `mention-${j}`, url: `https://lausuntopalvelu.fi/${j}`, title: `Lausuntopyyntö ${j}`, summary: `Katso ${BILL}.`,
        published: new Date(start + j * DAY).toISOString(),
      })));
      matter = db.prepare("SELECT matter_id FROM items WHERE source_id = 'eduskunta'").pluck().get() as number;
      order = db.prepare('SELECT id FROM items WHERE matter_id = ? ORDER BY sort_key, id').pluck().all(matter) as number[];
    } finally {
      db.close();
    }
  }, 120_000);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists every item once, oldest first, and explains the join in one line', async () => {
    expect(order).toHaveLength(ITEMS);
    const r = await run(['matter', String(matter), '--db', file]);
    expect([r.code, r.err]).toEqual([0, '']);
    const lines = r.out.split('\n');
    const at = (header: string) => lines.indexOf(header);
    const listed = lines.slice(at('asiakirjat:') + 1, at('yhdistetty:')).map((l) => Number(/^ {2}#(\d+) /.exec(l)?.[1]));
    expect(listed).toEqual(order);
    expect(lines.slice(at('yhdistetty:') + 1, at('yhdistetty:') + 2)).toEqual([
      `  yhdistetty tunnuksella ${BILL}: eduskunta (oma tunnus), stm (ilmoitettu liittyvä asia)`]);
    expect(lines.filter((l) => / lausuntopalvelu {2}Lausuntopyyntö \d+$/.test(l))).toHaveLength(MENTIONS);
    // Each item once among the documents and once among the changes (it joined the matter), nothing more.
    expect(lines.filter((l) => / {2}Uusi asiakirja asiassa: "Tiedote \d+ esityksestä" {2}\(#\d+\)$/.test(l))).toHaveLength(ITEMS - 1);
    expect(lines).toHaveLength(ITEMS + (ITEMS - 1) + MENTIONS + 10);
  }, 120_000);

  it('--json: one object, its items and the join holding every item', async () => {
    const r = await run(['matter', BILL, '--json', '--db', file]);
    expect([r.code, r.err]).toEqual([0, '']);
    const m = JSON.parse(r.out) as { id: number; items: { id: number }[]; joins: { identifier: string; by: { item: number }[] }[]; mentionedIn: unknown[] };
    expect(m.id).toBe(matter);
    expect(m.items.map((i) => i.id)).toEqual(order);
    expect(m.joins.map((j) => [j.identifier, j.by.length])).toEqual([[BILL, ITEMS]]);
    expect(m.joins[0].by.map((b) => b.item)).toEqual([...order].sort((a, b) => a - b));
    expect(m.mentionedIn).toHaveLength(MENTIONS);
  }, 120_000);

  it('reads the matter once: about as many rows as it prints (it read every item twice, once to see the matter exists)', async () => {
    let out = '';
    const rows = await rowsRead(async () => ((out = (await runMain(['matter', String(matter), '--db', file])).out)));
    expect(out.split('\n')).toHaveLength(ITEMS + (ITEMS - 1) + MENTIONS + 10);
    // Its items, their identifiers, its changes and the mentions: each row read once (~30,000), not twice (~60,000).
    expect(rows).toBeLessThan(ITEMS * 4);
  }, 120_000);
});
