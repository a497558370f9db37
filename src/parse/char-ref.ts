// Numeric character references ("&#233;", "&#xE9;"): the one reading the XML scanner (xml-tree.ts) and the HTML
// clean-up's fast path (normalize/text.ts) share. Each then adds its own parser's rules, or hands the text to it.

/**
 * The code point a numeric reference's digits name (decimal, or hex with `hex`), or undefined when they name no
 * Unicode scalar value: 0, a surrogate or past U+10FFFF. (Digits too many to read exactly, which sax refuses, name a
 * number far past U+10FFFF; leading zeros are read as sax reads them.)
 */
export function referencedCodePoint(digits: string, hex: boolean): number | undefined {
  const code = hex ? parseInt(digits, 16) : Number(digits);
  return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : undefined;
}
