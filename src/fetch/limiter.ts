// Per-host politeness: at most N requests in flight to one host, the rest wait in order.

/** A release function; call it exactly once when the request is finished. */
export type Release = () => void;

/** A set of per-key semaphores (the limit the same for every key, or by key); keys with nothing running or waiting are forgotten. */
export function createLimiter(limitOf: number | ((key: string) => number)) {
  const limit = typeof limitOf === 'number' ? () => limitOf : limitOf;
  const hosts = new Map<string, { active: number; waiting: (() => void)[] }>();

  function release(key: string): void {
    const h = hosts.get(key);
    if (!h) return;
    const next = h.waiting.shift();
    if (next) return next(); // hand the slot straight to the next in line
    h.active -= 1;
    if (h.active === 0) hosts.delete(key);
  }

  /** Wait for a slot for `key` (a host name). */
  async function acquire(key: string): Promise<Release> {
    let h = hosts.get(key);
    if (!h) hosts.set(key, (h = { active: 0, waiting: [] }));
    if (h.active < limit(key)) h.active += 1;
    else await new Promise<void>((resolve) => h!.waiting.push(resolve));
    let done = false;
    return () => {
      if (!done) (done = true), release(key);
    };
  }

  /** Requests in flight for a key (for tests and logs). */
  const active = (key: string): number => hosts.get(key)?.active ?? 0;

  return { acquire, active };
}
