import { describe, expect, it } from 'vitest';
import { actsBroughtIntoForce, entryIntoForce } from '../../src/parse/in-force.js';

// The sentences marked "statute" are the closing provisions of real Finnish statutes as the Statute Book prints them
// (quoted from their Akoma Ntoso entryIntoForce containers in public test suites that run on Finlex data; statute
// text is not protected by copyright, Tekijänoikeuslaki 9 §). No Finlex capture is stored here; the others are the
// same forms written for this test.
describe('entryIntoForce', () => {
  it.each([
    // statute: a date, alone
    ['Tämä laki tulee voimaan 1 päivänä tammikuuta 2025.', '2025-01-01'],
    // statute: a temporary act
    ['Tämä laki tulee voimaan 1 päivänä tammikuuta 2020 ja on voimassa toistaiseksi.', '2020-01-01'],
    // statute (2024): the act's sentence, then another act kept in force "tämän lain tullessa voimaan"
    ['Tämä laki tulee voimaan 1 päivänä tammikuuta 2025. Haastemiesasetus (506/1986) jää sen 2 §:ää lukuun ottamatta voimaan tämän lain tullessa voimaan.', '2025-01-01'],
    // statute: temporary provisions after the date
    ['Tämä laki tulee voimaan 1 päivänä tammikuuta 2009. Lakiin väliaikaisesti lisätyt 43 b §:n 1 momentti ovat voimassa 31 päivään joulukuuta 2011 sekä 43 b §:n 2 ja 3 momentti 31 päivään joulukuuta 2013.', '2009-01-01'],
    ['Tämä asetus tulee voimaan 15 päivänä kesäkuuta 2027.', '2027-06-15'],
    ['Tämä valtioneuvoston asetus tulee voimaan 1 päivänä heinäkuuta 2027.', '2027-07-01'],
    ['Tämä päätös tulee voimaan 1. päivänä maaliskuuta 2027.', '2027-03-01'],
    ['Tämä laki tulee voimaan 1.1.2027.', '2027-01-01'],
    ['TÄMÄ LAKI TULEE VOIMAAN 31 PÄIVÄNÄ JOULUKUUTA 2026.', '2026-12-31'],
    ['Tämä\nlaki  tulee voimaan\n 1 päivänä\ttammikuuta 2027 .', '2027-01-01'],
    // the act's date, whatever a single provision's later one
    ['Tämä laki tulee voimaan 1 päivänä tammikuuta 2027. Lain 5 § tulee kuitenkin voimaan 1 päivänä kesäkuuta 2027.', '2027-01-01'],
    // an amended commencement provision of another act quoted first, then the act's own
    ['muutetaan lain (1428/2004) voimaantulosäännös seuraavasti: Tämä laki tulee voimaan 1 päivänä tammikuuta 2005. ' +
      'Tämä laki tulee voimaan 1 päivänä maaliskuuta 2027.', '2027-03-01'],
    // Swedish
    ['Denna lag träder i kraft den 1 januari 2027.', '2027-01-01'],
    ['Denna förordning träder i kraft den 15 juni 2027.', '2027-06-15'],
    ['Detta beslut träder i kraft den 1 mars 2027 och gäller till och med den 31 december 2027.', '2027-03-01'],
  ])('%s → %s', (text, date) => {
    expect(entryIntoForce(text)).toBe(date);
  });

  it.each([
    // statute: the date is set later by a decree
    'Tämä laki tulee voimaan valtioneuvoston asetuksella säädettävänä ajankohtana.',
    'Tämä laki tulee voimaan asetuksella säädettävänä aikana.',
    'Denna lag träder i kraft vid en tidpunkt som bestäms genom förordning av statsrådet.',
    // the blank form of a bill's draft act
    'Tämä laki tulee voimaan päivänä kuuta 20 .',
    'Denna lag träder i kraft den 20 .',
    'Tämä laki tulee voimaan päivänä, jona Suomen ja Ruotsin välinen sopimus tulee voimaan.',
    // only a provision, not the act
    'Lain 5 § tulee voimaan 1 päivänä kesäkuuta 2027.',
    'Tämä pykälä tulee voimaan 1 päivänä kesäkuuta 2027.',
    // statute: the act undated, a provision's application dated later
    'Tämä laki tulee voimaan valtioneuvoston asetuksella säädettävänä ajankohtana. Lain 4 §:n 2 momenttia sovelletaan kuitenkin 1 päivänä tammikuuta 2007 tai sen jälkeen aiheutuneista kustannuksista maksettavaan tukeen.',
    // impossible dates and none at all
    'Tämä laki tulee voimaan 31 päivänä helmikuuta 2027.',
    'Tämä laki tulee voimaan 30.2.2027.',
    'Veronalaista tuloa eivät ole ...',
    '',
  ])('no date: %s', (text) => {
    expect(entryIntoForce(text)).toBeNull();
  });
});

// The forms of the Statute Book's entry-into-force decrees ("Valtioneuvoston asetus … lain voimaantulosta" /
// "Statsrådets förordning om ikraftträdande av lagen …"), written for this test.
describe('actsBroughtIntoForce', () => {
  it.each([
    ['Hyvinvointialueiden rahoituksesta annetun lain 3 §:n muuttamisesta 13 päivänä marraskuuta 2026 annettu laki (1040/2026) tulee voimaan 1 päivänä helmikuuta 2027. Tämä asetus tulee voimaan 1 päivänä helmikuuta 2027.',
      [{ act: '1040/2026', date: '2027-02-01' }]],
    // Swedish: the number follows the act's whole title, which quotes the amended act's own number.
    ['Lagen om ändring av 3 § i lagen om finansiering av välfärdsområdena (617/2021) (1040/2026), som gavs den 13 november 2026, träder i kraft den 1 februari 2027. Denna förordning träder i kraft den 1 februari 2027.',
      [{ act: '1040/2026', date: '2027-02-01' }]],
    // Two acts in one sentence, each right after the word for an act; the date left out.
    ['Kuntalain muuttamisesta annettu laki (10/2027) ja hyvinvointialueesta annetun lain muuttamisesta annettu laki (0011/2027) tulevat voimaan.',
      [{ act: '10/2027', date: null }, { act: '11/2027', date: null }]],
    ['Lagen (1040/2026) om ändring av lagen om räddningsväsendet träder i kraft den 1.3.2027.', [{ act: '1040/2026', date: '2027-03-01' }]],
    // A plural subject listing its acts after the verb, each item named by its last number (the amended act's own
    // number comes first); the decree's sentence after the list is not an act.
    ['Seuraavat lait tulevat voimaan 1 päivänä tammikuuta 2028: 1) pelastuslain (379/2011) muuttamisesta 5.11.2027 annettu laki (801/2027); 2) hyvinvointialueesta annetun lain 3 §:n muuttamisesta annettu laki (802/2027). Tämä asetus tulee voimaan 1 päivänä tammikuuta 2028.',
      [{ act: '801/2027', date: '2028-01-01' }, { act: '802/2027', date: '2028-01-01' }]],
    ['Följande lagar träder i kraft den 1 januari 2028: 1) lagen om ändring av räddningslagen (379/2011) (801/2027), 2) lagen om ändring av 3 § i lagen om välfärdsområden (802/2027). Denna förordning träder i kraft den 1 januari 2028.',
      [{ act: '801/2027', date: '2028-01-01' }, { act: '802/2027', date: '2028-01-01' }]],
    // Items separated by semicolons alone, the day as digits; a number in the next sentence is not listed.
    ['Seuraavat lait tulevat voimaan 1.3.2028: kuntalain muuttamisesta annettu laki (10/2028); pelastuslain muuttamisesta annettu laki (11/2028). Asetuksella kumotaan asetus (407/2011).',
      [{ act: '10/2028', date: '2028-03-01' }, { act: '11/2028', date: '2028-03-01' }]],
  ])('%s', (text, acts) => {
    expect(actsBroughtIntoForce(text)).toEqual(acts);
  });

  it.each([
    // Only the decree's own sentence; an act named by its title alone; a number in another sentence (a mention).
    'Tämä asetus tulee voimaan 1 päivänä helmikuuta 2027.',
    'Denna förordning träder i kraft den 1 februari 2027.',
    'Hyvinvointialueiden rahoituksesta annetun lain muuttamisesta annettu laki tulee voimaan 1 päivänä helmikuuta 2027.',
    'Asetuksella kumotaan pelastustoimen asetus (407/2011). Tämä asetus tulee voimaan 1 päivänä helmikuuta 2027.',
    // The quoted commencement provision of another act, after a colon.
    'muutetaan lain (1428/2004) voimaantulosäännös seuraavasti: Tämä laki tulee voimaan 1 päivänä tammikuuta 2005.',
    // A plural subject with no list after the verb names no act.
    'Seuraavat lait tulevat voimaan 1 päivänä tammikuuta 2028. Asetuksella kumotaan asetus (407/2011).',
  ])('nothing: %s', (text) => {
    expect(actsBroughtIntoForce(text)).toEqual([]);
  });
});
