// Change tracking: which upstream changes make a new version, and which events are recorded. The content hash is
// checked against the rule's definition written out here (SHA-1 of the JSON list of the watched fields), never
// against the code under test.
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { diffItem, newlyAnswered, type Tracked } from '../../src/store/changes.js';
import { contentHash } from '../../src/normalize/key.js';
import { openDb, saveRun, syncSources, listItemEvents, listItemVersions, getItem, type Db } from '../../src/store/index.js';
import type { Item, RunResult, SourceDef, TaggedItem } from '../../src/model.js';

const sha1 = (s: string): string => createHash('sha1').update(s).digest('hex');

const base: Omit<Item, 'hash'> = {
  sourceId: 'src', key: 'guid:1', guid: '1', url: 'https://example.fi/1', title: 'Pelastuslain muutos',
  summary: 'Lausuntoaika päättyy 15.3.2023', contentHtml: '<p>x</p>', published: '2023-02-01T10:00:00.000Z',
  updated: null, deadline: '2023-03-15', language: 'fi', organisation: 'Sisäministeriö', kind: 'statement-request',
  stage: 'lausunnolla', identifiers: [{ type: 'diary', value: 'VN/1/2023', role: 'self' }], consultation: null,
};
// The same fields in the hash's order: title, summary, contentHtml, deadline, stage, url, organisation, consultation,
// identifiers (type and value only).
const baseJson =
  '["Pelastuslain muutos","Lausuntoaika päättyy 15.3.2023","<p>x</p>","2023-03-15","lausunnolla","https://example.fi/1",' +
  '"Sisäministeriö",null,[{"type":"diary","value":"VN/1/2023"}]]';

describe('contentHash', () => {
  it('is the SHA-1 of the watched fields as a JSON list', () => {
    expect(contentHash(base)).toBe(sha1(baseJson));
  });

  it('counts the stage, the consultation and every other watched field', () => {
    expect(contentHash({ ...base, stage: 'valiokunnassa' })).toBe(sha1(baseJson.replace('"lausunnolla"', '"valiokunnassa"')));
    expect(contentHash({ ...base, stage: null })).toBe(sha1(baseJson.replace('"lausunnolla"', 'null')));
    const consultation = { distribution: ['Pirkanmaan pelastuslaitos'], answered: [] };
    expect(contentHash({ ...base, consultation }))
      .toBe(sha1(baseJson.replace(',null,', ',{"distribution":["Pirkanmaan pelastuslaitos"],"answered":[]},')));
    const changed: Partial<Item>[] = [
      { title: 'Pelastuslain muuttaminen' }, { summary: 'Lausuntoaika päättyy 29.3.2023' }, { contentHtml: '<p>y</p>' },
      { deadline: '2023-03-29' }, { url: 'https://example.fi/2' }, { organisation: 'Valtiovarainministeriö' },
      { identifiers: [{ type: 'diary', value: 'VN/2/2023', role: 'self' }] },
    ];
    for (const c of changed) expect(contentHash({ ...base, ...c }), JSON.stringify(c)).not.toBe(sha1(baseJson));
  });

  it('ignores what is not an upstream change: roles, the publication time, the kind, the key', () => {
    expect(contentHash({ ...base, identifiers: [{ type: 'diary', value: 'VN/1/2023', role: 'mention' }] })).toBe(sha1(baseJson));
    expect(contentHash({ ...base, published: '2023-02-02T10:00:00.000Z', kind: 'news', key: 'guid:2', guid: '2' })).toBe(sha1(baseJson));
  });
});

const tracked: Tracked = {
  title: 'Otsikko', summary: 'Tiivistelmä', contentHtml: '<p>Teksti</p>', deadline: '2023-03-15', stage: 'lausunnolla',
  consultation: { distribution: ['A', 'B'], answered: ['A'] },
};
const json = (v: unknown) => JSON.stringify(v);

describe('diffItem', () => {
  it('finds nothing when nothing watched changed', () => {
    expect(diffItem(tracked, { ...tracked, consultation: { distribution: ['A', 'B'], answered: ['A'] } })).toEqual([]);
    // An answer withdrawn upstream is no news.
    expect(diffItem(tracked, { ...tracked, consultation: { distribution: ['A', 'B'], answered: [] } })).toEqual([]);
  });

  it.each<[string, Partial<Tracked>, { type: string; oldValue: string | null; newValue: string | null }]>([
    ['title', { title: 'Uusi otsikko' }, { type: 'title', oldValue: 'Otsikko', newValue: 'Uusi otsikko' }],
    ['summary', { summary: 'Uusi' }, { type: 'text', oldValue: 'Tiivistelmä', newValue: 'Uusi' }],
    ['body alone (reported with the summaries)', { contentHtml: '<p>Uusi</p>' }, { type: 'text', oldValue: 'Tiivistelmä', newValue: 'Tiivistelmä' }],
    ['deadline', { deadline: '2023-03-29' }, { type: 'deadline', oldValue: '2023-03-15', newValue: '2023-03-29' }],
    ['deadline removed', { deadline: null }, { type: 'deadline', oldValue: '2023-03-15', newValue: null }],
    ['stage', { stage: 'valiokunnassa' }, { type: 'stage', oldValue: 'lausunnolla', newValue: 'valiokunnassa' }],
    ['stage first known', {}, { type: 'stage', oldValue: null, newValue: 'lausunnolla' }],
    ['a new answer', { consultation: { distribution: ['A', 'B'], answered: ['A', 'B'] } },
      { type: 'consultation', oldValue: json(tracked.consultation), newValue: json({ distribution: ['A', 'B'], answered: ['A', 'B'] }) }],
    ['the distribution list', { consultation: { distribution: ['A', 'B', 'C'], answered: ['A'] } },
      { type: 'consultation', oldValue: json(tracked.consultation), newValue: json({ distribution: ['A', 'B', 'C'], answered: ['A'] }) }],
    ['a list that disappeared', { consultation: null }, { type: 'consultation', oldValue: json(tracked.consultation), newValue: 'null' }],
  ])('records a change of %s', (what, after, change) => {
    const before = what === 'stage first known' ? { ...tracked, stage: null } : tracked;
    expect(diffItem(before, { ...tracked, ...after })).toEqual([change]);
  });

  it('finds nothing when a title or summary differs only in spacing or invisible characters (clean-up re-stores them once)', () => {
    // As stored before U+200B joined a word and the soft hyphen was dropped, and as cleaned now.
    const stored = { ...tracked, title: 'Pelastus toimen uudistus', summary: 'Vapaa\u00adehtois\u200b toiminta  jatkuu' };
    expect(diffItem(stored, { ...tracked, title: 'Pelastustoimen uudistus', summary: 'Vapaaehtoistoiminta jatkuu' })).toEqual([]);
    // A letter changed beside them still counts.
    expect(diffItem(stored, { ...tracked, title: 'Pelastustoimen uudistukset', summary: stored.summary })).toEqual([
      { type: 'title', oldValue: 'Pelastus toimen uudistus', newValue: 'Pelastustoimen uudistukset' },
    ]);
  });

  it('records a first consultation list', () => {
    const after = { ...tracked, consultation: { distribution: ['A'], answered: [] } };
    expect(diffItem({ ...tracked, consultation: null }, after)).toEqual([{ type: 'consultation', oldValue: 'null', newValue: json(after.consultation) }]);
  });

  it('lists several changes in a fixed order', () => {
    const after = { ...tracked, title: 'T2', summary: 'S2', deadline: null, stage: 'hyväksytty', consultation: { distribution: ['A', 'B'], answered: ['B', 'A'] } };
    expect(diffItem(tracked, after).map((c) => c.type)).toEqual(['title', 'text', 'deadline', 'stage', 'consultation']);
  });
});

describe('newlyAnswered', () => {
  it('lists organisations that answered since, in the new order', () => {
    expect(newlyAnswered({ distribution: [], answered: ['A'] }, { distribution: [], answered: ['C', 'A', 'B'] })).toEqual(['C', 'B']);
    expect(newlyAnswered(null, { distribution: [], answered: ['A'] })).toEqual(['A']);
    expect(newlyAnswered({ distribution: [], answered: ['A'] }, null)).toEqual([]);
  });
});

describe('store: upstream changes become versions and events', () => {
  const def = { id: 'src', name: 'Lähde', url: 'https://example.fi/feed' } as SourceDef;
  const run = (finishedAt: string): RunResult => ({
    sourceId: 'src', startedAt: finishedAt, finishedAt, status: 'ok', found: 1, created: 0, updated: 0, error: null, notes: [],
  });
  const tagged = (over: Partial<Item> = {}): TaggedItem => {
    const i = { ...base, ...over };
    return { ...i, hash: contentHash(i), tags: null, searchTerms: '' };
  };
  let db: Db;
  let id: number;
  beforeEach(() => {
    db = openDb(':memory:');
    syncSources(db, [def]);
    id = saveRun(db, { run: run('2023-02-01T10:00:00.000Z'), items: [tagged()], nextRunAt: null }).created[0];
  });
  const change = (over: Partial<Item>) => {
    const out = saveRun(db, { run: run('2023-02-05T10:00:00.000Z'), items: [tagged(over)], nextRunAt: null });
    return { updated: out.updated, events: listItemEvents(db, id).map(({ type, oldValue, newValue }) => ({ type, oldValue, newValue })) };
  };

  it.each<[string, Partial<Item>, { type: string; oldValue: string | null; newValue: string | null }]>([
    ['a stage', { stage: 'valiokunnassa' }, { type: 'stage', oldValue: 'lausunnolla', newValue: 'valiokunnassa' }],
    ['a title', { title: 'Pelastuslain muuttaminen' }, { type: 'title', oldValue: 'Pelastuslain muutos', newValue: 'Pelastuslain muuttaminen' }],
    ['a text', { summary: 'Lausuntoaika jatkuu' }, { type: 'text', oldValue: 'Lausuntoaika päättyy 15.3.2023', newValue: 'Lausuntoaika jatkuu' }],
    ['a distribution list', { consultation: { distribution: ['Pirkanmaan pelastuslaitos'], answered: [] } },
      { type: 'consultation', oldValue: 'null', newValue: '{"distribution":["Pirkanmaan pelastuslaitos"],"answered":[]}' }],
  ])('records %s change as version 2 with one event', (_what, over, event) => {
    const { updated, events } = change(over);
    expect(updated).toEqual([id]);
    expect(events).toEqual([event]);
    expect(listItemVersions(db, id).map((v) => v.version)).toEqual([1]);
    expect(getItem(db, id)!.version).toBe(2);
  });

  it('stores a body-only change as a new version', () => {
    const { updated, events } = change({ contentHtml: '<p>y</p>' });
    expect(updated).toEqual([id]);
    expect(events.map((e) => e.type)).toEqual(['text']);
    expect(getItem(db, id)!.contentHtml).toBe('<p>y</p>');
  });

  it('stores a title that only reads the same (re-cleaned) as a new version, without an event', () => {
    const { updated, events } = change({ title: 'Pelastus\u00adlain  muutos' });
    expect(updated).toEqual([id]);
    expect(events).toEqual([]);
    expect(getItem(db, id)!.version).toBe(2);
    expect(change({ title: 'Pelastus\u00adlain  muutos' }).updated).toEqual([]);
  });

  it('makes no version when only a role changed', () => {
    const { updated, events } = change({ identifiers: [{ type: 'diary', value: 'VN/1/2023', role: 'mention' }] });
    expect(updated).toEqual([]);
    expect(events).toEqual([]);
    expect(getItem(db, id)!.version).toBe(1);
  });
});
