/** A release's path on the government's hosts: a language prefix (none for Finnish), /-/, a group number or none, the slug. */
const RELEASE_PATH = /^(\/[a-z]{2})?\/-\/(?:\d+\/)?([^/]+)\/?$/;

/**
 * The key by which the copies of one press release are one (see ItemRow.sameAs). The government's sites are one
 * Liferay article store served under several hosts (feeds/article-store.yaml), and a release is linked /-/<group>/<slug>
 * on another ministry's host and /-/<slug> on its own: valtioneuvosto.fi/-/1271139/<slug> is stm.fi/-/<slug>
 * (test/fixtures/release-links, real). On one of `hosts` and of that shape: its language prefix and slug
 * ("/sv/-/<slug>", never a link); else the link itself.
 */
export function releaseKey(url: string | null, hosts: readonly string[]): string | null {
  if (url === null || hosts.length === 0) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const m = hosts.includes(host) ? RELEASE_PATH.exec(parsed.pathname) : null;
  return m ? `${m[1] ?? ''}/-/${m[2]}` : url;
}
