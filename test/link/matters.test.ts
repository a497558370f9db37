import { describe, expect, it } from 'vitest';
import { relinkAll } from '../../src/store/index.js';
import { describeJoin } from '../../src/link/explain.js';
import { joinKey } from '../../src/link/keys.js';
import { fromSignature, linkSignature } from '../../src/store/matters.js';
import { getSubscription, insertSubscription } from '../../src/store/subscriptions.js';
import type { Identifier } from '../../src/model.js';
import { arrive, matterOf, partition, shuffled, store, type Arrival } from './support.js';

/** One bill, from project to statute, written the way each system writes its identifiers (Finnish and Swedish). */
const LIFE: Arrival[] = [
  { source: 'hankeikkuna', raw: { guid: 'project', title: 'Pelastuslain muuttaminen', kind: 'project', published: '2026-01-10T08:00:00Z',
    identifiers: ['SM061:00/2026'], about: ['VN / 31234 / 2026', 'HE 184/2026'] } },
  { source: 'lausuntopalvelu', raw: { guid: 'request', title: 'Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta',
    published: '2026-03-01T08:00:00Z', deadline: '2026-04-15',
    identifiers: ['lausuntopalvelu:0f8fad5b-d9cb-469f-a165-70867728950e', 'VN/31234/2026'] } },
  { source: 'eduskunta', raw: { guid: 'he', title: 'HE 184/2026 vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta',
    published: '2026-09-20T08:00:00Z', stage: 'Valiokuntakäsittely', identifiers: ['HE 184/2026 vp', 'EDK-2026-AK-1'] } },
  { source: 'riksdagen', raw: { guid: 'fvub', language: 'sv', published: '2026-11-05T08:00:00Z',
    title: 'Förvaltningsutskottets betänkande FvUB 41/2026 rd (RP 184/2026 rd)' } },
  { source: 'riksdagen', raw: { guid: 'rsv', kind: 'decision', language: 'sv', published: '2026-11-20T08:00:00Z',
    title: 'Riksdagens svar RSv 55/2026 rd', identifiers: ['RSv 55/2026 rd'], about: ['RP 184/2026 rd'] } },
  { source: 'finlex', raw: { guid: 'statute', title: 'Laki pelastuslain muuttamisesta', published: '2026-11-27T00:00:00Z',
    identifiers: ['123/2027'], about: ['HE 184/2026 vp', 'HaVM 41/2026 vp', 'EV 55/2026 vp'] } },
];

/** A second bill, and items around both. */
const OTHER: Arrival = { source: 'eduskunta', raw: { guid: 'he2', title: 'HE 12/2026 vp Hallituksen esitys aluevaltuustolaista',
  published: '2026-05-01T08:00:00Z', identifiers: ['HE 12/2026 vp'] } };

describe('matters: one piece of legislation joined across sources', () => {
  it('walks one matter through every stage, whatever the order the items arrive in', () => {
    const db = store();
    arrive(db, [LIFE[5], LIFE[3], LIFE[1], LIFE[4], LIFE[2], LIFE[0]]);
    expect(partition(db)).toEqual([['fvub', 'he', 'project', 'request', 'rsv', 'statute']]);
    const m = matterOf(db, 'he')!;
    expect(m.title).toBe('HE 184/2026 vp Hallituksen esitys eduskunnalle laiksi pelastuslain muuttamisesta');
    expect(m.identifiers).toEqual(expect.arrayContaining(['HE 184/2026 vp', 'EV 55/2026 vp', 'VN/31234/2026', 'SM061:00/2026', '123/2027']));
    expect(m.stage).toBe('statute-published');
    expect(m.deadline).toBe('2026-04-15');
    expect(m.stages.map((s) => [s.stage, s.at?.slice(0, 10) ?? null])).toEqual([
      ['preparation', '2026-01-10'],
      ['statement-round', '2026-03-01'],
      // Eduskunta dates a bill by its latest processing event (here one in committee), not by the day it was given.
      ['government-proposal', null],
      ['committee', '2026-09-20'], // Eduskunta's stage "Valiokuntakäsittely" on the bill came before the report
      ['parliament-reply', '2026-11-20'],
      ['statute-published', '2026-11-27'],
    ]);
    // Items in time order, each join explained by who stated it.
    expect(m.members.map((r) => r.source)).toEqual(['hankeikkuna', 'lausuntopalvelu', 'eduskunta', 'riksdagen', 'riksdagen', 'finlex']);
    const vn = m.joins.find((j) => j.identifier === 'VN/31234/2026')!;
    expect(vn.by.map((b) => `${b.source} ${b.role}`).sort()).toEqual(['hankeikkuna about', 'lausuntopalvelu self']);
    expect(describeJoin(vn)).toMatch(/^yhdistetty tunnuksella VN\/31234\/2026: .*hankeikkuna \(ilmoitettu liittyvä asia\)/);
    // Every item of the matter is held by at least one join.
    const held = new Set(m.joins.flatMap((j) => j.by.map((b) => b.item)));
    expect(m.items.every((id) => held.has(id))).toBe(true);
  });

  it('links the same items into the same matters in any order (property over shuffles)', () => {
    const all = [...LIFE, OTHER,
      { source: 'stm', raw: { guid: 'press', title: 'Tiedote: HE 184/2026 vp ja HE 12/2026 vp annettiin', published: '2026-09-21T08:00:00Z' } },
      { source: 'riksdagen', raw: { guid: 'shuu', language: 'sv', published: '2026-06-01T08:00:00Z',
        title: 'Social- och hälsovårdsutskottets utlåtande ShUU 3/2026 rd (RP 12/2026 rd)', summary: 'Jämför RP 184/2026 rd.' } },
    ] as Arrival[];
    const reference = store();
    arrive(reference, all);
    const expected = partition(reference);
    const summaries = (db: ReturnType<typeof store>) =>
      partition(db).map((g) => {
        const m = matterOf(db, g[0])!;
        return [m.title, m.stage, m.stageAt, m.deadline, m.identifiers.join(' ')];
      });
    const expectedSummaries = summaries(reference);
    expect(expected).toEqual([['fvub', 'he', 'project', 'request', 'rsv', 'statute'], ['he2', 'shuu']]);
    for (let seed = 1; seed <= 40; seed++) {
      const db = store();
      arrive(db, shuffled(all, seed));
      expect(partition(db), `seed ${seed}`).toEqual(expected);
      expect(summaries(db), `seed ${seed}`).toEqual(expectedSummaries);
      // What linking item by item stored is what rebuilding from scratch makes.
      expect(relinkAll(db, new Date().toISOString(), { dryRun: true }), `seed ${seed}`).toMatchObject({ moved: 0, created: 0, removed: 0, resummarized: 0 });
    }
  });

  it('a press release that mentions two bills merges nothing and is listed as mentioning both', () => {
    const db = store();
    arrive(db, [LIFE[2], OTHER, { source: 'stm', raw: { guid: 'press', title: 'Hallitus antoi esitykset HE 184/2026 vp ja HE 12/2026 vp' } }]);
    expect(partition(db)).toEqual([['he'], ['he2']]);
    expect(matterOf(db, 'press')).toBeUndefined();
    expect(matterOf(db, 'he')!.mentionedIn.map((r) => r.title)).toEqual(['Hallitus antoi esitykset HE 184/2026 vp ja HE 12/2026 vp']);
    expect(matterOf(db, 'he2')!.mentionedIn).toHaveLength(1);
  });

  it('a committee report about one bill that mentions another joins only the first', () => {
    const db = store();
    arrive(db, [LIFE[2], OTHER, { source: 'riksdagen', raw: { guid: 'report', language: 'fi',
      title: 'Hallintovaliokunnan mietintö HaVM 41/2026 vp (HE 184/2026 vp)', summary: 'Ks. myös HE 12/2026 vp.' } }]);
    expect(partition(db)).toEqual([['he', 'report'], ['he2']]);
    expect(matterOf(db, 'he2')!.mentionedIn.map((r) => r.title)).toEqual(['Hallintovaliokunnan mietintö HaVM 41/2026 vp (HE 184/2026 vp)']);
  });

  it('merges two matters when an item bridges them, and splits them again when the bridge is gone', () => {
    // The project first came without its bill.
    const project = { ...LIFE[0], raw: { ...LIFE[0].raw, about: ['VN/31234/2026'] } };
    const fresh = store();
    arrive(fresh, [project, LIFE[2], LIFE[1]]);
    expect(partition(fresh)).toEqual([['he'], ['project', 'request']]);
    const older = Math.min(matterOf(fresh, 'project')!.id, matterOf(fresh, 'he')!.id);
    // The project now states its bill: one matter, keeping the older matter's id.
    arrive(fresh, [LIFE[0]]);
    expect(partition(fresh)).toEqual([['he', 'project', 'request']]);
    expect(matterOf(fresh, 'he')!.id).toBe(older);
    expect(matterOf(fresh, 'he')!.joins.map((j) => j.identifier)).toEqual(['HE 184/2026 vp', 'VN/31234/2026']);
    // And if the project drops it again, the bill leaves the matter.
    arrive(fresh, [{ ...project, raw: { ...project.raw, title: 'Pelastuslain muuttaminen (korjattu)' } }]);
    expect(partition(fresh)).toEqual([['he'], ['project', 'request']]);
  });

  it('a subscription that followed a matter a bridging item joined to another follows the joined matter', () => {
    // A department followed the statement request's matter; the project then named the bill, and the crawl joined the
    // request's matter to the bill's older one. The request's matter is gone: its followers follow the joined matter
    // (they fell silent before), each number once, and a subscription following neither is left as it was.
    const project = { ...LIFE[0], raw: { ...LIFE[0].raw, about: ['VN/31234/2026'] } };
    const db = store();
    arrive(db, [LIFE[2], project, LIFE[1]]);
    const bill = matterOf(db, 'he')!.id;
    const request = matterOf(db, 'request')!.id;
    expect(request).not.toBe(bill);
    const now = new Date().toISOString();
    const follow = (matters: number[]) => insertSubscription(db, { email: 'osasto@example.fi', kind: 'personal', matters, now, createdBy: 'test' });
    const onlyRequest = follow([request]);
    const both = follow([request, bill]);
    const other = follow([bill + request + 100]);
    arrive(db, [LIFE[0]]);
    expect(partition(db)).toEqual([['he', 'project', 'request']]);
    expect(matterOf(db, 'request')!.id).toBe(bill);
    expect(getSubscription(db, onlyRequest)?.matters).toEqual([bill]);
    expect(getSubscription(db, both)?.matters).toEqual([bill]);
    expect(getSubscription(db, other)?.matters).toEqual([bill + request + 100]);
  });

  it('relink rebuilds the same matters from stored items, and a second relink changes nothing', () => {
    const db = store();
    arrive(db, [...LIFE, OTHER]);
    const before = partition(db);
    db.exec('UPDATE items SET matter_id = NULL; DELETE FROM matters;');
    expect(partition(db)).toEqual([]);
    const dry = relinkAll(db, new Date().toISOString(), { dryRun: true });
    expect(dry).toMatchObject({ matters: 2, created: 2, moved: 7 });
    expect(partition(db)).toEqual([]); // a dry run writes nothing
    expect(relinkAll(db, new Date().toISOString())).toEqual(dry);
    expect(partition(db)).toEqual(before);
    expect(relinkAll(db, new Date().toISOString())).toEqual({ matters: 2, moved: 0, created: 0, removed: 0, resummarized: 0 });
  });
});

describe('the stored signature of stated identifiers', () => {
  it('gives back the self and about identifiers it was made from (relink reads them from it), never mentions', () => {
    const ids: Identifier[] = [
      { type: 'he', value: 'HE 184/2026 vp', role: 'about' }, { type: 'diary', value: 'VN/31234/2026', role: 'self' },
      { type: 'committee', value: 'HaVM 41/2026 vp', role: 'mention' }, { type: 'eli', value: 'http://data.finlex.fi/eli/sd/2027/123/alkup', role: 'self' },
    ];
    expect(fromSignature(linkSignature(ids))).toEqual([ids[0], ids[1], ids[3]].sort((a, b) => `${a.role} ${a.type}`.localeCompare(`${b.role} ${b.type}`)));
    expect(fromSignature(null)).toEqual([]);
    expect(fromSignature('')).toEqual([]);
  });

  it('is what the identifier table holds for every stored item', () => {
    const db = store();
    arrive(db, [{ source: 'hankeikkuna', raw: { guid: 'p', title: 'Hanke', kind: 'project', identifiers: ['SM061:00/2026'], about: ['VN/31234/2026', 'HE 184/2026'] } },
      { source: 'stm', raw: { guid: 's', title: 'Tiedote HE 184/2026 vp' } }]);
    for (const { id, keys } of db.prepare('SELECT id, link_keys AS keys FROM items').all() as { id: number; keys: string | null }[]) {
      const table = db.prepare(`SELECT type, value, role FROM item_identifiers WHERE item_id = ? AND role <> 'mention'`).all(id) as Identifier[];
      expect(fromSignature(keys).map((i) => joinKey(i)).sort()).toEqual(table.map((i) => joinKey(i)).sort());
    }
  });
});
