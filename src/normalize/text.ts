// HTML or text from a source → one line of clean plain text.
import sanitize from 'sanitize-html';

/** Block-level tags whose boundaries separate words: "<p>a</p><p>b</p>" is "a b", not "ab". */
const BLOCK = /<(\/?(?:p|div|br|li|ul|ol|h[1-6]|tr|td|th|table|blockquote|section|article|header|footer|dd|dt|hr)\b)/gi;
const ESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
// C0/C1 controls (not tab/newline, which become spaces), and the Unicode non-characters U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
const SPACE = /[\s\u00A0\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]+/g;

// Markup of attribute-free tags and basic entities only (most feed descriptions): stripped without a parser.
const NOT_SIMPLE = /<(?!\/?[a-z][a-z0-9]{0,9}\s*\/?>)|&(?!(?:amp|lt|gt|quot|#39|#\d{1,6}|#x[0-9a-f]{1,5});)/i;
const NOT_TEXT = /<\/?(?:script|style|template|noscript|iframe|object|textarea|title)\b/i;

/** Strip simple markup: tags go (block tags leave a space), the five escapes and numeric references are decoded. */
function stripSimple(html: string): string {
  return html
    .replace(BLOCK, ' <$1')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|#\d+|#x[0-9a-f]+);/gi, (_, name: string) => {
      if (name[0] !== '#') return ESCAPES[name.toLowerCase()] ?? '';
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
}

/** Strip tags once: scripts and styles go with their content, entities are decoded. */
function stripOnce(html: string): string {
  if (!/[<&]/.test(html)) return html; // plain text: nothing to strip or decode
  return NOT_SIMPLE.test(html) || NOT_TEXT.test(html) ? stripParsed(html) : stripSimple(html);
}

/** Strip with a real HTML parser: scripts and styles go with their content, entities are decoded. */
function stripParsed(html: string): string {
  const text = sanitize(html.replace(BLOCK, ' <$1'), { allowedTags: [], allowedAttributes: {} });
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
  if (/<[a-z!/?]/i.test(text)) text = stripOnce(text);
  text = text.normalize('NFC').replace(CONTROL, '').replace(SPACE, ' ').trim();
  return truncate(text, maxLength);
}
