// Round forty-eight's relevance classes (issue 10; wordings are this test's own, not a set's items).
import { describe, expect, it } from 'vitest';
import { roundTaggers } from './round-taggers.js';

// A Finnish compound's first part ends as a Finnish word does (a vowel or n, s, t, l, r): Pohjois-Pohjanmaa holds no ohje
// (guidance, which lifts the incident scope), since no Finnish word ends in its p. A call-out told in a region named so is
// incident news as anywhere else; a guide written as one word (käyttöohje) is still guidance.
describe.each(roundTaggers('round forty-eight, compound boundaries'))('round forty-eight, a Finnish compound boundary (%s)', (_name, tag) => {
  it.each([
    ['Ladon palo Keski-Pohjanmaalla sammui aamuyöllä', 'Uutinen sisäministeriö Pelastustoimi, 3.8.2055 7:00. Palo kyti heinissä, ja sen sammuttamiseen osallistui kaksi pelastuslaitosta.'],
    ['Suopalo Etelä-Pohjanmaalla saatiin rajattua', 'Uutinen sisäministeriö Pelastustoimi, 4.8.2055 9:00. Rajaamiseen osallistui kolme pelastuslaitosta ja sopimuspalokunnat.'],
  ] as const)('not relevant: %s', (title, summary) => {
    expect(tag({ title, summary, lang: 'fi', source: 'pelastustoimi' }).relevant).toBe(false);
  });

  it('still relevant: a rescue department\'s guide on what to do after a fire', () => {
    const r = tag({ title: 'Pelastuslaitos julkaisi käyttöohjeen palon jälkeisestä siivouksesta', summary: 'Ohje kertoo, miten taloyhtiö toimii, kun palo on sammunut.', lang: 'fi', source: 'pelastustoimi' });
    expect(r.relevant).toBe(true);
  });
});

// A Finlex title with no summary (a statute as the crawl stores it) is all the item says: its words weigh as the title's
// and the summary's together. A Swedish act's title names its subject after the act (lag om statsbidrag för
// välfärdsområdenas …) where the Finnish names it first (laki hyvinvointialueiden …, the reform's act phrase).
describe.each(roundTaggers('round forty-eight, titles alone'))('round forty-eight, a title with no summary (%s)', (_name, tag) => {
  it.each([
    ['Lag om statsbidrag för välfärdsområdenas lönesystem', 'sv'],
    ['Laki hyvinvointialueiden palkkausjärjestelmän valtionavustuksesta', 'fi'],
  ] as const)('relevant: %s', (title, lang) => {
    expect(tag({ title, summary: '', lang, source: 'finlex', titleOnly: true }).relevant).toBe(true);
  });

  it.each([
    ['Lag om ändring av lagen om konsumentsäkerhet', 'sv'],
    ['Laki kuluttajaturvallisuuslain muuttamisesta', 'fi'],
  ] as const)('still not relevant: %s', (title, lang) => {
    expect(tag({ title, summary: '', lang, source: 'finlex', titleOnly: true }).relevant).toBe(false);
  });
});
