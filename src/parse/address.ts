// What Lakivahti takes for an e-mail address: one mailbox, as a person types it.
import { domainToASCII, domainToUnicode } from 'node:url';

// No format character (\p{Cf}: a zero-width space, a soft hyphen, a bidirectional mark or override, a byte order mark):
// pasted with an address, it is invisible on the page, and the mail server refused the mailbox it made.
const PART = String.raw`[^\s\p{Cc}\p{Cf}@<>()[\],;:"\\]+`;
const ADDRESS = new RegExp(`^${PART}@${PART}\\.${PART}$`, 'u');
/** A sender's address may be on a domain without a dot (the default lakivahti@localhost, an internal relay's). */
const SENDER = new RegExp(`^${PART}@${PART}$`, 'u');

/**
 * Whether `text` is one address (`local@domain.tld`, at most 320 characters). What an address header reads as more
 * than one mailbox is refused: a name's angle brackets, a list's comma or semicolon, quotes, comments, a domain
 * literal's brackets, spaces and control characters (the mailer sent "x@example.fi>" to x@example.fi, so the address
 * stored and shown was not the one mailed). The domain as canonicalAddress reads it.
 */
export function isMailAddress(text: string): boolean {
  return canonicalAddress(text) !== undefined;
}

/**
 * Why `text` is not an e-mail address, in the words the CLI and the subscription form use ("\"x\" is not an e-mail
 * address", with what is wrong when it is an invisible formatting character), or null when it is one (isMailAddress).
 */
export function notAnAddress(text: string): string | null {
  if (isMailAddress(text)) return null;
  const invisible = invisibleInAddress(text);
  return `${JSON.stringify(text)} is not an e-mail address${invisible === null ? '' : `: ${invisible}`}`;
}

/** What an invisible formatting character in a typed address is said as (its code and place), or null when it has none. */
export function invisibleInAddress(text: string): string | null {
  const c = invisibleCharacter(text);
  return c && `it holds an invisible formatting character (U+${c.code} at character ${c.at}), as text pasted from a web page or a document may; type the address again`;
}

/** The first invisible formatting character (\p{Cf}) in `text`, which no address holds: its code in hex, its place counted from 1. */
export function invisibleCharacter(text: string): { code: string; at: number } | null {
  const c = /\p{Cf}/u.exec(text);
  return c ? { code: c[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'), at: c.index + 1 } : null;
}

/**
 * The address as stored, or undefined when it is none (one mailbox, as isMailAddress says, its local part at most 64
 * octets with no dot first, last or twice in a row, on a domain whose every label has letters and neither begins nor
 * ends with a hyphen). An international domain is kept in one spelling, its own letters in lower case (IDNA): `pelastus@ÄÄNEKOSKI.FI` and `pelastus@xn--nekoski-4waa.fi` are the mailbox `pelastus@äänekoski.fi`,
 * which the mailer sends to (the stored addresses' NOCASE folds ASCII letters only, so the network digest went to one
 * mailbox twice). A domain in ASCII letters is kept as typed.
 */
export function canonicalAddress(text: string): string | undefined {
  const typed = text.trim();
  if (typed.length > 320 || !ADDRESS.test(typed)) return undefined;
  const at = typed.lastIndexOf('@');
  // RFC 5322's dot-atom: dots only between the local part's atoms (`a..b@`, `.a@`, `a.@` are refused by SMTP servers,
  // which paused the subscription after its first 5xx), and RFC 5321's 64 octets at most.
  const local = typed.slice(0, at);
  if (/^\.|\.\.|\.$/.test(local) || Buffer.byteLength(local) > 64) return undefined;
  let domain = typed.slice(at + 1);
  if (/[^\x00-\x7f]|(?:^|\.)xn--/i.test(domain)) {
    const ascii = domainToASCII(domain);
    if (!ascii) return undefined; // not a domain IDNA can spell (a broken xn-- label)
    domain = domainToUnicode(ascii);
  }
  if (domain.split('.').some((label) => !label || label.startsWith('-') || label.endsWith('-'))) return undefined;
  return `${typed.slice(0, at)}@${domain}`;
}

/**
 * The sender's address written as LAKIVAHTI_MAIL_FROM is: `Name <address>` or the address alone, one mailbox, the name
 * free of what a header would read as more (angle brackets, quotes, a list's comma or semicolon). Undefined when it is
 * not one such: the mailer sent "ei osoite" with no From header and an empty envelope sender.
 */
export function senderAddress(text: string): { name: string; address: string } | undefined {
  const named = /^([^<>",;\p{Cc}]*)<([^<>]*)>$/u.exec(text.trim());
  const [name, address] = named ? [named[1].trim(), named[2].trim()] : ['', text.trim()];
  return address.length <= 320 && SENDER.test(address) ? { name, address } : undefined;
}
