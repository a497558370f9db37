// Checking a source's cron schedule (node-cron syntax, never more often than once a minute) and its next run.
import cron from 'node-cron';

/** Every schedule is read in Helsinki time. */
export const TIMEZONE = 'Europe/Helsinki';

/** The next time a cron expression fires after now, in Helsinki time. */
export function nextCronRun(expression: string): Date | null {
  const task = cron.createTask(expression, () => undefined, { timezone: TIMEZONE });
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

/** Answers so far: most definitions share one expression, and node-cron's check is not cheap (200 sources: 0.1 s). */
const checked = new Map<string, string | null>();

/** Why a schedule cannot be used, or null when it can: an invalid expression, or one that fires more than once a minute. */
export function scheduleProblem(schedule: string): string | null {
  let problem = checked.get(schedule);
  if (problem === undefined) checked.set(schedule, (problem = checkSchedule(schedule)));
  return problem;
}

function checkSchedule(schedule: string): string | null {
  if (!cron.validate(schedule)) return `"${schedule}" is not a valid cron expression`;
  const fields = schedule.trim().split(/\s+/);
  if (NICKNAME.test(schedule.trim()) || fields.length !== 6) return null;
  const seconds = secondsOf(fields[0]);
  if (seconds.size <= 1) return null; // one fixed second: at most once a minute
  return `"${schedule}" ${howOften(seconds)}; the shortest allowed interval is one minute`;
}
