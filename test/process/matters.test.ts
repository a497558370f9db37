// matters, matter and relink as real processes with pipes; items --json gains each item's matter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parseDocument } from 'yaml';
import { mirrorUrl, startMirror, type Mirror } from '../../src/demo/mirror.js';
import { defaultFeedsDir, fixturesDir } from '../../src/paths.js';
import { run } from '../helpers/process.js';
import { seedFile, type Arrival } from '../link/support.js';

let dir: string;
let db: string;
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

const ARRIVALS: Arrival[] = [
  { source: 'hankeikkuna', raw: { guid: 'project', title: 'Pelastuslain muuttaminen', kind: 'project', published: '2026-01-10T08:00:00Z',
    identifiers: ['SM061:00/2026'], about: ['VN/31234/2026', 'HE 184/2026 vp'] } },
  { source: 'lausuntopalvelu', raw: { guid: 'request', title: 'Lausuntopyyntö pelastuslain muuttamisesta', published: '2026-03-01T08:00:00Z',
    deadline: '2026-04-15', identifiers: ['VN / 31234 / 2026'],
    consultation: { distribution: ['Pelastusopisto', 'Helsingin kaupunki'], answered: ['Pelastusopisto', 'Etelä-Savon hyvinvointialue'] } } },
  { source: 'finlex', raw: { guid: 'statute', title: 'Laki pelastuslain muuttamisesta', published: '2026-11-27T00:00:00Z',
    identifiers: ['123/2027'], about: ['RP 184/2026 rd'], inForce: '2090-01-01' } },
  { source: 'eduskunta', raw: { guid: 'he2', title: 'HE 12/2026 vp Hallituksen esitys aluevaltuustolaista', published: '2026-05-01T08:00:00Z',
    identifiers: ['HE 12/2026 vp'] } },
  { source: 'stm', raw: { guid: 'press', title: 'Tiedote: HE 184/2026 vp ja HE 12/2026 vp', published: '2026-05-02T08:00:00Z' } },
];

beforeAll(() => {
  ({ dir, db } = seedFile('matters', ARRIVALS));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Each test spawns several processes: on a shared two-core machine under load one takes seconds.
describe('matters, matter and relink as processes', { timeout: 120_000 }, () => {
  it('matters --json prints one matter a line; --stage, --search and bad options', async () => {
    const all = await run(['matters', '--json', '--db', db]);
    expect(all.code).toBe(0);
    const ms = lines(all.out).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ms).toHaveLength(2);
    // The fields stay as they were, in their order; the day a statute comes into force is added last.
    expect(Object.keys(ms[0])).toEqual(['id', 'title', 'identifiers', 'stage', 'stageAt', 'deadline', 'goals', 'items', 'stages', 'inForce']);
    const life = ms.find((m) => (m.identifiers as string[]).includes('HE 184/2026 vp'))!;
    expect(life).toMatchObject({ title: 'Pelastuslain muuttaminen', stage: 'statute-published', deadline: '2026-04-15', inForce: '2090-01-01' });
    expect(ms.find((m) => m !== life)!.inForce).toBeNull();
    expect(life.items).toHaveLength(3);

    const stage = await run(['matters', '--json', '--stage', 'government-proposal', '--db', db]);
    expect(lines(stage.out).map((l) => JSON.parse(l).identifiers)).toEqual([['HE 12/2026 vp']]);
    const search = await run(['matters', '--search', 'pelastuslain', '--db', db]);
    expect(lines(search.out)).toHaveLength(1);
    expect(search.out).toMatch(/^asia \d+ {2}Pelastuslain muuttaminen .*\[säädös julkaistu 27\.11\.2026, voimaan 1\.1\.2090\].*\[määräaika 15\.4\.2026\].* 3 asiakirjaa$/m);

    const bad = await run(['matters', '--stage', 'valmis', '--db', db]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/unknown stage "valmis" \(stages: preparation, statement-round/);
    const missing = await run(['matters', '--db', path.join(dir, 'none.sqlite')]);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(path.join(dir, 'none.sqlite'))).toBe(false);
  });

  it('matter ID shows one matter by number or by any of its identifiers, items oldest first, joins explained', async () => {
    const byHe = await run(['matter', 'RP 184/2026 rd', '--json', '--db', db]);
    expect(byHe.code).toBe(0);
    const m = JSON.parse(byHe.out) as { id: number; items: { source: string }[]; joins: { identifier: string }[]; mentionedIn: { title: string }[]; answered: string[] };
    expect(m.answered).toEqual(['Etelä-Savon hyvinvointialue', 'Pelastusopisto']);
    expect(m.items.map((i) => i.source)).toEqual(['hankeikkuna', 'lausuntopalvelu', 'finlex']);
    expect(m.joins.map((j) => j.identifier)).toEqual(['HE 184/2026 vp', 'VN/31234/2026']);
    expect(m.mentionedIn.map((i) => i.title)).toEqual(['Tiedote: HE 184/2026 vp ja HE 12/2026 vp']);
    expect(JSON.parse(byHe.out).inForce).toBe('2090-01-01');
    const byVn = await run(['matter', 'VN/31234/2026', '--json', '--db', db]);
    expect(JSON.parse(byVn.out).id).toBe(m.id);
    // As a person types it: any letter case.
    const typed = await run(['matter', 'he 184/2026 vp', '--json', '--db', db]);
    expect([typed.code, JSON.parse(typed.out).id]).toEqual([0, m.id]);
    // In full-width characters (a Japanese or Chinese keyboard), or with another script's digits.
    for (const ref of ['ＨＥ　１８４／２０２６　ｖｐ', 'VN/٣١٢٣٤/٢٠٢٦']) {
      const wide = await run(['matter', ref, '--json', '--db', db]);
      expect([wide.code, wide.err, JSON.parse(wide.out || 'null')?.id], ref).toEqual([0, '', m.id]);
    }

    const text = await run(['matter', String(m.id), '--db', db]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^asia \d+: Pelastuslain muuttaminen$/m);
    expect(text.out).toMatch(/yhdistetty tunnuksella VN\/31234\/2026: hankeikkuna \(ilmoitettu liittyvä asia\), lausuntopalvelu \(oma tunnus\)/);
    expect(text.out).toMatch(/säädös julkaistu 27\.11\.2026/);
    expect(text.out).toMatch(/^ {2}tulee voimaan 1\.1\.2090$/m);
    expect(text.out).toMatch(/^lausunnon antaneet: Etelä-Savon hyvinvointialue, Pelastusopisto$/m);

    expect((await run(['matter', '99999', '--db', db])).code).toBe(1);
    const none = await run(['matter', '--db', db]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/give one matter/);
    expect((await run(['matter', 'pelastuslaki', '--db', db])).code).toBe(2);
  });

  it('matter refuses text beside an identifier, and a negative number, naming them in its own words', async () => {
    // Each was either taken (the identifier found inside the text) or refused by node's parseArgs in its English.
    const cases: [string, RegExp][] = [
      ['HE 184/2026 vp; DROP', /^lakivahti matter: "HE 184\/2026 vp; DROP" has "; DROP" beside the identifier HE 184\/2026 vp; give the identifier alone$/m],
      ['katso HE 184/2026 vp', /"katso HE 184\/2026 vp" has "katso" beside the identifier HE 184\/2026 vp/],
      // "HE 184/2026vp" (the session glued to the year) is the identifier since session 54; a word glued on is not.
      ['HE 184/2026vpk', /"HE 184\/2026vpk" is neither a matter number nor an identifier/],
      ['-1', /^lakivahti matter: "-1" is neither a matter number nor an identifier/m],
      // Written as an identifier but of a year no identifier has: it said 'neither a matter number nor an identifier'.
      ['HE 1/1899 vp', /^lakivahti matter: "HE 1\/1899 vp" is no identifier: its year 1899 is not within 1900–2199$/m],
      ['rp 5 / 2200 rd', /^lakivahti matter: "rp 5 \/ 2200 rd" is no identifier: its year 2200 is not within 1900–2199$/m],
      // Digits that are no matter's number by the one rule (src/parse/id.ts): it said 'no matter 07' (exit 1) beside a
      // matter 7, and merge and split 'no matter 0'.
      ['07', /^lakivahti matter: "07" is not a matter number \(as `matters` shows it: no leading zero, at most 15 digits\)$/m],
      ['1234567890123456', /^lakivahti matter: "1234567890123456" is not a matter number/m],
    ];
    // `matter` only reads: the children run at once (one after another they took a CLI start each).
    const refused = await Promise.all(cases.map(([ref]) => run(['matter', ref, '--json', '--db', db])));
    for (const [i, [ref, said]] of cases.entries()) {
      const r = refused[i];
      expect([r.code, r.out], ref).toEqual([2, '']);
      expect(r.err, ref).toMatch(said);
      expect(r.err, ref).not.toMatch(/Unknown option|ERR_PARSE_ARGS/);
    }
    // Every command that takes no argument names it in the same words.
    const items = await run(['items', '-1', '--db', db]);
    expect([items.code, items.err.split('\n')[0]]).toEqual([2, 'lakivahti items: unexpected argument "-1"']);
  });

  it('matter ID shows what changed as a timeline, and --json carries it as events (type, old, new, at, itemId)', async () => {
    // The request's deadline moves in a later run: 15.4. → 29.4.
    const moved = { ...ARRIVALS[1], raw: { ...ARRIVALS[1].raw, deadline: '2026-04-29' } };
    const seeded = seedFile('events', [ARRIVALS[0], ARRIVALS[1], ARRIVALS[2], moved]);
    try {
      const json = await run(['matter', 'VN/31234/2026', '--json', '--db', seeded.db]);
      expect(json.code).toBe(0);
      const m = JSON.parse(json.out) as { items: { id: number; source: string }[]; events: Record<string, unknown>[] };
      const idOf = (source: string) => m.items.find((i) => i.source === source)!.id;
      expect(m.events.map((e) => Object.keys(e))).toEqual(m.events.map(() => ['type', 'old', 'new', 'at', 'itemId']));
      expect(m.events.map(({ at: _, ...e }) => e)).toEqual([
        // The project states its bill (HE 184/2026 vp), so the matter is at the proposal before the request comes.
        { type: 'item', old: null, new: 'Lausuntopyyntö pelastuslain muuttamisesta', itemId: idOf('lausuntopalvelu') },
        { type: 'deadline', old: null, new: '2026-04-15', itemId: idOf('lausuntopalvelu') },
        { type: 'item', old: null, new: 'Laki pelastuslain muuttamisesta', itemId: idOf('finlex') },
        { type: 'stage', old: 'government-proposal', new: 'statute-published', itemId: idOf('finlex') },
        { type: 'deadline', old: '2026-04-15', new: '2026-04-29', itemId: idOf('lausuntopalvelu') },
      ]);
      const text = await run(['matter', 'VN/31234/2026', '--db', seeded.db]);
      expect(text.out).toMatch(/^muutokset:$/m);
      expect(text.out).toMatch(new RegExp(`^  \\d+\\.\\d+\\.\\d{4} klo \\d+\\.\\d+  Lausuntojen määräaika muuttui: 15\\.4\\.2026 → 29\\.4\\.2026  \\(#${idOf('lausuntopalvelu')}\\)$`, 'm'));
      expect(text.out).toMatch(/^ {2}.* {2}Vaihe eteni: hallituksen esitys → säädös julkaistu {2}\(#\d+\)$/m);
      // relink finds nothing to change and records nothing.
      expect((await run(['relink', '--db', seeded.db])).out).toMatch(/; 0 items were moved, 0 matters were created, 0 removed, 0 given/);
      expect(JSON.parse((await run(['matter', 'VN/31234/2026', '--json', '--db', seeded.db])).out).events).toEqual(m.events);
    } finally {
      fs.rmSync(seeded.dir, { recursive: true, force: true });
    }
  });

  it('items --json gives each item its matter, or null, and keeps every earlier field', async () => {
    const out = await run(['items', '--json', '--db', db]);
    const items = lines(out.out).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(Object.keys(items[0]).slice(0, 16)).toEqual(['id', 'source', 'title', 'url', 'published', 'summary', 'language', 'identifiers',
      'deadline', 'organisation', 'kind', 'stage', 'relevant', 'goals', 'primary', 'joint']);
    expect(items.find((i) => i.source === 'stm')!.matter).toBeNull();
    // A statute's own day of entry into force, added after the earlier fields; null for the rest. Then (session 60) a
    // press release's sources and the item it is a copy of, after those.
    expect(Object.keys(items[0]).slice(16)).toEqual(['matter', 'inForce', 'jointDeadlineUnknown', 'sources', 'sameAs']);
    expect(items.map((i) => [i.source, i.inForce]).filter(([, d]) => d !== null)).toEqual([['finlex', '2090-01-01']]);
    const inLife = items.filter((i) => ['hankeikkuna', 'lausuntopalvelu', 'finlex'].includes(i.source as string));
    expect(new Set(inLife.map((i) => i.matter)).size).toBe(1);
    expect(inLife[0].matter).toEqual(expect.any(Number));
    // The listing for people names the matter too, and nothing for an item outside any.
    const text = lines((await run(['items', '--db', db])).out);
    const titleOf = (source: string) => items.find((i) => i.source === source)!.title as string;
    expect(text.find((l) => l.includes(titleOf('finlex')))).toMatch(new RegExp(`\\(asia ${inLife[0].matter}\\)$`));
    expect(text.find((l) => l.includes(titleOf('stm')))).not.toMatch(/\(asia /);
  });

  it('relink --dry-run only reads; relink rebuilds lost joins and a second relink changes nothing', async () => {
    const copy = path.join(dir, 'relink.sqlite');
    fs.copyFileSync(db, copy);
    const raw = new Database(copy);
    raw.exec('UPDATE items SET matter_id = NULL; DELETE FROM matters;');
    raw.close();
    const before = fs.readFileSync(copy);
    const dry = await run(['relink', '--dry-run', '--db', copy]);
    expect(dry.code).toBe(0);
    expect(dry.out).toBe('2 matters; 4 items would be moved, 2 matters would be created, 0 removed, 2 given a new title, stage or deadline\n');
    expect(fs.readFileSync(copy).equals(before)).toBe(true);
    const first = await run(['relink', '--db', copy]);
    expect(first.out).toBe('2 matters; 4 items were moved, 2 matters were created, 0 removed, 2 given a new title, stage or deadline\n');
    const again = await run(['relink', '--db', copy]);
    expect(again.out).toBe('2 matters; 0 items were moved, 0 matters were created, 0 removed, 0 given a new title, stage or deadline\n');
    const listed = await run(['matters', '--json', '--db', copy]);
    const original = await run(['matters', '--json', '--db', db]);
    const shape = (out: string) => lines(out).map((l) => { const { id: _, items: __, ...rest } = JSON.parse(l); return rest; });
    expect(shape(listed.out)).toEqual(shape(original.out));
  });
});

describe('a day passing with nothing new', { timeout: 120_000 }, () => {
  it('crawl moves a matter whose statute came into force, once, though no run stored anything', async () => {
    const copy = path.join(dir, 'in-force.sqlite');
    fs.copyFileSync(db, copy);
    // Stored while 1.1.2090 was ahead; now the day has come (as 1.1.2020 has).
    const raw = new Database(copy);
    raw.exec(`UPDATE items SET in_force = '2020-01-01' WHERE in_force IS NOT NULL; UPDATE matters SET in_force = '2020-01-01' WHERE in_force IS NOT NULL`);
    raw.close();
    const feeds = path.join(dir, 'no-feeds');
    fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
    const crawl = await run(['crawl', '--db', copy, '--feeds', feeds]);
    expect(crawl.code).toBe(0);
    const m = JSON.parse((await run(['matter', 'HE 184/2026 vp', '--json', '--db', copy])).out) as { id: number; stage: string; events: { type: string; new: string }[] };
    expect(crawl.out).toBe(`matters now in force: ${m.id}\n`);
    expect(m).toMatchObject({ stage: 'in-force', stageAt: '2020-01-01', inForce: '2020-01-01' });
    const again = await run(['crawl', '--db', copy, '--feeds', feeds]);
    expect(again.out).toBe('');
    expect((await run(['relink', '--db', copy])).out).toMatch(/; 0 items were moved, 0 matters were created, 0 removed, 0 given/);
    const events = (JSON.parse((await run(['matter', String(m.id), '--json', '--db', copy])).out) as typeof m).events;
    expect(events.filter((e) => e.type === 'stage' && e.new === 'in-force')).toHaveLength(1);
  });
});

// Each test spawns several processes: on a shared two-core machine under load one takes seconds.
describe('a crawl links as it stores', { timeout: 120_000 }, () => {
  let mirrors: Mirror[] = [];
  let feeds: string;
  beforeAll(async () => {
    feeds = path.join(dir, 'feeds');
    fs.mkdirSync(path.join(feeds, 'sources'), { recursive: true });
    for (const id of ['eduskunta', 'hankeikkuna', 'lausuntopalvelu', 'finlex']) {
      const doc = parseDocument(fs.readFileSync(path.join(defaultFeedsDir, 'sources', `${id}.yaml`), 'utf8'));
      const mirror = await startMirror(path.join(fixturesDir, 'sources', id));
      mirrors.push(mirror);
      doc.set('url', mirrorUrl(String(doc.get('url')), mirror.origin));
      fs.writeFileSync(path.join(feeds, 'sources', `${id}.yaml`), doc.toString());
    }
  });
  afterAll(async () => {
    await Promise.all(mirrors.map((m) => m.close()));
    mirrors = [];
  });

  it('joins a bill and its committee statement during the crawl, and relink afterwards changes nothing', async () => {
    const file = path.join(dir, 'crawl.sqlite');
    const crawl = await run(['crawl', '--db', file, '--feeds', feeds]);
    expect(crawl.code).toBe(0);
    const matters = lines((await run(['matters', '--json', '--db', file, '--feeds', feeds])).out).map((l) => JSON.parse(l) as { identifiers: string[]; items: number[] });
    const he = matters.find((m) => m.identifiers.includes('HE 196/2026 vp'))!;
    expect(he.identifiers).toEqual(expect.arrayContaining(['HE 196/2026 vp', 'StVL 19/2026 vp']));
    expect(he.items).toHaveLength(2);
    // Every Hankeikkuna project is a matter of its own, keyed by the bills it states.
    expect(matters.filter((m) => m.identifiers.some((i) => /^(LVM|TEM|LM)\d/.test(i)))).toHaveLength(5);
    // Linking item by item during the crawl made exactly what rebuilding from scratch makes.
    const relink = await run(['relink', '--dry-run', '--db', file, '--feeds', feeds]);
    expect(relink.out).toMatch(/; 0 items would be moved, 0 matters would be created, 0 removed, 0 given a new/);
    // A second crawl (nothing new upstream) leaves the matters as they were.
    await run(['crawl', '--db', file, '--feeds', feeds]);
    const again = lines((await run(['matters', '--json', '--db', file, '--feeds', feeds])).out);
    expect(again.map((l) => JSON.parse(l).items)).toEqual(matters.map((m) => m.items));
  });
});
