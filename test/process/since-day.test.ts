// `items --since` with a date in a known form whose day does not exist names the day, as a process.
import { afterAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../helpers/process.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakivahti-since-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('items --since', () => {
  it.each([
    ['2027-02-29', 'lakivahti items: --since "2027-02-29" is no date: there is no day 29 in 2027-02: that month has 28 days\n'],
    ['29.2.2027', 'lakivahti items: --since "29.2.2027" is no date: there is no day 29 in 2027-02: that month has 28 days\n'],
    ['2026-13-01', 'lakivahti items: --since "2026-13-01" is no date: there is no month 13 (months are 1–12)\n'],
    ['eilen', 'lakivahti items: --since "eilen" is not a date (use e.g. 2026-11-01 or 1.11.2026)\n'],
  ])('%s', async (since, message) => {
    const r = await run(['items', '--since', since, '--db', path.join(dir, 'x.sqlite')]);
    expect([r.code, r.err]).toEqual([2, message]);
  });
});
