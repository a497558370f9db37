// Which URLs the WHATWG URL parser would give back unchanged: most feed links are, and parsing them costs more
// than the rest of their item's clean-up of the link.

/**
 * An http(s) URL already in the form `new URL(s).href` gives, with no query or fragment: a lower-case scheme and
 * host name (labels of a-z, 0-9 and "-", the last starting with a letter, so never an IPv4 address that URL would
 * rewrite, and no "xn--" label it would check), no port or user, and a path of characters URL leaves as they are
 * (well-formed %XX escapes only), no segment starting with "." or "%2e" (which URL would resolve) and no "\".
 * test/parse/canonical-url.test.ts checks it against URL on many generated URLs.
 */
const CANONICAL_HTTP =
  /^https?:\/\/(?!xn--)[a-z0-9-]+(?:\.(?!xn--)[a-z0-9-]+)*(?<=(?:^|[./])[a-z][a-z0-9-]*)(?:\/(?!\.|%2[eE])(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)+$/;

/** True when `new URL(url).href === url` is certain without parsing, and the URL has no query or fragment. */
export const isCanonicalHttp = (url: string): boolean => CANONICAL_HTTP.test(url);
