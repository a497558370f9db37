// The flat YAML most source definitions are, read without the yaml library: `key: value` lines at the left margin,
// whole-line comments and blank lines, where a value is a plain word or phrase, a quoted string without escapes, or
// a one-line list of such words. A crawl of 200 plain feeds then neither loads the library nor runs its parser.
// For every text it accepts, the result is what the library's parseDocument(text).toJS() gives (YAML 1.2 core
// schema; test/config/flat-yaml.test.ts compares the two); anything else, and anything doubtful, is left to it.

import { parseId } from '../parse/id.js';

/** A key the library would also read as a plain string (null, true and the like would not be strings). */
const KEY = /^[A-Za-z][A-Za-z0-9]*$/;
/** Plain scalars the core schema reads as something other than a string, among those starting with a letter. */
const NOT_STRING: Record<string, unknown> = {
  null: null, Null: null, NULL: null, true: true, True: true, TRUE: true, false: false, False: false, FALSE: false,
};
/**
 * A plain scalar without indicators, comments, quotes, brackets or `: `, starting with a Latin letter or a digit.
 * (Narrow classes: a \p{L} pattern costs V8 a long compile when it first gets hot.)
 */
const PLAIN = /^[0-9A-Za-zÀ-ÖØ-öø-ɏ][^#'"[\]{}\t\\]*$/;

/** Characters outside YAML's printable set (besides tab and line breaks). */
const NOT_PRINTABLE = /[^\n\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\ud800-\udfff]/; // surrogates: a decoded file has only pairs

/** One plain scalar (in a list when `inList`), or undefined when it is not one this reader is sure of. */
function scalar(text: string, inList: boolean): unknown {
  if (!PLAIN.test(text) || text.includes(': ') || text.endsWith(':') || (inList && /[,:]/.test(text))) return undefined;
  if (/^\d/.test(text)) return parseId(text); // numbers and dates: the library's
  return Object.hasOwn(NOT_STRING, text) ? NOT_STRING[text] : text;
}

/** A value after `key: `, or undefined when the library must read it. */
function value(text: string): unknown {
  const quoted = /^"([^"\\]*)"$/.exec(text) ?? /^'([^']*)'$/.exec(text);
  if (quoted) return quoted[1];
  const list = /^\[(.*)\]$/.exec(text);
  if (!list) return scalar(text, false);
  if (list[1].trim() === '') return [];
  const items = list[1].split(',').map((t) => scalar(t.trim(), true));
  return items.every((i) => typeof i === 'string') ? items : undefined;
}

/** The mapping a flat definition holds, or undefined when the text is not that simple (the yaml library reads it). */
export function readFlatYaml(text: string): Record<string, unknown> | undefined {
  // Tabs, CR, a byte-order mark or any character YAML does not allow in a document: the library decides.
  if (/[\r\t\uFEFF]/.test(text) || NOT_PRINTABLE.test(text)) return undefined;
  const out: Record<string, unknown> = {};
  let keys = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const m = /^([^:\s]+): +(\S(?:.*\S)?) *$/.exec(line);
    if (!m || !KEY.test(m[1]) || Object.hasOwn(NOT_STRING, m[1]) || Object.hasOwn(out, m[1])) return undefined;
    const v = value(m[2]);
    if (v === undefined) return undefined;
    out[m[1]] = v;
    keys++;
  }
  return keys > 0 ? out : undefined;
}
