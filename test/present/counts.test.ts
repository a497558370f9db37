// A count of one is singular in both languages: "1 asiakirja", "1 felaktig källdefinition" (Finnish takes the
// partitive plural only after numbers other than one: "1 asiakirjaa" and "1 muuta" read as mistakes).
import { describe, expect, it } from 'vitest';
import { word, WORDS } from '../../src/present/words-web.js';

const cases: [string, Record<string, unknown>, string, string][] = [
  ['overview.documents', { n: 1 }, '1 asiakirja', '1 dokument'],
  ['overview.more', { n: 1 }, 'ja 1 muu samalla aikavälillä', 'och 1 till under samma period'],
  ['health.configErrors', { n: 1 }, '1 virheellinen lähdemäärittely', '1 felaktig källdefinition'],
  ['sources.failures', { n: 1 }, '1 epäonnistunut haku', '1 misslyckad hämtning'],
  ['items.markRead', { n: 1 }, 'Merkitse tämän sivun 1 lukematon luetuksi', 'Markera sidans 1 olästa som läst'],
  // The joint reason's count arrives as text, from the stored English reason.
  ['joint.sentToMore', { names: 'A, B, C', n: '1', total: 4 }, 'jakelussa 4 pelastuslaitosta: A, B, C ja 1 muu', '4 räddningsverk på sändlistan: A, B, C och 1 till'],
  ['digest.countRespond', { n: 1 }, '1 yhteistä vastausta vaativa asia', '1 ärende som kräver ett gemensamt svar'],
  ['digest.countMoved', { n: 1 }, '1 muutos', '1 ändring'],
  ['digest.countItems', { n: 1 }, '1 uusi asiakirja', '1 nytt dokument'],
  // Any other count keeps the plural.
  ['overview.documents', { n: 2 }, '2 asiakirjaa', '2 dokument'],
  ['health.configErrors', { n: 11 }, '11 virheellistä lähdemäärittelyä', '11 felaktiga källdefinitioner'],
  ['sources.failures', { n: 0 }, '0 epäonnistunutta hakua peräkkäin', '0 misslyckade hämtningar i rad'],
];

describe('counts in the words of the pages', () => {
  it.each(cases)('%s with %j', (key, values, fi, sv) => {
    expect(word('fi', key, values)).toBe(fi);
    expect(word('sv', key, values)).toBe(sv);
  });

  it('every singular belongs to a counted word', () => {
    const keys = Object.keys(WORDS);
    const singulars = keys.filter((k) => k.endsWith('.one') && keys.includes(k.slice(0, -4)));
    expect(singulars.length).toBeGreaterThanOrEqual(9);
    for (const k of singulars) expect((WORDS as Record<string, { fi: string }>)[k.slice(0, -4)].fi).toContain('{n}');
  });
});
