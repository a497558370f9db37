// matter merge and matter split as real processes: stored with who and when, shown by `matter`, kept by relink.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { run } from '../helpers/process.js';
import { seedFile, type Arrival } from '../link/support.js';

let dir: string;
let db: string;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const ARRIVALS: Arrival[] = [
  { source: 'hankeikkuna', raw: { guid: 'project', title: 'Pelastuslain muuttaminen', kind: 'project', published: '2026-01-10T08:00:00Z',
    identifiers: ['SM061:00/2026'], about: ['VN/31234/2026', 'HE 184/2026 vp'] } },
  { source: 'lausuntopalvelu', raw: { guid: 'request', title: 'Lausuntopyyntö pelastuslain muuttamisesta', published: '2026-03-01T08:00:00Z',
    identifiers: ['VN / 31234 / 2026'] } },
  { source: 'eduskunta', raw: { guid: 'he184', title: 'HE 184/2026 vp Hallituksen esitys pelastuslaiksi', published: '2026-05-01T08:00:00Z',
    identifiers: ['HE 184/2026 vp'] } },
  { source: 'eduskunta', raw: { guid: 'he12', title: 'HE 12/2026 vp Hallituksen esitys aluevaltuustolaista', published: '2026-05-02T08:00:00Z',
    identifiers: ['HE 12/2026 vp'] } },
];

beforeAll(() => {
  ({ dir, db } = seedFile('corrections', ARRIVALS));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Shown = { id: number; items: { id: number; title: string }[]; corrections: { kind: string; reviewer: string; note: string | null; at: string }[];
  events: { type: string; old: string | null; new: string | null; at: string; itemId: number | null }[] };
const show = async (file: string, ref: string) => {
  const r = await run(['matter', ref, '--json', '--db', file]);
  expect(r.code).toBe(0);
  return JSON.parse(r.out) as Shown;
};

// Each test spawns several processes: on a shared two-core machine under load one takes seconds.
describe('matter split and matter merge as processes', { timeout: 120_000 }, () => {
  it('split: the item leaves into a matter of its own, shown with who, when and why, and relink keeps it', async () => {
    const file = path.join(dir, 'split.sqlite');
    fs.copyFileSync(db, file);
    const life = await show(file, 'HE 184/2026 vp');
    const request = life.items.find((i) => i.title.startsWith('Lausuntopyyntö'))!.id;
    const split = await run(['matter', 'split', 'VN/31234/2026', `#${request}`, '--reviewer', 'Maija Meikäläinen', '--note', 'eri hanke', '--db', file]);
    expect(split.err).toBe('');
    expect(split.code).toBe(0);
    expect(split.out).toMatch(new RegExp(`^asiakirja #${request} erotettu asiasta ${life.id} omaksi asiakseen \\d+; korjaus 1, Maija Meikäläinen\\n$`));
    const rest = await show(file, String(life.id));
    expect(rest.items.map((i) => i.id)).not.toContain(request);
    expect(rest.corrections).toEqual([expect.objectContaining({ kind: 'split', reviewer: 'Maija Meikäläinen', note: 'eri hanke' })]);
    const text = await run(['matter', String(life.id), '--db', file]);
    expect(text.out).toMatch(new RegExp(`^yhdistetty:\\n(.*\\n)*  erotettu käsin: #${request} asiasta ${life.id}, Maija Meikäläinen \\d+\\.\\d+\\.\\d{4}.*: eri hanke$`, 'm'));
    // The matter's history records the item leaving it, once (relink below adds nothing).
    expect(text.out).toMatch(new RegExp(`^ {2}.* {2}Asiakirja erotettiin asiasta: "Lausuntopyyntö pelastuslain muuttamisesta" {2}\\(#${request}\\)$`, 'm'));
    expect((await run(['relink', '--db', file])).out).toMatch(/; 0 items were moved, 0 matters were created, 0 removed/);
    expect((await show(file, String(life.id))).events.filter((e) => e.type === 'item' && e.new === null).map((e) => e.itemId)).toEqual([request]);
    const own = /omaksi asiakseen (\d+)/.exec(split.out)![1];
    // The same split again (a script run twice), by number or identifier: it holds, so it says so, writes nothing and
    // succeeds. It was a usage error (exit 2: the item is not in that matter).
    const before = fs.readFileSync(file);
    for (const from of [String(life.id), 'HE 184/2026 vp']) {
      const again = await run(['matter', 'split', from, String(request), '--reviewer', 'Maija Meikäläinen', '--db', file]);
      expect([again.code, again.err], from).toEqual([0, '']);
      expect(again.out).toMatch(new RegExp(`^asiakirja #${request} on jo erotettu asiasta ${life.id} omaksi asiakseen ${own} korjauksella 1 \\(Maija Meikäläinen \\d+\\.\\d+\\.\\d{4} klo [\\d.]+\\); mitään ei muutettu\n$`));
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect((await show(file, own)).items.map((i) => i.id)).toEqual([request]);
    expect((await show(file, own)).corrections.map((c) => c.kind)).toEqual(['split']);
    // Both matters now hold VN/31234/2026: asked by it, the command lists them and asks for the number.
    for (const args of [['matter', 'VN/31234/2026'], ['matter', 'VN / 31234 / 2026', '--json']]) {
      const both = await run([...args, '--db', file]);
      expect(both.code, args.join(' ')).toBe(2);
      expect(both.out).toBe('');
      expect(both.err).toMatch(new RegExp(`^lakivahti matter: 2 matters hold VN/31234/2026; give the matter's number:\n  matter ${life.id}: HE 184\\/2026 vp Hallituksen esitys pelastuslaiksi\n` +
        `  matter ${own}: Lausuntopyyntö pelastuslain muuttamisesta\n`));
    }
    // Asked by an identifier only one of them holds, or by number, each is shown as before.
    expect((await show(file, 'SM061:00/2026')).id).toBe(life.id);
    // A correction naming the shared identifier is refused the same way, writing nothing.
    const merge = await run(['matter', 'merge', 'VN/31234/2026', 'HE 12/2026 vp', '--reviewer', 'M', '--db', file]);
    expect([merge.code, merge.err]).toEqual([2, expect.stringMatching(/2 matters hold VN\/31234\/2026; give the matter's number/)]);
  });

  it('merge: the first matter keeps its number, the second is gone; relink keeps them merged', async () => {
    const file = path.join(dir, 'merge.sqlite');
    fs.copyFileSync(db, file);
    const a = (await show(file, 'HE 12/2026 vp')).id;
    const b = (await show(file, 'HE 184/2026 vp')).id;
    const merge = await run(['matter', 'merge', String(a), 'HE 184/2026 vp', '--reviewer', 'Matti', '--db', file]);
    expect(merge.code).toBe(0);
    expect(merge.out).toBe(`asiat ${a} ja ${b} yhdistetty asiaksi ${a}: asian ${b} asiakirjat (3) siirrettiin siihen, eikä asiaa ${b} enää ole; korjaus 1, Matti\n`);
    const merged = await show(file, 'HE 184/2026 vp');
    expect(merged.id).toBe(a);
    expect(merged.items).toHaveLength(4);
    expect(merged.corrections).toEqual([expect.objectContaining({ kind: 'merge', reviewer: 'Matti', note: null, at: expect.stringMatching(/^\d{4}-/) })]);
    // The merged-away number leads to the matter it became, as the web's /matters/B does, and says so; merging it
    // again names where it went. It was 'no matter B' (exit 1) and 'no matter holds B'.
    const gone = await run(['matter', String(b), '--json', '--db', file]);
    expect([gone.code, (JSON.parse(gone.out) as { id: number }).id, gone.err]).toEqual([0, a, `lakivahti matter: matter ${b} was merged into matter ${a}; this is matter ${a}\n`]);
    // The same merge again (a script run twice), either way round or by the identifier the merge took along: it holds,
    // so it says so, writes nothing and succeeds. It was a usage error (exit 2) telling to give the number it was given.
    const before = fs.readFileSync(file);
    const done = `: asia ${b} yhdistettiin siihen korjauksella 1 \\(Matti \\d+\\.\\d+\\.\\d{4} klo \\d+\\.\\d+\\)`;
    for (const [x, y, said] of [[String(a), String(b), done], [String(b), String(a), done], [String(a), 'HE 184/2026 vp', '']]) {
      const again = await run(['matter', 'merge', x, y, '--reviewer', 'Matti', '--db', file]);
      expect([again.code, again.err], `${x} ${y}`).toEqual([0, '']);
      expect(again.out).toMatch(new RegExp(`^${x} ja ${y} ovat jo sama asia ${a}${said}; mitään ei muutettu\n$`));
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Subscribing to the merged-away number (from an older digest's "asia B") follows the matter it became, and says
    // so; it was refused, 'no matter number B', though `matter B` and the web's /matters/B lead to A.
    const follow = await run(['subscriptions', 'add', 'seuraaja@example.fi', '--matter', String(b), '--db', file]);
    expect([follow.code, follow.err]).toEqual([0, `lakivahti subscriptions: matter ${b} was merged into matter ${a}; the subscription follows matter ${a}\n`]);
    const followed = JSON.parse(lines((await run(['subscriptions', 'list', '--json', '--db', file])).out)[0]) as { matters: number[] };
    expect(followed.matters).toEqual([a]);
    expect((await run(['subscriptions', 'add', 'seuraaja@example.fi', '--matter', '999', '--db', file])).err).toMatch(/^lakivahti subscriptions: no matter number 999/);
    expect((await run(['relink', '--db', file])).out).toMatch(/^1 matters; 0 items were moved/);
    // The second matter's three items joined the first, each recorded once: the merge, not the relink after it.
    const joined = (await show(file, String(a))).events.filter((e) => e.type === 'item' && e.at === merged.corrections[0].at);
    expect(joined.map((e) => e.itemId).sort()).toEqual(merged.items.filter((i) => !i.title.startsWith('HE 12/2026')).map((i) => i.id).sort());
    const listed = lines((await run(['matters', '--json', '--db', file])).out);
    expect(listed).toHaveLength(1);
  });

  it('never gives a merged-away number again: a split after the merge makes a new number, and the old one still leads to where it went', async () => {
    const file = path.join(dir, 'numbers.sqlite');
    fs.copyFileSync(db, file);
    const ids = [(await show(file, 'HE 12/2026 vp')).id, (await show(file, 'HE 184/2026 vp')).id].sort((x, y) => x - y);
    const [a, b] = ids; // b the highest number: SQLite gave max(id) + 1 again once it was deleted
    expect((await run(['matter', 'merge', String(a), String(b), '--reviewer', 'Matti', '--db', file])).code).toBe(0);
    const item = (await show(file, String(a))).items.at(-1)!.id;
    const split = await run(['matter', 'split', String(a), String(item), '--reviewer', 'Matti', '--db', file]);
    expect(split.code).toBe(0);
    const made = Number(/omaksi asiakseen (\d+)/.exec(split.out)?.[1]);
    expect(made).toBeGreaterThan(b);
    // The old number still leads to a matter its items are in (the one its first item is in now), never to a stranger.
    const gone = await run(['matter', String(b), '--json', '--db', file]);
    expect(gone.code).toBe(0);
    expect([a, made]).toContain((JSON.parse(gone.out) as { id: number }).id);
    expect(gone.err).toMatch(new RegExp(`^lakivahti matter: matter ${b} was merged into matter \\d+`));
    // relink, which removes and makes matters of its own, gives none of the numbers either.
    expect((await run(['relink', '--db', file])).code).toBe(0);
    const listed = lines((await run(['matters', '--json', '--db', file])).out).map((l) => (JSON.parse(l) as { id: number }).id);
    expect(listed.filter((id) => id === b)).toEqual([]);
  });

  it('a merged-away number leads to the matter it was merged into, also once the item the merge named is split off again', async () => {
    const file = path.join(dir, 'contradicted.sqlite');
    fs.copyFileSync(db, file);
    const a = (await show(file, 'HE 12/2026 vp')).id;
    const b = (await show(file, 'HE 184/2026 vp')).id;
    expect((await run(['matter', 'merge', String(a), String(b), '--reviewer', 'Matti', '--db', file])).code).toBe(0);
    // The item of B's the merge recorded, split off again by a second reviewer: B's two other items stay in A.
    const named = new Database(file, { readonly: true });
    const other = named.prepare("SELECT other FROM matter_corrections WHERE kind = 'merge'").pluck().get() as number;
    named.close();
    const split = await run(['matter', 'split', String(a), String(other), '--reviewer', 'Maija', '--db', file]);
    expect(split.code).toBe(0);
    const alone = Number(/omaksi asiakseen (\d+)/.exec(split.out)?.[1]);
    expect((await show(file, String(a))).items).toHaveLength(3);
    // B leads to A, where the merge took it and most of its items still are; it led to the split item's new matter.
    const gone = await run(['matter', String(b), '--json', '--db', file]);
    expect([gone.code, (JSON.parse(gone.out) as { id: number }).id, gone.err])
      .toEqual([0, a, `lakivahti matter: matter ${b} was merged into matter ${a}; this is matter ${a}\n`]);
    expect(alone).not.toBe(a);
    // The merge asked again holds: it was refused, 'matter B was merged into matter <the split item's>: give that'.
    const again = await run(['matter', 'merge', String(a), String(b), '--reviewer', 'Matti', '--db', file]);
    expect([again.code, again.err]).toEqual([0, '']);
    expect(again.out).toMatch(new RegExp(`^${a} ja ${b} ovat jo sama asia ${a}`));
    // Following B from an older digest follows A, as a subscription to B made before the merge does.
    const follow = await run(['subscriptions', 'add', 'seuraaja@example.fi', '--matter', String(b), '--db', file]);
    expect([follow.code, follow.err]).toEqual([0, `lakivahti subscriptions: matter ${b} was merged into matter ${a}; the subscription follows matter ${a}\n`]);
  });

  it('names each mistake with exit 2 and writes nothing, not even to a read-only file', async () => {
    const file = path.join(dir, 'errors.sqlite');
    fs.copyFileSync(db, file);
    const life = await show(file, 'HE 184/2026 vp');
    const other = await show(file, 'HE 12/2026 vp');
    const before = fs.readFileSync(file);
    const cases: [string[], RegExp][] = [
      [['merge', String(life.id), String(life.id), '--reviewer', 'M'], new RegExp(`cannot merge matter ${life.id} with itself`)],
      [['merge', String(life.id), '999', '--reviewer', 'M'], /no matter 999/],
      [['merge', `0${life.id}`, String(other.id), '--reviewer', 'M'], new RegExp(`"0${life.id}" is not a matter number`)],
      [['split', `0${life.id}`, String(life.items[0].id), '--reviewer', 'M'], new RegExp(`"0${life.id}" is not a matter number`)],
      [['merge', String(life.id), 'HE 1/2099 vp', '--reviewer', 'M'], /no matter holds HE 1\/2099 vp/],
      [['merge', String(life.id), String(other.id)], /--reviewer NAME is required/],
      [['merge', String(life.id)], /merge needs two matters/],
      [['split', String(life.id), '999', '--reviewer', 'M'], /no item 999/],
      [['split', String(life.id), String(other.items[0].id), '--reviewer', 'M'], new RegExp(`item ${other.items[0].id} is not in matter ${life.id} \\(it is in matter ${other.id}\\)`)],
      [['split', String(other.id), String(other.items[0].id), '--reviewer', 'M'], /is the only item of matter/],
      [['split', String(life.id), 'kohde', '--reviewer', 'M'], /"kohde" is not an item number/],
      [['split', String(life.id), String(life.items[0].id), '--reviewer', ''], /--reviewer NAME is required/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['matter', ...args, '--db', file]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toMatch(message);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // A database that is not there is named as `matter ID` and every reader names it, and not made.
    const missing = await run(['matter', 'merge', '1', '2', '--reviewer', 'M', '--db', path.join(dir, 'none.sqlite')]);
    expect([missing.code, missing.err]).toEqual([1, `lakivahti matter: the database file ${path.join(dir, 'none.sqlite')} does not exist\n`]);
    expect(await run(['matter', '1', '--db', path.join(dir, 'none.sqlite')])).toMatchObject({ code: 1, err: missing.err });
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
    // A file the process may not write: the correction fails with exit 1 and the file is as it was. Root ignores
    // file modes, so under root the child runs as nobody (the folder must then be readable to it).
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(file, 0o444);
    try {
      const ro = await run(['matter', 'merge', String(life.id), String(other.id), '--reviewer', 'M', '--db', file], as);
      expect([ro.code, ro.err]).toEqual([1, expect.any(String)]);
      expect(ro.err).not.toBe('');
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });

  // A name or note given with an escape or a stray line break (`--reviewer $'Maija\e[2J'`, a script's two-line
  // variable) was stored as typed; refused naming the option, the character and where, nothing written. A note's
  // line break and tab are kept (the web's text area types them).
  it('a control character in --reviewer or --note is refused by name, exit 2, nothing stored', async () => {
    const file = path.join(dir, 'control.sqlite');
    fs.copyFileSync(db, file);
    const life = await show(file, 'HE 184/2026 vp');
    const stored = () => {
      const conn = new Database(file, { readonly: true });
      try {
        return conn.prepare('SELECT (SELECT COUNT(*) FROM reviews) AS reviews, (SELECT COUNT(*) FROM matter_corrections) AS corrections').get();
      } finally {
        conn.close();
      }
    };
    const before = stored();
    const cases: [string[], string][] = [
      [['review', String(life.items[0].id), '--reviewer', 'Maija\u001b[2J', '--not-relevant'], '--reviewer "Maija\\u001b[2J" holds a control character (U+001B at character 6); give it on one line without control characters'],
      [['review', String(life.items[0].id), '--reviewer', 'Maija\nMatti', '--not-relevant'], '--reviewer "Maija\\nMatti" holds a control character (U+000A at character 6)'],
      [['review', String(life.items[0].id), '--reviewer', 'Maija', '--not-relevant', '--note', 'syy\u009b31m'], '--note "syy\\u009b31m" holds a control character (U+009B at character 4); give it without control characters'],
      [['matter', 'split', String(life.id), String(life.items[0].id), '--reviewer', 'M\u0007'], '--reviewer "M\\u0007" holds a control character (U+0007 at character 2)'],
      [['matter', 'merge', String(life.id), '1', '--reviewer', 'M', '--note', 'a\u202eb'], '--note "a\\u202eb" holds a control character (U+202E at character 2)'],
    ];
    // The refusal quotes the value with its control characters shown, as stdout shows them: a C1 CSI or a right-to-left
    // override went to the terminal as typed (JSON.stringify escapes neither).
    for (const [args, said] of cases) {
      const r = await run([...args, '--db', file]);
      expect([r.code, r.out, r.err.split('\n')[0]], args.join(' ')).toEqual([2, '', expect.stringContaining(said)]);
    }
    expect(stored()).toEqual(before);
    const kept = await run(['review', String(life.items[0].id), '--reviewer', 'Maija', '--not-relevant', '--note', 'rivi 1\n\trivi 2', '--db', file]);
    expect([kept.code, kept.err]).toEqual([0, '']);
    const conn = new Database(file, { readonly: true });
    expect(conn.prepare('SELECT note FROM reviews ORDER BY id DESC LIMIT 1').pluck().get()).toBe('rivi 1\n\trivi 2');
    conn.close();
  });
});
