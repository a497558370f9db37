// URLs from sources → absolute, http(s) only, canonical.
import { isCanonicalHttp } from '../parse/canonical-url.js';

const SAFE_SCHEMES = new Set(['http:', 'https:']);
/** Tracking parameters that never identify a document. */
const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid)$/i;
const ABSOLUTE_HTTP = /^https?:\/\//i;

/** The decoded name of one "name=value" query pair. */
function decodeName(pair: string): string {
  const name = pair.split('=')[0];
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** Resolve `href` against `base` and keep it only if its scheme is allowed; the URL is otherwise untouched. */
export function resolveUrl(href: string | null | undefined, base?: string | null, schemes = SAFE_SCHEMES): URL | null {
  // Browsers ignore tabs, newlines and leading controls inside URLs ("java\tscript:"); so must we.
  // eslint-disable-next-line no-control-regex
  const cleaned = (href ?? '').trim().replace(/[\u0000-\u0020\u007F]+/g, (s) => (/^ +$/.test(s) ? '%20' : ''));
  if (!cleaned) return null;
  let url: URL;
  try {
    // An http(s) href with "//" resolves the same against any base: skip parsing the base (most hrefs).
    url = base && !ABSOLUTE_HTTP.test(cleaned) ? new URL(cleaned, base) : new URL(cleaned);
  } catch {
    try {
      url = new URL(cleaned); // an invalid base must not lose an absolute href
    } catch {
      return null;
    }
  }
  return schemes.has(url.protocol) ? url : null;
}

/** An absolute, canonical http(s) URL (no fragment, no utm_* parameters, lower-case host), or null. */
export function absoluteUrl(href: string | null | undefined, base?: string | null): string | null {
  // Most links are canonical already, with nothing to take off: URL would give them back as they are.
  if (href && isCanonicalHttp(href)) return href;
  const url = resolveUrl(href, base);
  if (!url) return null;
  // Every setter re-parses the URL, so each is called only when it changes something. An unencoded "#"
  // only ever starts the fragment, and "?" the query once the fragment is gone (even an empty "?" goes).
  if (url.href.includes('#')) url.hash = '';
  if (url.href.includes('?')) {
    // Filter the raw pairs rather than re-serializing searchParams, so other parameters keep their encoding.
    const kept = url.search.slice(1).split('&').filter((pair) => pair && !TRACKING.test(decodeName(pair)));
    url.search = kept.length ? `?${kept.join('&')}` : '';
  }
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1); // URL already lower-cases the host
  return url.toString();
}
