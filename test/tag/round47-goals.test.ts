// Round forty-seven's changes to which goal an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

describe.each(roundTaggers('round forty-seven, goals'))('round forty-seven, goals (%s)', (_name, tag) => {
  // Encryption (salaus, kryptering) is information security as tietoturva is: the rescue department whose keys they are is
  // who acts, and lends its points to it. Before, the department's actor alone spoke, for the services.
  it.each([
    ['Pelastuslaitos uusii salausavaimensa kvanttikestäviksi', 'Uudistus koskee ensin hälytysten ja tilannetietojen siirtoa.', 'fi'],
    ['Räddningsverket förnyar sina krypteringsnycklar till kvantsäkra', 'Förnyelsen gäller först överföringen av larm och lägesuppgifter.', 'sv'],
  ] as const)('encryption: internal security: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'hyvinvointialue' })).toMatchObject({ relevant: true, primary: 'internal-security' });
  });
  // A welfare area's savings programme (säästöohjelma, sparprogram) is its money as the adjustment programme is, whatever
  // fire stations it closes: the reform leads.
  it.each([
    ['Säästöohjelma etenee: aluevaltuusto luopuu kolmesta paloasemasta', 'Valtuusto päätti tilojen vähentämisestä.', 'fi'],
    ['Sparprogrammet går vidare: välfärdsområdesfullmäktige avstår från tre brandstationer', 'Fullmäktige beslöt att minska lokalerna.', 'sv'],
  ] as const)('a savings programme: the reform first: %s', (title, summary, lang) => {
    expect(tag({ title, summary, lang, source: 'hyvinvointialue' })).toMatchObject({ relevant: true, primary: 'welfare-reform' });
  });
});
