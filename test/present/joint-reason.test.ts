// The joint-response reason the tag stage stores (English) is shown in the reader's language, every part of it.
import { describe, expect, it } from 'vitest';
import { jointReasonText } from '../../src/present/joint-reason.js';
import { assessJoint } from '../../src/tag/joint.js';
import { kindLabel } from '../../src/web/routes/present.js';
import { loadTaxonomy } from '../../src/tag/taxonomy.js';

const taxonomy = loadTaxonomy();
const now = new Date('2026-12-03T12:00:00Z');
const names = (lang: 'fi' | 'sv') => ({ goal: (g: string) => `<${g}>`, kind: (k: string) => kindLabel(k, lang) });
const departments = (n: number) => Array.from({ length: n }, (_, i) => `Pelastuslaitos ${i + 1}`);

// Every kind of part assessJoint writes on a candidate: the kind and goal, the distribution (short and long), who
// answered (some, all), an unknown deadline.
const reasons = [
  assessJoint({ title: 'x', deadline: '2026-12-20' }, { relevant: true, primary: 'services', scores: { services: 4 }, kind: 'statement-request' }, taxonomy, now),
  assessJoint({ title: 'x', deadline: '2026-12-20' }, { relevant: true, primary: 'welfare-reform', scores: { 'welfare-reform': 3.68 }, kind: 'bill' }, taxonomy, now),
  assessJoint({ title: 'x', deadline: '2026-12-20', consultation: { distribution: ['Sisäministeriö', ...departments(2)], answered: ['Pelastuslaitos 1'] } },
    { relevant: true, primary: 'services', scores: { services: 2 }, kind: 'news' }, taxonomy, now),
  assessJoint({ title: 'x', consultation: { distribution: departments(5), answered: departments(5) } },
    { relevant: true, primary: 'internal-security', scores: { 'internal-security': 4 }, kind: 'statement-request' }, taxonomy, now),
].map((r) => r.reason);

describe('joint-response reason', () => {
  it('has every part in Finnish and in Swedish, no English left', () => {
    expect(reasons).toHaveLength(4);
    for (const lang of ['fi', 'sv'] as const) {
      for (const reason of reasons) {
        const parts = jointReasonText(reason, lang, names(lang)).split('; ');
        const stored = reason.split('; ');
        expect(parts).toHaveLength(stored.length);
        parts.forEach((part, i) => expect(part, `${lang}: ${stored[i]}`).not.toMatch(/\b(score|sent|more|every|already|answered|deadline|unknown|consultation|statement-request|bill)\b/));
      }
    }
  });

  it('reads as a sentence', () => {
    expect(jointReasonText(reasons[0], 'fi', names('fi'))).toBe('lausuntopyyntö, päätavoite <services> (pisteet 4)');
    expect(jointReasonText(reasons[2], 'fi', names('fi'))).toBe('lausuntokierros, päätavoite <services> (pisteet 2); jakelussa olevat pelastuslaitokset: Pelastuslaitos 1, Pelastuslaitos 2; pelastuslaitoksista 1 on jo vastannut');
    expect(jointReasonText(reasons[3], 'sv', names('sv'))).toBe('remiss, huvudmål <internal-security> (poäng 4); 5 räddningsverk på sändlistan: Pelastuslaitos 1, Pelastuslaitos 2, Pelastuslaitos 3 och 2 till; ' +
      'varje räddningsverk på sändlistan har redan svarat; tidsfristen okänd');
  });

  it('says the names and counts are the rescue departments on the list, not everyone on it', () => {
    const reason = assessJoint({ title: 'x', deadline: '2026-12-20', consultation: { distribution: ['Sisäministeriö', 'Kuntaliitto', ...departments(7)], answered: ['Kuntaliitto', 'Pelastuslaitos 2'] } },
      { relevant: true, primary: 'services', scores: { services: 4 }, kind: 'statement-request' }, taxonomy, now).reason;
    expect(jointReasonText(reason, 'fi', names('fi'))).toBe('lausuntopyyntö, päätavoite <services> (pisteet 4); ' +
      'jakelussa 7 pelastuslaitosta: Pelastuslaitos 1, Pelastuslaitos 2, Pelastuslaitos 3 ja 4 muuta; pelastuslaitoksista 1 on jo vastannut');
    expect(jointReasonText(reason, 'sv', names('sv'))).toBe('remiss, huvudmål <services> (poäng 4); ' +
      '7 räddningsverk på sändlistan: Pelastuslaitos 1, Pelastuslaitos 2, Pelastuslaitos 3 och 4 till; 1 av räddningsverken har redan svarat');
  });

  it('writes the score with a decimal comma', () => {
    expect(jointReasonText(reasons[1], 'fi', names('fi'))).toBe('hallituksen esitys, päätavoite <welfare-reform> (pisteet 3,68)');
    expect(jointReasonText(reasons[1], 'sv', names('sv'))).toMatch(/ \(poäng 3,68\)$/);
  });

  it('shows a part it does not know as stored', () => expect(jointReasonText('a new part; deadline unknown', 'fi', names('fi'))).toBe('a new part; määräaika ei tiedossa'));
});
