// The allowlist for item HTML; applied last, after every other step has read the raw content.
import sanitize from 'sanitize-html';
import { resolveUrl } from './url.js';

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

const OPTIONS: sanitize.IOptions = {
  allowedTags: [
    'p', 'br', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'b', 'i', 'blockquote', 'h2', 'h3', 'h4',
    'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: { a: ['href', 'rel'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
};

/** Sanitize item HTML to the allowlist; links become absolute against `base`, http(s)/mailto only, rel="noopener nofollow". */
export function sanitizeHtml(html: string | null | undefined, base?: string | null): string {
  if (!html) return '';
  return sanitize(html, {
    ...OPTIONS,
    transformTags: {
      a: (tagName, attribs) => {
        const url = resolveUrl(attribs.href, base, LINK_SCHEMES);
        const attrs: sanitize.Attributes = { rel: 'noopener nofollow' };
        if (url) attrs.href = url.toString();
        return { tagName, attribs: attrs };
      },
    },
  }).trim();
}
