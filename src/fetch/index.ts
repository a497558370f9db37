// The fetch stage's public face.
export { createFetcher, type Fetcher } from './fetcher.js';
export { defaultPolicy, DEFAULT_USER_AGENT, type FetchPolicy } from './policy.js';
export { parseRetryAfter } from './retry-after.js';
export { isPrivateAddress } from './guard.js';
export { decodeBody } from './charset.js';
