import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSources, parseSourceDef } from '../../src/config/sources.js';
import { scheduleProblem } from '../../src/config/schedule.js';

const yaml = (schedule: string) => `id: x\nname: X\nurl: https://e.fi/rss\nkind: rss\nschedule: "${schedule}"\n`;

describe('config: schedules', () => {
  it.each([
    ['* * * * * *', 'fires every second'],
    ['*/1 * * * * *', 'fires every second'],
    ['0-59 * * * * *', 'fires every second'],
    ['*/2 * * * * *', 'fires every 2 seconds'],
    ['*/30 * * * * *', 'fires every 30 seconds'],
    ['0,30 */5 * * * *', 'fires every 30 seconds'],
    ['0,10 * * * * *', 'fires 2 times a minute (as often as every 10 seconds)'],
    ['58-2 0 * * * *', 'fires every second'], // a range that wraps past 59
    ['* *  * *  * *', 'fires every second'], // more than one space between fields
  ])('refuses %j: it %s', (schedule, howOften) => {
    expect(() => parseSourceDef(yaml(schedule), 'f.yaml')).toThrow(
      `field "schedule": "${schedule}" ${howOften}; the shortest allowed interval is one minute`,
    );
  });

  it.each([
    '* * * * *', // every minute, the shortest allowed
    '*/30 * * * *',
    '0 * * * * *', // six fields, one fixed second
    '15 */5 * * * *',
    '7-7 0 * * * *',
    '0-59/60 0 * * * *', // a step wider than the minute leaves one second
    '@hourly',
    '0 6 * * mon-fri',
  ])('accepts %j', (schedule) => {
    expect(scheduleProblem(schedule)).toBeNull();
    expect(parseSourceDef(yaml(schedule), 'f.yaml').schedule).toBe(schedule);
  });

  it('names the file and the field when loading definitions', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
    fs.mkdirSync(path.join(dir, 'sources'));
    fs.writeFileSync(path.join(dir, 'sources', 'fast.yaml'), yaml('* * * * * *'));
    const { sources, errors } = loadSources(dir);
    expect(sources).toEqual([]);
    expect(errors).toEqual([
      {
        file: path.join(dir, 'sources', 'fast.yaml'),
        message: 'field "schedule": "* * * * * *" fires every second; the shortest allowed interval is one minute',
      },
    ]);
  });

  it('still refuses an expression that is not cron at all', () => {
    expect(scheduleProblem('every hour')).toBe('"every hour" is not a valid cron expression');
  });
});

describe('config: item kinds', () => {
  it('accepts every kind in the one list and names them all when refusing', async () => {
    const { ITEM_KINDS } = await import('../../src/model.js');
    for (const kind of ITEM_KINDS) expect(parseSourceDef(`${yaml('* * * * *')}itemKind: ${kind}\n`, 'f.yaml').itemKind).toBe(kind);
    expect(() => parseSourceDef(`${yaml('* * * * *')}itemKind: memo\n`, 'f.yaml')).toThrow(
      `field "itemKind" must be one of ${ITEM_KINDS.join(', ')}`,
    );
  });
});
