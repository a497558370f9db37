// A search's page lists the same rows, in the same order and with the same marks, however the store reads them: a
// search alone is read from the full-text index by day and its first matches sorted in JavaScript (store/item-filter.ts
// readSearchPage), a search with another filter from its bounded matches sorted by SQLite (searchHits); both are the
// list of every match walked newest first.
import { describe, expect, it } from 'vitest';
import { get, servePages, useSeededSite } from './support.js';
import { listItems, type Db } from '../../src/store/index.js';
import { searchQuery } from '../../src/tag/index-terms.js';
import { createAnalyzer } from '../../src/tag/analyze.js';

let db: Db;
let site: Awaited<ReturnType<typeof servePages>>;

useSeededSite('reader', (s) => ({ db, site } = s));

/** The rows of a list page's table, as HTML. */
const rows = (html: string) => html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
const ids = (html: string) => [...html.matchAll(/<th scope="row"><a href="\/items\/(\d+)"/g)].map((m) => Number(m[1]));

describe('search page rows', () => {
  it.each(['pelastuslaki', 'rahoitus', 'hyvinvointialueiden rahoitus', 'pelastustoimen', 'räddningslagen', 'pela*', 'rädd*'])('%s: alone and with a filter that keeps every match, the same rows', async (q) => {
    const alone = (await get(`${site.base}/items?q=${encodeURIComponent(q)}`)).body;
    const filtered = (await get(`${site.base}/items?q=${encodeURIComponent(q)}&from=1990-01-01`)).body;
    expect(rows(alone)).not.toBe('');
    expect(rows(alone)).toBe(rows(filtered));
    // The list of every match walked newest first (the command line's query), the page's first 50.
    const match = searchQuery(q, createAnalyzer())!;
    expect(ids(alone)).toEqual(listItems(db, { match, limit: 50 }).map((r) => r.id));
    expect(alone).toMatch(/<mark>/);
  });
});
