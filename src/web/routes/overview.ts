// The overview (/): what needs a joint response and by when, this week's arrivals per goal, matters that moved,
// the sources' health in one line, and the newest items.
import type { RequestHandler } from 'express';
import type { Lang } from '../../model.js';
import { addDays, helsinkiDate } from '../../parse/dates.js';
import { countWeeklyArrivals, jointDeadlineCounter, listItemPage, listJointDeadlines, listMovedMatters, listSourceStates, untilChanged, type WeekCounts } from '../../store/index.js';
import type { PageContext } from './context.js';
import { escapeHtml, rowView } from './present.js';
import { stageName } from '../../present/stage-names.js';
import { word } from '../../present/words-web.js';
import { pageLang } from './form-helpers.js';
import { emptyCaveat, healthLine, sourceHealth } from './source-health.js';
import { barChart, dayStartInstant, weekMondays } from './week-chart.js';
import { viewer } from './viewer.js';
import { bodyKey, keptBodies, requestVersion } from '../kept-bodies.js';
import { wholeNumber } from '../../app/format.js';

const WEEKS = 8;
// A glance: the nearest ten of each bucket, the rest counted (the board lists them all, a page at a time).
const BUCKET_ROWS = 10;
const DAY = 86_400_000;

/**
 * How long the weekly counts are reused at most: they are counted again at once when anything is stored or a new week
 * begins, and after this long in any case.
 */
const WEEKS_TTL_MS = 60_000;
// The overview's tables show no identifiers and no summaries: they are not read.
const NO_IDS = { identifiers: false, summaries: false };
const AVERAGE = new Intl.NumberFormat('fi-FI', { maximumFractionDigits: 1 });

export function overviewPage(ctx: PageContext): RequestHandler {
  const { db } = ctx.deps;
  let cached: { key: string; at: number; weeks: WeekCounts[] } | undefined;
  // Counted to the end of this week (Sunday in Helsinki), as the list the counts link to reads: an item dated later
  // this week is in both, one dated in a later week (a meeting's agenda item dated by its meeting) in neither.
  const weeklyCounts = (starts: string[], end: string, now: Date, version: string): WeekCounts[] => {
    const key = `${starts.join()} ${end} ${version}`;
    if (!cached || cached.key !== key || now.getTime() - cached.at > WEEKS_TTL_MS)
      cached = { key, at: now.getTime(), weeks: countWeeklyArrivals(db, starts, end) };
    return cached.weeks;
  };
  const countJoint = jointDeadlineCounter(db);
  // The sources' states change only when a run is stored.
  const sourceStates = untilChanged(db, () => {
    const health = sourceHealth(ctx.deps.sources, listSourceStates(db));
    const lines = { fi: healthLine(health, ctx.deps.configErrors.length, 'fi'), sv: healthLine(health, ctx.deps.configErrors.length, 'sv') };
    return { health, lines, failing: health.filter((s) => s.health === 'failing') };
  });
  // The page's body changes only with the data, the day and the clock's minute (the weekly counts and the moved
  // matters' fortnight are reckoned from now): kept per data version for that minute.
  const bodies = keptBodies(db);
  return (_req, res) => {
    const lang: Lang = pageLang(res.locals);
    const now = ctx.now();
    const today = helsinkiDate(now);
    bodies.render(res, 'pages/overview', bodyKey(res, today, String(Math.floor(now.getTime() / WEEKS_TTL_MS))),
      { title: word(lang, 'overview.title'), ...viewer(res) }, () => overviewModel(lang, now, today, requestVersion(res, db)));
  };

  function overviewModel(lang: Lang, now: Date, today: string, version: string) {
    const w = (key: string) => word(lang, key);
    const rows = ctx.rows(lang);
    const mondays = weekMondays(today, WEEKS);
    const thisMonday = mondays[WEEKS - 1];
    const sunday = addDays(thisMonday, 6);

    // A bucket shows its nearest deadlines and says how many more there are.
    const joint = (from: string, to: string) => {
      const shown = listJointDeadlines(db, from, to, BUCKET_ROWS, undefined, NO_IDS).map((r) => rowView(r, rows));
      const total = shown.length < BUCKET_ROWS ? shown.length : countJoint(from, to);
      return { rows: shown, more: total - shown.length, length: shown.length };
    };
    const overdue = joint(addDays(today, -14), addDays(today, -1));
    const thisWeek = joint(today, sunday);
    const nextWeeks = joint(addDays(sunday, 1), addDays(sunday, 21));

    const { health, lines, failing } = sourceStates();
    const line = lines[lang];
    const open = overdue.length + thisWeek.length + nextWeeks.length;
    // Nothing open is only said when the sources could be read: a failing source may hold what is missing.
    const caveat = emptyCaveat(health, line);
    const nothingOpen = open > 0 ? null : w(caveat ?? 'overview.nothingOpen');

    const weeks = weeklyCounts(mondays.map(dayStartInstant), dayStartInstant(addDays(sunday, 1)), now, version);
    const goals = Object.keys(ctx.deps.goalLabels);
    const series = [
      ...goals.map((g) => ({ label: ctx.goalLabel(g, lang), values: weeks.map((w) => w.goals[g] ?? 0), goal: g as string | null })),
      { label: w('overview.all'), values: weeks.map((w) => w.total), goal: null },
    ].map((s) => {
      const earlier = s.values.slice(0, -1);
      const average = earlier.reduce((a, b) => a + b, 0) / Math.max(1, earlier.length);
      const nowCount = s.values[s.values.length - 1];
      return {
        label: s.label,
        href: `/items?from=${thisMonday}&to=${sunday}${s.goal ? `&goal=${encodeURIComponent(s.goal)}` : ''}`,
        thisWeek: wholeNumber(nowCount),
        average: AVERAGE.format(average),
        trend: w(nowCount > average * 1.25 + 0.5 ? 'trend.more' : nowCount < average * 0.75 - 0.5 ? 'trend.fewer' : 'trend.usual'),
        chartHtml: barChart(s.values),
        weekly: s.values.map(wholeNumber).join(', '),
      };
    });

    const moved = listMovedMatters(db, new Date(now.getTime() - 14 * DAY).toISOString()).map((m) => ({
      ...m, titleHtml: escapeHtml(m.title), stage: stageName(m.stage, lang), lang: m.language && m.language !== lang ? m.language : null,
    }));
    const newest = listItemPage(db, {}, { limit: 10, ...NO_IDS }, version).items.map((r) => rowView(r, rows));

    return {
      overdue, thisWeek, nextWeeks, nothingOpen,
      health: line, failing, configErrors: ctx.deps.configErrors,
      series, firstWeek: mondays[0], thisMonday, moved, newest,
      // No source read: that no matter moved is not known, and an empty store is not "to be read after the start"
      // when every source was tried and failed.
      movedUnknown: caveat === 'overview.noSources',
      allFailing: caveat === 'overview.noSources' && failing.length > 0,
      // Whether this server reads the sources itself (the empty page's promise).
      scheduled: ctx.deps.crawlNow !== undefined,
    };
  }
}
