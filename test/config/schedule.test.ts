import { afterEach, describe, expect, it, vi } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSources, parseSourceDef } from '../../src/config/sources.js';
import { minutesOnly, nextCronRun, nodeCron, scheduleProblem, TIMEZONE } from '../../src/config/schedule.js';

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
    '30-59/59 0 * * * *', // the widest step a second field allows (one second here)
    '*/59 */23 */30 */11 */6', // and each of the five fields
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
    fs.writeFileSync(path.join(dir, 'sources', 'hourly.yaml'), yaml('*/61 * * * *'));
    const { sources, errors } = loadSources(dir);
    expect(sources).toEqual([]);
    expect(errors).toEqual([
      {
        file: path.join(dir, 'sources', 'fast.yaml'),
        message: 'line 5: field "schedule": "* * * * * *" fires every second; the shortest allowed interval is one minute',
      },
      {
        file: path.join(dir, 'sources', 'hourly.yaml'),
        message: 'line 5: field "schedule": "*/61 * * * *": step /61 in the minute field is out of range; steps there are from 1 to 59',
      },
    ]);
  });

  // node-cron took a step wider than its field as the field's first value alone: `*/61 * * * *` fired at :00 hourly.
  it.each([
    ['*/61 * * * *', 'minute', '61', 59],
    ['*/60 * * * *', 'minute', '60', 59],
    ['*/0 * * * *', 'minute', '0', 59],
    ['5-10/61,30 * * * *', 'minute', '61', 59],
    ['0 */25 * * *', 'hour', '25', 23],
    ['0 */24 * * *', 'hour', '24', 23],
    ['0 0 */32 * *', 'day-of-month', '32', 30],
    ['0 0 1 jan-dec/13 *', 'month', '13', 11], // node-cron fired this one daily
    ['0 0 * * */7', 'day-of-week', '7', 6],
    ['0-59/60 0 * * * *', 'second', '60', 59],
  ])('refuses %j: the %s field\'s step /%s is beyond its range', (schedule, field, step, max) => {
    expect(scheduleProblem(schedule)).toBe(`"${schedule}": step /${step} in the ${field} field is out of range; steps there are from 1 to ${max}`);
  });

  it('still refuses an expression that is not cron at all', () => {
    expect(scheduleProblem('every hour')).toBe('"every hour" is not a valid cron expression');
  });
});

describe('config: minute-only schedules, worked out without node-cron', () => {
  afterEach(() => vi.useRealTimers());

  /** node-cron's own next run, the reference. */
  const cronNext = (expression: string) => {
    const task = nodeCron().createTask(expression, () => undefined, { timezone: TIMEZONE });
    try {
      return task.getNextRuns(1)[0];
    } finally {
      void task.destroy();
    }
  };

  const MOMENTS = [
    '2026-12-03T02:45:00.000Z', // on a minute
    '2026-12-03T02:59:59.999Z', // just before the hour
    '2026-12-03T23:31:12.345Z', // across midnight, Helsinki already the next day
    '2026-03-29T00:59:30.000Z', // Helsinki's clocks go forward at 01:00 UTC
    '2026-10-25T01:29:59.000Z', // and back at 01:00 UTC (the hour before: see below)
  ];

  it.each(['*/30 * * * *', '* * * * *', '0 * * * *', '5,35 * * * *', '0-50/10 * * * *', '59 * * * *', '*/7 * * * *', '10-12,40 * * * *', ' 15  * * * * '])(
    '%j: the same next runs as node-cron, at any moment',
    (expression) => {
      expect(minutesOnly(expression)).not.toBeNull();
      expect(nodeCron().validate(expression)).toBe(true);
      expect(scheduleProblem(expression)).toBeNull();
      vi.useFakeTimers();
      for (const moment of MOMENTS) {
        vi.setSystemTime(new Date(moment));
        expect(nextCronRun(expression)?.toISOString(), moment).toBe(cronNext(expression).toISOString());
      }
    },
  );

  it('keeps firing in the hour before the clocks go back, where node-cron\'s next run skips an hour', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-10-25T00:44:00.000Z')); // 03:44 summer time; 04:00 becomes 03:00 at 01:00 UTC
    expect(cronNext('* * * * *').toISOString()).toBe('2026-10-25T01:45:00.000Z'); // node-cron: an hour later
    expect(nextCronRun('* * * * *')?.toISOString()).toBe('2026-10-25T00:45:00.000Z');
    expect(nextCronRun('*/30 * * * *')?.toISOString()).toBe('2026-10-25T01:00:00.000Z');
  });

  it('lists the minutes named', () => {
    expect([...minutesOnly('*/30 * * * *')!]).toEqual([0, 30]);
    expect([...minutesOnly('0-50/20,55 * * * *')!]).toEqual([0, 20, 40, 55]);
  });

  it.each(['60 * * * *', '5-3 * * * *', '*/0 * * * *', '5/10 * * * *', '0 6 * * *', '0 * * * * *', '@hourly', 'x * * * *', '1,,2 * * * *'])(
    '%j is left to node-cron',
    (expression) => {
      expect(minutesOnly(expression)).toBeNull();
    },
  );

  it('leaves node-cron the rest: an hour in Helsinki time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-03T02:45:00.000Z'));
    expect(nextCronRun('0 6 * * *')?.toISOString()).toBe('2026-12-03T04:00:00.000Z');
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
