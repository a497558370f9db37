// A size cap for sanitized item HTML: cut at a safe boundary, close what was open, say that it was cut.
import type { Lang } from '../model.js';
import { sanitizeHtml } from './sanitize.js';

/** The most sanitized HTML stored for one item, in UTF-8 bytes. */
export const CONTENT_MAX_BYTES = 200 * 1024;

/** What the reader sees where the text was cut, in the item's language. */
export const CUT_MARKER: Record<Lang, string> = {
  fi: '[… sisältö katkaistu]',
  sv: '[… innehållet avkortat]',
};

/** Block ends: the nicest places to cut. */
const BLOCK_END = /<\/(?:p|li|ul|ol|tr|table|blockquote|h2|h3|h4)>/g;

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, never splitting a character. */
function utf8Prefix(bytes: Buffer, maxBytes: number): string {
  let end = Math.max(0, maxBytes);
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end--; // bytes[end] continues a character begun before it
  return bytes.toString('utf8', 0, end);
}

/**
 * Where to cut sanitized HTML at or before its end: after the last block end in the last 5 %, else at the
 * last space outside a tag, else anywhere outside a tag or entity. In sanitized HTML "<" and ">" only delimit
 * tags and "&" only starts an entity, so these checks are exact.
 */
function safeCut(html: string): number {
  let cut = html.length;
  if (html.lastIndexOf('<') > html.lastIndexOf('>')) cut = html.lastIndexOf('<'); // inside a tag
  const amp = html.lastIndexOf('&', cut - 1);
  if (amp >= 0 && html.indexOf(';', amp) === -1) cut = amp; // inside an entity
  const tail = Math.floor(cut * 0.95);
  let block = -1;
  for (const m of html.slice(tail, cut).matchAll(BLOCK_END)) block = tail + m.index + m[0].length;
  if (block > 0) return block;
  const space = html.lastIndexOf(' ', cut - 1);
  if (space > tail && html.lastIndexOf('<', space) <= html.lastIndexOf('>', space)) return space;
  return cut;
}

/**
 * Cap sanitized HTML at `maxBytes`: cut at a safe boundary, sanitize again to close the tags left open, and end
 * with a marker paragraph. Returns null when the HTML fits as it is.
 */
export function capHtml(html: string, lang: Lang, maxBytes = CONTENT_MAX_BYTES): { html: string; fromBytes: number } | null {
  // Each UTF-16 unit takes at most 3 UTF-8 bytes: most items need no counting at all.
  if (html.length * 3 <= maxBytes || Buffer.byteLength(html) <= maxBytes) return null;
  const bytes = Buffer.from(html, 'utf8');
  const marker = `<p>${CUT_MARKER[lang]}</p>`;
  let budget = maxBytes - Buffer.byteLength(marker);
  for (;;) {
    const prefix = utf8Prefix(bytes, budget);
    const capped = `${sanitizeHtml(prefix.slice(0, safeCut(prefix)))}${marker}`;
    const over = Buffer.byteLength(capped) - maxBytes;
    // The closing tags sanitizing added may overshoot (deeply nested markup): cut that much more and retry.
    if (over <= 0) return { html: capped, fromBytes: bytes.length };
    budget -= over;
  }
}
