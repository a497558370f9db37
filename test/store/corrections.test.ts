// People's merges and splits through the store: kept by later arrivals, by re-crawls and by relink.
import { describe, expect, it } from 'vitest';
import { CorrectionError, getMatter, mergeMatters, relinkAll, splitItem, type Db } from '../../src/store/index.js';
import { arrive, partition, store, type Arrival } from '../link/support.js';

const PROJECT: Arrival = { source: 'hankeikkuna', raw: { guid: 'project', title: 'Pelastuslain muuttaminen', kind: 'project',
  published: '2026-01-10T08:00:00Z', identifiers: ['SM061:00/2026'], about: ['VN/31234/2026', 'HE 184/2026 vp'] } };
const REQUEST: Arrival = { source: 'lausuntopalvelu', raw: { guid: 'request', title: 'Lausuntopyyntö', published: '2026-03-01T08:00:00Z',
  identifiers: ['VN/31234/2026'] } };
const BILL: Arrival = { source: 'eduskunta', raw: { guid: 'bill', title: 'HE 184/2026 vp Hallituksen esitys pelastuslaiksi',
  published: '2026-05-01T08:00:00Z', identifiers: ['HE 184/2026 vp'] } };
const OTHER: Arrival = { source: 'eduskunta', raw: { guid: 'other', title: 'HE 12/2026 vp Hallituksen esitys aluevaltuustolaista',
  published: '2026-05-02T08:00:00Z', identifiers: ['HE 12/2026 vp'] } };

const by = { reviewer: 'Maija Meikäläinen', note: 'väärä yhdistys', now: '2026-12-02T05:00:00.000Z' };
const guidOf = (db: Db, id: number) => db.prepare('SELECT guid FROM items WHERE id = ?').pluck().get(id) as string;
const idOf = (db: Db, guid: string) => db.prepare('SELECT id FROM items WHERE guid = ?').pluck().get(guid) as number;
const matterIdOf = (db: Db, guid: string) => db.prepare('SELECT matter_id FROM items WHERE guid = ?').pluck().get(guid) as number;
const relinkMoves = (db: Db) => relinkAll(db, new Date().toISOString(), { dryRun: true }).moved;

function seeded(): Db {
  const db = store();
  arrive(db, [PROJECT, REQUEST, BILL, OTHER]);
  expect(partition(db)).toEqual([['bill', 'project', 'request'], ['other']]);
  return db;
}

describe('splitting an item off a matter', () => {
  it('keeps the matter number for the rest, stays split through relink, a bridging arrival and a re-crawl', () => {
    const db = seeded();
    const life = matterIdOf(db, 'project');
    const r = splitItem(db, life, idOf(db, 'request'), by);
    expect(r.kept).toEqual([]);
    expect(matterIdOf(db, 'project')).toBe(life);
    expect(r.matter).not.toBe(life);
    expect(partition(db)).toEqual([['bill', 'project'], ['other'], ['request']]);
    // What the linker made is what relinking from scratch makes.
    expect(relinkMoves(db)).toBe(0);
    relinkAll(db, new Date().toISOString());
    expect(partition(db)).toEqual([['bill', 'project'], ['other'], ['request']]);
    // A new item holding the split item's identifier joins the rest, not it; the same item crawled again stays out.
    arrive(db, [{ source: 'lausuntopalvelu', raw: { guid: 'request-2', title: 'Uusi lausuntopyyntö', identifiers: ['VN/31234/2026'] } },
      { ...REQUEST, raw: { ...REQUEST.raw, title: 'Lausuntopyyntö (päivitetty)' } }]);
    expect(partition(db)).toEqual([['bill', 'project', 'request-2'], ['other'], ['request']]);
    expect(relinkMoves(db)).toBe(0);
    const shown = getMatter(db, r.matter)!;
    expect(shown.corrections).toEqual([expect.objectContaining({ kind: 'split', item: idOf(db, 'request'), matter: life,
      reviewer: 'Maija Meikäläinen', note: 'väärä yhdistys', at: by.now })]);
    expect(getMatter(db, life)!.corrections.map((c) => c.kind)).toEqual(['split']);
  });

  it('splitting the item that held the rest together keeps the rest one matter, with merges saying why', () => {
    const db = seeded();
    const life = matterIdOf(db, 'project');
    const r = splitItem(db, life, idOf(db, 'project'), by);
    expect(r.kept).toHaveLength(1);
    expect(partition(db)).toEqual([['bill', 'request'], ['other'], ['project']]);
    expect(matterIdOf(db, 'bill')).toBe(life);
    relinkAll(db, new Date().toISOString());
    expect(partition(db)).toEqual([['bill', 'request'], ['other'], ['project']]);
    const notes = getMatter(db, life)!.corrections.map((c) => `${c.kind} ${c.note}`);
    expect(notes).toEqual(['split väärä yhdistys', `merge pidetään yhdessä, kun asiakirja #${idOf(db, 'project')} erotettiin (korjaus ${r.correction})`]);
  });

  it('refuses an unknown matter or item, an item of another matter and the only item, writing nothing', () => {
    const db = seeded();
    const life = matterIdOf(db, 'project');
    const count = () => db.prepare('SELECT COUNT(*) FROM matter_corrections').pluck().get();
    // The refusal is data (a code and its numbers) that the web words in the reader's language; the CLI shows the message.
    const refusal = (f: () => unknown) => {
      try { f(); } catch (err) { if (err instanceof CorrectionError) return err.refusal; throw err; }
      throw new Error('not refused');
    };
    expect(refusal(() => splitItem(db, 999, idOf(db, 'project'), by))).toEqual({ code: 'no-matter', matter: 999 });
    expect(() => splitItem(db, 999, idOf(db, 'project'), by)).toThrow('no matter 999');
    expect(refusal(() => splitItem(db, life, 999, by))).toEqual({ code: 'no-item', item: 999 });
    expect(refusal(() => splitItem(db, life, idOf(db, 'other'), by))).toEqual({ code: 'not-in-matter', item: idOf(db, 'other'), matter: life, actual: matterIdOf(db, 'other') });
    expect(() => splitItem(db, life, idOf(db, 'other'), by)).toThrow(`item ${idOf(db, 'other')} is not in matter ${life} (it is in matter ${matterIdOf(db, 'other')})`);
    expect(refusal(() => splitItem(db, matterIdOf(db, 'other'), idOf(db, 'other'), by))).toEqual({ code: 'only-item', item: idOf(db, 'other'), matter: matterIdOf(db, 'other') });
    expect(refusal(() => splitItem(db, life, idOf(db, 'bill'), { ...by, reviewer: ' ' }))).toEqual({ code: 'no-reviewer' });
    expect(() => splitItem(db, life, idOf(db, 'bill'), { ...by, reviewer: ' ' })).toThrow(/--reviewer NAME is required/);
    expect(count()).toBe(0);
    expect(partition(db)).toEqual([['bill', 'project', 'request'], ['other']]);
  });
});

describe('merging two matters', () => {
  it('the first keeps its number; stays merged through relink and re-crawls; a later split of an item undoes only that item', () => {
    const db = seeded();
    const life = matterIdOf(db, 'project');
    const other = matterIdOf(db, 'other');
    // Merge into the newer number to see that A, not the smaller number, is kept.
    const r = mergeMatters(db, other, life, { ...by, note: null });
    expect(r).toMatchObject({ matter: other, moved: 3 });
    expect(partition(db)).toEqual([['bill', 'other', 'project', 'request']]);
    expect(getMatter(db, life)).toBeUndefined();
    const m = getMatter(db, other)!;
    expect(m.title).toBe('HE 184/2026 vp Hallituksen esitys pelastuslaiksi');
    expect(m.corrections).toEqual([expect.objectContaining({ kind: 'merge', matter: other, otherMatter: life, note: null })]);
    expect(relinkMoves(db)).toBe(0);
    relinkAll(db, new Date().toISOString());
    arrive(db, [{ ...OTHER, raw: { ...OTHER.raw, title: 'HE 12/2026 vp (korjattu)' } }, { ...PROJECT, raw: { ...PROJECT.raw, title: 'Hanke' } }]);
    expect(partition(db)).toEqual([['bill', 'other', 'project', 'request']]);
    expect(relinkMoves(db)).toBe(0);
    // The merge joined "other" to the project (each matter's first item); splitting the project keeps the rest together.
    splitItem(db, other, idOf(db, 'project'), by);
    expect(partition(db)).toEqual([['bill', 'other', 'request'], ['project']]);
    expect(relinkMoves(db)).toBe(0);
  });

  it('records the items that joined and the item that left as item events, once; merging it back records it joining again', () => {
    const db = seeded();
    const life = matterIdOf(db, 'project');
    const other = matterIdOf(db, 'other');
    const items = (m: number) => getMatter(db, m)!.events.filter((e) => e.type === 'item')
      .map((e) => [e.old === null ? 'joined' : 'left', guidOf(db, e.itemId!), e.at]);
    // The life matter's own history: the request and the bill joined the project's matter as they arrived.
    const history = items(life);
    expect(history.map(([what, guid]) => [what, guid])).toEqual([['joined', 'request'], ['joined', 'bill']]);
    mergeMatters(db, other, life, by);
    // Each of the second matter's items joined the first at the reviewer's time; its history came along.
    const joins = [['joined', 'project', by.now], ['joined', 'request', by.now], ['joined', 'bill', by.now]];
    expect(items(other).slice(0, 2)).toEqual(history);
    expect(items(other).slice(2).sort()).toEqual(joins.sort());
    relinkAll(db, new Date().toISOString());
    relinkAll(db, new Date().toISOString());
    expect(items(other)).toHaveLength(5);
    const later = { ...by, now: '2026-12-03T05:00:00.000Z' };
    const split = splitItem(db, other, idOf(db, 'request'), later);
    expect(items(other).slice(5)).toEqual([['left', 'request', later.now]]);
    // The item's new matter is new as a whole: no events.
    expect(items(split.matter)).toEqual([]);
    relinkAll(db, new Date().toISOString());
    expect(items(other)).toHaveLength(6);
    expect(getMatter(db, other)!.events.filter((e) => e.type === 'item').at(-1)).toMatchObject({ old: 'Lausuntopyyntö', new: null });
    const back = { ...by, now: '2026-12-04T05:00:00.000Z' };
    mergeMatters(db, other, split.matter, back);
    expect(items(other).slice(6)).toEqual([['joined', 'request', back.now]]);
    relinkAll(db, new Date().toISOString());
    expect(items(other)).toHaveLength(7);
  });

  it('refuses merging a matter with itself or with an unknown one', () => {
    const db = seeded();
    const life = matterIdOf(db, 'project');
    expect(() => mergeMatters(db, life, life, by)).toThrow(new CorrectionError({ code: 'merge-self', matter: life }));
    expect(() => mergeMatters(db, life, life, by)).toThrow(`cannot merge matter ${life} with itself`);
    expect(() => mergeMatters(db, life, 999, by)).toThrow(expect.objectContaining({ refusal: { code: 'no-matter', matter: 999 } }));
    expect(db.prepare('SELECT COUNT(*) FROM matter_corrections').pluck().get()).toBe(0);
  });
});
