import { describe, expect, it } from 'vitest';
import { createSnowballAnalyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';
import type { TagInput } from '../../src/tag/types.js';

const tag = createTagger(loadTaxonomy(), { analyzer: createSnowballAnalyzer(), now: () => new Date('2026-03-01T10:00:00Z') });
const request: TagInput = {
  title: 'Lausuntopyyntö luonnoksesta hallituksen esitykseksi pelastuslain muuttamisesta',
  summary: 'Sisäministeriö pyytää lausuntoa pelastustoimen valvontatehtävistä.',
  kind: 'statement-request',
  deadline: '2026-04-17',
};
const departments = ['Helsingin kaupungin pelastuslaitos', 'Keski-Uudenmaan pelastuslaitos', 'Pirkanmaan pelastuslaitos'];

describe('joint-response candidates', () => {
  it.each<[string, TagInput, boolean, RegExp]>([
    ['an open relevant statement request', request, true, /statement-request on services/],
    ['one whose deadline has passed', { ...request, deadline: '2026-02-01' }, false, /deadline 2026-02-01 has passed/],
    ['a relevant item that is not a consultation', { ...request, title: 'Pelastuslaki uudistuu', kind: 'press-release' }, false, /not open for comment/],
    ['a consultation that is not relevant', { ...request, title: 'Lausuntopyyntö viljelijätuista', summary: 'Maa- ja metsätalousministeriö pyytää lausuntoa.' }, false, /not relevant/],
    ['a bill open for comment', { ...request, title: 'HE 1/2026 vp Hallituksen esitys pelastuslain muuttamisesta', kind: 'bill' }, true, /bill on services/],
    ['a bill with no comment deadline', { ...request, title: 'HE 1/2026 vp Hallituksen esitys pelastuslain muuttamisesta', kind: 'bill', deadline: null }, false, /not open for comment/],
  ])('%s', (_what, input, candidate, reason) => {
    const r = tag(input);
    expect(r.joint.candidate).toBe(candidate);
    expect(r.joint.reason).toMatch(reason);
  });

  it('counts a distribution list naming rescue departments strongly, and answers already given less', () => {
    const weak: TagInput = { ...request, title: 'Lausuntopyyntö: valvontasuunnitelma', summary: 'Ohje pelastustoimen valvonnasta.' };
    const plain = tag(weak).joint;
    const asked = tag({ ...weak, consultation: { distribution: ['Sisäministeriö', ...departments], answered: [] } }).joint;
    const answered = tag({ ...weak, consultation: { distribution: departments, answered: departments } }).joint;
    // The list adds 3 points to the item's own score; answers from everyone on it take them back.
    expect(asked.score).toBeCloseTo(plain.score + 3, 2);
    expect(asked.candidate).toBe(true);
    expect(asked.reason).toMatch(/sent to Helsingin kaupungin pelastuslaitos/);
    expect(answered.score).toBeCloseTo(plain.score, 2);
    expect(answered.reason).toMatch(/every rescue department on the list has already answered/);
  });
});
