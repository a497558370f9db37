import { describe, expect, it } from 'vitest';
import { extractDeadline } from '../../src/parse/deadlines.js';

describe('extractDeadline', () => {
  it.each<[string, string | null]>([
    ['Lausuntoaika päättyy 15.3.2023.', '2023-03-15'],
    ['Lausunto pyydetään antamaan viimeistään 11.12.2017.', '2017-12-11'],
    ['Vastaukset viimeistään perjantaina 1.9.2023 klo 16.00', '2023-09-01'],
    ['Lausuntokierros on 8.4.–20.5.2022.', '2022-05-20'],
    ['Lausuntokierros on 8.4. – 20.5.2022', '2022-05-20'],
    ['Lausuntokierros 8.4.-20.5.2022', '2022-05-20'],
    ['Lausuntokierros on 15.12.2021 – 31.1.2022', '2022-01-31'],
    ['Vastausaika on päättynyt: 3.2.2023', '2023-02-03'],
    ['Lausunnot pyydetään toimittamaan mennessä 1.2.2024', '2024-02-01'],
    ['Lausunnot pyydetään toimittamaan 1.2.2024 mennessä.', '2024-02-01'],
    ['Lausuntoaika: 1.1.–15.2.2024', '2024-02-15'],
    ['Lausuntoaika 1. 1. 2024 – 15. 2. 2024', '2024-02-15'],
    ['Lausuntoaika päättyy 15. maaliskuuta 2023', '2023-03-15'],
    ['Utlåtanden ska lämnas senast 15.3.2023.', '2023-03-15'],
    ['Remisstiden går ut 15.3.2023', '2023-03-15'],
    ['Vi ber om ett utlåtande senast den 15 mars 2023.', '2023-03-15'],
    ['Remisstiden går ut den 2 maj 2024', '2024-05-02'],
    // the latest of several phrases wins
    ['Lausuntoaika päättyy 15.3.2023. Jatkettu: lausunnot viimeistään 31.3.2023.', '2023-03-31'],
    // dates without a deadline phrase are ignored
    ['Julkaistu 1.2.2023. Laki tulee voimaan 1.1.2024.', null],
    ['Senast uppdaterad 3.2.2023', null],
    ['Ei määräaikaa.', null],
    ['', null],
    ['viimeistään 31.2.2023', null], // not a real date
  ])('%s → %s', (text, expected) => {
    expect(extractDeadline(text)).toBe(expected);
  });

  it.each<[string, string, string | null]>([
    ['Lausuntoaika päättyy 15.3.2023', '2023-02-01T10:00:00Z', '2023-03-15'],
    // a "deadline" before publication is some other date
    ['viimeistään 15.3.2020', '2023-02-01T10:00:00Z', null],
    ['viimeistään 15.3.2020. Lausuntoaika päättyy 15.3.2023', '2023-02-01', '2023-03-15'],
    // years after publication is implausible
    ['viimeistään 15.3.2030', '2023-02-01T10:00:00Z', null],
    // a deadline on the publication day is fine
    ['viimeistään 1.2.2023', '2023-02-01T10:00:00Z', '2023-02-01'],
    ['viimeistään 1.2.2023', 'garbage', '2023-02-01'],
    // white space of any kind between the words, and "mennessä" in capitals after the date
    ['Lausuntoaika\npäättyy\t15.3.2023', '2023-02-01', '2023-03-15'],
    ['Vastaukset 15.3.2023 MENNESSÄ', '2023-02-01', '2023-03-15'],
    ['ei vuosilukua: viimeistään 15.3.', '2023-02-01', null],
  ])('%s (published %s) → %s', (text, published, expected) => {
    expect(extractDeadline(text, published)).toBe(expected);
  });
});
