import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/tag/analyze.js';
import { createTagger } from '../../src/tag/tagger.js';
import { GOAL_IDS, loadTaxonomy, parseTaxonomy, shippedTaxonomyPath } from '../../src/tag/taxonomy.js';

const shipped = readFileSync(shippedTaxonomyPath(), 'utf8');

/** Replace one line of the shipped taxonomy and return [text, 1-based line number]. */
function breakLine(find: string, replace: string): [string, number] {
  const lines = shipped.split('\n');
  const i = lines.findIndex((l) => l.includes(find));
  expect(i).toBeGreaterThanOrEqual(0);
  lines[i] = lines[i].replace(find, replace);
  return [lines.join('\n'), i + 1];
}

describe('taxonomy', () => {
  it('loads the shipped file with a version, the three goals and sub-topics', () => {
    const t = loadTaxonomy();
    expect(t.version).toMatch(/^\d{4}\.\d+$/);
    expect(t.goals.map((g) => g.id).sort()).toEqual([...GOAL_IDS].sort());
    for (const g of t.goals) {
      expect(g.label.fi).not.toBe('');
      expect(g.label.sv).not.toBe('');
      expect(g.subtopics.length).toBeGreaterThan(1);
    }
    expect(t.terms.some((x) => x.lang === 'sv')).toBe(true);
    expect(t.terms.some((x) => x.rule === 'false-friend')).toBe(true);
    expect(t.priors.some((p) => p.organisation === 'pelastusosasto')).toBe(true);
  });

  it.each([
    ['a YAML syntax error', '- pelastus+laki: 3.5', '- pelastus+laki: 3.5: 4'],
    ['a weight that is not a number', '- pelastus+laki: 3.5', '- pelastus+laki: {w: paljon}'],
    ['an unknown goal in also', 'also: {services: 2.5}}', 'also: {palvelut: 2.5}}'],
    ['an unknown term option', 'virve: {w: 3, exact: true}', 'virve: {w: 3, exakt: true}'],
    ['an origin that names no set', 'sprinklaus: {w: 2.5, origin: eval-2028-07}', 'sprinklaus: {w: 2.5, origin: 2028}'],
    ['an actor flag that is not true or false', 'pelastus+laitos: {w: 3, actor: true}', 'pelastus+laitos: {w: 3, actor: joo}'],
    ['an unknown item kind', '  bill: 1.1', '  hallituksen-esitys: 1.1'],
    ['an unknown goal id', '  - id: welfare-reform', '  - id: welfare'],
    ['a bad character in a term', '- nuohous: 3', '- nuohous*: 3'],
    ['a scope factor of 1 or more', '    factor: 0.3', '    factor: 1.5'],
    ['a scope factor that is not a number', '    factor: 0.3', '    factor: kolmasosa'],
    ['an unknown language in a scope', '      sv: [{släcka', '      en: [{släcka'],
    ['a bad character in a scope term', 'kaatua, kaatunut', 'kaatua, kaatu*nut'],
    ['a threshold that is not a number', '  relevant: 2.0', '  relevant: kaksi'],
  ])('names the line of %s', (_what, find, replace) => {
    const [text, line] = breakLine(find, replace);
    expect(() => parseTaxonomy(text, 'taxonomy.yaml')).toThrow(new RegExp(`taxonomy\\.yaml:${line}: `));
  });

  it('loads the scope rules with their terms, apart from the goal terms', () => {
    const t = loadTaxonomy();
    expect(t.scopes.map((x) => x.id)).toEqual(['incident', 'policing', 'events', 'civil-protection', 'ministry-network', 'advice', 'staff-negotiations', 'welfare-area', 'care-premises', 'emergency-room']);
    const policing = t.scopes.find((x) => x.id === 'policing')!;
    expect(policing.byField).toBe(true);
    expect(policing.together).toEqual({ 'internal-security': 2 });
    expect(t.scopes.find((x) => x.id === 'incident')!.byField).toBe(false);
    expect(t.scopes.filter((x) => x.titleOnly).map((x) => x.id)).toEqual(['ministry-network']);
    for (const sc of t.scopes) {
      expect(sc.factor).toBeGreaterThanOrEqual(0);
      // Factor 1 scales nothing: only a scope that names a cooperation (together) may have it.
      if (sc.factor === 1) expect(Object.keys(sc.together).length).toBeGreaterThan(0);
      else expect(sc.factor).toBeLessThan(1);
      expect(t.scopeTerms.some((x) => x.scope?.id === sc.id && x.scope.role === 'when')).toBe(true);
      expect(t.scopeTerms.some((x) => x.scope?.id === sc.id && x.scope.role === 'unless')).toBe(true);
    }
    expect(t.terms.some((x) => x.rule === 'scope')).toBe(false);
  });

  it.each([
    ['an unknown scope key', 'unknown scope key "unles"', '    unles: {fi: [laki]}'],
    ['a by_field that is not true or false', 'by_field must be true or false', '    by_field: joo'],
    ['a title_only that is not true or false', 'title_only must be true or false', '    title_only: joo'],
    ['a title_only on a scope that scales', 'title_only is for a scope that only names a cooperation', '    title_only: true'],
    ['a together naming an unknown goal', 'unknown goal "police"', '    together: {police: 1}'],
    ['a scope defined twice', 'scope "incident" is defined twice', '  - id: incident\n    label: {fi: a, sv: b}\n    factor: 0.5\n    when: {fi: [palo]}'],
    ['a scope without when terms', 'when needs at least one term', '  - id: empty\n    label: {fi: a, sv: b}\n    factor: 0.5\n    when: {fi: []}'],
  ])('names the line of %s', (_what, message, insert) => {
    // Inserted right after the first scope's (incident's) factor line (a new key) or as a new scope at the end of the list.
    const lines = shipped.split('\n');
    const at = insert.startsWith('  - id') ? lines.findIndex((l) => l.startsWith('# Compounds that contain')) : lines.findIndex((l) => l.startsWith('    factor: ')) + 1;
    lines.splice(at, 0, ...insert.split('\n'));
    const text = lines.join('\n');
    const line = insert.startsWith('  - id') && !message.includes('twice') ? at + 4 : at + 1;
    expect(() => parseTaxonomy(text, 'taxonomy.yaml')).toThrow(new RegExp(`taxonomy\\.yaml:${line}: .*${message.replace(/"/g, '"')}`));
  });

  // A scope's conditional words (incident's jos, mikäli, ifall, om) are the taxonomy's language data, checked as its terms are.
  it('loads the incident scope\'s conditional words, and no other scope has any', () => {
    const t = loadTaxonomy();
    expect(t.scopes.find((x) => x.id === 'incident')!.conditional).toEqual({
      within: 3,
      words: [{ word: 'jos', at: null }, { word: 'mikäli', at: null }, { word: 'ifall', at: null }, { word: 'om', at: 2 }],
    });
    expect(t.scopes.filter((x) => x.conditional !== null).map((x) => x.id)).toEqual(['incident']);
  });

  const conditional = '    conditional: {within: 3, fi: [jos, mikäli], sv: [ifall, {om: {at: 2}}]}';
  it.each([
    ['a within of 0', '{within: 0, fi: [jos, mikäli], sv: [ifall, {om: {at: 2}}]}', 'scope "incident": conditional.within must be a whole number of words, at least 1'],
    ['a within that is not a number', '{within: kolme, fi: [jos, mikäli], sv: [ifall, {om: {at: 2}}]}', 'scopes.0.conditional.within must be a number'],
    ['an unknown key', '{within: 3, fi: [jos, mikäli], en: [ifall, {om: {at: 2}}]}', 'scope "incident": conditional: unknown key "en" (within, fi, sv)'],
    ['two words in one entry', '{within: 3, fi: [jos kun, mikäli], sv: [ifall, {om: {at: 2}}]}', 'scope "incident": conditional.fi: "jos kun" must be one lower-case word'],
    ['an upper-case word', '{within: 3, fi: [Jos, mikäli], sv: [ifall, {om: {at: 2}}]}', 'scope "incident": conditional.fi: "Jos" must be one lower-case word'],
    ['a word listed twice', '{within: 3, fi: [jos, jos], sv: [ifall, {om: {at: 2}}]}', 'scope "incident": conditional.fi: "jos" is listed twice'],
    ['an at beyond within', '{within: 3, fi: [jos, mikäli], sv: [ifall, {om: {at: 4}}]}', 'scope "incident": conditional.sv: "om": at must be a whole number from 1 to within (3)'],
    ['an unknown key of a word', '{within: 3, fi: [jos, mikäli], sv: [ifall, {om: {at: 2, near: 1}}]}', 'scope "incident": conditional.sv: "om": unknown key "near" (at)'],
    ['an entry that is a list', '{within: 3, fi: [jos, mikäli], sv: [[ifall], {om: {at: 2}}]}', 'scope "incident": conditional.sv: an entry is a word or {word: {at: N}}'],
    ['no words', '{within: 3}', 'scope "incident": conditional needs at least one word under fi or sv'],
  ])('names the file, line and field of %s', (_what, value, message) => {
    const text = shipped.replace(conditional, `    conditional: ${value}`);
    expect(text).not.toBe(shipped);
    const line = shipped.split('\n').indexOf(conditional) + 1;
    expect(() => parseTaxonomy(text, 'taxonomy.yaml')).toThrow(`taxonomy.yaml:${line}: ${message}`);
  });

  it('reads the conditional words from the taxonomy: without them a call-out under a condition is incident news', () => {
    const text = shipped.replace(conditional, '    conditional: {within: 3, fi: [mikäli]}');
    const item = { title: 'Johtokeskusten varayhteydet kahdennetaan toiseen konesaliin', summary: 'Kahdennus pitää pelastuslaitosten johtokeskukset ja hätäkeskukset yhteydessä, jos pääkonesali tuhoutuu.', lang: 'fi' as const, source: 'erillisverkot' };
    const tag = (t: string) => createTagger(parseTaxonomy(t, 'taxonomy.yaml'), { analyzer: createAnalyzer('snowball') })(item);
    const incident = (r: ReturnType<ReturnType<typeof createTagger>>) => r.evidence.some((e) => e.rule === 'scope' && e.term.startsWith('incident'));
    expect(tag(shipped).relevant).toBe(true);
    expect(incident(tag(shipped))).toBe(false);
    expect(incident(tag(text))).toBe(true);
    expect(tag(text).relevant).toBe(false);
  });

  it('refuses a scope of factor 1 that names no cooperation, by its line, and takes one that does', () => {
    const lines = shipped.split('\n');
    const at = lines.findIndex((l) => l.startsWith('# Compounds that contain'));
    const scope = (extra: string[]): string =>
      [...lines.slice(0, at), '  - id: one', '    label: {fi: a, sv: b}', '    factor: 1', ...extra, '    when: {fi: [palo]}', '    unless: {fi: [laki]}', ...lines.slice(at)].join('\n');
    expect(() => parseTaxonomy(scope([]), 'taxonomy.yaml')).toThrow(new RegExp(`taxonomy\\.yaml:${at + 3}: scope "one": factor must be at least 0 and below 1`));
    expect(parseTaxonomy(scope(['    together: {internal-security: 1}']), 'taxonomy.yaml').scopes.find((x) => x.id === 'one')?.factor).toBe(1);
  });

  it('names the line of a missing goal', () => {
    expect(() => parseTaxonomy('version: "1"\nthresholds: {relevant: 2, goal: 2, goal_ratio: 0.3, joint: 4}\nfields: {title: 1, summary: 0.7}\njoint_recipients: []\ngoals: []\n', 'x.yaml')).toThrow(/x\.yaml:5: goal "services" is missing/);
  });

  it('uses the shipped taxonomy when --feeds has none, and the folder’s own when it has one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakivahti-feeds-'));
    expect(loadTaxonomy(dir).file).toBe(shippedTaxonomyPath());
    writeFileSync(join(dir, 'taxonomy.yaml'), shipped.replace(/^version: .*$/m, 'version: "2099.1"'));
    expect(loadTaxonomy(dir).version).toBe('2099.1');
    writeFileSync(join(dir, 'taxonomy.yaml'), shipped.replace('  goal: 2.5', '  goal: [2.5'));
    expect(() => loadTaxonomy(dir)).toThrow(/taxonomy\.yaml:\d+: /);
  });
});
