// The filters the listing commands share (items, matters): --limit, --goal and --search, checked the same way.
import { createAnalyzer } from '../tag/analyze.js';
import { searchQuery } from '../tag/index-terms.js';
import { loadTaxonomy } from '../tag/taxonomy.js';
import { resolvePaths } from '../paths.js';
import { Refused } from './args.js';

export interface ListingValues {
  limit?: string;
  goal?: string;
  search?: string;
  feeds?: string;
}

/** The checked filters; a filter that cannot be used is refused, named. */
export function listingFilters(values: ListingValues, defaultLimit?: number): { limit: number | undefined; match: string | undefined } {
  // Digits only: Number() also reads 1e3, 0x10 and ' 5 ', which no one means as a count.
  const limit = values.limit === undefined ? defaultLimit : /^\d+$/.test(values.limit) ? Number(values.limit) : NaN;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) throw new Refused(`--limit must be a positive whole number, not "${values.limit}"`);
  if (values.goal !== undefined) {
    const goals = loadTaxonomy(resolvePaths(values).feedsDir).goals.map((g) => g.id);
    if (!goals.includes(values.goal)) throw new Refused(`unknown goal "${values.goal}" (goals: ${goals.join(', ')})`);
  }
  const match = values.search === undefined ? undefined : searchQuery(values.search, createAnalyzer());
  if (match === null) {
    const excluded = /(?:^|\s)[-\u2212][\p{L}"“”„]/u.test(values.search!) ? ' (a word after a minus is one to leave out: give one to find too)' : '';
    throw new Refused(`--search "${values.search}" has no words to search for${excluded}`);
  }
  return { limit, match };
}
