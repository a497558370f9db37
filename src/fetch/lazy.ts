// The fetch stage for a process that may never fetch: the policy is read now (a bad setting fails at start), the
// HTTP client and its connection pool only at the first request.
import type { Fetch } from '../model.js';
import type { Fetcher } from './fetcher.js';
import { defaultPolicy, type FetchPolicy } from './policy.js';

/** A Fetcher that loads and creates the real one at its first call; close() and destroy() of an unused one do nothing. */
export function lazyFetcher(overrides: Partial<FetchPolicy> = {}): Fetcher {
  const policy: FetchPolicy = { ...defaultPolicy(), ...overrides };
  let real: Promise<Fetcher> | null = null;
  const get = () => (real ??= import('./fetcher.js').then((m) => m.createFetcher(policy)));
  const fetch: Fetch = async (url, options) => (await get())(url, options);
  return Object.assign(fetch, {
    close: async () => void (real && (await (await real).close())),
    destroy: async () => void (real && (await (await real).destroy())),
  });
}
