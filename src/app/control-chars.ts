// Control characters in what people type (a script's variable, a pasted escape, a crafted form): no stored text holds
// one, and stored they broke one-line listings and reached terminals and e-mails as they were.

/** A C0 or C1 control character, DEL, or a bidirectional override or isolate (they reorder what follows them). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** The same but line feeds and tabs, which a text area types (a note, an introduction; its CR LF read as LF first). */
const CONTROL_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** The first control character in `value` (its code as four hex digits, its place counted from 1), or null. */
export function controlCharacter(value: string, { lines = false } = {}): { code: string; at: number } | null {
  const c = (lines ? CONTROL_IN_LINES : CONTROL).exec(value);
  return c ? { code: c[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0'), at: c.index + 1 } : null;
}

/** The CLI's refusal of a control character in an option's value (`--reviewer "Maija\u001b[2J" holds …`), or null. */
export function controlProblem(option: string, value: string, { lines = false } = {}): string | null {
  const c = controlCharacter(value, { lines });
  return c && `${option} ${JSON.stringify(value)} holds a control character (U+${c.code} at character ${c.at}); give it ${lines ? '' : 'on one line '}without control characters`;
}

/** Every control character a terminal would obey, but the line feed and the tab that lay out what is printed. */
const OBEYED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Text for a terminal with each control character shown as `\uXXXX` (as the web's quoted values show them) rather
 * than obeyed: stored text from before the input checks, or a source's, printed raw cleared a screen or reversed a
 * line. Inside a JSON string the same six characters are the escape of the same character, so JSON stays JSON.
 */
export const shownControls = (text: string): string =>
  text.replace(OBEYED, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A line break of any kind: a stored one-line value's own breaks (a source's title) would start a line of their own. */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/gu;

/**
 * A stored one-line value (a title, an organisation) for an e-mail: its line breaks as spaces and its other control
 * characters shown as shownControls shows them. Sent as stored, a title's line break began a line of the plain-text
 * part that read like the message's own (`Peru tilaus: https://…`), and an escape, C1 or bidi override went to the
 * recipient's mail client.
 */
export const oneLineShown = (text: string): string => shownControls(text.replace(LINE_BREAK, ' '));
