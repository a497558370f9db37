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

describe('extractDeadline: the rules one at a time', () => {
  const fi = ['tammi', 'helmi', 'maalis', 'huhti', 'touko', 'kesä', 'heinä', 'elo', 'syys', 'loka', 'marras', 'joulu'];
  const sv = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
  const iso = (month: number) => `2023-${String(month).padStart(2, '0')}-15`;

  it.each(fi.map((m, i) => [`${m}kuuta`, i + 1] as const))('reads the Finnish month %s', (name, month) => {
    expect(extractDeadline(`Lausuntoaika päättyy 15. ${name} 2023`)).toBe(iso(month));
    expect(extractDeadline(`Lausuntoaika päättyy 15. ${name.slice(0, -2).toUpperCase()} 2023`)).toBe(iso(month));
  });

  it.each(sv.map((m, i) => [m, i + 1] as const))('reads the Swedish month %s', (name, month) => {
    expect(extractDeadline(`Remisstiden går ut den 15 ${name} 2023`)).toBe(iso(month));
  });

  it.each<[string, string | null]>([
    ['viimeistään 10.10.2023', '2023-10-10'],
    ['viimeistään 9.9.2023', '2023-09-09'],
    ['viimeistään 31.1.2023', '2023-01-31'],
    ['viimeistään 31.12.2023', '2023-12-31'],
    ['viimeistään 0.3.2023', null],
    ['viimeistään 32.1.2023', null],
    ['viimeistään 31.4.2023', null],
    ['viimeistään 15.0.2023', null],
    ['viimeistään 15.13.2023', null],
    ['viimeistään 29.2.2024', '2024-02-29'],
    ['viimeistään 29.2.2023', null],
    // Leap years by the Gregorian rule: 2000 is one, 2100 is not.
    ['viimeistään 29.2.2000', '2000-02-29'],
    ['viimeistään 29.2.2100', null],
    ['viimeistään 28.2.2100', '2100-02-28'],
  ])('only real calendar dates: %s → %s', (text, expected) => {
    expect(extractDeadline(text)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['viimeistään 1.1.1990', '1990-01-01'],
    ['viimeistään 31.12.1989', null],
    ['viimeistään 31.12.2100', '2100-12-31'],
    ['viimeistään 1.1.2101', null],
  ])('years from 1990 to 2100 only: %s → %s', (text, expected) => {
    expect(extractDeadline(text)).toBe(expected);
  });

  it.each<[string, string | null]>([
    ['viimeistään 1.2.2026', '2026-02-01'],
    ['viimeistään 2.2.2026', null],
    ['viimeistään 31.1.2023', null],
  ])('within three years of publication on 1.2.2023: %s → %s', (text, expected) => {
    expect(extractDeadline(text, '2023-02-01T10:00:00Z')).toBe(expected);
  });

  it('takes the publication day in Helsinki time', () => {
    // 22:30 UTC on 31 January is already 1 February in Helsinki.
    expect(extractDeadline('viimeistään 1.2.2023', '2023-01-31T22:30:00Z')).toBe('2023-02-01');
    expect(extractDeadline('viimeistään 31.1.2023', '2023-01-31T22:30:00Z')).toBeNull();
  });

  it('looks for the date within 80 characters after the phrase, counting a run of white space as one', () => {
    const gap = (n: number) => 'x'.repeat(n);
    expect(extractDeadline(`Lausuntoaika päättyy ${gap(69)} 15.3.2023`)).toBe('2023-03-15');
    expect(extractDeadline(`Lausuntoaika päättyy ${gap(80)} 15.3.2023`)).toBeNull();
    expect(extractDeadline(`Lausuntoaika päättyy${' \n'.repeat(60)}15.3.2023`)).toBe('2023-03-15');
  });

  it('does not read a date written before the phrase (other than "… mennessä")', () => {
    expect(extractDeadline('Julkaistu 1.2.2023, lausuntoaika päättyy pian.')).toBeNull();
    expect(extractDeadline('Kokous 1.2.2023. Lausunnot viimeistään')).toBeNull();
  });

  it('takes the latest date, wherever in the text it stands', () => {
    expect(extractDeadline('Vastaukset viimeistään 31.3.2023. (Alun perin lausuntoaika päättyi 15.3.2023.)')).toBe('2023-03-31');
  });

  it('reads a range whose end has its month name in capitals', () => {
    expect(extractDeadline('Lausuntokierros on 1. Maaliskuuta 2023 – 15. HUHTIKUUTA 2023')).toBe('2023-04-15');
  });

  it('reads a date broken over lines', () => {
    expect(extractDeadline('Lausunnot viimeistään\n15.\nmaaliskuuta\n2023')).toBe('2023-03-15');
  });

  it('skips an impossible date before "mennessä" and keeps the real one', () => {
    expect(extractDeadline('Vastaukset 31.2.2023 mennessä, korjattu: 14.3.2023 mennessä')).toBe('2023-03-14');
  });
});
