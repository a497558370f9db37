// HTML or text from a source → one line of clean plain text.
import { referencedCodePoint } from '../parse/char-ref.js';
import { INVISIBLE_IN_WORDS, nfc } from '../parse/nfc.js';
import { sanitizeParser } from './sanitize.js';

/** Block-level tags whose boundaries separate words: "<p>a</p><p>b</p>" is "a b", not "ab". */
const BLOCK = /<(\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|dd|dt|hr)\b)/gi;
// The HTML parser knows these four names in lower case and in upper case, not mixed ("&Amp;" is no entity there).
const ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", AMP: '&', LT: '<', GT: '>', QUOT: '"' };
// C0/C1 controls (not tab/newline, which become spaces), and the Unicode non-characters U+FFFE/U+FFFF. Also
// invisible format characters that sit inside words: the soft hyphen, the zero-width space (a line-break hint that
// content systems put inside long compounds), the word joiner and the zero-width no-break space U+FEFF (which would
// each split a word for search and the tagger), and the bidi marks, embeddings, overrides and isolates (an unclosed
// override turns the rest of a title, or of the page around it, right to left). Finnish and Swedish text needs none.
// eslint-disable-next-line no-control-regex
const CONTROL = new RegExp(`[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F${INVISIBLE_IN_WORDS}\\uFFFE\\uFFFF]`, 'g');
// Runs of white space (\s covers U+00A0, U+2000–U+200A, U+2028/9, U+202F, U+205F and U+3000) become one space.
// A lone plain space is not matched, so ordinary text is not copied.
const SPACE = /\s{2,}|[^\S ]/g;

/** The tags BLOCK names, for the one-pass stripper. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table',
  'blockquote', 'section', 'article', 'header', 'footer', 'dd', 'dt', 'hr',
]);
/** Tags whose content is not text: only the real parser drops it. */
const NOT_TEXT_TAGS = new Set(['script', 'style', 'template', 'noscript', 'iframe', 'object', 'textarea', 'title']);
/**
 * Simple markup (most feed descriptions): an attribute-free tag, or one of the basic entities. Any other "<"
 * or "&" matches the last alternative and sends the text to the real parser.
 */
const SIMPLE_MARKUP = /<\/?([a-z][a-z0-9]{0,9})\s*\/?>|&(amp|lt|gt|quot|#39|#\d{1,6}|#x[0-9a-f]{1,5});|[<&]/gi;

/**
 * Decode one entity name SIMPLE_MARKUP matched ("amp", "#39", "#x2013"), or undefined for one the HTML parser reads
 * otherwise: a name in mixed case ("&Amp;" is no entity there; "&AMP;" is), a numeric reference naming no character
 * (0, a surrogate: U+FFFD there) or U+0080–U+009F (windows-1252's characters there: "&#150;" is an en dash).
 */
function decodeEntity(name: string): string | undefined {
  if (name[0] !== '#') return ESCAPES[name];
  const hex = name[1] === 'x' || name[1] === 'X';
  const code = referencedCodePoint(name.slice(hex ? 2 : 1), hex);
  return code === undefined || (code >= 0x80 && code <= 0x9f) ? undefined : String.fromCodePoint(code);
}

/** Strip tags once: scripts and styles go with their content, entities are decoded. */
function stripOnce(html: string): string {
  // Plain text: nothing to strip or decode (two includes scan faster than /[<&]/).
  if (!html.includes('<') && !html.includes('&')) return html;
  // One pass over simple markup: tags go (block tags leave a space), entities are decoded. Decoded text is
  // not rescanned, so "&amp;lt;" gives "&lt;" as the real parser would. Anything else needs the parser.
  let simple = true;
  const text = html.replace(SIMPLE_MARKUP, (match, tag: string | undefined, entity: string | undefined) => {
    if (tag !== undefined) {
      const name = tag.toLowerCase();
      if (NOT_TEXT_TAGS.has(name)) simple = false;
      return BLOCK_TAGS.has(name) ? ' ' : '';
    }
    if (entity !== undefined) {
      const decoded = decodeEntity(entity);
      if (decoded !== undefined) return decoded;
    }
    simple = false;
    return match;
  });
  return simple ? text : stripParsed(html);
}

/** Strip with a real HTML parser: scripts and styles go with their content, entities are decoded. */
function stripParsed(html: string): string {
  const text = sanitizeParser()(html.replace(BLOCK, ' <$1'), { allowedTags: [], allowedAttributes: {} });
  // sanitize-html re-escapes only these; decode in one pass so "&amp;lt;" stays "&lt;".
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ESCAPES[name]);
}

/** Cut at a word boundary near `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Plain text from HTML or text: tags stripped, entities decoded, NFC, no controls, whitespace collapsed, capped. */
export function cleanText(value: string | null | undefined, maxLength = Infinity): string {
  if (!value) return '';
  let text = stripOnce(value);
  // Doubly escaped markup ("&lt;script&gt;") decodes to tags on the first pass; strip those too.
  // (Text the first pass left as it was would come through a second pass unchanged too.)
  if (text !== value && /<[a-z!/?]/i.test(text)) text = stripOnce(text);
  text = nfc(text).replace(CONTROL, '').replace(SPACE, ' ').trim();
  return truncate(text, maxLength);
}
