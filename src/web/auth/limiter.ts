// Password guessing limits (sign-in per address and per account, the current password on the own-password form):
// attempts counted in a fixed window before their slow check (scrypt), so guesses sent at once see each other, and
// taken back when they succeed; in this process's memory (one server process; a restart forgets them, which
// the scrypt cost and the short window make acceptable).

export interface Limit {
  /** Failures allowed within the window. */
  failures: number;
  windowMs: number;
}

export class FailureLimiter {
  private readonly seen = new Map<string, { count: number; until: number }>();
  constructor(private readonly limit: Limit, private readonly now: () => number = Date.now) {}

  /** Milliseconds until `key` may try again, or 0 when it may now. */
  wait(key: string): number {
    const e = this.seen.get(key);
    if (!e) return 0;
    const left = e.until - this.now();
    if (left <= 0) return (this.seen.delete(key), 0);
    return e.count >= this.limit.failures ? left : 0;
  }

  fail(key: string): void {
    const now = this.now();
    const e = this.seen.get(key);
    if (!e || e.until <= now) this.seen.set(key, { count: 1, until: now + this.limit.windowMs });
    else e.count++;
    // Bounded memory: an attacker rotating keys cannot grow the map without limit.
    if (this.seen.size > 50_000) for (const [k, v] of this.seen) if (v.until <= now) this.seen.delete(k);
  }

  reset(key: string): void {
    this.seen.delete(key);
  }

  /** Take back one counted attempt that succeeded (people signing in from one shared address are no guesser). */
  forgive(key: string): void {
    const e = this.seen.get(key);
    if (e && e.count > 0) e.count--;
  }
}

/** A wait in whole minutes for people (at least 1): "Yritä uudelleen N minuutin kuluttua." */
export const waitMinutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
