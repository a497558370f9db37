// The taxonomy loader refuses a term the matcher could not read: a word's compound parts stand between "+" and "-"
// (feeds/taxonomy.yaml, the header), so a hyphen at a word's start or end, doubled or beside a "+" leaves an empty
// part. The error names the file, the line, the goal (or the false friends, or the scope) and the term.
import { describe, expect, it } from 'vitest';
import { parseTaxonomy } from '../../src/tag/taxonomy.js';

/** A small taxonomy with `fi` as the one Finnish term of the services goal, `ff` a false friend, `sc` a scope's way out. */
function yaml({ fi = 'paloasema', ff = 'pelastus+laina', sc = 'laki' } = {}): string {
  const goal = (id: string, sub: string, terms: string) =>
    `  - id: ${id}\n    label: {fi: a, sv: b}\n    subtopics:\n      - id: ${sub}\n        label: {fi: a, sv: b}\n        fi: [${terms}]\n`;
  return [
    'version: "2026.1"',
    'thresholds: {relevant: 3, goal: 2, goal_ratio: 0.5, joint: 4}',
    'fields: {title: 1, summary: 0.5}',
    'joint_recipients: []',
    'goals:',
    goal('services', 'stations', fi) + goal('welfare-reform', 'areas', 'hyvinvointi+alue') + goal('internal-security', 'risks', 'riski+arvio'),
    'false_friends:',
    `  fi: [${ff}]`,
    'scopes:',
    '  - id: forest',
    '    label: {fi: a, sv: b}',
    '    factor: 0.2',
    '    when: {fi: [metsä]}',
    `    unless: {fi: [${sc}]}`,
    '',
  ].join('\n');
}

describe('taxonomy terms with an empty compound part', () => {
  it('loads terms whose hyphens and "+" stand between parts', () => {
    const t = parseTaxonomy(yaml({ fi: 'EU-pelastus+laki, covid-19, kansallinen riski+arvio' }), 'by-hand.yaml');
    expect(t.terms.filter((x) => x.goals.services).map((x) => x.text)).toEqual(['EU-pelastus+laki', 'covid-19', 'kansallinen riski+arvio']);
  });

  it('loads a phrase whose word before the last ends in a hyphen: a compound sharing its head with the next word', () => {
    const t = parseTaxonomy(yaml({ fi: '"sosiaali- ja terveys+palvelut", "brand- och räddnings+väsende"' }), 'by-hand.yaml');
    expect(t.terms.filter((x) => x.goals.services).map((x) => x.text)).toEqual(['sosiaali- ja terveys+palvelut', 'brand- och räddnings+väsende']);
  });

  it.each([
    ['a hyphen at the start', '-palo'],
    ['a hyphen at the end', 'palo-'],
    ['a doubled hyphen', 'palo--asema'],
    ['a hyphen after a "+"', 'palo+-asema'],
    ['a hyphen before a "+"', 'palo-+asema'],
    ['a hyphen ending a phrase\'s last word', 'kansallinen riskiarvio-'],
    ['a doubled hyphen ending a phrase\'s first word', 'sosiaali-- ja terveydenhuolto'],
    ['a hyphen alone as a phrase\'s word', 'kansallinen - riskiarvio'],
  ])('refuses %s, naming the file, line, goal and term', (_what, text) => {
    // The goal's Finnish terms are on line 11 of the file.
    expect(() => parseTaxonomy(yaml({ fi: `paloasema, "${text}"` }), 'by-hand.yaml')).toThrow(
      `by-hand.yaml:11: term "${text}" of goal "services" has an empty compound part`,
    );
  });

  it('refuses one among the false friends and in a scope, naming them', () => {
    expect(() => parseTaxonomy(yaml({ ff: 'pelastus-' }), 'by-hand.yaml')).toThrow('by-hand.yaml:26: term "pelastus-" of false_friends has an empty compound part');
    expect(() => parseTaxonomy(yaml({ sc: 'laki, -laki' }), 'by-hand.yaml')).toThrow('by-hand.yaml:32: term "-laki" of scope "forest" has an empty compound part');
  });
});
