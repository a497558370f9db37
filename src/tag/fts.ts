// FTS5's query syntax, shared by the search query the tag stage derives and the store's prefix expansion.

/** A word as an FTS5 string: in double quotes, its own double quotes doubled. */
export const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** Whether the FTS5 string at `at` (`length` characters) is a word of a phrase joined with + (a quoted phrase's). */
export const inPhrase = (match: string, at: number, length: number): boolean =>
  match.startsWith(' +', at + length) || match.endsWith('+ ', at);
