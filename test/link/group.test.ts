import { describe, expect, it } from 'vitest';
import { groupItems, placeGroups } from '../../src/link/group.js';
import { joinKeys } from '../../src/link/keys.js';
import { summarizeMatter, type MatterMember } from '../../src/link/stage.js';
import { shuffled } from './support.js';

/** The day summaries are made on (only the "in force" stage depends on it). */
const TODAY = '2026-06-01';

describe('groupItems', () => {
  it('joins items sharing a key, transitively, and leaves items without keys out', () => {
    const items = [
      { id: 1, keys: ['diary VN/1/2026'] },
      { id: 2, keys: ['diary VN/1/2026', 'he HE 1/2026 vp'] },
      { id: 3, keys: ['he HE 1/2026 vp'] },
      { id: 4, keys: ['he HE 2/2026 vp'] },
      { id: 5, keys: [] },
    ];
    expect(groupItems(items)).toEqual([[1, 2, 3], [4]]);
    for (let seed = 1; seed <= 20; seed++) expect(groupItems(shuffled(items, seed))).toEqual([[1, 2, 3], [4]]);
  });

  it('takes only self and about identifiers as keys', () => {
    expect(joinKeys([
      { type: 'he', value: 'HE 1/2026 vp', role: 'mention' },
      { type: 'diary', value: 'VN/1/2026', role: 'about' },
      { type: 'project', value: 'SM1:00/2026', role: 'self' },
      { type: 'he', value: 'HE 2/2026 vp' },
    ])).toEqual(['diary VN/1/2026', 'project SM1:00/2026']);
  });
});

describe('placeGroups', () => {
  it('keeps the older matter on a merge, one side of a split keeps it, and new groups get none', () => {
    const matterOf = (id: number) => ({ 1: 10, 2: 20, 3: 10, 4: null }[id] ?? null);
    // 1 and 2 merged; 3 split from 1; 4 is new.
    expect(placeGroups([[1, 2], [3], [4]], matterOf)).toEqual([
      { matter: 10, items: [1, 2] }, { matter: null, items: [3] }, { matter: null, items: [4] },
    ]);
    // The same groups in another order are placed alike: the choice never depends on the order they came in.
    expect(placeGroups([[3], [1, 2]], matterOf)).toEqual([{ matter: null, items: [3] }, { matter: 10, items: [1, 2] }]);
    // A matter split in two: the side with the smallest item keeps it.
    expect(placeGroups([[3], [1]], matterOf)).toEqual([{ matter: null, items: [3] }, { matter: 10, items: [1] }]);
  });
});

describe('summarizeMatter', () => {
  const member = (over: Partial<MatterMember>): MatterMember => ({
    id: 1, source: 's', kind: 'news', title: 'T', at: '2026-01-01T00:00:00.000Z', deadline: null, stage: null, language: 'fi',
    identifiers: [], ...over,
  });

  it('names the matter by the bill, else the project, Finnish before Swedish', () => {
    const project = member({ id: 1, kind: 'project', title: 'Hanke' });
    const sv = member({ id: 2, kind: 'bill', title: 'RP 1/2026 rd', language: 'sv' });
    const fi = member({ id: 3, kind: 'bill', title: 'HE 1/2026 vp', at: '2026-02-01T00:00:00.000Z' });
    expect(summarizeMatter([project], TODAY).title).toBe('Hanke');
    expect(summarizeMatter([project, sv], TODAY).title).toBe('RP 1/2026 rd');
    expect(summarizeMatter([sv, project, fi], TODAY).title).toBe('HE 1/2026 vp');
  });

  it('dates a stage from the earliest item that showed it, and takes the statement round\'s deadline', () => {
    const s = summarizeMatter([
      member({ id: 1, kind: 'statement-request', at: '2026-03-01T00:00:00.000Z', deadline: '2026-04-15' }),
      member({ id: 2, kind: 'statement-request', at: '2026-02-01T00:00:00.000Z', deadline: '2026-03-01' }),
      member({ id: 3, kind: 'project', deadline: '2026-12-31' }),
    ], TODAY);
    expect(s).toMatchObject({ stage: 'statement-round', stageAt: '2026-02-01T00:00:00.000Z', deadline: '2026-04-15' });
    expect(s.stages).toEqual([
      { stage: 'preparation', at: '2026-01-01T00:00:00.000Z', item: 3 },
      { stage: 'statement-round', at: '2026-02-01T00:00:00.000Z', item: 2 },
    ]);
    // A project whose own schedule names a comment round shows the round, undated until a statement request dates it.
    expect(summarizeMatter([member({ id: 3, kind: 'project', deadline: '2026-12-31' })], TODAY).stages).toEqual([
      { stage: 'preparation', at: '2026-01-01T00:00:00.000Z', item: 3 },
      { stage: 'statement-round', at: null, item: 3 },
    ]);
  });

  it('is published, in force on the day its earliest statute states, then in force from that day', () => {
    const bill = member({ id: 1, kind: 'bill' });
    const act = member({ id: 2, kind: 'statute', at: '2026-11-18T00:00:00.000Z', inForce: '2027-01-01' });
    const decree = member({ id: 3, kind: 'statute', at: '2026-11-20T00:00:00.000Z', inForce: '2027-03-01' });
    const before = summarizeMatter([decree, bill, act], '2026-12-31');
    expect(before).toMatchObject({ stage: 'statute-published', stageAt: '2026-11-18T00:00:00.000Z', inForce: '2027-01-01' });
    expect(before.stages.map((s) => s.stage)).toEqual(['government-proposal', 'statute-published']);
    for (const order of [[bill, act, decree], [decree, act, bill]]) {
      const after = summarizeMatter(order, '2027-01-01');
      expect(after).toMatchObject({ stage: 'in-force', stageAt: '2027-01-01', inForce: '2027-01-01' });
      expect(after.stages.at(-1)).toEqual({ stage: 'in-force', at: '2027-01-01', item: 2 });
    }
    // A date only counts on a statute; a statute whose text gives none leaves the matter published.
    expect(summarizeMatter([member({ id: 4, kind: 'bill', inForce: '2020-01-01' })], TODAY)).toMatchObject({ stage: 'government-proposal', inForce: null });
    expect(summarizeMatter([member({ id: 5, kind: 'statute', inForce: null })], '2030-01-01')).toMatchObject({ stage: 'statute-published', inForce: null });
  });

  it("dates a bill's proposal stage by the bill only until Eduskunta has processed it further", () => {
    // Eduskunta dates a bill by its latest processing event: in committee or later, that is not the day it was given.
    const at = '2026-11-17T00:00:00.000Z';
    const stages = (stage: string | null) =>
      Object.fromEntries(summarizeMatter([member({ id: 1, kind: 'bill', at, stage })], TODAY).stages.map((s) => [s.stage, s.at]));
    for (const given of [null, 'Annettu eduskunnalle', 'Överlämnad till riksdagen', 'Lähetekeskustelu', 'Remissdebatt'])
      expect(stages(given), String(given)).toEqual({ 'government-proposal': at });
    expect(stages('Valiokuntakäsittely')).toEqual({ 'government-proposal': null, committee: at });
    expect(stages('Utskottsbehandling')).toEqual({ 'government-proposal': null, committee: at });
    // Past committee (a plenary reading, the reply), the committee stage stays, undated: every bill is sent to one.
    for (const reading of ['Ensimmäinen käsittely', 'Första behandling', 'Toinen käsittely', 'Andra behandling'])
      expect(stages(reading), reading).toEqual({ 'government-proposal': null, committee: null });
    for (const answered of ['Eduskunnan vastaus', 'Riksdagens svar'])
      expect(stages(answered), answered).toEqual({ 'government-proposal': null, committee: null, 'parliament-reply': at });
    // Ended without a reply said (a bill withdrawn or lapsed ends so too): no committee is assumed.
    for (const ended of ['Käsittely päättynyt', 'Behandlingen avslutad'])
      expect(stages(ended), ended).toEqual({ 'government-proposal': null, 'parliament-reply': at });
  });

  it("dates a bill's stages by the days its source gives them, the earliest showing of each counting", () => {
    const at = '2026-11-17T10:00:00.000Z';
    const stageDays = { 'government-proposal': '2026-09-24', committee: '2026-10-01', 'parliament-reply': '2026-11-17' };
    const bill = member({ id: 1, kind: 'bill', at, stage: 'Eduskunnan vastaus', stageDays });
    // A committee report dated after the bill went to committee: the bill's day counts, in any order.
    const report = member({ id: 2, kind: 'committee-report', at: '2026-11-05T08:00:00.000Z', title: 'HaVM 9/2026 vp' });
    for (const order of [[bill, report], [report, bill]])
      expect(summarizeMatter(order, TODAY).stages).toEqual([
        { stage: 'government-proposal', at: '2026-09-23T21:00:00.000Z', item: 1 },
        { stage: 'committee', at: '2026-09-30T21:00:00.000Z', item: 1 },
        { stage: 'parliament-reply', at: '2026-11-16T22:00:00.000Z', item: 1 },
      ]);
    // Only a bill's days count, and a day that is no date is left out.
    const days = { 'government-proposal': '2026-09-24', committee: 'eilen' };
    expect(summarizeMatter([member({ id: 3, kind: 'bill', at, stage: 'Valiokuntakäsittely', stageDays: days })], TODAY).stages)
      .toEqual([{ stage: 'government-proposal', at: '2026-09-23T21:00:00.000Z', item: 3 }, { stage: 'committee', at, item: 3 }]);
    expect(summarizeMatter([member({ id: 4, kind: 'committee-report', at, stageDays })], TODAY).stages)
      .toEqual([{ stage: 'committee', at, item: 4 }]);
  });
});

