// FTS5's query syntax, shared by the search query the tag stage derives and the store's prefix expansion.

/** A word as an FTS5 string: in double quotes, its own double quotes doubled. */
export const ftsString = (s: string): string => `"${s.replace(/"/g, '""')}"`;
