// Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date.

/** Milliseconds to wait from `now`, or null when the header is missing or unreadable; a past date gives 0. */
export function parseRetryAfter(value: string | null | undefined, now: Date | number = Date.now()): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  if (!/[a-z]/i.test(text)) return null; // "-5", "1.5": neither seconds nor a date
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - (typeof now === 'number' ? now : now.getTime()));
}
