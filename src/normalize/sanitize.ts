// The allowlist for item HTML; applied last, after every other step has read the raw content.
import { createRequire } from 'node:module';
import type sanitize from 'sanitize-html';
import { resolveUrl } from './url.js';

let parser: typeof sanitize | null = null;
/**
 * sanitize-html (with htmlparser2 and postcss behind it), loaded the first time some HTML needs it: plain paragraphs
 * and simple markup, most of what feeds carry, never do (its loading was 41–47 ms of each crawl that stored items).
 */
export const sanitizeParser = (): typeof sanitize => (parser ??= createRequire(import.meta.url)('sanitize-html') as typeof sanitize);

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

const SIMPLE_TAGS = new Set(['p', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'blockquote', 'h2', 'h3', 'h4']);

/** An attribute-free tag: one "<" and one ">", no '"'. */
const PLAIN_TAG = /<(\/?)([a-z0-9]+)>/gi;

/** True for text that is already safe: only balanced attribute-free allowlisted tags and well-formed entities. */
function alreadyClean(html: string): boolean {
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]|&(?![a-z]+;|#\d+;|#x[0-9a-f]+;)/i.test(html)) return false;
  // Every "<", ">" and '"' must be part of an allowed tag: counted rather than the tags cut out of a copy of the text.
  let marks = 0;
  for (let k = 0; k < html.length; k++) {
    const c = html.charCodeAt(k);
    if (c === 60 || c === 62 || c === 34) marks++;
  }
  const open: string[] = [];
  PLAIN_TAG.lastIndex = 0;
  for (let m = PLAIN_TAG.exec(html); m; m = PLAIN_TAG.exec(html)) {
    const tag = m[2].toLowerCase();
    if (!SIMPLE_TAGS.has(tag)) return false;
    if (!m[1]) open.push(tag);
    else if (open.pop() !== tag) return false;
    marks -= 2;
  }
  return open.length === 0 && marks === 0;
}

/** Sanitize item HTML to the allowlist; links become absolute against `base`, http(s)/mailto only, rel="noopener nofollow". */
export function sanitizeHtml(html: string | null | undefined, base?: string | null): string {
  if (!html) return '';
  // Most feed HTML is plain paragraphs; skipping the full parser for it keeps the pipeline fast.
  if (alreadyClean(html)) return html.trim();
  return sanitizeParser()(html, {
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
