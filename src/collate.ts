// Two orders of text, chosen by what the order is for. localeCompare without a locale sorts by the process's LANG:
// under fi_FI or sv_SE å, ä and ö come after z, under C or en_US beside a and o, so a list, or a matter's title chosen
// by a tie-break, came out differently for a crawl started by cron than for one typed in a Finnish terminal.

/**
 * Finnish alphabetical order, whatever LANG: for lists people read. Swedish lists sort the same way (å, ä, ö after z;
 * ü as y; v and w apart), so one collator serves both languages.
 */
export const byFinnish = (a: string, b: string): number => (finnish ??= new Intl.Collator('fi')).compare(a, b);
/** Made at the first comparison: building it takes ~12 ms and ~3 MB (ICU's collation data), which every command
 * importing this file for byCodeUnit (a crawl reading its sources) paid at its start. */
let finnish: Intl.Collator | undefined;

/** UTF-16 code-unit order: for sorting that only has to come out the same everywhere (dates, ids, keys, tie-breaks). */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
