import { describe, expect, it } from 'vitest';
import { relinkAll } from '../../src/store/index.js';
import { createLinker, moveIntoForce } from '../../src/store/matters.js';
import { mayMoveIntoForce } from '../../src/store/in-force.js';
import { summaryChanges } from '../../src/link/events.js';
import { summarizeMatter, type MatterMember } from '../../src/link/stage.js';
import { arrive, matterOf, partition, store, type Arrival } from './support.js';

/** The day summaries are made on (only the "in force" stage depends on it). */
const TODAY = '2026-06-01';

const STATUTE: Arrival = { source: 'finlex', raw: { guid: 'statute', title: 'Laki pelastuslain muuttamisesta', published: '2026-11-27T00:00:00Z',
  identifiers: ['123/2027'], about: ['HE 184/2026 vp'] } };
const BILL: Arrival = { source: 'eduskunta', raw: { guid: 'he', title: 'HE 184/2026 vp Hallituksen esitys laiksi pelastuslain muuttamisesta',
  published: '2026-09-20T08:00:00Z', identifiers: ['HE 184/2026 vp'] } };
const PROJECT: Arrival = { source: 'hankeikkuna', raw: { guid: 'project', title: 'Pelastuslain muuttaminen', kind: 'project',
  published: '2026-01-10T08:00:00Z', identifiers: ['SM061:00/2026'], about: ['VN/31234/2026', 'HE 184/2026'] } };
const request = (deadline: string): Arrival => ({ source: 'lausuntopalvelu', raw: { guid: 'request', title: 'Lausuntopyyntö pelastuslain muuttamisesta',
  published: '2026-03-01T08:00:00Z', deadline, identifiers: ['VN/31234/2026'] } });

/** The matter's events without their times, by the guid of the item that showed each. */
function events(db: ReturnType<typeof store>, guid: string) {
  const guids = new Map((db.prepare('SELECT id, guid FROM items').all() as { id: number; guid: string }[]).map((r) => [r.id, r.guid]));
  return matterOf(db, guid)!.events.map((e) => [e.type, e.old, e.new, e.itemId === null ? null : guids.get(e.itemId)]);
}

describe('matter change events', () => {
  it('items arriving out of order give each change once: items joined, title, deadline set and moved, stage', () => {
    const db = store();
    arrive(db, [STATUTE]);
    // A matter made by the run is new as a whole: no events.
    expect(events(db, 'statute')).toEqual([]);
    arrive(db, [BILL]);
    // The bill is older than the statute: the stage stays, the title becomes the bill's.
    expect(events(db, 'statute')).toEqual([
      ['item', null, BILL.raw.title, 'he'],
      ['title', 'Laki pelastuslain muuttamisesta', BILL.raw.title, 'he'],
    ]);
    arrive(db, [PROJECT, request('2026-03-15')]);
    arrive(db, [request('2026-03-29')]);
    // Seen again unchanged, and a crawl of the same items: nothing new.
    arrive(db, [request('2026-03-29'), STATUTE, BILL, PROJECT]);
    expect(events(db, 'statute')).toEqual([
      ['item', null, BILL.raw.title, 'he'],
      ['title', 'Laki pelastuslain muuttamisesta', BILL.raw.title, 'he'],
      ['item', null, 'Pelastuslain muuttaminen', 'project'],
      ['item', null, 'Lausuntopyyntö pelastuslain muuttamisesta', 'request'],
      // The deadline was first set by the request, then moved.
      ['deadline', null, '2026-03-15', 'request'],
      ['deadline', '2026-03-15', '2026-03-29', 'request'],
    ]);
    expect(matterOf(db, 'statute')!.events.every((e) => /^\d{4}-\d\d-\d\dT/.test(e.at))).toBe(true);
  });

  it('records the stage moving forward, dated by the run, naming the item that showed it', () => {
    const db = store();
    arrive(db, [request('2026-03-15')]);
    arrive(db, [PROJECT]);
    arrive(db, [BILL]);
    arrive(db, [STATUTE]);
    // The project states its bill (HE numbers exist once a bill is given): the matter is at the proposal from then on,
    // and the bill's own arrival dates that stage without moving it.
    expect(events(db, 'he').filter((e) => e[0] === 'stage')).toEqual([
      ['stage', 'statement-round', 'government-proposal', 'project'],
      ['stage', 'government-proposal', 'statute-published', 'statute'],
    ]);
  });

  it('relink records nothing already recorded, and a second relink nothing at all', () => {
    const db = store();
    arrive(db, [STATUTE, BILL, PROJECT, request('2026-03-15')]);
    arrive(db, [request('2026-03-29')]);
    const before = events(db, 'he');
    expect(before).toHaveLength(6);
    const now = new Date().toISOString();
    relinkAll(db, now);
    relinkAll(db, now);
    expect(events(db, 'he')).toEqual(before);
    // A matter put back to how it was before its last recorded change: deriving that change again records no copy.
    db.prepare(`UPDATE matters SET deadline = '2026-03-15'`).run();
    expect(relinkAll(db, now).resummarized).toBe(1);
    expect(events(db, 'he')).toEqual(before);
    // A deadline moved behind linking's back (as an older version would have left it) is put right once.
    db.prepare(`UPDATE matters SET deadline = '2026-03-01'`).run();
    relinkAll(db, now);
    relinkAll(db, now);
    expect(events(db, 'he').slice(before.length)).toEqual([['deadline', '2026-03-01', '2026-03-29', 'request']]);
  });

  it('when two matters join, the one kept holds both histories and the items that joined it', () => {
    const db = store();
    // The project first names only its diary number; its request moves the deadline; the bill is a matter of its own.
    const early = { ...PROJECT, raw: { ...PROJECT.raw, about: ['VN/31234/2026'] } };
    arrive(db, [early, BILL]);
    arrive(db, [request('2026-03-15')]);
    arrive(db, [request('2026-03-29')]);
    expect(matterOf(db, 'he')!.id).not.toBe(matterOf(db, 'project')!.id);
    // The project now states its bill: one matter (the project's, older), with the project matter's history kept.
    arrive(db, [PROJECT]);
    expect(matterOf(db, 'he')!.id).toBe(matterOf(db, 'project')!.id);
    expect(events(db, 'he')).toEqual([
      ['item', null, 'Lausuntopyyntö pelastuslain muuttamisesta', 'request'],
      ['stage', 'preparation', 'statement-round', 'request'],
      ['deadline', null, '2026-03-15', 'request'],
      ['deadline', '2026-03-15', '2026-03-29', 'request'],
      ['item', null, BILL.raw.title, 'he'],
      ['stage', 'statement-round', 'government-proposal', 'he'],
      ['title', 'Pelastuslain muuttaminen', BILL.raw.title, 'he'],
    ]);
  });
});

describe('summaryChanges', () => {
  const member = (m: Partial<MatterMember> & Pick<MatterMember, 'id' | 'kind'>): MatterMember =>
    ({ source: 's', title: `t${m.id}`, at: '2026-01-01T00:00:00Z', deadline: null, stage: null, language: 'fi', identifiers: [], ...m });

  it('is nothing for a matter never summarised (stored with an empty title)', () => {
    expect(summaryChanges({ title: '', stage: null, deadline: null }, summarizeMatter([member({ id: 1, kind: 'bill' })], TODAY))).toEqual([]);
  });

  it('names the item showing the new stage, deadline and title; a deadline gone names none', () => {
    const s = summarizeMatter([member({ id: 1, kind: 'project', deadline: '2026-02-01' }), member({ id: 2, kind: 'bill', at: '2026-03-01T00:00:00Z' })], TODAY);
    expect(summaryChanges({ title: 't1', stage: 'preparation', deadline: null }, s)).toEqual([
      { type: 'stage', old: 'preparation', new: 'government-proposal', itemId: 2 },
      { type: 'deadline', old: null, new: '2026-02-01', itemId: 1 },
      { type: 'title', old: 't1', new: 't2', itemId: 2 },
    ]);
    const none = summarizeMatter([member({ id: 2, kind: 'bill' })], TODAY);
    expect(summaryChanges({ title: 't2', stage: 'government-proposal', deadline: '2026-02-01' }, none)).toEqual([
      { type: 'deadline', old: '2026-02-01', new: null, itemId: null },
    ]);
  });
});

describe('the "in force" stage', () => {
  // A day far enough ahead that the test's real clock (each run's) is before it.
  const inForce = '2090-01-01';
  const act: Arrival = { ...STATUTE, raw: { ...STATUTE.raw, inForce } };

  it('is published, in force on the statute\'s day, until that day comes; then in force, recorded once', () => {
    const db = store();
    arrive(db, [BILL, act]);
    expect(matterOf(db, 'he')).toMatchObject({ stage: 'statute-published', inForce });
    expect(db.prepare('SELECT in_force FROM items WHERE guid = ?').pluck().get('statute')).toBe(inForce);
    // A run's linking finds matters coming into force by the run's clock, Helsinki's day: 23.59 on 31.12. is not yet.
    createLinker(db).flush('2089-12-31T21:59:00.000Z');
    expect(matterOf(db, 'he')!.stage).toBe('statute-published');
    createLinker(db).flush('2089-12-31T22:00:00.000Z');
    expect(matterOf(db, 'he')).toMatchObject({ stage: 'in-force', stageAt: inForce, inForce });
    expect(matterOf(db, 'he')!.stages.at(-1)).toEqual({ stage: 'in-force', at: inForce, item: db.prepare('SELECT id FROM items WHERE guid = ?').pluck().get('statute') });
    const stages = () => events(db, 'he').filter((e) => e[0] === 'stage');
    expect(stages()).toEqual([
      ['stage', 'government-proposal', 'statute-published', 'statute'],
      ['stage', 'statute-published', 'in-force', 'statute'],
    ]);
    // Later runs and relinks on later days change nothing.
    createLinker(db).flush('2090-02-01T00:00:00.000Z');
    expect(relinkAll(db, '2090-02-01T00:00:00.000Z').resummarized).toBe(0);
    expect(stages()).toHaveLength(2);
  });

  it('moves with no run at all, by the daily check\'s clock (Helsinki\'s day), once', () => {
    const db = store();
    arrive(db, [BILL, act]);
    const stages = () => events(db, 'he').filter((e) => e[0] === 'stage');
    // crawl's cheap look first: nothing can move two UTC days early; on the UTC day before, Helsinki's may have come.
    expect(mayMoveIntoForce(db, new Date('2089-12-30T23:59:59.000Z'))).toBe(false);
    expect(mayMoveIntoForce(db, new Date('2089-12-31T00:00:00.000Z'))).toBe(true);
    expect(moveIntoForce(db, '2089-12-31T21:59:59.000Z')).toEqual([]);
    expect(matterOf(db, 'he')!.stage).toBe('statute-published');
    const id = matterOf(db, 'he')!.id;
    expect(moveIntoForce(db, '2089-12-31T22:05:00.000Z')).toEqual([id]);
    expect(matterOf(db, 'he')).toMatchObject({ stage: 'in-force', stageAt: inForce });
    expect(stages().at(-1)).toEqual(['stage', 'statute-published', 'in-force', 'statute']);
    expect(matterOf(db, 'he')!.events.at(-1)!.at).toBe('2089-12-31T22:05:00.000Z');
    // The next day's check, a run's flush and a relink find nothing more to do.
    expect(moveIntoForce(db, '2090-01-01T22:05:00.000Z')).toEqual([]);
    expect(mayMoveIntoForce(db, new Date('2090-01-01T22:05:00.000Z'))).toBe(false);
    createLinker(db).flush('2090-01-02T00:00:00.000Z');
    expect(relinkAll(db, '2090-01-02T00:00:00.000Z').resummarized).toBe(0);
    expect(stages()).toHaveLength(2);
  });

  it('an act left to a decree joins the decree that brings it into force (fi, sv): in force on the decree\'s day for it', () => {
    const db = store();
    // As the Finlex module reads them (test/sources/finlex.test.ts): the act leaves its day to a decree; the decrees
    // name it by number in the sentence that brings it into force.
    const law: Arrival = { source: 'finlex', raw: { guid: 'act', title: 'Laki hyvinvointialueiden rahoituksesta annetun lain 3 §:n muuttamisesta',
      published: '2026-11-13', identifiers: ['1040/2026'], about: ['HE 184/2026'] } };
    const decree: Arrival = { source: 'finlex', raw: { guid: 'decree', title: 'Valtioneuvoston asetus hyvinvointialueiden rahoituksesta annetun lain 3 §:n muuttamisesta annetun lain voimaantulosta',
      published: '2026-11-26', identifiers: ['1044/2026'], about: ['1040/2026'], inForce: '2090-02-01' } };
    const förordning: Arrival = { source: 'finlex', raw: { guid: 'förordning', language: 'sv', title: 'Statsrådets förordning om ikraftträdande av lagen om ändring av 3 § i lagen om finansiering av välfärdsområdena',
      published: '2026-11-26', identifiers: ['1044/2026'], about: ['1040/2026'], inForce: '2090-02-01' } };
    // A press release that mentions the act's and the decree's numbers joins nothing.
    const press: Arrival = { source: 'stm', raw: { guid: 'press', title: 'Laki (1040/2026) tulee voimaan asetuksella (1044/2026)', published: '2026-11-27' } };
    arrive(db, [förordning, press, BILL, decree, law]);
    expect(matterOf(db, 'press')).toBeUndefined();
    const m = matterOf(db, 'act')!;
    expect(partition(db)).toEqual([['act', 'decree', 'förordning', 'he']]);
    expect(m).toMatchObject({ title: BILL.raw.title, stage: 'statute-published', inForce: '2090-02-01' });
    expect(m.joins.map((j) => j.identifier)).toEqual(['1040/2026', '1044/2026', 'HE 184/2026 vp']);
    expect(moveIntoForce(db, '2090-01-31T21:59:00.000Z')).toEqual([]);
    expect(moveIntoForce(db, '2090-01-31T22:00:00.000Z')).toEqual([m.id]);
    expect(matterOf(db, 'act')).toMatchObject({ stage: 'in-force', stageAt: '2090-02-01' });
    // Linked item by item as relinking from scratch links them.
    expect(relinkAll(db, '2090-02-01T00:00:00.000Z', { dryRun: true })).toMatchObject({ moved: 0, resummarized: 0 });
  });

  it('relink moves a matter whose day has passed, once', () => {
    const db = store();
    arrive(db, [act, BILL]);
    expect(relinkAll(db, '2090-01-01T12:00:00.000Z').resummarized).toBe(1);
    expect(relinkAll(db, '2090-01-01T12:00:00.000Z').resummarized).toBe(0);
    expect(matterOf(db, 'he')!.stage).toBe('in-force');
    expect(events(db, 'he').filter((e) => e[0] === 'stage').at(-1)).toEqual(['stage', 'statute-published', 'in-force', 'statute']);
  });
});
