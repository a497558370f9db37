// The joint-response rule on its own (src/tag/joint.ts), with the taxonomy's joint settings written out here so the
// expected scores follow from the rule's definition: the primary goal's score, +3 when the distribution list names
// a rescue department, -3 when every one named has answered (else -1 when some have), a candidate from 3.0 up.
import { describe, expect, it } from 'vitest';
import { assessJoint } from '../../src/tag/joint.js';
import type { TagInput, TagResult, Taxonomy } from '../../src/tag/types.js';

const taxonomy = { jointRecipients: ['Pelastuslaitos', 'räddningsverk'], thresholds: { relevant: 1, goal: 1, goalRatio: 0.5, joint: 3 } } as Taxonomy;
// 10:00 UTC on 1 March 2026 is 12:00 in Helsinki (UTC+2 until the end of March).
const now = new Date('2026-03-01T10:00:00Z');
type Tagged = Pick<TagResult, 'relevant' | 'primary' | 'scores' | 'kind'>;
const tagged = (score: number, kind: Tagged['kind'] = 'statement-request'): Tagged =>
  ({ relevant: true, primary: 'services', scores: { services: score, preparedness: 0.5 }, kind });
const request: TagInput = { title: 'Lausuntopyyntö', kind: 'statement-request', deadline: '2026-04-17' };
const ask = (distribution: string[], answered: string[] = []): TagInput => ({ ...request, consultation: { distribution, answered } });
const helsinki = 'Helsingin kaupungin pelastuslaitos';
const pirkanmaa = 'Pirkanmaan pelastuslaitos';

describe('the joint-response rule', () => {
  it('makes an open, relevant statement request a candidate at the threshold, with its score and reason', () => {
    expect(assessJoint(request, tagged(3), taxonomy, now)).toEqual({ candidate: true, score: 3, reason: 'statement-request on services (score 3)' });
  });

  it('keeps one just below the threshold out, saying why', () => {
    expect(assessJoint(request, tagged(2.99), taxonomy, now)).toEqual({
      candidate: false, score: 2.99, reason: 'score 2.99 is below 3: statement-request on services (score 2.99)',
    });
  });

  it('keeps a consultation open through the last day of its deadline, in Helsinki time', () => {
    const due = { ...request, deadline: '2026-03-01' };
    // 23:30 in Helsinki on the deadline day: still open.
    expect(assessJoint(due, tagged(4), taxonomy, new Date('2026-03-01T21:30:00Z')).candidate).toBe(true);
    // 00:30 in Helsinki the next day (still 1 March in UTC): passed.
    expect(assessJoint(due, tagged(4), taxonomy, new Date('2026-03-01T22:30:00Z'))).toEqual({
      candidate: false, score: 0, reason: 'the deadline 2026-03-01 has passed',
    });
  });

  it('treats any item with a consultation list as a consultation, whatever its kind', () => {
    const r = assessJoint({ title: 'Lausunnolla', consultation: { distribution: [], answered: [] } }, tagged(3, null), taxonomy, now);
    expect(r).toEqual({ candidate: true, score: 3, reason: 'consultation on services (score 3); deadline unknown' });
    const news = assessJoint({ title: 'Lausunnolla', kind: 'press-release', consultation: { distribution: [], answered: [] } }, tagged(3, 'press-release'), taxonomy, now);
    expect(news.reason).toBe('consultation on services (score 3); deadline unknown');
  });

  it('names the kind of an item that is not open for comment', () => {
    expect(assessJoint({ title: 'x', kind: 'press-release' }, tagged(9, 'press-release'), taxonomy, now))
      .toEqual({ candidate: false, score: 0, reason: 'a press-release is not open for comment' });
    expect(assessJoint({ title: 'x' }, tagged(9, null), taxonomy, now)).toEqual({ candidate: false, score: 0, reason: 'not a consultation' });
  });

  it('counts a bill only while it has a comment deadline', () => {
    expect(assessJoint({ title: 'HE', kind: 'bill', deadline: '2026-04-17' }, tagged(3, 'bill'), taxonomy, now))
      .toEqual({ candidate: true, score: 3, reason: 'bill on services (score 3)' });
    expect(assessJoint({ title: 'HE', kind: 'bill' }, tagged(9, 'bill'), taxonomy, now).reason).toBe('a bill is not open for comment');
  });

  it('needs both relevance and a primary goal', () => {
    const irrelevant = { ...tagged(9), relevant: false };
    const noPrimary = { ...tagged(9), primary: null };
    expect(assessJoint(request, irrelevant, taxonomy, now)).toEqual({ candidate: false, score: 0, reason: 'not relevant to the strategy' });
    expect(assessJoint(request, noPrimary, taxonomy, now).reason).toBe('not relevant to the strategy');
  });

  it('says when the deadline is unknown', () => {
    expect(assessJoint({ ...request, deadline: null }, tagged(3), taxonomy, now).reason).toBe('statement-request on services (score 3); deadline unknown');
  });

  it('adds 3 when the distribution list names a rescue department (any case), enough to lift a weak item', () => {
    expect(assessJoint(ask(['Sisäministeriö', helsinki]), tagged(1), taxonomy, now)).toEqual({
      candidate: true, score: 4, reason: `statement-request on services (score 1); sent to ${helsinki}`,
    });
    expect(assessJoint(ask(['Länsi-Uudenmaan RÄDDNINGSVERK']), tagged(0.5), taxonomy, now).score).toBe(3.5);
    // A list without one adds nothing.
    expect(assessJoint(ask(['Sisäministeriö', 'Kuntaliitto']), tagged(1), taxonomy, now)).toEqual({
      candidate: false, score: 1, reason: 'score 1 is below 3: statement-request on services (score 1)',
    });
  });

  it('names at most three recipients and counts the rest', () => {
    const six = ['A', 'B', 'C', 'D', 'E', 'F'].map((l) => `${l} pelastuslaitos`);
    expect(assessJoint(ask(six), tagged(1), taxonomy, now).reason)
      .toBe('statement-request on services (score 1); sent to A pelastuslaitos, B pelastuslaitos, C pelastuslaitos and 3 more');
    expect(assessJoint(ask(six.slice(0, 3)), tagged(1), taxonomy, now).reason)
      .toBe('statement-request on services (score 1); sent to A pelastuslaitos, B pelastuslaitos, C pelastuslaitos');
    expect(assessJoint(ask(six.slice(0, 4)), tagged(1), taxonomy, now).reason).toMatch(/C pelastuslaitos and 1 more$/);
  });

  it('takes the bonus back when every rescue department asked has answered', () => {
    expect(assessJoint(ask([helsinki, pirkanmaa, 'Kuntaliitto'], [pirkanmaa, helsinki]), tagged(1), taxonomy, now)).toEqual({
      candidate: false, score: 1,
      reason: `score 1 is below 3: statement-request on services (score 1); sent to ${helsinki}, ${pirkanmaa}; every rescue department on the list has already answered`,
    });
  });

  it('subtracts 1 while only some have answered', () => {
    expect(assessJoint(ask([helsinki, pirkanmaa], [helsinki, 'Kuntaliitto']), tagged(1), taxonomy, now)).toEqual({
      candidate: true, score: 3, reason: `statement-request on services (score 1); sent to ${helsinki}, ${pirkanmaa}; 1 already answered`,
    });
    // An answer from a department that was not on the list still counts as one.
    expect(assessJoint(ask(['Kuntaliitto'], [helsinki]), tagged(4), taxonomy, now)).toEqual({
      candidate: true, score: 3, reason: 'statement-request on services (score 4); 1 already answered',
    });
  });

  it('rounds the score to two decimals', () => {
    expect(assessJoint(ask([helsinki]), tagged(1.111), taxonomy, now).score).toBe(4.11);
  });
});
