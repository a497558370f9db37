// Checking a source's cron schedule (node-cron syntax, never more often than once a minute) and its next run.
import { createRequire } from 'node:module';
import type * as NodeCron from 'node-cron';

/** Every schedule is read in Helsinki time. */
export const TIMEZONE = 'Europe/Helsinki';

let loaded: typeof NodeCron | undefined;
/**
 * node-cron, loaded when first needed: a crawl whose sources all run on minute-only schedules (the default among
 * them) never needs it, nor the time-zone formatter its first next run builds (together some 30 ms of a short crawl).
 */
export function nodeCron(): typeof NodeCron {
  return (loaded ??= createRequire(import.meta.url)('node-cron') as typeof NodeCron);
}

/** One `a`, `a-b`, `*`, each with an optional `/step`, of a minute field. */
const MINUTE_PART = /^(?:(\*)|(\d{1,2})(?:-(\d{1,2}))?)(?:\/(\d{1,2}))?$/;

/**
 * The minutes of a five-field expression that names only minutes (`*\/30 * * * *`, `5,35 * * * *`, `0-50/10 * * * *`),
 * or null for any other expression (node-cron decides those). Such a schedule fires at the same minutes in every
 * time zone whose offset is whole hours, as Helsinki's is, so neither node-cron nor a time zone is needed.
 */
export function minutesOnly(expression: string): Set<number> | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5 || fields.slice(1).some((f) => f !== '*')) return null;
  const minutes = new Set<number>();
  for (const part of fields[0].split(',')) {
    const m = MINUTE_PART.exec(part);
    if (!m) return null;
    const step = m[4] === undefined ? 1 : Number(m[4]);
    // A single value with a step (`5/10`) means different things to different cron dialects: node-cron decides.
    if (step < 1 || step > 59 || (m[4] !== undefined && m[2] !== undefined && m[3] === undefined)) return null;
    const first = m[1] ? 0 : Number(m[2]);
    const last = m[1] ? 59 : m[3] === undefined ? first : Number(m[3]);
    if (first > 59 || last > 59 || first > last) return null;
    for (let minute = first; minute <= last; minute += step) minutes.add(minute);
  }
  return minutes;
}

/**
 * The time zone node-cron fires `expression` in: UTC for one that names only minutes (the same instants as Helsinki's,
 * see minutesOnly), Helsinki for the rest. In Helsinki time node-cron lets the hour before the clocks go back pass
 * without firing (a source on `*\/30 * * * *` went 90 minutes unchecked each October).
 */
export function cronTimezone(expression: string): string {
  return minutesOnly(expression) ? 'UTC' : TIMEZONE;
}

/** The next whole minute after `now` that is one of `minutes`. */
function nextMinuteOf(minutes: Set<number>, now: number): Date {
  const next = new Date(Math.floor(now / 60_000) * 60_000 + 60_000);
  while (!minutes.has(next.getUTCMinutes())) next.setTime(next.getTime() + 60_000);
  return next;
}

/** The next time a cron expression fires after now, in Helsinki time. */
export function nextCronRun(expression: string): Date | null {
  const minutes = minutesOnly(expression);
  if (minutes) return nextMinuteOf(minutes, Date.now());
  const task = nodeCron().createTask(expression, () => undefined, { timezone: TIMEZONE });
  try {
    return task.getNextRuns(1)[0] ?? null;
  } finally {
    void task.destroy();
  }
}

/** node-cron's nicknames; none has a seconds field. */
const NICKNAME = /^@(yearly|annually|monthly|weekly|daily|midnight|hourly)$/i;

/**
 * The seconds a six-field expression's first field names (node-cron reads a sixth leading field as seconds),
 * expanded as node-cron does: lists, `*`, ranges (wrapping past 59) and steps.
 */
function secondsOf(field: string): Set<number> {
  const seconds = new Set<number>();
  for (const raw of field.split(',')) {
    const token = raw.trim().replace('*', '0-59');
    const range = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(token);
    if (!range) {
      seconds.add(Number(token)); // a single value (cron.validate has checked it)
      continue;
    }
    const [first, last, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
    const span = (((last - first) % 60) + 60) % 60;
    for (let offset = 0; offset <= span; offset += Math.max(1, step)) seconds.add((first + offset) % 60);
  }
  return seconds;
}

/** How often a set of seconds fires within a minute, in words ("every second", "as often as every 15 seconds"). */
function howOften(seconds: Set<number>): string {
  const sorted = [...seconds].sort((a, b) => a - b);
  const gap = Math.min(...sorted.map((s, i) => (i === 0 ? 60 - sorted.at(-1)! + s : s - sorted[i - 1])));
  if (gap === 1) return 'fires every second';
  const even = sorted.every((s, i) => i === 0 || s - sorted[i - 1] === gap) && 60 - sorted.at(-1)! + sorted[0] === gap;
  return even ? `fires every ${gap} seconds` : `fires ${sorted.length} times a minute (as often as every ${gap} seconds)`;
}

/**
 * The fields of a five-field expression (a sixth before them is seconds), each with the largest step that is not
 * beyond its range: a wider step (`*\/61` minutes, `*\/25` hours) leaves only the range's first value, so node-cron
 * fired `*\/61 * * * *` at :00 every hour.
 */
const FIELDS: { name: string; maxStep: number }[] = [
  { name: 'minute', maxStep: 59 },
  { name: 'hour', maxStep: 23 },
  { name: 'day-of-month', maxStep: 30 },
  { name: 'month', maxStep: 11 },
  { name: 'day-of-week', maxStep: 6 },
];
const SECOND = { name: 'second', maxStep: 59 };

/** Why a step in the expression (`/N`) is out of its field's range (0, or wider than the field), or null. */
function stepProblem(schedule: string): string | null {
  const fields = schedule.trim().split(/\s+/);
  const named = fields.length === 6 ? [SECOND, ...FIELDS] : fields.length === 5 ? FIELDS : [];
  for (const [i, { name, maxStep }] of named.entries()) {
    for (const part of fields[i].split(',')) {
      const step = /\/(\d+)$/.exec(part)?.[1];
      if (step !== undefined && (Number(step) < 1 || Number(step) > maxStep))
        return `"${schedule}": step /${step} in the ${name} field is out of range; steps there are from 1 to ${maxStep}`;
    }
  }
  return null;
}

/** Answers so far: most definitions share one expression, and node-cron's check is not cheap (200 sources: 0.1 s). */
const checked = new Map<string, string | null>();

/**
 * Why a schedule cannot be used, or null when it can: an invalid expression, a step out of its field's range, or one
 * that fires more than once a minute.
 */
export function scheduleProblem(schedule: string): string | null {
  let problem = checked.get(schedule);
  if (problem === undefined) checked.set(schedule, (problem = checkSchedule(schedule)));
  return problem;
}

function checkSchedule(schedule: string): string | null {
  const stepError = stepProblem(schedule);
  if (stepError) return stepError;
  if (minutesOnly(schedule)) return null; // valid, and at most once a minute
  if (!nodeCron().validate(schedule)) return `"${schedule}" is not a valid cron expression`;
  const fields = schedule.trim().split(/\s+/);
  if (NICKNAME.test(schedule.trim()) || fields.length !== 6) return null;
  const seconds = secondsOf(fields[0]);
  if (seconds.size <= 1) return null; // one fixed second: at most once a minute
  return `"${schedule}" ${howOften(seconds)}; the shortest allowed interval is one minute`;
}
