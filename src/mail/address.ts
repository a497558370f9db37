// What Lakivahti takes for an e-mail address: one mailbox, as a person types it.

const PART = String.raw`[^\s\p{Cc}@<>()[\],;:"\\]+`;
const ADDRESS = new RegExp(`^${PART}@${PART}\\.${PART}$`, 'u');

/**
 * Whether `text` is one address (`local@domain.tld`, at most 320 characters). What an address header reads as more
 * than one mailbox is refused: a name's angle brackets, a list's comma or semicolon, quotes, comments, a domain
 * literal's brackets, spaces and control characters (the mailer sent "x@example.fi>" to x@example.fi, so the address
 * stored and shown was not the one mailed).
 */
export function isMailAddress(text: string): boolean {
  return text.length <= 320 && ADDRESS.test(text);
}
