// Control characters shown rather than obeyed: stored text (a source's title, a path from the configuration) printed
// on a terminal, a line of stderr or an e-mail. Shared by every stage (the stderr line's shape, src/stderr-line.ts);
// the checks of what people type are src/app/control-chars.ts.

/** A control character as its JSON escape, `\uXXXX`. */
const escaped = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Every control character a terminal would obey, but the line feed and the tab that lay out what is printed. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text for a terminal with each control character shown as `\uXXXX` (as the web's quoted values show them) rather
 * than obeyed: stored text from before the input checks, or a source's, printed raw cleared a screen or reversed a
 * line. Inside a JSON string the same six characters are the escape of the same character, so JSON stays JSON.
 */
export const shownControls = (text: string): string => text.replace(OBEYED, escaped);

/** Every control character, the line feed and the tab too, and the Unicode line and paragraph separators. */
const ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text for one line of a terminal or log, each control character shown as shownControls shows it and its line feeds
 * and tabs too: a path written into a note (`--feeds`, a certificate file) began a line of its own with its line feed.
 */
export const shownOnOneLine = (text: string): string => text.replace(ALL, escaped);
