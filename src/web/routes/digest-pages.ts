// The digest's pages: the secretariat's draft and the failed deliveries (/digest), and everyone's subscriptions.
import type express from 'express';
import type { WebDeps } from '../deps.js';
import { mountDigest } from './digest.js';
import { mountSubscriptions } from './subscriptions.js';

/** Mount /digest and /subscriptions, and following a matter from its page (before the read pages). */
export function mountDigestPages(app: express.Express, deps: WebDeps): void {
  mountDigest(app, deps);
  mountSubscriptions(app, deps);
}
