// Round forty-seven's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// A call-out word under a condition (jos, mikäli; ifall, om right before the condition's subject) is what a system or a
// plan is built for, not a call-out told: the incident scope does not read it. A fire or a crash told is incident news
// still, and so is one told after the preposition om.
describe.each(roundTaggers('round forty-seven, conditions'))('round forty-seven, a call-out under a condition (%s)', (_name, tag) => {
  it.each([
    ['Johtokeskusten varayhteydet kahdennetaan toiseen konesaliin', 'Kahdennus pitää pelastuslaitosten johtokeskukset ja hätäkeskukset yhteydessä, jos pääkonesali tuhoutuu.', 'fi'],
    ['Ledningscentralernas reservförbindelser dubbleras till en andra datahall', 'Dubbleringen håller räddningsverkens ledningscentraler och nödcentralerna i kontakt om huvudhallen skadas.', 'sv'],
  ] as const)('relevant: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'erillisverkot' }).relevant).toBe(true);
  });

  it.each([
    ['Varastohalli paloi maan tasalle yöllä', 'Pelastuslaitos sammutti palon aamulla; jos tuuli olisi kääntynyt, palo olisi levinnyt.', 'fi'],
    ['Lagerhall brann ner under natten', 'Räddningsverket släckte branden på morgonen; larmet gick om natten och ingen skadades.', 'sv'],
  ] as const)('still not relevant: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'pelastustoimi' }).relevant).toBe(false);
  });
});
