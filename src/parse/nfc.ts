// NFC without the cost when it cannot change anything: most feed text is Latin-1 with common punctuation.

/**
 * Characters outside U+0000–U+02FF, General Punctuation (less the U+2000/U+2001 singletons, the
 * spaces and the bidi controls) and "€". Every character inside those ranges is NFC-stable, is no
 * combining mark and composes with nothing in the ranges, so a string of them alone is already NFC.
 * (Checked exhaustively, every pair of such characters, against String.prototype.normalize.)
 */
// eslint-disable-next-line no-control-regex
const MAY_CHANGE = /[^\u0000-\u02ff\u2010-\u2027\u2030-\u205e\u20ac]/;

/** `text.normalize('NFC')`, skipping ICU for text that is already NFC by construction (see MAY_CHANGE). */
export function nfc(text: string): string {
  return MAY_CHANGE.test(text) ? text.normalize('NFC') : text;
}

/**
 * Invisible format characters that sit inside words, as a character-class body: the soft hyphen, the Arabic letter
 * mark, the zero-width space, the left-to-right and right-to-left marks, the bidi embeddings and overrides, the word
 * joiner, the bidi isolates and the zero-width no-break space. Text clean-up drops them; comparing stored texts ignores them.
 */
export const INVISIBLE_IN_WORDS = '\\u00AD\\u061C\\u200B\\u200E\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF';
