import { describe, expect, it, beforeEach } from 'vitest';
import {
  openDb, syncSources, saveRun, listItems, listItemEvents, getItem, listItemVersions, listReviews, insertReview, type Db,
  getSourceState, hasItemKey, listLatestReviews,
} from '../../src/store/index.js';
import { toDecisions } from '../../src/tag/stage.js';
import { startRun } from '../../src/store/runs.js';
import { toStore } from '../../src/store/tags.js';
import { describeEvent } from '../../src/present/events.js';
import { contentHash } from '../../src/normalize/key.js';
import type { RunResult, SourceDef, TaggedItem } from '../../src/model.js';

const def = { id: 'src', name: 'Lähde', url: 'https://example.fi/feed' } as SourceDef;

const item = (over: Partial<TaggedItem> = {}): TaggedItem => {
  const i: Omit<TaggedItem, 'hash'> = {
  sourceId: 'src', key: 'guid:1', guid: '1', url: 'https://example.fi/1', title: 'Pelastuslain muutos',
  summary: 'Lausuntoaika päättyy 15.3.2023', contentHtml: '<p>x</p>', published: '2023-02-01T10:00:00.000Z',
  updated: null, deadline: '2023-03-15', language: 'fi', organisation: 'Sisäministeriö', kind: 'statement-request',
  stage: null, identifiers: [{ type: 'diary', value: 'VN/1/2023' }], consultation: null, tags: null, searchTerms: '', ...over,
  };
  return { ...i, hash: contentHash(i) };
};

const run = (over: Partial<RunResult> = {}): RunResult => ({
  sourceId: 'src', startedAt: '2023-02-01T10:00:00.000Z', finishedAt: '2023-02-01T10:00:01.000Z',
  status: 'ok', found: 1, created: 0, updated: 0, error: null, notes: [], ...over,
});

describe('store: items', () => {
  let db: Db;
  beforeEach(() => {
    db = openDb(':memory:');
    syncSources(db, [def]);
  });

  it('inserts new items once and keeps identifiers', () => {
    const first = saveRun(db, { run: run(), items: [item()], nextRunAt: null });
    const again = saveRun(db, { run: run(), items: [item()], nextRunAt: null });
    expect(first.created).toHaveLength(1);
    expect(again.created).toHaveLength(0);
    expect(again.updated).toHaveLength(0);
    const rows = listItems(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'src', title: 'Pelastuslain muutos', deadline: '2023-03-15', identifiers: ['VN/1/2023'] });
  });

  it('an incomplete run stores its items but leaves the last success where it was; only ok runs move it', () => {
    saveRun(db, { run: run(), nextRunAt: null });
    expect(getSourceState(db, 'src')!.lastSuccessAt).toBe('2023-02-01T10:00:01.000Z');
    const later = { startedAt: '2023-02-02T10:00:00.000Z', finishedAt: '2023-02-02T10:00:01.000Z' };
    saveRun(db, { run: run(later), items: [item()], nextRunAt: null, complete: false });
    expect(hasItemKey(db, 'src', 'guid:1')).toBe(true);
    expect(hasItemKey(db, 'src', 'guid:2')).toBe(false);
    expect(getSourceState(db, 'src')).toMatchObject({ lastStatus: 'ok', lastRunAt: later.finishedAt, lastSuccessAt: '2023-02-01T10:00:01.000Z' });
    saveRun(db, { run: run({ ...later, status: 'interrupted' }), nextRunAt: null });
    expect(getSourceState(db, 'src')!.lastSuccessAt).toBe('2023-02-01T10:00:01.000Z');
    saveRun(db, { run: run(later), nextRunAt: null });
    expect(getSourceState(db, 'src')!.lastSuccessAt).toBe(later.finishedAt);
  });

  it('drops duplicate keys within one batch', () => {
    const out = saveRun(db, { run: run(), items: [item(), item({ title: 'toinen' })], nextRunAt: null });
    expect(out.created).toHaveLength(1);
    expect(out.duplicates).toBe(1);
  });

  it('records an upstream change as a version and an event, once', () => {
    const { created } = saveRun(db, { run: run(), items: [item()], nextRunAt: null });
    const moved = item({ deadline: '2023-03-29' });
    const out = saveRun(db, { run: run({ finishedAt: '2023-02-05T00:00:00.000Z' }), items: [moved], nextRunAt: null });
    expect(out.updated).toEqual(created);
    saveRun(db, { run: run({ finishedAt: '2023-02-06T00:00:00.000Z' }), items: [moved], nextRunAt: null });
    const events = listItemEvents(db, created[0]);
    expect(events.map(({ type, oldValue, newValue }) => ({ type, oldValue, newValue })))
      .toEqual([{ type: 'deadline', oldValue: '2023-03-15', newValue: '2023-03-29' }]);
    expect(describeEvent(events[0], 'fi')).toBe('Määräaika muuttui: 15.3.2023 → 29.3.2023');
    const versions = db.prepare('SELECT version, deadline FROM item_versions WHERE item_id = ?').all(created[0]);
    expect(versions).toEqual([{ version: 1, deadline: '2023-03-15' }]);
    expect(listItems(db)[0].deadline).toBe('2023-03-29');
  });

  it('reports new answering organisations', () => {
    const { created } = saveRun(db, { run: run(), items: [item({ consultation: { distribution: ['A'], answered: [] } })], nextRunAt: null });
    saveRun(db, { run: run(), items: [item({ consultation: { distribution: ['A'], answered: ['Pirkanmaan pelastuslaitos'] } })], nextRunAt: null });
    const last = listItemEvents(db, created[0]).at(-1)!;
    expect(last.type).toBe('consultation');
    expect(describeEvent(last, 'fi')).toBe('Uusia lausunnonantajia: Pirkanmaan pelastuslaitos');
    expect(describeEvent(last, 'sv')).toBe('Nya utlåtanden från: Pirkanmaan pelastuslaitos');
  });

  it('a failed run keeps stored items and counts the failure', () => {
    saveRun(db, { run: run(), items: [item()], validators: { etag: '"a"' }, nextRunAt: null });
    saveRun(db, { run: run({ status: 'error', error: 'fetch: boom' }), nextRunAt: '2030-01-01T00:00:00.000Z' });
    expect(listItems(db)).toHaveLength(1);
    const s = db.prepare('SELECT etag, error_count, last_error, last_status FROM sources').get();
    expect(s).toEqual({ etag: '"a"', error_count: 1, last_error: 'fetch: boom', last_status: 'error' });
  });

  it('rolls the whole run back when storing fails', () => {
    saveRun(db, { run: run(), items: [item()], nextRunAt: null });
    const bad = item({ key: 'guid:2', language: 'de' as never });
    expect(() => saveRun(db, { run: run(), items: [item({ key: 'guid:3' }), bad], nextRunAt: null })).toThrow();
    expect(listItems(db).map((r) => r.title)).toEqual(['Pelastuslain muutos']);
    expect(db.prepare('SELECT count(*) AS n FROM runs').get()).toEqual({ n: 1 });
  });

  it('finds items by full-text search with Finnish letters intact', () => {
    saveRun(db, { run: run(), items: [item(), item({ key: 'guid:2', title: 'Hätäkeskuslaitoksen toiminta' })], nextRunAt: null });
    expect(listItems(db, { match: 'hätäkeskuslaitoksen' }).map((r) => r.title)).toEqual(['Hätäkeskuslaitoksen toiminta']);
    expect(listItems(db, { match: 'hatakeskuslaitoksen' })).toEqual([]);
  });

  it('indexes and counts every batch of a run, and an updated item under its new text only', () => {
    db.transaction(() => {
      const saver = startRun(db, 'src', '2023-02-01T10:00:00.000Z');
      saver.add([item(), item({ key: 'guid:2', title: 'Hätäkeskuslaitoksen toiminta' })].map(toStore));
      saver.add([item({ key: 'guid:2' }), item({ key: 'guid:3', title: 'Pelastustoimen rahoitus', summary: 'Valtionosuus' })].map(toStore));
      saver.finish({ run: run({ found: 4 }), nextRunAt: null });
    })();
    saveRun(db, { run: run(), items: [item({ key: 'guid:3', title: 'Pelastustoimen uudistus', summary: 'Valtionosuus' })], nextRunAt: null });
    const found = (match: string) => listItems(db, { match }).map((r) => r.title);
    expect(found('hätäkeskuslaitoksen')).toEqual(['Hätäkeskuslaitoksen toiminta']);
    expect(found('valtionosuus')).toEqual(['Pelastustoimen uudistus']);
    expect(found('uudistus')).toEqual(['Pelastustoimen uudistus']);
    expect(found('rahoitus')).toEqual([]);
    expect(found('pelastuslain')).toEqual(['Pelastuslain muutos']);
    // The index agrees with the items table row by row (an external-content index that does not is corrupt).
    expect(() => db.prepare("INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM items_fts').get()).toEqual({ n: 3 });
    expect(db.prepare("SELECT items FROM source_item_counts WHERE source_id = 'src'").get()).toEqual({ items: 3 });
    expect(db.prepare('SELECT item_id, value FROM item_identifiers ORDER BY item_id').all())
      .toEqual([1, 2, 3].map((id) => ({ item_id: id, value: 'VN/1/2023' })));
  });

  // A decision "not relevant" shows no goals (ItemRow.goals), so no goal lists the item, whatever goals the review
  // row holds (insertReview takes them; the web's list, item-filter.ts, already left such items out).
  it('a goal lists an item by its reviewer\'s goals, and none when the reviewer judged it not relevant', () => {
    const tags = { relevant: true, goals: [{ goal: 'services', score: 3 }], primary: 'services', scores: { services: 3 }, evidence: [],
      joint: false, jointReason: '', taxonomyVersion: 't' };
    saveRun(db, { run: run(), items: [item({ tags }), item({ key: 'guid:2', guid: '2', title: 'Toinen', tags })], nextRunAt: null });
    const [second, first] = listItems(db).map((r) => r.id);
    insertReview(db, { itemId: first, reviewer: 'r', relevant: false, goals: ['services'], rejected: [] });
    insertReview(db, { itemId: second, reviewer: 'r', relevant: true, goals: ['welfare-reform'], rejected: ['services'] });
    expect(listItems(db, { goal: 'services' })).toEqual([]);
    expect(listItems(db, { goal: 'welfare-reform' }).map((r) => [r.id, r.goals])).toEqual([[second, ['welfare-reform']]]);
    expect(listItems(db).map((r) => [r.id, r.goals])).toEqual([[second, ['welfare-reform']], [first, []]]);
  });

  it('links a document\'s language versions for learning: one source, one own identifier (a bill and its RP)', () => {
    const he = [{ type: 'he' as const, value: 'HE 12/2023 vp', role: 'self' as const }];
    saveRun(db, { run: run(), items: [
      item({ key: 'guid:fi', guid: 'fi', identifiers: he }),
      item({ key: 'guid:sv', guid: 'sv', language: 'sv', title: 'Ändring av räddningslagen', identifiers: he }),
      // Names the bill without being it (a mention): no link.
      item({ key: 'guid:news', guid: 'news', title: 'Uutinen', identifiers: [{ type: 'he', value: 'HE 12/2023 vp' }] }),
    ], nextRunAt: null });
    for (const r of listItems(db)) insertReview(db, { itemId: r.id, reviewer: 'r', relevant: true, goals: ['services'], rejected: [] });
    const twins = Object.fromEntries(toDecisions(listLatestReviews(db)).map((d) => [d.item.title, d.twin]));
    expect(twins).toEqual({ 'Pelastuslain muutos': 'src he HE 12/2023 vp', 'Ändring av räddningslagen': 'src he HE 12/2023 vp', Uutinen: null });
  });

  it('filters by source and since', () => {
    saveRun(db, { run: run(), items: [item(), item({ key: 'guid:2', published: '2020-01-01T00:00:00.000Z' })], nextRunAt: null });
    expect(listItems(db, { since: '2022-01-01' })).toHaveLength(1);
    expect(listItems(db, { source: 'other' })).toHaveLength(0);
  });

  it('reads one item in full, with its versions, events and reviews', () => {
    const tags = {
      relevant: true, goals: [{ goal: 'services', score: 3 }, { goal: 'internal-security', score: 1 }], primary: 'services',
      scores: { services: 3, 'internal-security': 1 }, evidence: [{ term: 'pelastuslaki' }], joint: true, jointReason: 'lausuntopyyntö',
      taxonomyVersion: 'v1',
    };
    const first = item({ tags, identifiers: [{ type: 'diary', value: 'VN/1/2023' }, { type: 'lausuntopalvelu', value: 'abc-guid' }] });
    const { created } = saveRun(db, { run: run(), items: [first], nextRunAt: null });
    const id = created[0];
    saveRun(db, { run: run(), items: [item({ tags, identifiers: first.identifiers, title: 'Pelastuslain muuttaminen', consultation: { distribution: ['A'], answered: [] } })], nextRunAt: null });
    insertReview(db, { itemId: id, reviewer: 'anna', relevant: true, goals: ['internal-security'], rejected: ['services'], at: '2023-02-10T00:00:00.000Z' });
    insertReview(db, { itemId: id, reviewer: 'pekka', relevant: false, goals: [], rejected: [], at: '2023-02-09T00:00:00.000Z', note: 'ei meille' });

    const full = getItem(db, id)!;
    expect(full).toMatchObject({
      id, source: 'src', key: 'guid:1', guid: '1', title: 'Pelastuslain muuttaminen', contentHtml: '<p>x</p>', version: 2,
      consultation: { distribution: ['A'], answered: [] }, identifiers: ['VN/1/2023'],
      // The latest decision by time counts (anna's), though pekka's was stored after it.
      relevant: true, goals: ['internal-security'], primary: 'internal-security', reviewedBy: 'anna', joint: true,
      tags: { relevant: true, primary: 'services', goals: tags.goals, scores: tags.scores, evidence: tags.evidence,
        joint: true, jointReason: 'lausuntopyyntö', taxonomyVersion: 'v1' },
    });
    // Identifiers given without a role are stored as mentions (they join nothing).
    expect(full.allIdentifiers).toEqual(expect.arrayContaining([{ type: 'diary', value: 'VN/1/2023', role: 'mention' }, { type: 'lausuntopalvelu', value: 'abc-guid', role: 'mention' }]));
    expect(full.allIdentifiers).toHaveLength(2);
    expect(listItems(db)[0]).toEqual(Object.fromEntries(Object.keys(listItems(db)[0]).map((k) => [k, full[k as keyof typeof full]])));
    expect(listItemVersions(db, id)).toMatchObject([{ version: 1, title: 'Pelastuslain muutos', consultation: null }]);
    expect(listItemEvents(db, id).map((e) => e.type)).toEqual(['title', 'consultation']);
    expect(listReviews(db, id)).toMatchObject([
      { reviewer: 'pekka', relevant: false, goals: [], note: 'ei meille' },
      { reviewer: 'anna', relevant: true, goals: ['internal-security'], rejected: ['services'], primary: 'internal-security' },
    ]);
    expect(getItem(db, id + 1)).toBeUndefined();
  });

  it('lists newest first by published, else first seen, and the joint list by deadline', () => {
    saveRun(db, { run: run(), items: [
      item({ key: 'a', published: '2020-01-01T00:00:00.000Z', deadline: '2099-05-01', tags: jointTags }),
      item({ key: 'b', published: null, deadline: '2099-04-01', tags: jointTags }),
      item({ key: 'c', published: '2021-01-01T00:00:00.000Z', deadline: '2000-01-01', tags: jointTags }),
    ], nextRunAt: null });
    // b has no published date: it sorts by when it was first seen (now), so first.
    expect(listItems(db).map((r) => r.id)).toEqual([2, 3, 1]);
    expect(listItems(db, { jointFrom: '2026-01-01' }).map((r) => r.id)).toEqual([2, 1]);
    insertReview(db, { itemId: 2, reviewer: 'anna', relevant: false, goals: [], rejected: [] });
    expect(listItems(db, { jointFrom: '2026-01-01' }).map((r) => r.id)).toEqual([1]);
    expect(listItems(db, { relevant: false }).map((r) => r.id)).toEqual([2]);
    expect(listItems(db, { goal: 'services' }).map((r) => r.id)).toEqual([3, 1]);
  });

  it('the joint list starts on its first day: a deadline that day is in, the day before is out', () => {
    saveRun(db, { run: run(), items: [
      item({ key: 'a', deadline: '2026-03-02', tags: jointTags }),
      item({ key: 'b', deadline: '2026-02-28', tags: jointTags }),
      item({ key: 'c', deadline: '2026-03-01', tags: jointTags }),
    ], nextRunAt: null });
    expect(listItems(db, { jointFrom: '2026-03-01' }).map((r) => r.deadline)).toEqual(['2026-03-01', '2026-03-02']);
  });
});

const jointTags = {
  relevant: true, goals: [{ goal: 'services', score: 1 }], primary: 'services', scores: {}, evidence: [], joint: true,
  jointReason: 'x', taxonomyVersion: 't',
};
