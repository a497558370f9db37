// Round forty-seven's changes to which goal an item is about (issue 10; wordings are this test's own, not a set's items).
import { describe } from 'vitest';
import { roundTaggers } from './round-taggers.js';
import { tagCases } from './round-cases.js';

describe.each(roundTaggers('round forty-seven, goals'))('round forty-seven, goals (%s)', (_name, tag) => {
  // Encryption (salaus, kryptering) is information security as tietoturva is: the rescue department whose keys they are is
  // who acts, and lends its points to it. Before, the department's actor alone spoke, for the services.
  tagCases(tag, 'encryption: internal security', { relevant: true, primary: 'internal-security' }, [
    ['Pelastuslaitos uusii salausavaimensa kvanttikestäviksi', 'Uudistus koskee ensin hälytysten ja tilannetietojen siirtoa.', 'fi'],
    ['Räddningsverket förnyar sina krypteringsnycklar till kvantsäkra', 'Förnyelsen gäller först överföringen av larm och lägesuppgifter.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });
  // A welfare area's savings programme (säästöohjelma, sparprogram) is its money as the adjustment programme is, whatever
  // fire stations it closes: the reform leads.
  tagCases(tag, 'a savings programme: the reform first', { relevant: true, primary: 'welfare-reform' }, [
    ['Säästöohjelma etenee: aluevaltuusto luopuu kolmesta paloasemasta', 'Valtuusto päätti tilojen vähentämisestä.', 'fi'],
    ['Sparprogrammet går vidare: välfärdsområdesfullmäktige avstår från tre brandstationer', 'Fullmäktige beslöt att minska lokalerna.', 'sv'],
  ] as const, { source: 'hyvinvointialue' });
});
