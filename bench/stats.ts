// What the benches print beside their figures: medians of interleaved runs and the machine's load.
import os from 'node:os';

/** The median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** The 1, 5 and 15 minute load averages, as the figures' context on a shared machine. */
export const loadAverage = (): string => os.loadavg().map((x) => x.toFixed(2)).join(' ');
