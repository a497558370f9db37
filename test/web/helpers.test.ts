// fiDate shows an instant's Helsinki day: it must give what working the day out from the instant gives, every time.
import { describe, expect, it, vi } from 'vitest';
import { fiDate } from '../../src/web/helpers.js';
import { finnishDate, helsinkiDate } from '../../src/parse/dates.js';

const direct = (iso: string) => finnishDate(helsinkiDate(iso));

describe('fiDate', () => {
  it('gives the Helsinki day of every minute around both daylight-saving changes and midnight, asked twice', () => {
    const starts = ['2026-03-28T20:00:00.000Z', '2026-10-24T20:00:00.000Z', '2024-02-28T20:00:00.000Z', '1970-01-01T00:00:00.000Z'];
    for (const start of starts) {
      for (let m = 0; m < 8 * 60; m += 7) {
        const iso = new Date(Date.parse(start) + m * 60_000).toISOString();
        expect(fiDate(iso)).toBe(direct(iso));
        expect(fiDate(iso)).toBe(direct(iso));
      }
    }
    // The last minutes of a UTC day are the next day in Helsinki, winter (+2) and summer (+3).
    expect(fiDate('2026-01-31T22:30:00.000Z')).toBe('1.2.2026');
    expect(fiDate('2026-07-31T21:00:00Z')).toBe('1.8.2026');
    expect(fiDate('2026-07-31T20:59:59Z')).toBe('31.7.2026');
  });

  it('gives the Helsinki day of every hour of two years, the hours asked in a scrambled order', () => {
    // A UTC day's early hours, its 21st hour and its late hours share answers: none may leak into another's.
    const start = Date.parse('2025-01-01T00:00:00.000Z');
    const hours = 2 * 366 * 24;
    for (let n = 0; n < hours; n++) {
      const iso = new Date(start + ((n * 7919) % hours) * 3_600_000 + ((n * 37) % 60) * 60_000).toISOString();
      expect(fiDate(iso)).toBe(direct(iso));
    }
  });

  it('a list of stored instants parses each hour once, not each date twice', () => {
    // Fifty rows of one hour: the day is worked out once (a list page's dates were a hundred Date.parse calls).
    const isos = Array.from({ length: 50 }, (_, n) => `2031-06-14T21:${String(n).padStart(2, '0')}:${String(59 - n).padStart(2, '0')}.${String(n * 7).padStart(3, '0')}Z`);
    const parse = vi.spyOn(Date, 'parse');
    try {
      for (const iso of isos) expect(fiDate(iso)).toBe('15.6.2031');
      expect(parse.mock.calls.length).toBeLessThanOrEqual(3);
    } finally {
      parse.mockRestore();
    }
    for (const iso of isos) expect(fiDate(iso)).toBe(direct(iso));
    // Days no month has roll over as Date.parse reads them, kept or not.
    expect(fiDate('2031-02-30T10:00:00.000Z')).toBe(direct('2031-02-30T10:00:00.000Z'));
    expect(fiDate('2031-02-30T10:30:00.000Z')).toBe('2.3.2031');
  });

  it('an hour known from a valid instant gives nothing to a malformed one of the same hour, nor an old date', () => {
    // 23.00 UTC is the next day in Helsinki; a malformed time is no instant, so its written date is shown.
    expect(fiDate('2026-05-05T23:00:00.000Z')).toBe('6.5.2026');
    expect(fiDate('2026-05-05T23:99:00.000Z')).toBe('5.5.2026');
    expect(fiDate('2026-05-05')).toBe('5.5.2026');
    expect(fiDate('1900-05-05T23:00:00.000Z')).toBe(direct('1900-05-05T23:00:00.000Z'));
    expect(fiDate(null)).toBe('–');
  });
});
