// Control characters in what people type (a script's variable, a pasted escape, a crafted form): no stored text holds
// one, and stored they broke one-line listings and reached terminals and e-mails as they were. How stored text shows
// them on a terminal or a line of stderr: src/shown-controls.ts.
import { shownControls } from '../shown-controls.js';

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

/** A line break of any kind: a stored one-line value's own breaks (a source's title) would start a line of their own. */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/gu;

/**
 * A stored one-line value (a title, an organisation) for an e-mail: its line breaks as spaces and its other control
 * characters shown as shownControls shows them. Sent as stored, a title's line break began a line of the plain-text
 * part that read like the message's own (`Peru tilaus: https://…`), and an escape, C1 or bidi override went to the
 * recipient's mail client.
 */
export const oneLineShown = (text: string): string => shownControls(text.replace(LINE_BREAK, ' '));

/** First-strong isolate and pop directional isolate: text between them takes its own direction and moves nothing around it. */
const FSI = '\u2068';
const PDI = '\u2069';
/** A right-to-left letter: Hebrew, Arabic, Syriac, Thaana, N'Ko and the rest to U+08FF, their presentation forms, and the right-to-left blocks beyond the BMP. */
const RTL_LETTER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** Text already shown for a terminal (shownControls, inlineTitle): terminalLine takes it as it is. */
export class Shown {
  constructor(readonly text: string) {}
}

/**
 * A stored title inline in a line for a terminal, shown as shownControls shows it and, when it holds a right-to-left
 * letter, set apart (FSI … PDI) as the web's and the mail's titles are: printed bare, an Arabic or Hebrew title took the
 * quotes, arrow and numbers beside it into its direction (`"OLD" → "NEW"` read backwards, a deadline after a Hebrew
 * title moved in front of it). Other titles are printed as they were, so a line stays what a script greps for.
 */
export function inlineTitle(title: string): Shown {
  const shown = shownControls(title);
  return new Shown(RTL_LETTER.test(shown) && !/[\t\n]/.test(shown) ? `${FSI}${shown}${PDI}` : shown);
}

/**
 * A line for a terminal (the tag of a template): every value in it shown as shownControls shows it, a Shown one as it is.
 * Its isolates are its own, so it is bytes, which the neutraliser of standard output (src/cli/main.ts) passes as they
 * are: it shows every isolate in a string as \u2068, a stored one included.
 */
export function terminalLine(strings: TemplateStringsArray, ...values: unknown[]): Buffer {
  let line = strings[0];
  values.forEach((v, i) => (line += (v instanceof Shown ? v.text : shownControls(String(v))) + strings[i + 1]));
  return Buffer.from(line);
}
