import { describe, expect, it } from 'vitest';
import { helsinkiDate, helsinkiInstant, helsinkiOffsetMinutes, parseDate, parseLocalDate } from '../../src/parse/dates.js';

describe('parseDate', () => {
  it.each([
    // RFC 822 / 2822
    ['Tue, 10 Jun 2003 04:00:00 GMT', '2003-06-10T04:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +0300', '2003-06-10T01:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 -0500', '2003-06-10T09:00:00.000Z'],
    ['Tue, 10 Jun 2003 04:00:00 +1400', '2003-06-09T14:00:00.000Z'], // the farthest offset there is
    ['Wed, 02 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00.000Z'],
    ['Wed, 2 Oct 2002 13:00:00 EEST', '2002-10-02T10:00:00.000Z'],
    ['2 Oct 02 13:00 UT', '2002-10-02T13:00:00.000Z'],
    ['Mon, 15 Jan 2024 12:00:00 +02:00', '2024-01-15T10:00:00.000Z'],
    ['Mon, 15 Jan 2024 12:00:00', '2024-01-15T10:00:00.000Z'], // no zone: Helsinki
    // ISO 8601 with offset or Z
    ['2026-04-24T11:21:24.988+00:00', '2026-04-24T11:21:24.988Z'],
    ['2024-01-02T10:00:00+02:00', '2024-01-02T08:00:00.000Z'],
    ['2024-01-02T10:00:00Z', '2024-01-02T10:00:00.000Z'],
    ['2024-01-02T10:00:00-0500', '2024-01-02T15:00:00.000Z'],
    // ISO without offset: Helsinki local, DST-aware
    ['2026-04-22T10:52:41.58', '2026-04-22T07:52:41.580Z'], // summer, +3
    ['2026-01-22T10:52:41', '2026-01-22T08:52:41.000Z'], // winter, +2
    ['2024-01-02', '2024-01-01T22:00:00.000Z'],
    ['2024-07-02 09:30', '2024-07-02T06:30:00.000Z'],
    // DST edges: last Sunday of March / October 2024
    ['2024-03-31T02:59:00', '2024-03-31T00:59:00.000Z'],
    ['2024-03-31T04:00:00', '2024-03-31T01:00:00.000Z'],
    ['2024-10-27T05:00:00', '2024-10-27T03:00:00.000Z'],
    // Finnish
    ['16.12.2020 klo 11.00', '2020-12-16T09:00:00.000Z'],
    ['Julkaisuajankohta 16.12.2020 11.00', '2020-12-16T09:00:00.000Z'],
    ['Julkaistu: 3.6.2024 8.05', '2024-06-03T05:05:00.000Z'],
    ['16.12.2020 11:00', '2020-12-16T09:00:00.000Z'],
    ['16.12.2020', '2020-12-15T22:00:00.000Z'],
    ['1.6.2023', '2023-05-31T21:00:00.000Z'],
    ['  5.3.2024   klo   9.30 ', '2024-03-05T07:30:00.000Z'],
    // epoch milliseconds (OData verbose JSON)
    ['/Date(1700000000000)/', '2023-11-14T22:13:20.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });

  it.each([
    [''], ['   '], ['garbage'], ['5/2023'], ['1'], ['2024'], ['31.2.2024'], ['32.1.2024'], ['2024-13-01'],
    ['2024-02-30T10:00:00'], ['16.12.2020 klo 25.00'], ['Tue, 10 Foo 2003 04:00:00 GMT'],
    ['Tue, 10 Jun 2003 04:00:00 XYZ'], ['Tue, 10 Jun 2003 04:00:00 +1401'], ['Tue, 10 Jun 2003 04:00:00 -1500'], ['2024-01-02T10:00:00+99:00'], ['NaN'], ['Invalid Date'],
  ])('%j → null', (input) => {
    expect(parseDate(input)).toBeNull();
  });

  it.each([
    [null, null],
    [undefined, null],
    [new Date('2024-01-02T03:04:05Z'), '2024-01-02T03:04:05.000Z'],
    [new Date('nope'), null],
  ])('%s → %s', (input, expected) => {
    expect(parseDate(input)).toBe(expected);
  });
});

describe('helsinkiDate', () => {
  it.each([
    ['2024-01-01T21:59:59Z', '2024-01-01'],
    ['2024-01-01T22:00:00Z', '2024-01-02'],
    ['2024-07-01T20:59:59Z', '2024-07-01'],
    ['2024-07-01T21:00:00Z', '2024-07-02'],
  ])('%s → %s', (iso, expected) => {
    expect(helsinkiDate(iso)).toBe(expected);
  });

  it('throws on an invalid instant', () => {
    expect(() => helsinkiDate('nope')).toThrow(RangeError);
  });

  it('agrees with Date and Intl on instants from 1900 to 2200, and past the years dates are cached for', () => {
    // The reference: Helsinki's wall clock from Intl, and toISOString for every instant (the cached days must match).
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });
    const from = Date.UTC(1900, 0, 1);
    const span = Date.UTC(2200, 11, 31) - from;
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const instants = Array.from({ length: 3000 }, () => from + Math.floor(random() * span));
    instants.push(Date.UTC(2024, 2, 31, 0, 59, 59, 999), Date.UTC(2024, 2, 31, 1), Date.UTC(1969, 11, 31, 23, 59, 59, 7), 0, -1);
    for (const ms of instants) {
      const iso = new Date(ms).toISOString();
      expect(parseDate(iso)).toBe(iso);
      expect(helsinkiDate(iso)).toBe(parts.format(ms));
    }
    expect(parseDate(new Date(Date.UTC(12_000, 0, 1)))).toBe('+012000-01-01T00:00:00.000Z');
    expect(helsinkiDate(new Date(Date.UTC(999, 11, 31, 23)))).toBe('1000-01-01');
  });
});

describe('helsinkiOffsetMinutes', () => {
  it('agrees with Intl at every summer-time switch and mid-month from 1990 to 2200', () => {
    // The reference: Helsinki's wall clock from Intl, read back as minutes ahead of UTC.
    const wall = new Intl.DateTimeFormat('en-US', {
      timeZone: 'Europe/Helsinki', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    const intlOffset = (ms: number): number => {
      const p = Object.fromEntries(wall.formatToParts(ms).map(({ type, value }) => [type, Number(value)]));
      return (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(ms / 60_000) * 60_000) / 60_000;
    };
    const hour = 3_600_000;
    let checked = 0;
    for (let y = 1990; y <= 2200; y++) {
      for (let m = 0; m < 12; m++) {
        const instants = [Date.UTC(y, m, 15, 12)];
        // Around 01:00 UTC on each of the month's last seven days: the switches are on one of them.
        for (let d = 0; d < 7; d++) {
          const at = Date.UTC(y, m + 1, -d, 1);
          instants.push(at - hour, at - 1, at, at + hour - 1);
        }
        for (const ms of instants) {
          expect(helsinkiOffsetMinutes(ms), new Date(ms).toISOString()).toBe(intlOffset(ms));
          checked++;
        }
      }
    }
    expect(checked).toBe(211 * 12 * 29);
  });
});

describe('parseLocalDate and helsinkiInstant', () => {
  it.each([
    ['15.3.2023', '2023-03-15'],
    ['2023-03-15T00:00:00', '2023-03-15'],
    ['2023-03-14T23:30:00Z', '2023-03-15'],
    ['garbage', null],
  ])('parseLocalDate(%s) → %s', (input, expected) => {
    expect(parseLocalDate(input)).toBe(expected);
  });

  it.each<[[number, number, number, number, number], string | null]>([
    [[2024, 6, 1, 12, 0], '2024-06-01T09:00:00.000Z'],
    [[2024, 2, 29, 0, 0], '2024-02-28T22:00:00.000Z'],
    [[2023, 2, 29, 0, 0], null],
  ])('helsinkiInstant(%j) → %s', ([y, mo, d, h, mi], expected) => {
    expect(helsinkiInstant(y, mo, d, h, mi)).toBe(expected);
  });
});
