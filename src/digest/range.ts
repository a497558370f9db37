// What a digest built now covers: from a watermark (or the cap on how far back it reaches) to what is stored now.
import type { DigestRange } from '../store/digests.js';
import type { Watermark } from '../store/subscriptions.js';

export interface Period extends DigestRange {
  periodStart: string;
  periodEnd: string;
}

const DAY_MS = 86_400_000;

/**
 * The range after `covered` up to `high` (the highest numbers stored now), reaching back at most `maxDays` before
 * `now`: a first digest, or one after a long pause, starts at the cap instead of at the beginning of time.
 */
export function periodAfter(covered: Watermark | null, high: { itemId: number; eventId: number }, now: Date, maxDays: number): Period {
  const reachBack = new Date(now.getTime() - maxDays * DAY_MS).toISOString();
  const periodStart = covered && covered.at > reachBack ? covered.at : reachBack;
  return {
    fromItemId: Math.min(covered?.itemId ?? 0, high.itemId), fromEventId: Math.min(covered?.eventId ?? 0, high.eventId),
    toItemId: high.itemId, toEventId: high.eventId, coveredAt: periodStart, reachBack,
    periodStart, periodEnd: now.toISOString(),
  };
}

/** The widest of several periods: loaded once, then sliced per subscriber (see sliceData). */
export function widest(periods: Period[]): Period | null {
  if (!periods.length) return null;
  return periods.reduce((a, b) => ({
    ...a,
    fromItemId: Math.min(a.fromItemId, b.fromItemId), fromEventId: Math.min(a.fromEventId, b.fromEventId),
    coveredAt: a.coveredAt < b.coveredAt ? a.coveredAt : b.coveredAt, reachBack: a.reachBack < b.reachBack ? a.reachBack : b.reachBack,
    periodStart: a.periodStart < b.periodStart ? a.periodStart : b.periodStart,
  }));
}
