// The one rule for a number that names a stored row (item, matter, subscription, user) wherever a person or a link
// types it: digits only, no leading zero, at most 15 digits, so every one is exact. Number() read "1e1" as 10, "0x10"
// as 16 and " 7" as 7, and rounded a 20-digit number to another.

/** The rule as a pattern's source, for a larger pattern (an unsubscribe token: "12.AbC…"). */
export const ID_DIGITS = '[1-9]\\d{0,14}';

const ID = new RegExp(`^${ID_DIGITS}$`);

/** The number `text` names, or undefined when it is not one by the rule above. */
export function parseId(text: unknown): number | undefined {
  return typeof text === 'string' && ID.test(text) ? Number(text) : undefined;
}
